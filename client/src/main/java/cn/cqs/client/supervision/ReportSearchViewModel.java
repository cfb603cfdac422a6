package cn.cqs.client.supervision;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.time.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The regulators' report search (报告查询): filters (project or report number text, lab, type, issue
 * date range, conclusion, late only) over the reports synced from the server, searched in the
 * background on every change; the opened report's details. Reports the server has not sent yet are
 * not listed; the workspace syncs every minute.
 */
public final class ReportSearchViewModel {
    /** Issue and receipt times are shown in China time. */
    static final ZoneId ZONE = ChinaTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private final SupervisionEnvironment env;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<LabChoice> lab = new SimpleObjectProperty<>(this, "lab");
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<ConclusionFilter> conclusion =
            new SimpleObjectProperty<>(this, "conclusion", ConclusionFilter.ANY);
    private final BooleanProperty lateOnly = new SimpleBooleanProperty(this, "lateOnly", false);
    private final ObservableList<LabChoice> labs = FXCollections.observableArrayList();
    private final ObservableList<String> types =
            FXCollections.observableArrayList(Arrays.stream(ReportType.values()).map(Enum::name).toList());
    private final ObservableList<SupervisedReport> rows = FXCollections.observableArrayList();
    private final ObjectProperty<SupervisedReport> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<DetailLine> details = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private boolean searchAgain;

    public ReportSearchViewModel(SupervisionEnvironment env) {
        this.env = env;
        text.addListener((o, a, b) -> search());
        lab.addListener((o, a, b) -> search());
        type.addListener((o, a, b) -> search());
        from.addListener((o, a, b) -> search());
        to.addListener((o, a, b) -> search());
        conclusion.addListener((o, a, b) -> search());
        lateOnly.addListener((o, a, b) -> search());
        selected.addListener((o, a, b) -> details.setAll(b == null ? List.of() : detailsOf(b)));
    }

    /** Loads the lab choices and the first results. */
    public void start() {
        refresh();
    }

    /** Reads the lab choices and searches again (new reports were synced). */
    public void refresh() {
        env.run(env.reports()::labs, (found, failure) -> {
            if (failure == null) {
                LabChoice chosen = lab.get();
                labs.setAll(found);
                if (chosen != null && !found.contains(chosen)) {
                    lab.set(null);
                }
            }
            search();
        });
    }

    /** Runs the search with the current filters (in the background; a change meanwhile searches again). */
    public void search() {
        if (loading.get()) {
            searchAgain = true;
            return;
        }
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f != null && t != null && f.isAfter(t)) {
            summary.set(Localization.get("supervision.search.badRange"));
            return;
        }
        ReportSearchCriteria criteria = new ReportSearchCriteria(text.get(), lab.get() == null ? null : lab.get().id(),
                type.get(), f, t, conclusion.get(), lateOnly.get());
        loading.set(true);
        env.run(() -> env.reports().search(criteria, SupervisedReports.MAX_ROWS), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                summary.set(Localization.get("supervision.search.failed", failure.getMessage()));
            } else {
                SupervisedReport open = selected.get();
                rows.setAll(result.rows());
                selected.set(open == null ? null : result.rows().stream().filter(r -> r.id().equals(open.id()))
                        .findFirst().orElse(null));
                summary.set(result.truncated()
                        ? Localization.get("supervision.search.summaryMore", result.rows().size(), result.total())
                        : Localization.get("supervision.search.summary", result.total()));
            }
            if (searchAgain) {
                searchAgain = false;
                search();
            }
        });
    }

    /** Clears every filter. */
    public void clearFilters() {
        text.set("");
        lab.set(null);
        type.set(null);
        from.set(null);
        to.set(null);
        conclusion.set(ConclusionFilter.ANY);
        lateOnly.set(false);
    }

    /** Opens a report: its details are shown. */
    public void open(SupervisedReport report) {
        selected.set(report);
    }

    /**
     * 打开 PDF: shows the report's signed PDF from the server in the viewer, with its version history
     * and printing (the selected report when {@code report} is null).
     */
    public void openPdf(SupervisedReport report) {
        SupervisedReport r = report != null ? report : selected.get();
        if (r == null) {
            return;
        }
        selected.set(r);
        env.viewers().open(cn.cqs.client.viewer.ReportDocument.fromServer(r.reportNumber(), r.id()));
    }

    static List<DetailLine> detailsOf(SupervisedReport r) {
        List<DetailLine> d = new ArrayList<>();
        d.add(line("reportNumber", r.reportNumber()));
        d.add(line("type", SupervisionTexts.type(r.type())));
        d.add(line("lab", r.labUscc().isEmpty() ? r.labName() : r.labName() + "（" + r.labUscc() + "）"));
        d.add(line("project", r.projectName()));
        d.add(line("projectPart", r.projectPart()));
        d.add(line("sample", r.sampleName()));
        d.add(line("designGrade", r.designGrade()));
        d.add(line("strength", r.representativeStrength().isEmpty() ? "—" : r.representativeStrength() + " MPa"));
        d.add(line("conclusion", SupervisionTexts.conclusion(r.conclusion())));
        d.add(line("issuedAt", time(r.issuedAt())));
        d.add(line("receivedAt", time(r.receivedAt())));
        d.add(line("late", Localization.get(r.late() ? "supervision.detail.lateYes" : "supervision.detail.lateNo")));
        d.add(line("status", statusText(r.status())));
        d.add(line("signers", String.join(" / ", nonEmpty(r.testerName()), nonEmpty(r.reviewerName()),
                nonEmpty(r.approverName()))));
        return d;
    }

    private static DetailLine line(String key, String value) {
        return new DetailLine(Localization.get("supervision.detail." + key), value == null || value.isEmpty() ? "—" : value);
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String statusText(String status) {
        String key = "supervision.status." + status;
        return Localization.bundle().containsKey(key) ? Localization.get(key) : status;
    }

    // ------------------------------------------------------------------ properties

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<LabChoice> labProperty() {
        return lab;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<ConclusionFilter> conclusionProperty() {
        return conclusion;
    }

    public BooleanProperty lateOnlyProperty() {
        return lateOnly;
    }

    public ObservableList<LabChoice> labs() {
        return labs;
    }

    public ObservableList<String> types() {
        return types;
    }

    public ObservableList<SupervisedReport> rows() {
        return rows;
    }

    public ObjectProperty<SupervisedReport> selectedProperty() {
        return selected;
    }

    public ObservableList<DetailLine> details() {
        return details;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
