package cn.cqs.client.viewer;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.print.PrintRecords;
import cn.cqs.client.print.PrintTarget;
import cn.cqs.client.print.ReportPrinter;
import cn.cqs.client.shell.BackgroundWork;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.reports.ReportPrint;
import cn.cqs.contract.reports.ReportPrintRequest;
import cn.cqs.contract.reports.ReportVersion;
import cn.cqs.contract.time.ChinaTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The report viewer window: the PDF ({@link PdfViewerViewModel}), the version history (the
 * correction chain; choosing a version opens its PDF) and the print records, with 打印 opening the
 * print preview. A print is recorded through the outbox ({@link PrintRecords}) and listed at once as
 * waiting to upload.
 */
public final class ReportDocumentViewModel implements AutoCloseable {
    static final ZoneId ZONE = ChinaTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final ObjectMapper MAPPER = Json.newMapper();

    private final ReportDocument document;
    private final ReportDocuments server;
    private final PrintRecords records;
    private final ReportPrinter printer;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final PdfViewerViewModel viewer;
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final StringProperty versionsMessage = new SimpleStringProperty(this, "versionsMessage", "");
    private final ObservableList<PrintRow> prints = FXCollections.observableArrayList();
    private final StringProperty printSummary = new SimpleStringProperty(this, "printSummary", "");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final ObjectProperty<UUID> shownReport = new SimpleObjectProperty<>(this, "shownReport");
    private final BooleanProperty canPrint = new SimpleBooleanProperty(this, "canPrint", false);
    private PrintTarget printTarget;
    private String shownNumber;

    /**
     * @param server  the server's reports, or null when offline-only (a local PDF without history)
     * @param records where prints are recorded, or null when they are not
     */
    public ReportDocumentViewModel(ReportDocument document, ReportDocuments server, PrintRecords records,
                                   ReportPrinter printer, Executor background, Executor ui, Clock clock) {
        this.document = Objects.requireNonNull(document, "document");
        this.server = server;
        this.records = records;
        this.printer = Objects.requireNonNull(printer, "printer");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.viewer = new PdfViewerViewModel(background, ui);
        this.printTarget = document.printTarget();
        this.shownNumber = document.title();
        canPrint.bind(viewer.hasDocumentProperty());
    }

    /** Opens the report's PDF and reads its history and print records. */
    public void start() {
        shownReport.set(document.reportId());
        title.set(Localization.get("viewer.window.title", document.title()));
        if (document.localPdf() != null) {
            viewer.open(() -> Files.readAllBytes(document.localPdf()), document.title());
        } else {
            UUID id = document.reportId();
            viewer.open(() -> server().pdf(id), document.title());
        }
        loadHistory();
        loadPrints();
    }

    private ReportDocuments server() throws IOException {
        if (server == null) {
            throw new IOException(Localization.get("viewer.offline"));
        }
        return server;
    }

    /** Whether the history pane is shown. */
    public boolean showsHistory() {
        return document.showHistory() && document.reportId() != null && server != null;
    }

    private void loadHistory() {
        if (!showsHistory()) {
            return;
        }
        UUID id = document.reportId();
        versionsMessage.set(Localization.get("viewer.history.loading"));
        BackgroundWork.run(background, ui, () -> server.history(id), (history, failure) -> {
            if (failure != null) {
                versionsMessage.set(Localization.get("viewer.history.failed", failure.getMessage()));
                return;
            }
            versionsMessage.set(history.size() > 1 ? Localization.get("viewer.history.count", history.size())
                    : Localization.get("viewer.history.single"));
            showVersions(history);
        });
    }

    private List<ReportVersion> history = List.of();

    private void showVersions(List<ReportVersion> chain) {
        history = chain;
        List<VersionRow> rows = new ArrayList<>();
        for (ReportVersion v : chain) {
            String status = v.status() == null ? "" : v.status().name();
            String key = "supervision.status." + status;
            String statusText = cn.cqs.client.i18n.Localization.bundle().containsKey(key) ? Localization.get(key) : status;
            String reason;
            String reasonText;
            if (v.statusReason() != null) {
                reason = v.statusReason();
                reasonText = Localization.get(v.status() == cn.cqs.contract.reports.ReportStatus.WITHDRAWN
                        ? "viewer.history.withdrawnReason" : "viewer.history.supersededReason", reason);
            } else if (v.correctionReason() != null) {
                reason = v.correctionReason();
                reasonText = Localization.get("viewer.history.correctionReason", reason);
            } else {
                reason = "";
                reasonText = "";
            }
            rows.add(new VersionRow(v.id(), v.reportNumber(), status, statusText, reason, reasonText,
                    v.receivedAt() == null ? "" : TIME.format(v.receivedAt()), v.id().equals(shownReport.get())));
        }
        versions.setAll(rows);
        VersionRow shown = rows.stream().filter(VersionRow::current).findFirst().orElse(null);
        if (shown == null || shown.status().equals("VALID")) {
            notice.set("");
        } else {
            notice.set(Localization.get(shown.status().equals("WITHDRAWN") ? "viewer.notice.withdrawn"
                    : "viewer.notice.superseded", shown.reason()));
        }
    }

    /** Opens another version's PDF (and its print records). */
    public void openVersion(VersionRow version) {
        if (version == null || version.id().equals(shownReport.get()) || server == null) {
            return;
        }
        shownReport.set(version.id());
        shownNumber = version.reportNumber();
        printTarget = PrintTarget.report(version.id());
        title.set(Localization.get("viewer.window.title", version.reportNumber()));
        UUID id = version.id();
        viewer.open(() -> server.pdf(id), version.reportNumber());
        showVersions(history);
        loadPrints();
    }

    /** Reads the print records again (the server's, plus this client's not yet uploaded). */
    public void loadPrints() {
        PrintTarget target = printTarget;
        Callable<Loaded> load = () -> {
            List<PrintRow> pending = new ArrayList<>();
            if (records != null && target != null) {
                for (OutboxEntry e : records.undelivered(target)) {
                    ReportPrintRequest r = MAPPER.readValue(e.payload(), ReportPrintRequest.class);
                    pending.add(new PrintRow(time(r.printedAt()), Localization.get("viewer.prints.thisComputer"),
                            r.printerName(), r.copies(), true));
                }
            }
            List<ReportPrint> fromServer = List.of();
            String problem = null;
            if (target != null && target.serverId().isPresent() && server != null) {
                try {
                    fromServer = server.prints(target.serverId().get());
                } catch (RuntimeException e) {
                    problem = e.getMessage();
                }
            }
            String note = target != null && target.serverId().isEmpty()
                    ? Localization.get("viewer.prints.notUploaded") : null;
            return new Loaded(fromServer, pending, problem, note);
        };
        BackgroundWork.run(background, ui, load, (loaded, failure) -> {
            if (target != printTarget) {
                return;
            }
            if (failure != null) {
                printSummary.set(Localization.get("viewer.prints.failed", failure.getMessage()));
                return;
            }
            List<PrintRow> rows = new ArrayList<>();
            int copies = 0;
            for (ReportPrint p : loaded.server()) {
                rows.add(new PrintRow(time(p.printedAt()), p.organisationName() + " " + p.printedBy(), p.printerName(),
                        p.copies(), false));
                copies += p.copies();
            }
            for (PrintRow p : loaded.pending()) {
                rows.add(p);
                copies += p.copies();
            }
            prints.setAll(rows);
            // without prints the list's placeholder says so
            String summary = rows.isEmpty() ? "" : Localization.get("viewer.prints.summary", rows.size(), copies);
            if (!loaded.pending().isEmpty()) {
                summary += Localization.get("viewer.prints.pending", loaded.pending().size());
            }
            if (loaded.problem() != null) {
                summary += (summary.isEmpty() ? "" : "\n") + Localization.get("viewer.prints.serverUnavailable", loaded.problem());
            }
            if (loaded.note() != null) {
                summary += (summary.isEmpty() ? "" : "\n") + loaded.note();
            }
            printSummary.set(summary);
        });
    }

    private record Loaded(List<ReportPrint> server, List<PrintRow> pending, String problem, String note) {
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A print preview of the shown PDF; a print made from it is recorded against the shown version. */
    public PrintPreviewViewModel newPrintPreview() {
        byte[] pdf = viewer.pdfBytes();
        if (pdf == null) {
            throw new IllegalStateException("no PDF is open to print");
        }
        PrintTarget target = printTarget;
        return new PrintPreviewViewModel(pdf, shownNumber, printer, background, ui, clock, printed -> {
            if (records != null && target != null) {
                records.record(target, printed.copies(), printed.printerName(), printed.printedAt());
            }
            loadPrints();
        });
    }

    @Override
    public void close() {
        viewer.close();
    }

    public PdfViewerViewModel viewer() {
        return viewer;
    }

    public ObservableList<VersionRow> versions() {
        return versions;
    }

    public StringProperty versionsMessageProperty() {
        return versionsMessage;
    }

    public ObservableList<PrintRow> prints() {
        return prints;
    }

    public StringProperty printSummaryProperty() {
        return printSummary;
    }

    /** Says when the version shown is no longer valid (superseded or withdrawn), else empty. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<UUID> shownReportProperty() {
        return shownReport;
    }

    public BooleanProperty canPrintProperty() {
        return canPrint;
    }

    /**
     * Whether this viewer has a place to record prints (a report opened from the desk by its QR token
     * has none: the desk's user is not the report's lab or regulator, so no print list is shown).
     */
    public boolean showsPrintRecords() {
        return records != null;
    }

    /** Whether prints made here are recorded. */
    public boolean recordsPrints() {
        return records != null && printTarget != null;
    }
}
