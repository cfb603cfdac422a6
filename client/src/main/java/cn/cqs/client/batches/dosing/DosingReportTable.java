package cn.cqs.client.batches.dosing;

import cn.cqs.client.shell.ReadableHeaders;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.MaterialKind;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The deviation report as a table (偏差报告): a line per plate and the cumulative line (bold), a
 * column per material; a cell out of tolerance, missing or outside the design is red. Below it the
 * conclusion. Only binds to the lines and materials a view model holds.
 */
public final class DosingReportTable {
    /** Style of a finding cell. */
    public static final String FINDING_STYLE = "-fx-background-color: #f9d6d5; -fx-text-fill: #b3261e; -fx-font-weight: bold;";

    private DosingReportTable() {
    }

    public static VBox create(String id, ObservableList<DosingReportLines.Line> lines,
                              ObservableList<MaterialKind> materials, ObservableStringValue conclusion) {
        TableView<DosingReportLines.Line> table = new TableView<>(lines);
        ReadableHeaders.keep(table);
        table.setId(id);
        table.setPlaceholder(new Label(Localization.get("dosing.report.empty")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable columns = () -> {
            table.getColumns().clear();
            table.getColumns().add(text("dosing.report.column.plate", 60, DosingReportLines.Line::label));
            table.getColumns().add(text("dosing.report.column.time", 110, DosingReportLines.Line::time));
            table.getColumns().add(text("dosing.report.column.volume", 75, DosingReportLines.Line::volume));
            for (MaterialKind kind : materials) {
                table.getColumns().add(material(kind));
            }
        };
        columns.run();
        materials.addListener((ListChangeListener<MaterialKind>) c -> columns.run());
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(DosingReportLines.Line line, boolean empty) {
                super.updateItem(line, empty);
                setStyle(line != null && line.cumulative() ? "-fx-font-weight: bold; -fx-background-color: #eef2f7;" : "");
            }
        });
        Label verdict = new Label();
        verdict.setId(id + "Conclusion");
        verdict.setWrapText(true);
        verdict.textProperty().bind(conclusion);
        verdict.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(6, table, verdict);
        box.setPadding(new Insets(4, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static TableColumn<DosingReportLines.Line, String> text(String key, double width,
                                                                   java.util.function.Function<DosingReportLines.Line, String> value) {
        TableColumn<DosingReportLines.Line, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<DosingReportLines.Line, DosingReportLines.Cell> material(MaterialKind kind) {
        TableColumn<DosingReportLines.Line, DosingReportLines.Cell> c =
                new TableColumn<>(DosingReportLines.material(kind));
        c.setId("material-" + kind.name());
        c.setPrefWidth(140);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().cell(kind)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(DosingReportLines.Cell item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                setStyle(!empty && item != null && item.finding() ? FINDING_STYLE : "-fx-alignment: CENTER-RIGHT;");
                getStyleClass().remove("dosing-finding");
                if (!empty && item != null && item.finding()) {
                    getStyleClass().add("dosing-finding");
                }
            }
        });
        return c;
    }
}
