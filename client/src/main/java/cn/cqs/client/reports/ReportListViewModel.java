package cn.cqs.client.reports;

import cn.cqs.client.reports.sections.ReportSections;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;

import cn.cqs.client.credentials.CredentialException;
import cn.cqs.client.credentials.CredentialInfo;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.CachedRecord;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.ReplicaPage;
import cn.cqs.client.sync.ReplicaQuery;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The report list (检测报告): the organisation's uploaded reports from the local replica plus this
 * client's drafts and issued reports waiting to upload, each with its status (a refused upload
 * with the server's reason), filtered by text and date in SQLite; and the organisation's signing
 * credential (subject, key id, validity) with its import. {@code readOnly} (regulators) shows only
 * the replica.
 */
public final class ReportListViewModel {
    /** The most rows one query shows; the table is virtualised, the filter narrows further. */
    public static final int PAGE = ReplicaQuery.MAX_LIMIT;

    private final ReportsEnvironment env;
    private final boolean readOnly;
    private final FormOpener openForm;
    private final ObservableList<ReportRow> rows = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final cn.cqs.client.seal.SealCredentialViewModel credential;
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private cn.cqs.client.viewer.ReportViewerOpener viewer;
    private cn.cqs.client.batches.trace.BatchTraceSource batchLinks;
    private cn.cqs.client.batches.trace.SerialLabels serialLabels;
    private boolean reloadAgain;

    /** Opens the report form: for a new report of a type ({@code draft} null) or for a draft. */
    @FunctionalInterface
    public interface FormOpener {
        void open(ReportType type, LocalReport draft);
    }

    /** A report type the "new report" action offers, with its title in the current language. */
    public record TypeChoice(ReportType type, String name) {
    }

    /** @param openForm opens the form for a new report of a type or for a draft */
    public ReportListViewModel(ReportsEnvironment env, boolean readOnly, FormOpener openForm) {
        this.env = env;
        this.readOnly = readOnly;
        this.openForm = openForm;
        this.credential = new cn.cqs.client.seal.SealCredentialViewModel(env.credentials(), env.dialogs(),
                env.background(), env.ui(), env.clock());
        filterText.addListener((o, a, b) -> reload());
        from.addListener((o, a, b) -> reload());
        to.addListener((o, a, b) -> reload());
    }

    /** Loads the list and the credential (in the background). */
    public void start() {
        reload();
        if (!readOnly && env.credentials() != null) {
            refreshCredential();
        }
    }

    /** Reads the list again from the local database. */
    public void reload() {
        if (loading.get()) {
            reloadAgain = true;
            return;
        }
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f != null && t != null && f.isAfter(t)) {
            summary.set(Localization.get("reports.list.badRange"));
            return;
        }
        String q = filterText.get();
        loading.set(true);
        env.run(() -> load(q, f, t), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                summary.set(Localization.get("reports.list.loadFailed", failure.getMessage()));
            } else {
                rows.setAll(result.rows());
                summary.set(result.more()
                        ? Localization.get("reports.list.summaryMore", result.rows().size(), result.total())
                        : Localization.get("reports.list.summary", result.rows().size()));
            }
            if (reloadAgain) {
                reloadAgain = false;
                reload();
            }
        });
    }

    record Loaded(List<ReportRow> rows, long total, boolean more) {
    }

    private Loaded load(String q, LocalDate f, LocalDate t) {
        ReplicaQuery query = ReplicaQuery.of(SessionWorkspace.REPORT).withText(q).withDays(f, t).withPage(0, PAGE);
        ReplicaPage page = env.replica().query(query);
        List<ReportRow> out = new ArrayList<>();
        Set<String> uploadedNumbers = new HashSet<>();
        List<ReportRow> uploaded = new ArrayList<>();
        for (CachedRecord r : page.items()) {
            ReportRow row = fromRecord(r);
            uploadedNumbers.add(row.reportNumber());
            uploaded.add(row);
        }
        if (!readOnly) {
            String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
            for (LocalReport local : env.reports().all()) {
                ReportRow row = fromLocal(local);
                if (row.status() != ReportRowStatus.DRAFT && row.status() != ReportRowStatus.REFUSED
                        && uploadedNumbers.contains(row.reportNumber())) {
                    continue; // the server's copy is listed
                }
                if (row.status() == ReportRowStatus.UPLOADED && (q != null && !q.isBlank() || f != null || t != null)) {
                    // uploaded but not yet synced: shown unfiltered only
                    continue;
                }
                if (matches(local, needle, f, t)) {
                    out.add(row);
                }
            }
        }
        out.addAll(uploaded);
        return new Loaded(out, page.total() + (out.size() - uploaded.size()), page.hasMore());
    }

    private static boolean matches(LocalReport r, String needle, LocalDate f, LocalDate t) {
        var c = r.header();
        if (!needle.isEmpty()) {
            String hay = String.join("\n", nz(c.reportNumber()), nz(c.projectName()), nz(c.projectPart()),
                    nz(c.sampleId()), nz(c.commissionNumber()), ReportSections.specification(r.type(), r.content()),
                    ReportContents.typeName(r.type())).toLowerCase(Locale.ROOT);
            if (!hay.contains(needle)) {
                return false;
            }
        }
        LocalDate day = day(r);
        if (f != null && (day == null || day.isBefore(f))) {
            return false;
        }
        return t == null || (day != null && !day.isAfter(t));
    }

    private static LocalDate day(LocalReport r) {
        return r.issuedAt() != null ? LocalDate.ofInstant(r.issuedAt(), ReportIssuer.LOCAL_ZONE)
                : LocalDate.ofInstant(r.updatedAt(), ReportIssuer.LOCAL_ZONE);
    }

    private ReportRow fromLocal(LocalReport r) {
        ReportRowStatus status = ReportRowStatus.DRAFT;
        String reason = null;
        if (r.state() == LocalReportState.ISSUED) {
            Optional<OutboxEntry> entry = r.outboxId() == null ? Optional.empty() : env.outbox().find(r.outboxId());
            status = ReportRowStatus.WAITING;
            if (entry.isPresent()) {
                switch (entry.get().state()) {
                    case DONE -> status = ReportRowStatus.UPLOADED;
                    case FAILED_PERMANENT, DISMISSED -> {
                        status = ReportRowStatus.REFUSED;
                        reason = entry.get().reason();
                    }
                    default -> status = ReportRowStatus.WAITING;
                }
            }
        }
        var h = r.header();
        return new ReportRow(r.id(), null, nz(h.reportNumber()), nz(h.projectName()),
                ReportSections.specification(r.type(), r.content()), ReportSections.result(r.type(), r.content()), day(r), status, reason,
                ReportContents.typeName(r.type()), r.type());
    }

    private static ReportRow fromRecord(CachedRecord r) {
        JsonNode d = r.data();
        boolean late = d.path("late").asBoolean(false);
        JsonNode strength = d.get("representativeStrengthMpa");
        String result = strength == null || strength.isNull() ? conclusionOf(d)
                : strength.decimalValue().toPlainString() + " MPa";
        return new ReportRow(null, r.id(), text(d, "reportNumber"), text(d, "projectName"), text(d, "designGrade"),
                result, r.day(), late ? ReportRowStatus.LATE : ReportRowStatus.UPLOADED, null,
                ReportContents.typeName(typeOf(d)), typeOf(d));
    }

    /** The uploaded report's overall conclusion in the current language, or a dash. */
    private static String conclusionOf(JsonNode d) {
        String name = text(d, "conclusion");
        for (Conclusion c : Conclusion.values()) {
            if (c.name().equals(name)) {
                return Localization.language() == cn.cqs.client.i18n.AppLanguage.ENGLISH ? c.nameEn() : c.nameZh();
            }
        }
        return "—";
    }

    /** The uploaded report's type; records from servers before report types are concrete cubes. */
    private static ReportType typeOf(JsonNode d) {
        String type = text(d, "type");
        for (ReportType t : ReportType.values()) {
            if (t.name().equals(type)) {
                return t;
            }
        }
        return ReportType.CONCRETE_CUBE;
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------------ actions

    /** The types a new report can be of, in registry order, with their titles. */
    public List<TypeChoice> reportTypes() {
        return ReportTypes.ALL.stream().map(d -> new TypeChoice(d.type(), ReportContents.typeName(d.type()))).toList();
    }

    /** Opens an empty form for a new report of {@code type}. */
    public void newReport(ReportType type) {
        if (!readOnly) {
            openForm.open(type, null);
        }
    }

    /** Where issued reports' PDFs open (set by the module; without it 打开 PDF is not offered). */
    public void setViewer(cn.cqs.client.viewer.ReportViewerOpener viewer) {
        this.viewer = viewer;
    }

    public boolean canOpenPdf() {
        return viewer != null;
    }

    /**
     * 打开 PDF / 打印: an issued report of this client opens from its file in the profile directory; a
     * report known only from the server is downloaded. Prints are recorded against the server's report
     * (after its upload, for one still waiting in the outbox). A draft has no PDF yet.
     */
    public void openPdf(ReportRow row) {
        if (row == null || viewer == null) {
            return;
        }
        if (row.localId() == null) {
            if (row.recordId() != null) {
                viewer.open(cn.cqs.client.viewer.ReportDocument.fromServer(row.reportNumber(), row.recordId()));
            }
            return;
        }
        env.run(() -> env.reports().find(row.localId()).map(this::documentOf).orElse(null), (doc, failure) -> {
            if (failure != null) {
                env.dialogs().showError(Localization.get("reports.pdf.title"),
                        Localization.get("reports.pdf.failed", failure.getMessage()));
            } else if (doc == null) {
                env.dialogs().showInformation(Localization.get("reports.pdf.title"), Localization.get("reports.pdf.none"));
            } else {
                viewer.open(doc);
            }
        });
    }

    private cn.cqs.client.viewer.ReportDocument documentOf(LocalReport r) {
        if (r.state() != LocalReportState.ISSUED || r.pdf() == null) {
            return null;
        }
        UUID serverId = null;
        if (r.outboxId() != null) {
            Optional<OutboxEntry> upload = env.outbox().find(r.outboxId());
            if (upload.isPresent() && upload.get().state() == cn.cqs.client.sync.OutboxState.DONE) {
                serverId = receiptId(upload.get().receipt());
            }
        }
        cn.cqs.client.print.PrintTarget target = serverId != null ? cn.cqs.client.print.PrintTarget.report(serverId)
                : r.outboxId() != null ? cn.cqs.client.print.PrintTarget.afterUpload(r.outboxId()) : null;
        return new cn.cqs.client.viewer.ReportDocument(nz(r.reportNumber()), serverId, r.pdf(), target,
                serverId != null);
    }

    private static UUID receiptId(String receipt) {
        if (receipt == null || receipt.isBlank()) {
            return null;
        }
        try {
            JsonNode id = cn.cqs.contract.json.Json.newMapper().readTree(receipt).get("id");
            return id == null ? null : UUID.fromString(id.asText());
        } catch (java.io.IOException | IllegalArgumentException notAReport) {
            return null; // the upload's receipt names no report: prints wait for the receipt reference
        }
    }

    // ------------------------------------------------------------------ 关联到批次 (试块来源)

    /**
     * Where 关联到批次… links a cube report to the batch its specimens were taken from, and how it
     * reads a serial number from a QR label picture (set by the module; without it the action is not offered).
     */
    public void setBatchLinks(cn.cqs.client.batches.trace.BatchTraceSource links,
                              cn.cqs.client.batches.trace.SerialLabels labels) {
        this.batchLinks = links;
        this.serialLabels = labels;
    }

    public boolean offersBatchLinks() {
        return batchLinks != null && !readOnly;
    }

    /** Whether 关联到批次… applies to the row: an issued (not refused) concrete cube report. */
    public static boolean linkableToBatch(ReportRow row) {
        return row != null && row.type() == ReportType.CONCRETE_CUBE && row.status() != ReportRowStatus.DRAFT
                && row.status() != ReportRowStatus.REFUSED;
    }

    /**
     * 关联到批次…: asks for the serial number of the batch the cube specimens were taken from (typed, or
     * read from a picture of the batch's QR label or delivery ticket), then links the report on the server.
     */
    public void linkToBatch(ReportRow row) {
        if (row == null || !offersBatchLinks()) {
            return;
        }
        String title = Localization.get("trace.labLink.title");
        if (!linkableToBatch(row)) {
            env.dialogs().showInformation(title, Localization.get("trace.labLink.notCube"));
            return;
        }
        String typed = Localization.get("trace.labLink.type");
        String scanned = Localization.get("trace.labLink.scan");
        Optional<String> how = env.dialogs().choose(title, Localization.get("trace.labLink.how", row.reportNumber()),
                List.of(typed, scanned), typed);
        if (how.isEmpty()) {
            return;
        }
        if (how.get().equals(typed)) {
            env.dialogs().askText(title, Localization.get("trace.labLink.ask"), 64)
                    .ifPresent(serial -> linkToBatch(row, serial));
            return;
        }
        Optional<Path> file = env.dialogs().chooseFileToOpen(Localization.get("trace.label.choose"), Optional.empty(),
                List.of(new DialogService.FileFilter(Localization.get("trace.label.filter"),
                        List.of("*.png", "*.jpg", "*.jpeg", "*.pdf"))));
        file.ifPresent(f -> env.run(() -> serialLabels.read(f), (reading, failure) -> {
            if (failure != null) {
                env.dialogs().showError(title, Localization.get("trace.label.unreadable", failure.getMessage()));
            } else if (reading.serialNumber() == null) {
                env.dialogs().showError(title, Localization.get("trace.label." + reading.problem().name(),
                        f.getFileName()));
            } else {
                linkToBatch(row, reading.serialNumber());
            }
        }));
    }

    /** Links the cube report of {@code row} to the batch {@code serialNumber}; the outcome is shown in a dialog. */
    public void linkToBatch(ReportRow row, String serialNumber) {
        String title = Localization.get("trace.labLink.title");
        String serial = serialNumber == null ? "" : serialNumber.strip();
        if (!cn.cqs.contract.batches.SerialNumber.isValid(serial)) {
            env.dialogs().showError(title, serial.isEmpty() ? Localization.get("trace.error.serialRequired")
                    : Localization.get("trace.error.serialFormat", serial));
            return;
        }
        env.run(() -> {
            UUID id = serverIdOf(row);
            return id == null ? null : batchLinks.link(serial, id);
        }, (linked, failure) -> {
            if (failure != null) {
                env.dialogs().showError(title, Localization.get("trace.labLink.failed", row.reportNumber(), serial,
                        cn.cqs.client.batches.trace.TraceTexts.failure(failure)));
            } else if (linked == null) {
                env.dialogs().showInformation(title, Localization.get("trace.labLink.notUploaded", row.reportNumber()));
            } else {
                env.dialogs().showInformation(title, Localization.get("trace.labLink.done", linked.reportNumber(), serial));
            }
        });
    }

    /** The platform's id of the row's report: the replica's, or the upload receipt's for this client's issued report. */
    private UUID serverIdOf(ReportRow row) {
        if (row.recordId() != null) {
            return row.recordId();
        }
        if (row.localId() == null) {
            return null;
        }
        return env.reports().find(row.localId()).map(r -> {
            if (r.outboxId() == null) {
                return null;
            }
            return env.outbox().find(r.outboxId())
                    .filter(e -> e.state() == cn.cqs.client.sync.OutboxState.DONE)
                    .map(e -> receiptId(e.receipt())).orElse(null);
        }).orElse(null);
    }

    /** Opens a draft for editing; an issued report opens its PDF. */
    public void open(ReportRow row) {
        if (row != null && row.status() != ReportRowStatus.DRAFT) {
            openPdf(row);
            return;
        }
        if (readOnly || row == null || row.localId() == null) {
            return;
        }
        env.run(() -> env.reports().find(row.localId()).orElse(null), (report, failure) -> {
            if (report != null && report.state() == LocalReportState.DRAFT) {
                openForm.open(report.type(), report);
            }
        });
    }

    /** Shows the installed credential (subject, key id, validity) or that there is none. */
    public void refreshCredential() {
        credential.refresh();
    }

    /** Import (or replace) the signing credential: a file chooser and a password prompt. */
    public void importCredential() {
        credential.importCredential();
    }

    /** Imports {@code file} with {@code password} (cleared afterwards) without any chooser; the result is shown. */
    public void importCredential(Path file, char[] password) {
        credential.importCredential(file, password);
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<ReportRow> rows() {
        return rows;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public javafx.beans.property.ReadOnlyStringProperty credentialTextProperty() {
        return credential.textProperty();
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Finds the row of a local report (for tests and selection after issue). */
    public Optional<ReportRow> rowOf(UUID localId) {
        return rows.stream().filter(r -> localId.equals(r.localId())).findFirst();
    }
}
