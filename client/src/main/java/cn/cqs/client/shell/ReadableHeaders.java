package cn.cqs.client.shell;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.util.Callback;

/**
 * Keeps every column header of a table readable (表头不截断): once the table is shown, each leaf
 * column's minimum width becomes the width its header text needs, so a narrow window or a longer
 * language gives the table a horizontal scroll bar instead of headers cut to "有投…" or "Late uplo…".
 * A constrained resize policy cannot scroll, so while the columns need more than the table's width the
 * table is unconstrained, and gets its own policy back once it is wide enough again.
 * Screens are rebuilt when the language changes, so measuring once per shown table is enough.
 */
public final class ReadableHeaders {
    private static final Object OWN_POLICY = new Object();

    private ReadableHeaders() {
    }

    /** Measures the headers of {@code table} as soon as it has a skin (and again on a later skin). */
    public static <S> void keep(TableView<S> table) {
        table.widthProperty().addListener((obs, old, width) -> choosePolicy(table));
        table.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null) {
                Platform.runLater(() -> {
                    fit(table);
                    choosePolicy(table);
                });
            }
        });
    }

    /**
     * The table's own policy (the one it had when first laid out) while its columns fit, otherwise
     * unconstrained (scrolls sideways).
     */
    @SuppressWarnings("unchecked")
    static <S> void choosePolicy(TableView<S> table) {
        Callback<TableView.ResizeFeatures, Boolean> own = (Callback<TableView.ResizeFeatures, Boolean>) table
                .getProperties().computeIfAbsent(OWN_POLICY, k -> table.getColumnResizePolicy());
        double needed = 0;
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            needed += column.getMinWidth();
        }
        // the vertical scroll bar and the borders take about 20 px of the width
        boolean fits = needed <= table.getWidth() - 20;
        Callback<TableView.ResizeFeatures, Boolean> wanted = fits ? own : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getColumnResizePolicy() != wanted) {
            table.setColumnResizePolicy(wanted);
        }
    }

    /** Raises each leaf column's minimum (and if smaller, preferred) width to its header's text width. */
    static void fit(TableView<?> table) {
        if (table.getScene() == null) {
            return;
        }
        table.applyCss();
        table.layout();
        for (Node node : table.lookupAll(".column-header")) {
            if (!(node instanceof TableColumnHeader header)) {
                continue;
            }
            TableColumnBase<?, ?> column = header.getTableColumn();
            if (column == null || !column.getColumns().isEmpty() || !column.isVisible()) {
                continue;
            }
            Node label = header.lookup(".label");
            if (!(label instanceof Label text)) {
                continue;
            }
            double needed = Math.ceil(text.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()) + 2;
            if (column.getMinWidth() < needed) {
                column.setMinWidth(needed);
            }
            if (column.getPrefWidth() < needed) {
                column.setPrefWidth(needed);
            }
        }
    }
}
