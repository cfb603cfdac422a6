package cn.cqs.client.batches.trace;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import cn.cqs.contract.batches.trace.TracedLot;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * 批次追溯, built in code: the serial number bar (typed, or read from a QR label picture), then either
 * a plain message (loading with progress, not found or no access, server unreachable) or the trace:
 * the batch and its mix design side by side, the material lots with their test reports and
 * conclusions, and the linked cube reports with 打开 PDF, 关联试块报告… and 取消关联. Enter or a
 * double click on a row opens its report. Only binds to {@link BatchTraceViewModel}.
 */
public final class BatchTraceView {
    private static final String FAILING = "-fx-text-fill: #b3261e; -fx-font-weight: bold;";

    private BatchTraceView() {
    }

    public static Parent create(BatchTraceViewModel vm) {
        TextField serial = new TextField();
        serial.setId("traceSerial");
        serial.setPromptText(Localization.get("trace.serial.prompt"));
        serial.setPrefColumnCount(22);
        serial.textProperty().bindBidirectional(vm.serialTextProperty());
        serial.setOnAction(e -> vm.load());
        Button query = new Button(Localization.get("trace.query"));
        query.setId("traceQueryButton");
        query.disableProperty().bind(vm.busyProperty());
        query.setOnAction(e -> vm.load());
        Button label = new Button(Localization.get("trace.label.button"));
        label.setId("traceLabelButton");
        label.disableProperty().bind(vm.busyProperty());
        label.setOnAction(e -> vm.readSerialFromLabel());
        Label status = new Label();
        status.setId("traceStatus");
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.stateProperty().get() == TraceState.SHOWN
                ? vm.messageProperty().get() : "", vm.stateProperty(), vm.messageProperty()));
        FlowPane bar = new FlowPane(8, 8, new Label(Localization.get("trace.serial")), serial, query, label, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 10, 6, 10));

        // the plain message in place of the trace
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(36, 36);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label message = new Label();
        message.setId("traceMessage");
        message.setWrapText(true);
        message.setMaxWidth(760);
        message.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        message.textProperty().bind(vm.messageProperty());
        message.styleProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case NOT_FOUND, UNREACHABLE, FAILED, INVALID -> "-fx-font-size: 15px; -fx-text-fill: #b3261e;";
            default -> "-fx-font-size: 15px; -fx-text-fill: #444444;";
        }, vm.stateProperty()));
        VBox messagePane = new VBox(12, progress, message);
        messagePane.setId("traceMessagePane");
        messagePane.setAlignment(Pos.CENTER);
        messagePane.setPadding(new Insets(40));

        Node content = traceContent(vm);
        StackPane centre = new StackPane(content, messagePane);
        content.visibleProperty().bind(vm.stateProperty().isEqualTo(TraceState.SHOWN));
        messagePane.visibleProperty().bind(content.visibleProperty().not());

        BorderPane root = new BorderPane(centre);
        root.setTop(bar);
        root.setId("batchTraceScreen");
        root.getProperties().put(BatchTraceViewModel.class, vm);
        return root;
    }

    private static Node traceContent(BatchTraceViewModel vm) {
        TitledPane batch = section("trace.section.batch", grid("traceBatchLines", vm.batchLines()));
        Button trial = new Button(Localization.get("trace.openTrialPdf"));
        trial.setId("traceTrialPdfButton");
        trial.disableProperty().bind(vm.canOpenTrialReportProperty().not());
        trial.setOnAction(e -> vm.openTrialReport());
        VBox mixBox = new VBox(8, grid("traceMixLines", vm.mixLines()), trial);
        TitledPane mix = section("trace.section.mix", mixBox);
        HBox top = new HBox(10, batch, mix);
        HBox.setHgrow(batch, Priority.ALWAYS);
        batch.setMaxWidth(Double.MAX_VALUE);
        mix.setPrefWidth(380);
        mix.setMinWidth(320);
        batch.setMaxHeight(Double.MAX_VALUE);
        mix.setMaxHeight(Double.MAX_VALUE);

        TableView<TracedLot> lots = new TableView<>(vm.lots());
        lots.setId("traceLots");
        lots.setPlaceholder(new Label(Localization.get("trace.lots.empty")));
        lots.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lots.getColumns().add(column("trace.lots.kind", 80, l -> TraceTexts.material(l.kind())));
        lots.getColumns().add(column("trace.lots.lotId", 150, TracedLot::lotId));
        lots.getColumns().add(column("trace.lots.specification", 120, l -> TraceTexts.text(l.specification())));
        lots.getColumns().add(column("trace.lots.manufacturer", 170, l -> TraceTexts.text(l.manufacturer())));
        lots.getColumns().add(column("trace.lots.lotNumber", 110, l -> TraceTexts.text(l.lotNumber())));
        lots.getColumns().add(column("trace.lots.report", 160, l -> l.testReportNumber() == null
                ? Localization.get("trace.lots.noReport") : l.testReportNumber()
                + (l.testReportId() == null ? " " + Localization.get("trace.notInSystem") : "")));
        lots.getColumns().add(conclusionColumn("trace.lots.conclusion", 90, TracedLot::testReportConclusion));
        bindSelection(lots, vm.selectedLotProperty());
        openOnEnterOrDoubleClick(lots, vm::openLotReport);
        Button lotPdf = new Button(Localization.get("trace.openPdf"));
        lotPdf.setId("traceLotPdfButton");
        lotPdf.disableProperty().bind(vm.canOpenLotReportProperty().not());
        lotPdf.setOnAction(e -> vm.openLotReport(vm.selectedLotProperty().get()));
        VBox lotsBox = new VBox(6, toolbar(lotPdf), lots);
        VBox.setVgrow(lots, Priority.ALWAYS);
        TitledPane lotsPane = section("trace.section.lots", lotsBox);

        TableView<TracedCubeReport> reports = new TableView<>(vm.cubeReports());
        reports.setId("traceCubeReports");
        reports.setPlaceholder(new Label(Localization.get("trace.reports.empty")));
        reports.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        reports.getColumns().add(column("trace.reports.number", 150, TracedCubeReport::reportNumber));
        reports.getColumns().add(column("trace.reports.lab", 150, TracedCubeReport::labName));
        reports.getColumns().add(column("trace.reports.part", 110, r -> TraceTexts.text(r.projectPart())));
        reports.getColumns().add(column("trace.reports.grade", 60, TracedCubeReport::designGrade));
        reports.getColumns().add(column("trace.reports.strength", 100, r -> TraceTexts.decimal(r.representativeStrengthMpa())));
        reports.getColumns().add(conclusionColumn("trace.reports.conclusion", 70, TracedCubeReport::conclusion));
        reports.getColumns().add(column("trace.reports.status", 60, r -> TraceTexts.status(r.status())));
        reports.getColumns().add(column("trace.reports.linkedBy", 150, TracedCubeReport::linkedByOrganisationName));
        reports.getColumns().add(column("trace.reports.linkedAt", 120, r -> TraceTexts.time(r.linkedAt())));
        bindSelection(reports, vm.selectedReportProperty());
        openOnEnterOrDoubleClick(reports, vm::openCubeReport);
        Button reportPdf = new Button(Localization.get("trace.openPdf"));
        reportPdf.setId("traceReportPdfButton");
        reportPdf.disableProperty().bind(vm.canOpenReportProperty().not());
        reportPdf.setOnAction(e -> vm.openCubeReport(vm.selectedReportProperty().get()));
        Button link = new Button(Localization.get("trace.link.button"));
        link.setId("traceLinkButton");
        link.visibleProperty().bind(vm.mayLinkProperty());
        link.managedProperty().bind(link.visibleProperty());
        link.setOnAction(e -> vm.linkCubeReports());
        Button unlink = new Button(Localization.get("trace.unlink.button"));
        unlink.setId("traceUnlinkButton");
        unlink.disableProperty().bind(vm.canUnlinkProperty().not());
        unlink.setOnAction(e -> vm.unlinkSelected());
        Label linkMessage = new Label();
        linkMessage.setId("traceLinkMessage");
        linkMessage.textProperty().bind(vm.linkMessageProperty());
        linkMessage.setStyle("-fx-text-fill: #1f3a5f;");
        VBox reportsBox = new VBox(6, toolbar(reportPdf, link, unlink, linkMessage), reports);
        VBox.setVgrow(reports, Priority.ALWAYS);
        TitledPane reportsPane = section("trace.section.reports", reportsBox);

        VBox content = new VBox(8, top, lotsPane, reportsPane);
        VBox.setVgrow(lotsPane, Priority.ALWAYS);
        VBox.setVgrow(reportsPane, Priority.ALWAYS);
        lotsPane.setMaxHeight(Double.MAX_VALUE);
        reportsPane.setMaxHeight(Double.MAX_VALUE);
        content.setPadding(new Insets(0, 10, 10, 10));
        return content;
    }

    private static TitledPane section(String key, Node content) {
        TitledPane pane = new TitledPane(Localization.get(key), content);
        pane.setCollapsible(false);
        return pane;
    }

    private static HBox toolbar(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Label/value pairs in two pairs per line. */
    private static GridPane grid(String id, ObservableList<BatchTraceViewModel.Line> lines) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(10);
        grid.setVgap(5);
        int pairs = id.equals("traceMixLines") ? 1 : 2;
        for (int i = 0; i < pairs; i++) {
            ColumnConstraints labelColumn = new ColumnConstraints();
            labelColumn.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints valueColumn = new ColumnConstraints();
            valueColumn.setHgrow(Priority.ALWAYS);
            valueColumn.setMinWidth(80);
            grid.getColumnConstraints().addAll(labelColumn, valueColumn);
        }
        String colon = Localization.language() == cn.cqs.client.i18n.AppLanguage.ENGLISH ? ":" : "：";
        Runnable fill = () -> {
            grid.getChildren().clear();
            for (int i = 0; i < lines.size(); i++) {
                BatchTraceViewModel.Line line = lines.get(i);
                Label name = new Label(line.label() + colon);
                name.setStyle("-fx-text-fill: #555555;");
                Label value = new Label(line.value());
                value.setWrapText(true);
                value.setStyle("-fx-text-fill: #1a1a1a;");
                int row = i / pairs;
                int col = (i % pairs) * 2;
                grid.add(name, col, row);
                grid.add(value, col + 1, row);
            }
        };
        lines.addListener((javafx.collections.ListChangeListener<BatchTraceViewModel.Line>) c -> fill.run());
        fill.run();
        return grid;
    }

    private static <T> void bindSelection(TableView<T> table, javafx.beans.property.ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selected.set(b));
        selected.addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                if (b == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(b);
                }
            }
        });
    }

    private static <T> void openOnEnterOrDoubleClick(TableView<T> table, Consumer<T> open) {
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
    }

    private static <S> TableColumn<S, String> column(String key, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(TraceTexts.text(value.apply(cell.getValue()))));
        return c;
    }

    /** A conclusion in words, failing ones in red. */
    private static <S> TableColumn<S, String> conclusionColumn(String key, double width, Function<S, String> conclusion) {
        TableColumn<S, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(conclusion.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : TraceTexts.conclusion(item));
                setStyle(!empty && TraceTexts.failing(item) ? FAILING : "");
            }
        });
        return c;
    }
}
