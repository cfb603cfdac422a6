package cn.cqs.client.supervision;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.supervision.ReportStatistics;
import cn.cqs.contract.supervision.ReportStatisticsRow;
import cn.cqs.contract.supervision.StatisticsGrouping;
import cn.cqs.contract.supervision.StatisticsPeriod;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The statistics screen (报告统计): a period (default: the last 30 days) and a grouping (by lab or by
 * type), the server's statistics of the jurisdiction as a table with totals and as charts, and the
 * table's export to CSV. Loading and export run in the background while {@code busy} is true.
 */
public final class ReportStatisticsViewModel {
    private final SupervisionEnvironment env;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<StatisticsGrouping> grouping =
            new SimpleObjectProperty<>(this, "grouping", StatisticsGrouping.LAB);
    private final ObservableList<StatisticsGrouping> groupings =
            FXCollections.observableArrayList(StatisticsGrouping.LAB, StatisticsGrouping.TYPE);
    private final ReadOnlyObjectWrapper<ReportStatistics> statistics = new ReadOnlyObjectWrapper<>(this, "statistics");
    private final ObservableList<ReportStatisticsRow> rows = FXCollections.observableArrayList();
    private final StringProperty totals = new SimpleStringProperty(this, "totals", "");
    private final StringProperty periodError = new SimpleStringProperty(this, "periodError", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    public ReportStatisticsViewModel(SupervisionEnvironment env) {
        this.env = env;
        StatisticsPeriod initial = StatisticsPeriod.endingOn(LocalDate.now(env.clock().withZone(ReportSearchViewModel.ZONE)));
        from.set(initial.from());
        to.set(initial.to());
        from.addListener((o, a, b) -> checkPeriod());
        to.addListener((o, a, b) -> checkPeriod());
    }

    /** Loads the statistics of the default period. */
    public void start() {
        load();
    }

    /** Whether the period is valid; if not, {@code periodError} says why. */
    public boolean checkPeriod() {
        List<FieldError> errors = StatisticsPeriod.check(from.get(), to.get());
        periodError.set(errors.stream().map(ReportStatisticsViewModel::periodMessage).collect(Collectors.joining(" ")));
        return errors.isEmpty();
    }

    private static String periodMessage(FieldError e) {
        String key = "supervision.stats.period." + e.code();
        return Localization.bundle().containsKey(key) ? Localization.get(key, StatisticsPeriod.MAX_DAYS) : e.message();
    }

    /** Asks the server for the statistics of the period (in the background). */
    public void load() {
        if (busy.get() || !checkPeriod()) {
            return;
        }
        StatisticsPeriod period = new StatisticsPeriod(from.get(), to.get());
        StatisticsGrouping g = grouping.get();
        busy.set(true);
        status.set(Localization.get("supervision.stats.loading"));
        env.run(() -> env.statistics().fetch(period, g), (result, failure) -> {
            busy.set(false);
            if (failure != null) {
                status.set(failureText(failure));
                return;
            }
            statistics.set(result);
            rows.setAll(result.rows());
            ReportStatisticsRow t = result.totals();
            totals.set(Localization.get("supervision.stats.totalsLine", t.reports(), t.unqualified(),
                    SupervisionTexts.rate(t.unqualifiedRatePercent()), t.late(), SupervisionTexts.rate(t.lateRatePercent())));
            status.set(Localization.get("supervision.stats.loaded", result.from().toString(), result.to().toString()));
        });
    }

    private static String failureText(Exception failure) {
        if (failure instanceof ApiProblemException problem && !problem.fieldErrors().isEmpty()) {
            return Localization.get("supervision.stats.refused", problem.fieldErrors().stream()
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        }
        return Localization.get("supervision.stats.failed", failure.getMessage());
    }

    /**
     * Asks where to save and writes the table in the background: as an Excel workbook when the name
     * ends in {@code .xlsx}, else as CSV (UTF-8 with BOM).
     */
    public void export() {
        ReportStatistics stats = statistics.get();
        if (stats == null || busy.get()) {
            return;
        }
        Optional<Path> file = env.dialogs().chooseFileToSave(Localization.get("supervision.stats.export.title"),
                Localization.get("supervision.stats.export.fileName", stats.from().toString(), stats.to().toString()),
                List.of(new DialogService.FileFilter(Localization.get("supervision.stats.export.filterXlsx"), List.of("*.xlsx")),
                        new DialogService.FileFilter(Localization.get("supervision.stats.export.filter"), List.of("*.csv"))));
        file.ifPresent(f -> export(stats, f));
    }

    /**
     * Writes {@code stats} to {@code file} without a chooser (the result shows in {@code status}):
     * Excel for a {@code .xlsx} name, else CSV.
     */
    public void export(ReportStatistics stats, Path file) {
        busy.set(true);
        boolean excel = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
        env.run(() -> {
            if (excel) {
                StatisticsCsv.writeXlsx(file, stats);
            } else {
                StatisticsCsv.write(file, stats);
            }
            return file;
        }, (written, failure) -> {
            busy.set(false);
            if (failure != null) {
                env.dialogs().showError(Localization.get("supervision.stats.export.title"),
                        Localization.get("supervision.stats.export.failed", file, failure.getMessage()));
            } else {
                status.set(Localization.get("supervision.stats.export.done", written));
            }
        });
    }

    /** What a chart or table shows for a row: the lab's name or the type's name. */
    public String rowLabel(ReportStatisticsRow row) {
        if (row.lab() != null) {
            return row.lab().name();
        }
        return row.type() == null ? Localization.get("supervision.stats.totals") : SupervisionTexts.type(row.type().name());
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<StatisticsGrouping> groupingProperty() {
        return grouping;
    }

    public ObservableList<StatisticsGrouping> groupings() {
        return groupings;
    }

    public ReadOnlyObjectProperty<ReportStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public ObservableList<ReportStatisticsRow> rows() {
        return rows;
    }

    public StringProperty totalsProperty() {
        return totals;
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
