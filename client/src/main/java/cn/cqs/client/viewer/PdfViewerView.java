package cn.cqs.client.viewer;

import cn.cqs.client.i18n.Localization;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;

/**
 * The PDF viewer's controls, built in code: a tool bar (first, previous, page n / m, next, last;
 * zoom out, the zoom, zoom in, fit width, 100 %; then any extra tools such as 打印) above the page
 * in a scroll pane. Keys: PgUp/PgDn pages, Home/End first and last page, Ctrl+plus/minus zoom,
 * Ctrl+0 100 %. Binds to {@link PdfViewerViewModel} only.
 */
public final class PdfViewerView {
    private PdfViewerView() {
    }

    /**
     * @param zoomControls false for the print preview, which always shows 100 %
     * @param extraTools   further tool bar items, right of the zoom
     */
    public static BorderPane create(PdfViewerViewModel vm, boolean zoomControls, List<Node> extraTools) {
        Button first = button("viewerFirst", "|◀", "viewer.page.first", vm::firstPage);
        Button previous = button("viewerPrevious", "◀", "viewer.page.previous", vm::previousPage);
        Button next = button("viewerNext", "▶", "viewer.page.next", vm::nextPage);
        Button last = button("viewerLast", "▶|", "viewer.page.last", vm::lastPage);
        Label page = new Label();
        page.setId("viewerPageLabel");
        page.setMinWidth(Pane.USE_PREF_SIZE);
        page.textProperty().bind(vm.pageLabelProperty());
        var noDocument = vm.hasDocumentProperty().not();
        first.disableProperty().bind(noDocument.or(vm.pageIndexProperty().isEqualTo(0)));
        previous.disableProperty().bind(first.disableProperty());
        last.disableProperty().bind(noDocument.or(vm.pageIndexProperty().greaterThanOrEqualTo(
                vm.pageCountProperty().subtract(1))));
        next.disableProperty().bind(last.disableProperty());

        ToolBar bar = new ToolBar(first, previous, page, next, last);
        if (zoomControls) {
            Button out = button("viewerZoomOut", "−", "viewer.zoom.out", vm::zoomOut);
            Button in = button("viewerZoomIn", "+", "viewer.zoom.in", vm::zoomIn);
            Label zoom = new Label();
            zoom.setId("viewerZoomLabel");
            zoom.setMinWidth(Pane.USE_PREF_SIZE);
            zoom.textProperty().bind(vm.zoomLabelProperty());
            Button fit = new Button(Localization.get("viewer.zoom.fitWidth"));
            fit.setId("viewerFitWidth");
            fit.setOnAction(e -> vm.fitWidth());
            Button actual = new Button(Localization.get("viewer.zoom.actual"));
            actual.setId("viewerActualSize");
            actual.setTooltip(new Tooltip(Localization.get("viewer.zoom.actualTip")));
            actual.setOnAction(e -> vm.actualSize());
            for (Button b : List.of(out, in, fit, actual)) {
                b.disableProperty().bind(noDocument);
            }
            bar.getItems().addAll(new Separator(), out, zoom, in, fit, actual);
        }
        if (!extraTools.isEmpty()) {
            bar.getItems().add(new Separator());
            bar.getItems().addAll(extraTools);
        }

        ImageView view = new ImageView();
        view.setId("viewerImage");
        view.imageProperty().bind(vm.imageProperty());
        view.setEffect(new DropShadow(8, javafx.scene.paint.Color.gray(0, 0.35)));
        view.visibleProperty().bind(vm.imageProperty().isNotNull().and(vm.failedProperty().not()));
        StackPane pagePane = new StackPane(view);
        pagePane.setPadding(new Insets(12));
        pagePane.setAlignment(Pos.TOP_CENTER);
        pagePane.getStyleClass().add("pdf-page-area");
        pagePane.setStyle("-fx-background-color: #8a8f96;");
        ScrollPane scroll = new ScrollPane(pagePane);
        scroll.setId("viewerScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setPannable(true);
        scroll.setStyle("-fx-background: #8a8f96; -fx-background-color: #8a8f96;");
        scroll.viewportBoundsProperty().addListener((o, a, b) -> vm.viewportWidthProperty().set(b.getWidth()));

        Label message = new Label();
        message.setId("viewerMessage");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.setStyle("-fx-background-color: white; -fx-padding: 14 18; -fx-background-radius: 4;"
                + "-fx-font-size: 1.05em;");
        vm.failedProperty().addListener((o, a, b) -> message.setStyle(message.getStyle()
                .replace("-fx-text-fill: #b00020;", "") + (b ? "-fx-text-fill: #b00020;" : "")));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(36, 36);
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.setMouseTransparent(true);
        StackPane center = new StackPane(scroll, message, progress);
        StackPane.setAlignment(progress, Pos.TOP_RIGHT);
        StackPane.setMargin(progress, new Insets(12, 24, 0, 0));

        BorderPane root = new BorderPane(center);
        root.setTop(bar);
        root.setId("pdfViewer");
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean handled = true;
            if (e.getCode() == KeyCode.PAGE_DOWN) {
                vm.nextPage();
            } else if (e.getCode() == KeyCode.PAGE_UP) {
                vm.previousPage();
            } else if (e.getCode() == KeyCode.HOME && e.isShortcutDown()) {
                vm.firstPage();
            } else if (e.getCode() == KeyCode.END && e.isShortcutDown()) {
                vm.lastPage();
            } else if (zoomControls && e.isShortcutDown()
                    && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD)) {
                vm.zoomIn();
            } else if (zoomControls && e.isShortcutDown()
                    && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
                vm.zoomOut();
            } else if (zoomControls && e.isShortcutDown() && (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0)) {
                vm.actualSize();
            } else {
                handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
        double dpi = Screen.getPrimary().getDpi();
        if (dpi >= 48 && dpi <= 480) {
            vm.screenDpiProperty().set(dpi);
        }
        BorderPane.setMargin(center, Insets.EMPTY);
        javafx.scene.layout.VBox.setVgrow(root, Priority.ALWAYS);
        return root;
    }

    private static Button button(String id, String symbol, String tooltipKey, Runnable action) {
        Button b = new Button(symbol);
        b.setId(id);
        b.setTooltip(new Tooltip(Localization.get(tooltipKey)));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
