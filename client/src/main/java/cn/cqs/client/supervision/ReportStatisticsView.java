package cn.cqs.client.supervision;

import cn.cqs.client.shell.ReadableHeaders;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.supervision.ReportStatisticsRow;
import cn.cqs.contract.supervision.StatisticsGrouping;
import java.math.BigDecimal;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The statistics screen (报告统计), built in code: period and grouping, the table with its totals,
 * two horizontal bar charts (report and unqualified counts; unqualified and late-upload rates) and
 * the CSV export. Only binds controls to {@link ReportStatisticsViewModel}; the charts are drawn
 * from its rows.
 */
public final class ReportStatisticsView {
    private ReportStatisticsView() {
    }

    public static Parent create(ReportStatisticsViewModel vm) {
        DatePicker from = ReportSearchView.datePicker("statsFromPicker");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = ReportSearchView.datePicker("statsToPicker");
        to.valueProperty().bindBidirectional(vm.toProperty());
        ComboBox<StatisticsGrouping> grouping = new ComboBox<>(vm.groupings());
        grouping.setId("groupingChoice");
        grouping.setConverter(ReportSearchView.converter(g -> g == null ? ""
                : Localization.get("supervision.stats.groupBy." + g.name())));
        grouping.valueProperty().bindBidirectional(vm.groupingProperty());
        Button query = new Button(Localization.get("supervision.stats.query"));
        query.setId("statsQueryButton");
        query.setDefaultButton(true);
        query.disableProperty().bind(vm.busyProperty());
        query.setOnAction(e -> vm.load());
        Button export = new Button(Localization.get("supervision.stats.export"));
        export.setId("statsExportButton");
        export.disableProperty().bind(vm.busyProperty().or(vm.statisticsProperty().isNull()));
        export.setOnAction(e -> vm.export());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("statsProgress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("statsStatus");
        status.textProperty().bind(vm.statusProperty());
        Label periodError = new Label();
        periodError.setId("statsPeriodError");
        periodError.setStyle("-fx-text-fill: #b3261e;");
        periodError.textProperty().bind(vm.periodErrorProperty());
        periodError.managedProperty().bind(periodError.textProperty().isNotEmpty());
        FlowPane bar = new FlowPane(8, 8, new Label(Localization.get("supervision.stats.period")), from,
                new Label(Localization.get("supervision.stats.periodTo")), to,
                new Label(Localization.get("supervision.stats.groupBy")), grouping, query, export, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, periodError);
        top.setPadding(new Insets(10));

        TableView<ReportStatisticsRow> table = new TableView<>(vm.rows());
        ReadableHeaders.keep(table);
        table.setId("statsTable");
        table.setPlaceholder(new Label(Localization.get("supervision.stats.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ReportStatisticsRow, String> name = text("name", 260, vm::rowLabel);
        TableColumn<ReportStatisticsRow, String> uscc = text("uscc", 170,
                r -> r.lab() == null || r.lab().uscc() == null ? "" : r.lab().uscc());
        table.getColumns().add(name);
        table.getColumns().add(uscc);
        table.getColumns().add(number("reports", ReportStatisticsRow::reports));
        table.getColumns().add(number("unqualified", ReportStatisticsRow::unqualified));
        table.getColumns().add(rightAligned(text("unqualifiedRate", 110, r -> SupervisionTexts.rate(r.unqualifiedRatePercent()))));
        table.getColumns().add(number("late", ReportStatisticsRow::late));
        table.getColumns().add(rightAligned(text("lateRate", 120, r -> SupervisionTexts.rate(r.lateRatePercent()))));
        vm.statisticsProperty().addListener((o, a, stats) -> {
            boolean byLab = stats == null || stats.groupBy().byLab();
            name.setText(Localization.get(byLab ? "supervision.stats.column.lab" : "supervision.stats.column.type"));
            uscc.setVisible(byLab);
        });
        name.setText(Localization.get("supervision.stats.column.lab"));
        Label totals = new Label();
        totals.setId("statsTotals");
        totals.setStyle("-fx-font-weight: bold;");
        totals.setPadding(new Insets(6, 0, 0, 0));
        totals.textProperty().bind(vm.totalsProperty());

        NumberAxis countAxis = new NumberAxis();
        countAxis.setLabel(Localization.get("supervision.stats.chart.countAxis"));
        countAxis.setMinorTickVisible(false);
        countAxis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(countAxis) {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }
        });
        BarChart<Number, String> counts = new BarChart<>(countAxis, new CategoryAxis());
        counts.setId("countChart");
        counts.setTitle(Localization.get("supervision.stats.chart.counts"));
        NumberAxis rateAxis = new NumberAxis(0, 100, 10);
        rateAxis.setLabel(Localization.get("supervision.stats.chart.rateAxis"));
        rateAxis.setMinorTickVisible(false);
        BarChart<Number, String> rates = new BarChart<>(rateAxis, new CategoryAxis());
        rates.setId("rateChart");
        rates.setTitle(Localization.get("supervision.stats.chart.rates"));
        for (BarChart<Number, String> chart : java.util.List.of(counts, rates)) {
            chart.setAnimated(false);
            chart.setMinHeight(240);
            chart.setPrefHeight(300);
            chart.setCategoryGap(14);
            HBox.setHgrow(chart, Priority.ALWAYS);
        }
        vm.rows().addListener((ListChangeListener<ReportStatisticsRow>) c -> draw(vm, counts, rates));
        HBox charts = new HBox(10, counts, rates);

        VBox centre = new VBox(6, table, totals, charts);
        centre.setPadding(new Insets(0, 10, 10, 10));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(150);

        BorderPane root = new BorderPane(centre);
        root.setTop(top);
        root.setId("reportStatisticsScreen");
        // the view model, for tests that export without the native file chooser
        root.getProperties().put(ReportStatisticsViewModel.class, vm);
        return root;
    }

    /** Redraws both charts from the rows, top row first (the category axis lists bottom-up). */
    private static void draw(ReportStatisticsViewModel vm, BarChart<Number, String> counts,
                             BarChart<Number, String> rates) {
        XYChart.Series<Number, String> reports = series("supervision.stats.column.reports");
        XYChart.Series<Number, String> unqualified = series("supervision.stats.column.unqualified");
        XYChart.Series<Number, String> unqualifiedRate = series("supervision.stats.column.unqualifiedRate");
        XYChart.Series<Number, String> lateRate = series("supervision.stats.column.lateRate");
        java.util.List<ReportStatisticsRow> rows = new java.util.ArrayList<>(vm.rows());
        java.util.Collections.reverse(rows);
        for (ReportStatisticsRow row : rows) {
            String label = vm.rowLabel(row);
            reports.getData().add(new XYChart.Data<>(row.reports(), label));
            unqualified.getData().add(new XYChart.Data<>(row.unqualified(), label));
            unqualifiedRate.getData().add(new XYChart.Data<>(value(row.unqualifiedRatePercent()), label));
            lateRate.getData().add(new XYChart.Data<>(value(row.lateRatePercent()), label));
        }
        counts.getData().setAll(java.util.List.of(reports, unqualified));
        rates.getData().setAll(java.util.List.of(unqualifiedRate, lateRate));
    }

    private static Number value(BigDecimal percent) {
        return percent == null ? 0 : percent;
    }

    private static XYChart.Series<Number, String> series(String key) {
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        s.setName(Localization.get(key));
        return s;
    }

    private static TableColumn<ReportStatisticsRow, String> text(String key, double width,
                                                                 Function<ReportStatisticsRow, String> value) {
        TableColumn<ReportStatisticsRow, String> c = new TableColumn<>(Localization.get("supervision.stats.column." + key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static <T> TableColumn<ReportStatisticsRow, T> rightAligned(TableColumn<ReportStatisticsRow, T> column) {
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private static TableColumn<ReportStatisticsRow, Number> number(String key, Function<ReportStatisticsRow, Long> value) {
        TableColumn<ReportStatisticsRow, Number> c = new TableColumn<>(Localization.get("supervision.stats.column." + key));
        c.setPrefWidth(90);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return rightAligned(c);
    }
}
