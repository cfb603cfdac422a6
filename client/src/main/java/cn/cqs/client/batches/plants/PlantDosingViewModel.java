package cn.cqs.client.batches.plants;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.batches.dosing.DosingReportLines;
import cn.cqs.client.batches.dosing.DosingReportModel;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.supervision.DosingSeriesPoint;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.contract.time.UploadDeadline;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 搅拌站投料监管 (regulators, BATCHES_SUPERVISE): a period (default the last 30 days), the per-plant
 * table (out of tolerance, missing data, late and missing notifications), the jurisdiction's series
 * or the selected plant's for the chart, the selected plant's batches (out of tolerance only by
 * default), and the selected batch's deviation report.
 */
public final class PlantDosingViewModel {
    private final PlantDosingEnvironment env;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<PlantDosingOverview> overview = new SimpleObjectProperty<>(this, "overview");
    private final ObservableList<PlantDosingRow> plants = FXCollections.observableArrayList();
    private final ObservableList<DosingSeriesPoint> series = FXCollections.observableArrayList();
    private final StringProperty seriesTitle = new SimpleStringProperty(this, "seriesTitle", "");
    private final ObjectProperty<PlantDosingRow> selectedPlant = new SimpleObjectProperty<>(this, "selectedPlant");
    private final BooleanProperty outOfToleranceOnly = new SimpleBooleanProperty(this, "outOfToleranceOnly", true);
    private final ObservableList<SupervisedBatch> batches = FXCollections.observableArrayList();
    private final ObjectProperty<SupervisedBatch> selectedBatch = new SimpleObjectProperty<>(this, "selectedBatch");
    private final DosingReportModel reportModel = new DosingReportModel();
    private final StringProperty periodError = new SimpleStringProperty(this, "periodError", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private cn.cqs.client.batches.trace.BatchTraceOpener traceOpener;

    public PlantDosingViewModel(PlantDosingEnvironment env) {
        this.env = env;
        StatisticsPeriod initial = StatisticsPeriod.endingOn(LocalDate.now(env.clock().withZone(UploadDeadline.REPORT_ZONE)));
        from.set(initial.from());
        to.set(initial.to());
        from.addListener((o, a, b) -> checkPeriod());
        to.addListener((o, a, b) -> checkPeriod());
        selectedPlant.addListener((o, a, b) -> {
            showSeries();
            loadBatches();
        });
        outOfToleranceOnly.addListener((o, a, b) -> loadBatches());
        selectedBatch.addListener((o, a, b) -> loadReport(b));
    }

    /** Loads the default period. */
    public void start() {
        load();
    }

    /** Whether the period is valid; if not, {@code periodError} says why. */
    public boolean checkPeriod() {
        List<FieldError> errors = StatisticsPeriod.check(from.get(), to.get());
        periodError.set(errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        return errors.isEmpty();
    }

    /** Asks the server for the figures of the period. */
    public void load() {
        if (busy.get() || !checkPeriod()) {
            return;
        }
        StatisticsPeriod period = new StatisticsPeriod(from.get(), to.get());
        busy.set(true);
        status.set(Localization.get("plants.loading"));
        env.run(() -> env.source().overview(period), (result, failure) -> {
            busy.set(false);
            if (failure != null) {
                status.set(Localization.get("plants.failed", failureText(failure)));
                return;
            }
            overview.set(result);
            selectedPlant.set(null);
            plants.setAll(result.plants());
            showSeries();
            PlantDosingRow t = result.total();
            status.set(Localization.get("plants.loaded", result.plants().size(), t.batches(), t.outOfTolerance(),
                    t.missingData(), t.lateNotifications() + t.missingNotifications()));
        });
    }

    private void showSeries() {
        PlantDosingOverview o = overview.get();
        if (o == null) {
            series.clear();
            return;
        }
        PlantDosingRow row = selectedPlant.get() == null ? o.total() : selectedPlant.get();
        series.setAll(row.series());
        seriesTitle.set(Localization.get(o.bucket() == cn.cqs.contract.batches.supervision.SeriesBucket.DAY
                ? "plants.chart.byDay" : "plants.chart.byWeek", row.plantName() == null
                ? Localization.get("plants.allPlants") : row.plantName()));
    }

    private void loadBatches() {
        PlantDosingRow plant = selectedPlant.get();
        batches.clear();
        selectedBatch.set(null);
        if (plant == null || plant.plantId() == null || !checkPeriod()) {
            return;
        }
        StatisticsPeriod period = new StatisticsPeriod(from.get(), to.get());
        DosingState state = outOfToleranceOnly.get() ? DosingState.OUT_OF_TOLERANCE : null;
        env.run(() -> env.source().batches(plant.plantId(), period, state), (result, failure) -> {
            if (failure != null) {
                status.set(Localization.get("plants.failed", failureText(failure)));
                return;
            }
            if (plant.equals(selectedPlant.get())) {
                batches.setAll(result);
                if (!result.isEmpty()) {
                    selectedBatch.set(result.get(0));
                }
            }
        });
    }

    private void loadReport(SupervisedBatch batch) {
        reportModel.showMessage("");
        if (batch == null) {
            return;
        }
        env.run(() -> env.reports().fetch(batch.serialNumber()), (dosing, failure) -> {
            if (failure != null) {
                reportModel.showMessage(Localization.get("dosing.report.failed", failureText(failure)));
                return;
            }
            if (batch.equals(selectedBatch.get())) {
                reportModel.show(dosing);
            }
        });
    }

    private static String failureText(Exception failure) {
        if (failure instanceof ApiProblemException problem && !problem.fieldErrors().isEmpty()) {
            return problem.fieldErrors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        }
        return failure.getMessage();
    }

    /** Where 追溯 opens a batch's trace (set by the module; without it the action is not offered). */
    public void setTraceOpener(cn.cqs.client.batches.trace.BatchTraceOpener opener) {
        this.traceOpener = opener;
    }

    public boolean canTrace() {
        return traceOpener != null;
    }

    /** 追溯: the selected drill-down batch's trace (batch, mix design, lots, cube reports) in its own window. */
    public void traceSelected() {
        SupervisedBatch b = selectedBatch.get();
        if (b != null && traceOpener != null) {
            traceOpener.open(b.serialNumber());
        }
    }

    /** A notification or dosing state's words. */
    public static String stateText(Enum<?> state) {
        return state == null ? "" : Localization.get("plants.state." + state.name());
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<PlantDosingOverview> overviewProperty() {
        return overview;
    }

    public ObservableList<PlantDosingRow> plants() {
        return plants;
    }

    public ObservableList<DosingSeriesPoint> series() {
        return series;
    }

    public StringProperty seriesTitleProperty() {
        return seriesTitle;
    }

    public ObjectProperty<PlantDosingRow> selectedPlantProperty() {
        return selectedPlant;
    }

    public BooleanProperty outOfToleranceOnlyProperty() {
        return outOfToleranceOnly;
    }

    public ObservableList<SupervisedBatch> batches() {
        return batches;
    }

    public ObjectProperty<SupervisedBatch> selectedBatchProperty() {
        return selectedBatch;
    }

    public ObservableList<DosingReportLines.Line> reportLines() {
        return reportModel.lines();
    }

    public ObservableList<MaterialKind> reportMaterials() {
        return reportModel.materials();
    }

    public StringProperty conclusionProperty() {
        return reportModel.conclusionProperty();
    }

    public StringProperty periodErrorProperty() {
        return periodError;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
