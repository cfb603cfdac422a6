package cn.cqs.client.batches.plants;

import cn.cqs.client.shell.ReadableHeaders;
import cn.cqs.client.batches.dosing.DosingReportTable;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.supervision.DosingSeriesPoint;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;

/**
 * 搅拌站投料监管, built in code: the period, the per-plant table (figures out of the ordinary in
 * red), a stacked bar chart of the batches per day or week (within tolerance, out of tolerance,
 * missing data) for the jurisdiction or the selected plant, and the drill-down: the plant's
 * batches and the selected batch's deviation report. Only binds to {@link PlantDosingViewModel}.
 */
public final class PlantDosingView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private PlantDosingView() {
    }

    public static Parent create(PlantDosingViewModel vm) {
        DatePicker from = datePicker("plantsFromPicker");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = datePicker("plantsToPicker");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button query = new Button(Localization.get("plants.query"));
        query.setId("plantsQueryButton");
        query.setDefaultButton(true);
        query.disableProperty().bind(vm.busyProperty());
        query.setOnAction(e -> vm.load());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("plantsStatus");
        status.textProperty().bind(vm.statusProperty());
        Label periodError = new Label();
        periodError.setStyle("-fx-text-fill: #b3261e;");
        periodError.textProperty().bind(vm.periodErrorProperty());
        FlowPane bar = new FlowPane(8, 8, new Label(Localization.get("plants.period")), from,
                new Label(Localization.get("plants.periodTo")), to, query, progress, status, periodError);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10));

        TableView<PlantDosingRow> plants = new TableView<>(vm.plants());
        ReadableHeaders.keep(plants);
        plants.setId("plantsTable");
        plants.setPlaceholder(new Label(Localization.get("plants.empty")));
        plants.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        plants.getColumns().add(text("plants.column.plant", 220, PlantDosingRow::plantName));
        plants.getColumns().add(number("plants.column.batches", PlantDosingRow::batches, false));
        plants.getColumns().add(number("plants.column.withData", PlantDosingRow::withData, false));
        plants.getColumns().add(number("plants.column.within", PlantDosingRow::withinTolerance, false));
        plants.getColumns().add(number("plants.column.out", PlantDosingRow::outOfTolerance, true));
        plants.getColumns().add(number("plants.column.missingData", PlantDosingRow::missingData, true));
        plants.getColumns().add(number("plants.column.late", PlantDosingRow::lateNotifications, true));
        plants.getColumns().add(number("plants.column.missingNotifications", PlantDosingRow::missingNotifications, true));
        plants.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedPlantProperty().set(b));

        CategoryAxis days = new CategoryAxis();
        NumberAxis count = new NumberAxis();
        count.setLabel(Localization.get("plants.chart.axis"));
        count.setMinorTickVisible(false);
        count.setTickLabelFormatter(new NumberAxis.DefaultFormatter(count) {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }
        });
        StackedBarChart<String, Number> chart = new StackedBarChart<>(days, count);
        chart.setId("plantsChart");
        chart.setAnimated(false);
        chart.setMinHeight(220);
        // a quarter of each day's width between bars: the default fixed 10 px left no bar at all once 30 days
        // shared a narrow chart (about 10 px a day)
        chart.categoryGapProperty().bind(days.categorySpacingProperty().multiply(0.25));
        // within tolerance green, out of tolerance red, missing data grey (the series' order in draw)
        chart.setStyle("CHART_COLOR_1: #43a047; CHART_COLOR_2: #d32f2f; CHART_COLOR_3: #9e9e9e;");
        chart.titleProperty().bind(vm.seriesTitleProperty());
        vm.series().addListener((ListChangeListener<DosingSeriesPoint>) c -> draw(vm, chart));

        CheckBox outOnly = new CheckBox(Localization.get("plants.outOnly"));
        outOnly.setId("plantsOutOnly");
        outOnly.selectedProperty().bindBidirectional(vm.outOfToleranceOnlyProperty());
        TableView<SupervisedBatch> batches = new TableView<>(vm.batches());
        ReadableHeaders.keep(batches);
        batches.setId("plantBatchesTable");
        batches.setPlaceholder(new Label(Localization.get("plants.batches.empty")));
        batches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        batches.getColumns().add(batchText("plants.batches.serialNumber", 190, SupervisedBatch::serialNumber));
        batches.getColumns().add(batchText("plants.batches.day", 90, b -> b.productionDay().toString()));
        batches.getColumns().add(batchText("plants.batches.project", 180, SupervisedBatch::projectName));
        batches.getColumns().add(batchText("plants.batches.pourLocation", 130, SupervisedBatch::pourLocation));
        batches.getColumns().add(batchText("plants.batches.dosing", 90, b -> PlantDosingViewModel.stateText(b.dosingState())));
        batches.getColumns().add(batchText("plants.batches.start", 80, b -> PlantDosingViewModel.stateText(b.startNotification())));
        batches.getColumns().add(batchText("plants.batches.end", 80, b -> PlantDosingViewModel.stateText(b.endNotification())));
        batches.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedBatchProperty().set(b);
            }
        });
        vm.selectedBatchProperty().addListener((o, a, b) -> {
            if (b != null && b != batches.getSelectionModel().getSelectedItem()) {
                batches.getSelectionModel().select(b);
            }
        });
        Button trace = new Button(Localization.get("trace.plants.trace"));
        trace.setId("plantsTraceButton");
        trace.setVisible(vm.canTrace());
        trace.setManaged(vm.canTrace());
        trace.disableProperty().bind(vm.selectedBatchProperty().isNull());
        trace.setOnAction(e -> vm.traceSelected());
        batches.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && vm.canTrace()) {
                vm.traceSelected();
                e.consume();
            }
        });
        batches.setRowFactory(t -> {
            javafx.scene.control.TableRow<SupervisedBatch> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()
                        && vm.canTrace()) {
                    vm.traceSelected();
                }
            });
            return row;
        });
        javafx.scene.layout.HBox batchBar = new javafx.scene.layout.HBox(12, outOnly, trace);
        batchBar.setAlignment(Pos.CENTER_LEFT);
        VBox batchBox = new VBox(6, batchBar, batches);
        VBox.setVgrow(batches, Priority.ALWAYS);
        VBox report = DosingReportTable.create("plantsReport", vm.reportLines(), vm.reportMaterials(),
                vm.conclusionProperty());
        SplitPane drill = new SplitPane(batchBox, report);
        drill.setDividerPositions(0.5);

        SplitPane upper = new SplitPane(plants, chart);
        upper.setDividerPositions(0.55);
        SplitPane centre = new SplitPane(upper, drill);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.5);
        centre.setPadding(new Insets(0, 10, 10, 10));
        BorderPane root = new BorderPane(centre);
        root.setTop(bar);
        root.setId("plantDosingScreen");
        root.getProperties().put(PlantDosingViewModel.class, vm);
        return root;
    }

    private static void draw(PlantDosingViewModel vm, StackedBarChart<String, Number> chart) {
        XYChart.Series<String, Number> within = series("plants.column.within");
        XYChart.Series<String, Number> out = series("plants.column.out");
        XYChart.Series<String, Number> missing = series("plants.column.missingData");
        for (DosingSeriesPoint p : vm.series()) {
            String day = DAY.format(p.start());
            within.getData().add(new XYChart.Data<>(day, p.withinTolerance()));
            out.getData().add(new XYChart.Data<>(day, p.outOfTolerance()));
            missing.getData().add(new XYChart.Data<>(day, p.missingData()));
        }
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(vm.series().stream().map(p -> DAY.format(p.start())).toList());
        chart.getData().setAll(java.util.List.of(within, out, missing));
    }

    private static XYChart.Series<String, Number> series(String key) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(Localization.get(key));
        return s;
    }

    private static DatePicker datePicker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(130);
        picker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        return picker;
    }

    private static TableColumn<PlantDosingRow, String> text(String key, double width, Function<PlantDosingRow, String> value) {
        TableColumn<PlantDosingRow, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<PlantDosingRow, Number> number(String key, Function<PlantDosingRow, Long> value,
                                                              boolean alarm) {
        TableColumn<PlantDosingRow, Number> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(80);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                boolean red = alarm && !empty && item != null && item.longValue() > 0;
                setStyle("-fx-alignment: CENTER-RIGHT;" + (red ? " -fx-text-fill: #b3261e; -fx-font-weight: bold;" : ""));
            }
        });
        return c;
    }

    private static TableColumn<SupervisedBatch, String> batchText(String key, double width,
                                                                 Function<SupervisedBatch, String> value) {
        TableColumn<SupervisedBatch, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
