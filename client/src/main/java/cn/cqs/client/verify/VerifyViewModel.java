package cn.cqs.client.verify;

import cn.cqs.contract.time.ChinaTime;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.contract.qr.VerificationOutcome;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.pki.TrustBundleSource;
import cn.cqs.client.pki.TrustCache;
import cn.cqs.client.pki.TrustCaches;
import cn.cqs.client.qrimage.UnreadableSourceException;
import cn.cqs.client.settings.SettingsStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.contract.refusals.RefusalRequest;
import cn.cqs.client.shell.ConnectionState;
import cn.cqs.client.shell.ModuleContext;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.time.Instant;
import cn.cqs.client.qrimage.DeskDecoder;
import cn.cqs.client.qrimage.DeskDecoderSettings;
import cn.cqs.client.qrimage.RecentCodes;
import cn.cqs.contract.verify.ScanSource;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/**
 * View model of the verify screen (扫码核验): opens an image or PDF off the JavaFX thread, lists
 * every code found, and for the selected code shows one outcome in plain words, the paper's claims
 * beside the system's record, and the page preview with the codes marked.
 */
public final class VerifyViewModel {
    private static final Logger LOG = Logger.getLogger(VerifyViewModel.class.getName());
    private static final DateTimeFormatter REFRESHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One code in the list: its verdict and how it is shown. */
    public record CodeItem(CodeVerdict verdict, OutcomePresentation presentation, DeskOutcome.Headline headline,
                           String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** A box to draw on the preview, in image pixels; {@code selected} for the code on show. */
    public record CodeMark(double x, double y, double width, double height, boolean systemCode, boolean selected) {
    }

    private final CodeVerifier verifier;
    private final ObjectProperty<NoSerialRefusalViewModel> noSerialForm = new SimpleObjectProperty<>();
    private final BooleanProperty pdfAvailable = new SimpleBooleanProperty(false);
    private BooleanBinding canOpenPdf;
    private NoSerialRefusalViewModel.ProjectSource projectSource = java.util.List::of;
    private VerifiedPdfs pdfs;
    private cn.cqs.client.viewer.ReportViewerOpener pdfViewer;
    private final DocumentScanner scanner;
    private final Executor fxExecutor;
    private final DialogService dialogs;
    private final Executor background;
    private final ReadOnlyObjectProperty<ConnectionState> connection;
    private final ClaimsComparison comparison;
    private final ZoneId zone;
    private final DeskRecords records;
    private final Consumer<String> placeSaver;
    private String savedPlace;

    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trustStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<CodeItem> codes = FXCollections.observableArrayList();
    private final ObjectProperty<CodeItem> selectedCode = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper outcomeTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcomeHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcomeIcon = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcomeStyle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DeskOutcome> deskOutcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detailText = new ReadOnlyStringWrapper("");
    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Image> preview = new SimpleObjectProperty<>();
    private final ObservableList<CodeMark> marks = FXCollections.observableArrayList();
    // read-only views kept as fields: a view made per call is held only weakly by its list and its listeners vanish with it
    private final ObservableList<CodeItem> codesView = FXCollections.unmodifiableObservableList(codes);
    private final ObservableList<ComparisonRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<CodeMark> marksView = FXCollections.unmodifiableObservableList(marks);
    private final ChangeListener<ConnectionState> onConnection;
    private final StringProperty place = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper recordStatus = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRefuse;

    private final Clock clock;
    private final LiveDeskViewModel live;
    /** The outbox idempotency key of each recorded verification of the document on show, by code text. */
    private final Map<String, UUID> verificationKeys = new HashMap<>();
    private LiveDeskViewModel.Capture pendingCapture;

    private ScannedDocument document;
    private final Map<Integer, Image> previewImages = new HashMap<>();
    private Path lastDirectory;

    /** A desk for files only (its camera list stays empty). */
    public VerifyViewModel(CodeVerifier verifier, DocumentScanner scanner, DialogService dialogs, Executor background,
                           ReadOnlyObjectProperty<ConnectionState> connection, ZoneId zone, DeskRecords records,
                           String initialPlace, Consumer<String> placeSaver) {
        this(verifier, scanner, dialogs, background, connection, zone, records, initialPlace, placeSaver,
                DeskCameras.none(), Platform::runLater, new ConfirmationSound(), Clock.systemUTC());
    }

    /**
     * The whole desk: files and live frames.
     *
     * @param cameras where live frames come from (the webcams, or synthetic cameras in tests)
     * @param fx      runs work on the JavaFX thread ({@code Platform::runLater})
     * @param sound   the beep that confirms a code read by the camera
     * @param clock   the desk's clock, for the 24-hour upload limit
     */
    public VerifyViewModel(CodeVerifier verifier, DocumentScanner scanner, DialogService dialogs, Executor background,
                           ReadOnlyObjectProperty<ConnectionState> connection, ZoneId zone, DeskRecords records,
                           String initialPlace, Consumer<String> placeSaver, DeskCameras cameras, Executor fx,
                           ConfirmationSound sound, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fxExecutor = Objects.requireNonNull(fx, "fx");
        this.live = new LiveDeskViewModel(cameras, new DeskDecoder(DeskDecoderSettings.LIVE_CAMERA), new RecentCodes(), sound, fx,
                this::verifyCapture);
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.comparison = new ClaimsComparison(zone);
        this.records = Objects.requireNonNull(records, "records");
        this.placeSaver = Objects.requireNonNull(placeSaver, "placeSaver");
        this.savedPlace = initialPlace == null ? "" : initialPlace.strip();
        place.set(savedPlace);
        canRefuse = Bindings.createBooleanBinding(() -> selectedCode.get() != null && !busy.get(), selectedCode, busy);
        canOpenPdf = Bindings.createBooleanBinding(() -> pdfAvailable.get() && !busy.get() && selectedCode.get() != null
                && selectedCode.get().verdict().hasReportPdf(), pdfAvailable, selectedCode, busy);
        selectedCode.addListener((obs, old, now) -> showSelected(now));
        onConnection = (obs, old, now) -> {
            if (now == ConnectionState.ONLINE && old != ConnectionState.ONLINE) {
                refreshTrustInBackground();
            }
        };
        connection.addListener(new WeakChangeListener<>(onConnection));
        updateTrustStatus();
        showSelected(null);
    }

    /** The view model for the shell: the session's server, its trust cache, the desk's time zone and cameras. */
    public static VerifyViewModel create(ModuleContext context, TrustCaches caches, Supplier<Optional<Outbox>> outbox,
                                         SettingsStore settings, DeskCameras cameras) {
        var api = context.session().api();
        TrustCache cache = caches.forServer(api.serverUrl());
        CodeVerifier verifier = new CodeVerifier(cache, TrustBundleSource.of(api), VerificationLookup.of(api));
        VerifyViewModel vm = new VerifyViewModel(verifier, new DocumentScanner(), context.dialogs(),
                context.background(), context.connectionState(), ChinaTime.ZONE,
                new DeskRecords(outbox, Clock.systemUTC()), settings.load().verifyPlace(),
                p -> settings.save(settings.load().withVerifyPlace(p)), cameras, Platform::runLater,
                new ConfirmationSound(), Clock.systemUTC());
        if (context.connectionState().get() == ConnectionState.ONLINE || !cache.hasBundle()) {
            vm.refreshTrustInBackground();
        }
        // camera discovery runs on its own thread: the screen is usable with files at once
        vm.live().discover();
        return vm;
    }

    // ------------------------------------------------------------------ actions

    /** Asks for an image or PDF and verifies its codes (Ctrl+O). */
    public void openFile() {
        if (busy.get()) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseFileToOpen(Localization.get("verify.open.title"),
                Optional.ofNullable(lastDirectory), List.of(
                        new DialogService.FileFilter(Localization.get("verify.open.filter.all"),
                                List.of("*.pdf", "*.png", "*.jpg", "*.jpeg")),
                        new DialogService.FileFilter(Localization.get("verify.open.filter.pdf"), List.of("*.pdf")),
                        new DialogService.FileFilter(Localization.get("verify.open.filter.image"),
                                List.of("*.png", "*.jpg", "*.jpeg"))));
        chosen.ifPresent(this::open);
    }

    /** Whether a dropped file can be opened: one regular file while nothing else is running. */
    public boolean accepts(List<Path> files) {
        return !busy.get() && files.size() == 1;
    }

    /** Scans {@code file} and verifies every code on it, in the background. */
    public void open(Path file) {
        Objects.requireNonNull(file, "file");
        if (busy.get()) {
            return;
        }
        lastDirectory = file.toAbsolutePath().getParent();
        busy.set(true);
        errorText.set("");
        fileName.set(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        progressText.set(Localization.get("verify.progress.reading", fileName.get()));
        Task<Result> task = new Task<>() {
            @Override
            protected Result call() throws Exception {
                ScannedDocument scanned = scanner.scan(file);
                updateMessage(Localization.get("verify.progress.verifying", scanned.codes().size()));
                return new Result(scanned, verifier.verify(scanned.codes()));
            }
        };
        task.messageProperty().addListener((obs, old, now) -> progressText.set(now));
        task.setOnSucceeded(e -> {
            busy.set(false);
            progressText.set("");
            show(task.getValue().document(), task.getValue().verdicts());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            progressText.set("");
            failed(file, task.getException());
        });
        background.execute(task);
    }

    /**
     * Verifies what the camera read, exactly as a file's codes: the same verifier, comparison and
     * records (source {@code WEBCAM}), with the frame as the page preview and the refusal's image.
     * A capture arriving while another verification runs waits for it (only the newest waits).
     */
    void verifyCapture(LiveDeskViewModel.Capture capture) {
        Objects.requireNonNull(capture, "capture");
        if (busy.get()) {
            pendingCapture = capture;
            return;
        }
        busy.set(true);
        errorText.set("");
        fileName.set(capture.cameraName());
        progressText.set(Localization.get("verify.progress.verifying", capture.texts().size()));
        Task<Result> task = new Task<>() {
            @Override
            protected Result call() {
                ScannedDocument scanned = captured(capture);
                return new Result(scanned, verifier.verify(scanned.codes()));
            }
        };
        task.setOnSucceeded(e -> {
            busy.set(false);
            progressText.set("");
            show(task.getValue().document(), task.getValue().verdicts());
            runPendingCapture();
        });
        task.setOnFailed(e -> {
            busy.set(false);
            progressText.set("");
            LOG.log(Level.WARNING, "verifying a camera capture failed", task.getException());
            errorText.set(Localization.get("verify.error.unexpected", String.valueOf(task.getException().getMessage())));
            runPendingCapture();
        });
        background.execute(task);
    }

    private void runPendingCapture() {
        LiveDeskViewModel.Capture next = pendingCapture;
        pendingCapture = null;
        if (next != null) {
            verifyCapture(next);
        }
    }

    /** A camera capture as a one-page document: the frame, its codes and their boxes. */
    static ScannedDocument captured(LiveDeskViewModel.Capture capture) {
        List<CodeVerifier.ScannedCode> found = capture.texts().stream().map(t -> new CodeVerifier.ScannedCode(t, 1)).toList();
        List<CodeLocation> boxes = capture.outlines().stream().map(o -> {
            double[] b = o.bounds();
            return new CodeLocation(o.text(), b[0], b[1], b[2], b[3]);
        }).toList();
        return new ScannedDocument(capture.cameraName(), 1, found, Map.of(1, capture.frame()), Map.of(1, boxes),
                ScanSource.WEBCAM, null);
    }

    /** Fetches the certificate bundle in the background (conditional: a 304 when unchanged). */
    public void refreshTrustInBackground() {
        Task<Boolean> task = new Task<>() {
            @Override
            protected Boolean call() {
                return verifier.refreshTrust();
            }
        };
        task.setOnSucceeded(e -> updateTrustStatus());
        task.setOnFailed(e -> {
            LOG.log(Level.WARNING, "trust refresh failed", task.getException());
            updateTrustStatus();
        });
        background.execute(task);
    }

    private record Result(ScannedDocument document, List<CodeVerdict> verdicts) {
    }

    private void failed(Path file, Throwable error) {
        clear();
        if (error instanceof UnreadableSourceException) {
            errorText.set(Localization.get("verify.error.unreadable", file.getFileName(), error.getMessage()));
        } else {
            LOG.log(Level.WARNING, "verifying " + file + " failed", error);
            errorText.set(Localization.get("verify.error.unexpected", String.valueOf(error.getMessage())));
            dialogs.showException(Localization.get("verify.error.title"),
                    Localization.get("verify.error.unexpected", String.valueOf(error.getMessage())), error);
        }
    }

    /** Queues one verification record per code checked (核验记录), once, when the verdicts are shown. */
    private void record(ScannedDocument scanned, List<CodeVerdict> verdicts) {
        if (!records.available()) {
            recordStatus.set(Localization.get("verify.record.unavailable"));
            return;
        }
        String where = currentPlace();
        for (CodeVerdict verdict : verdicts) {
            verificationKeys.put(verdict.text(), records.recordVerification(verdict, where, scanned.source()).idempotencyKey());
        }
        recordStatus.set(Localization.get("verify.record.queued", verdicts.size()));
    }

    /** The place as typed, remembered for the next start when it changed. */
    private String currentPlace() {
        String where = place.get() == null ? "" : place.get().strip();
        if (!where.equals(savedPlace)) {
            try {
                placeSaver.accept(where);
                savedPlace = where;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the verify place could not be remembered", e);
            }
        }
        return where;
    }

    /**
     * 拒收并举报: asks for the reason (required) and files a refusal report with the scan image
     * to the local regulator, through the outbox.
     */
    public void refuse() {
        CodeItem item = selectedCode.get();
        if (item == null || busy.get() || document == null) {
            return;
        }
        if (!records.available()) {
            dialogs.showError(Localization.get("verify.refuse.title"), Localization.get("verify.record.unavailable"));
            return;
        }
        Optional<String> answer = dialogs.askText(Localization.get("verify.refuse.title"),
                Localization.get("verify.refuse.prompt", item.title()), RefusalRequest.MAX_REASON);
        if (answer.isEmpty()) {
            return;
        }
        String reason = answer.get().strip();
        if (reason.isEmpty()) {
            dialogs.showWarning(Localization.get("verify.refuse.title"), Localization.get("verify.refuse.reasonRequired"));
            return;
        }
        ScannedDocument scanned = document;
        CodeVerdict verdict = item.verdict();
        UUID verificationKey = verificationKeys.get(verdict.text());
        String where = currentPlace();
        busy.set(true);
        progressText.set(Localization.get("verify.refuse.progress"));
        Task<byte[]> task = new Task<>() {
            @Override
            protected byte[] call() throws Exception {
                return ScanImages.forRefusal(scanned, verdict.pageNumber());
            }
        };
        task.setOnSucceeded(e -> {
            busy.set(false);
            progressText.set("");
            try {
                records.fileRefusal(verdict, reason, where, task.getValue(), verificationKey);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "queuing the refusal failed", ex);
                dialogs.showException(Localization.get("verify.refuse.title"),
                        Localization.get("verify.refuse.failed", String.valueOf(ex.getMessage())), ex);
                return;
            }
            recordStatus.set(Localization.get("verify.refuse.queued"));
            dialogs.showInformation(Localization.get("verify.refuse.title"), Localization.get("verify.refuse.done"));
        });
        task.setOnFailed(e -> {
            busy.set(false);
            progressText.set("");
            LOG.log(Level.WARNING, "preparing the refusal image failed", task.getException());
            dialogs.showException(Localization.get("verify.refuse.title"),
                    Localization.get("verify.refuse.failed", String.valueOf(task.getException().getMessage())),
                    task.getException());
        });
        background.execute(task);
    }

    /**
     * Connects what the desk needs from the server beyond verification: the visible projects (for a
     * refusal without a serial number), the PDF by token and the PDF viewer (打开 PDF).
     */
    public void setServerServices(NoSerialRefusalViewModel.ProjectSource projects, VerifiedPdfs pdfs,
                                  cn.cqs.client.viewer.ReportViewerOpener viewer) {
        this.projectSource = Objects.requireNonNull(projects, "projects");
        this.pdfs = Objects.requireNonNull(pdfs, "pdfs");
        this.pdfViewer = Objects.requireNonNull(viewer, "viewer");
        pdfAvailable.set(true);
    }

    /**
     * 打开 PDF: downloads, off the JavaFX thread, the system's PDF of exactly the report version the
     * selected code names (a superseded report's own PDF; the outcome above says it is superseded),
     * and opens it in the PDF viewer.
     */
    public void openPdf() {
        CodeItem item = selectedCode.get();
        if (!canOpenPdf.get() || item == null) {
            return;
        }
        CodeVerdict verdict = item.verdict();
        String token;
        try {
            token = cn.cqs.contract.qr.QrToken.fromScannedText(verdict.text()).encode();
        } catch (cn.cqs.contract.qr.MalformedTokenException e) {
            throw new IllegalStateException("a code with a record is a token: " + e.getMessage(), e);
        }
        String number = verdict.record().reportNumber();
        VerifiedPdfs source = pdfs;
        busy.set(true);
        progressText.set(Localization.get("verify.pdf.progress"));
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                byte[] pdf = source.pdf(token);
                Path file = java.nio.file.Files.createTempFile("cqs-verified-" + number.replaceAll("[^A-Za-z0-9-]", "_")
                        + "-", ".pdf");
                file.toFile().deleteOnExit();
                java.nio.file.Files.write(file, pdf);
                return file;
            }
        };
        task.setOnSucceeded(e -> {
            busy.set(false);
            progressText.set("");
            pdfViewer.open(new cn.cqs.client.viewer.ReportDocument(number, null, task.getValue(), null, false));
        });
        task.setOnFailed(e -> {
            busy.set(false);
            progressText.set("");
            LOG.log(Level.WARNING, "downloading the verified PDF failed", task.getException());
            dialogs.showError(Localization.get("verify.pdf.title"),
                    Localization.get("verify.pdf.failed", String.valueOf(task.getException().getMessage())));
        });
        background.execute(task);
    }

    /**
     * 无流水号拒收: opens the form for concrete delivered without any serial number or QR code
     * ({@link NoSerialRefusalViewModel}); the view shows it while {@link #noSerialFormProperty()} holds it.
     */
    public void refuseWithoutSerial() {
        if (noSerialForm.get() != null) {
            return;
        }
        if (!records.available()) {
            dialogs.showError(Localization.get("verify.noSerial.title"), Localization.get("verify.record.unavailable"));
            return;
        }
        NoSerialRefusalViewModel form = new NoSerialRefusalViewModel(dialogs, records, projectSource,
                live::currentFrame, background, fxExecutor, currentPlace(),
                truck -> recordStatus.set(Localization.get("verify.noSerial.queued", truck)));
        form.closedProperty().addListener((obs, was, now) -> {
            if (now) {
                noSerialForm.set(null);
            }
        });
        noSerialForm.set(form);
    }

    /** The form of a refusal without a serial number while it is open, else null. */
    public ReadOnlyObjectProperty<NoSerialRefusalViewModel> noSerialFormProperty() {
        return noSerialForm;
    }

    /** Whether 打开 PDF can act: a genuine report code whose record is in the system is selected. */
    public BooleanBinding canOpenPdfProperty() {
        return canOpenPdf;
    }

    private void clear() {
        document = null;
        verificationKeys.clear();
        recordStatus.set("");
        previewImages.clear();
        codes.clear();
        selectedCode.set(null);
        preview.set(null);
        marks.clear();
        summary.set("");
    }

    /** Shows a scanned document and its verdicts (on the JavaFX thread). */
    void show(ScannedDocument scanned, List<CodeVerdict> verdicts) {
        clear();
        document = scanned;
        scanned.previews().forEach((page, image) -> previewImages.put(page, toFx(image)));
        for (CodeVerdict verdict : verdicts) {
            codes.add(item(verdict, scanned.pageCount() > 1));
        }
        updateTrustStatus();
        if (verdicts.isEmpty()) {
            summary.set(Localization.get("verify.summary.none", scanned.pageCount()));
            errorText.set(Localization.get("verify.error.noCode"));
            showPage(previewImages.isEmpty() ? 0 : previewImages.keySet().iterator().next(), null);
            return;
        }
        record(scanned, verdicts);
        long system = verdicts.stream().filter(CodeVerdict::isSystemCode).count();
        summary.set(Localization.get("verify.summary", verdicts.size(), system, scanned.pageCount()));
        CodeItem first = codes.stream().filter(c -> c.verdict().isSystemCode()).findFirst().orElse(codes.get(0));
        selectedCode.set(first);
    }

    private CodeItem item(CodeVerdict verdict, boolean withPage) {
        return item(verdict, withPage, clock.instant(), zone);
    }

    static CodeItem item(CodeVerdict verdict, boolean withPage, Instant now, ZoneId zone) {
        OutcomePresentation p = OutcomePresentation.of(verdict.outcome());
        DeskOutcome.Headline headline = DeskOutcome.headline(verdict, now, zone);
        String what = verdict.paperClaims().map(PaperClaims::documentNumber)
                .orElse(verdict.isSystemCode() ? Localization.get("verify.code.system") : abbreviate(verdict.text()));
        String title = (withPage ? Localization.get("verify.code.page", verdict.pageNumber()) + " " : "")
                + headline.outcome().icon() + " " + headline.title() + " · " + what;
        return new CodeItem(verdict, p, headline, title);
    }

    /**
     * For a genuine report that is no longer the one to rely on (superseded by a correction, or
     * withdrawn): the headline and the explanation with the lab's reason, shown instead of the plain
     * "genuine" verdict; empty otherwise.
     */
    static Optional<String[]> statusNotice(CodeVerdict verdict) {
        DeskOutcome outcome = DeskOutcome.of(verdict, Instant.EPOCH);
        if (outcome != DeskOutcome.GENUINE_SUPERSEDED && outcome != DeskOutcome.GENUINE_WITHDRAWN) {
            return Optional.empty();
        }
        DeskOutcome.Headline h = DeskOutcome.headline(verdict, Instant.EPOCH, java.time.ZoneOffset.UTC);
        return Optional.of(new String[] {h.title(), h.hint()});
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 48 ? oneLine : oneLine.substring(0, 47) + "…";
    }

    private void showSelected(CodeItem item) {
        if (item == null) {
            outcomeTitle.set(codes.isEmpty() ? Localization.get("verify.empty.title") : "");
            outcomeHint.set(codes.isEmpty() ? Localization.get("verify.empty.hint") : "");
            outcomeIcon.set("");
            outcomeStyle.set("outcome-none");
            deskOutcome.set(null);
            detailText.set("");
            rows.clear();
            return;
        }
        CodeVerdict v = item.verdict();
        DeskOutcome.Headline headline = item.headline();
        outcomeTitle.set(headline.title());
        outcomeHint.set(headline.hint());
        outcomeIcon.set(headline.outcome().icon());
        outcomeStyle.set(headline.outcome().tone().styleClass());
        deskOutcome.set(headline.outcome());
        StringBuilder detail = new StringBuilder(offlineSummary(v));
        if (v.offlineOutcome() != VerificationOutcome.VALID && v.offlineOutcome() != VerificationOutcome.MALFORMED) {
            // the verifier's own reason (which certificate, why): technical, kept as it was given
            detail.append('\n').append(Localization.get("verify.detail.technical", v.detail()));
        }
        if (v.serverMessage() != null) {
            detail.append('\n').append(Localization.get("verify.detail.server", serverWords(v.serverMessage())));
        }
        if (!v.isSystemCode()) {
            detail.append('\n').append(Localization.get("verify.detail.text", abbreviate(v.text())));
        }
        detailText.set(detail.toString());
        rows.setAll(comparison.rows(v));
        showPage(v.pageNumber(), v.text());
    }

    /** What the offline check (signature and certificate chain) said, in the current language. */
    static String offlineSummary(CodeVerdict v) {
        String key = "verify.detail.offline." + v.offlineOutcome().name();
        return v.offlineOutcome() == VerificationOutcome.VALID && v.claims() != null
                ? Localization.get(key, v.claims().issuerName(), v.claims().issuerUscc(), v.claims().keyId())
                : Localization.get(key, v.keyId() == null ? "—" : v.keyId());
    }

    private static final java.util.regex.Pattern BILINGUAL = java.util.regex.Pattern.compile(
            "^(.*?[。！？])\\s*([A-Za-z].*)$", java.util.regex.Pattern.DOTALL);

    /**
     * The server's verdict in the screen's language: the server writes it in Chinese, then English
     * ("真实有效：…。 Genuine: …"); a message not in that shape is shown as it is.
     */
    static String serverWords(String message) {
        java.util.regex.Matcher m = BILINGUAL.matcher(message.strip());
        if (!m.matches()) {
            return message;
        }
        return Localization.language() == cn.cqs.client.i18n.AppLanguage.CHINESE ? m.group(1) : m.group(2);
    }

    private void showPage(int page, String selectedText) {
        preview.set(previewImages.get(page));
        marks.clear();
        if (document == null) {
            return;
        }
        for (CodeLocation location : document.locations().getOrDefault(page, List.of())) {
            boolean system = codes.stream().anyMatch(c -> c.verdict().text().equals(location.text())
                    && c.verdict().isSystemCode());
            marks.add(new CodeMark(location.x(), location.y(), location.width(), location.height(), system,
                    location.text().equals(selectedText)));
        }
    }

    private void updateTrustStatus() {
        TrustCache cache = verifier.cache();
        if (cache.loadProblem().isPresent() && !cache.hasBundle()) {
            trustStatus.set(Localization.get("pki.status.damaged"));
        } else {
            trustStatus.set(cache.lastRefreshed()
                    .map(t -> Localization.get("pki.status.refreshed", REFRESHED.format(t.atZone(zone))))
                    .orElse(Localization.get("pki.status.never")));
        }
    }

    private static Image toFx(BufferedImage image) {
        return SwingFXUtils.toFXImage(image, null);
    }

    // ------------------------------------------------------------------ properties

    /** 核验地点: where the desk stands, recorded with each verification and remembered. */
    public StringProperty placeProperty() {
        return place;
    }

    /** What happened to the records of the last file (queued, or why they could not be kept). */
    public ReadOnlyStringProperty recordStatusProperty() {
        return recordStatus.getReadOnlyProperty();
    }

    /** Whether 拒收并举报 applies: a code was checked and is selected, nothing else running. */
    public BooleanBinding canRefuseProperty() {
        return canRefuse;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trustStatusProperty() {
        return trustStatus.getReadOnlyProperty();
    }

    public ObservableList<CodeItem> codes() {
        return codesView;
    }

    public ObjectProperty<CodeItem> selectedCodeProperty() {
        return selectedCode;
    }

    public ReadOnlyStringProperty outcomeTitleProperty() {
        return outcomeTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeHintProperty() {
        return outcomeHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeIconProperty() {
        return outcomeIcon.getReadOnlyProperty();
    }

    /** The style class of the outcome's tone, e.g. {@code outcome-good}; {@code outcome-none} when empty. */
    public ReadOnlyStringProperty outcomeStyleProperty() {
        return outcomeStyle.getReadOnlyProperty();
    }

    /** The outcome on show in the desk's own terms (lifecycle and upload limit included), null when none. */
    public ReadOnlyObjectProperty<DeskOutcome> deskOutcomeProperty() {
        return deskOutcome.getReadOnlyProperty();
    }

    /** The camera side of the desk. */
    public LiveDeskViewModel live() {
        return live;
    }

    public ReadOnlyStringProperty detailTextProperty() {
        return detailText.getReadOnlyProperty();
    }

    public ObservableList<ComparisonRow> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<Image> previewProperty() {
        return preview;
    }

    public ObservableList<CodeMark> marks() {
        return marksView;
    }
}
