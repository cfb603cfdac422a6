package cn.cqs.client.reports;

import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.reports.ReportDraftState;
import cn.cqs.client.rendering.ExternalPdfRefusedException;
import cn.cqs.client.rendering.ExternalPdfStamper;
import cn.cqs.client.rendering.PrintedBox;
import cn.cqs.client.rendering.RenderedReport;
import cn.cqs.client.rendering.StampPlacement;
import cn.cqs.client.rendering.StampedPdf;
import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.rendering.ReportPrints;
import cn.cqs.client.rendering.signing.PdfSigner;
import cn.cqs.client.rendering.signing.SealPlacement;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.ReportTypeDefinition;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.validation.ReportInputException;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.cube.CubeInputException;
import cn.cqs.contract.time.ChinaTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * 签发: issues a draft. Validates it, signs the QR token with the organisation's key
 * ({@code TokenSigner.sign(REPORT, reportNumber, ReportKeyFields.of(cube), now)}), whose payload is
 * {@code token.toUrl(<server URL>)}, renders the PDF (or, for a PDF the lab produced elsewhere, stamps
 * the QR code on it: {@link #issueWithExternalPdf}), signs it with the same credential (the seal
 * beside the QR code, a detached CMS signature: {@link PdfSigner}), saves the signed PDF into the
 * profile directory, and, in one local transaction, marks the report issued and queues its
 * {@link ReportUpload} ({@code POST /api/v1/reports}, the signed PDF in {@code pdfBase64}) in the
 * outbox. Everything happens offline; only the upload waits for the
 * server. No JavaFX; call off the JavaFX thread.
 */
public final class ReportIssuer {
    /** Where reports are uploaded. */
    public static final String REPORTS_PATH = ApiVersion.BASE_PATH + "/reports";
    /** The outbox entry kind of a report upload. */
    public static final String UPLOAD_KIND = "report.upload";
    /** The zone the issue date is printed in. */
    public static final ZoneId LOCAL_ZONE = ChinaTime.ZONE;

    private static final PdfSigner PDF_SIGNER = new PdfSigner();
    private static final ExternalPdfStamper STAMPER = new ExternalPdfStamper();

    private final LocalStore store;
    private final LocalReports reports;
    private final Outbox outbox;
    private final java.util.function.Supplier<ReportPdfRenderer> renderer;
    private final Path pdfDirectory;
    private final URI serverUrl;
    private final Clock clock;

    public ReportIssuer(LocalStore store, LocalReports reports, Outbox outbox,
                        java.util.function.Supplier<ReportPdfRenderer> renderer,
                        Path pdfDirectory, URI serverUrl, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.pdfDirectory = Objects.requireNonNull(pdfDirectory, "pdfDirectory");
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues {@code draft}.
     *
     * @param credential the organisation's unlocked signing credential (QR token and PDF)
     * @param labName the organisation printed on the report
     * @param tester  the user issuing (检测)
     * @throws ReportInputException when the report is not valid (all field errors)
     * @throws IllegalStateException when it was issued already
     */
    public LocalReport issue(LocalReport draft, OrganisationCredential credential, String labName, String tester) {
        return issue(draft, credential, tester, null, rendered(draft, labName, tester));
    }

    /**
     * Issues a draft the lab reviewed and approved on the server (签发): the reviewer and approver
     * printed are the draft's recorded steps, the tester is its author, and the upload names the draft
     * ({@code draftId}), so the server checks it was approved and records the steps.
     */
    public LocalReport issueApproved(ReportDraft approved, OrganisationCredential credential, String labName) {
        LocalReport local = approvedLocal(approved);
        return issue(local, credential, approved.authorName(), approved.id(), rendered(local, labName, approved.authorName()));
    }

    private LocalReport approvedLocal(ReportDraft approved) {
        if (approved.state() != ReportDraftState.APPROVED) {
            throw new IllegalStateException("Report draft " + approved.reportNumber() + " is " + approved.state()
                    + ", not approved");
        }
        return LocalReport.draft(approved.type(), approved.content(), approved.reviewerName(),
                approved.approverName(), clock.instant());
    }

    /**
     * Issues {@code draft} with a report PDF the lab produced in its own business software (外部PDF签发):
     * everything {@link #issue(LocalReport, OrganisationCredential, String, String)} does, except that
     * instead of rendering our template, the QR code is stamped on {@code externalPdf}
     * ({@link ExternalPdfStamper}, at {@code placement}) and the seal placed beside it. The structured data
     * uploaded are the draft's; the lab answers for its PDF showing the same report.
     *
     * @param tester the user issuing (检测)
     * @throws ExternalPdfRefusedException when the file is missing, unreadable, encrypted, signed already,
     *                                     too large or its page too small for the code
     * @throws ReportInputException        when the report is not valid (all field errors)
     * @throws IllegalStateException       when it was issued already
     */
    public LocalReport issueWithExternalPdf(LocalReport draft, Path externalPdf, StampPlacement placement,
                                            OrganisationCredential credential, String tester) {
        Objects.requireNonNull(placement, "placement");
        byte[] external = readExternal(externalPdf);
        return issue(draft, credential, tester, null, (payload, now) -> stamped(external, payload, placement));
    }

    /**
     * Issues an approved shared draft ({@link #issueApproved}) with a report PDF produced elsewhere
     * ({@link #issueWithExternalPdf}).
     */
    public LocalReport issueApprovedWithExternalPdf(ReportDraft approved, Path externalPdf, StampPlacement placement,
                                                    OrganisationCredential credential) {
        Objects.requireNonNull(placement, "placement");
        LocalReport local = approvedLocal(approved);
        byte[] external = readExternal(externalPdf);
        return issue(local, credential, approved.authorName(), approved.id(),
                (payload, now) -> stamped(external, payload, placement));
    }

    /** A PDF ready to sign and where its seal goes. */
    private record SignablePdf(byte[] pdf, PrintedBox seal) {
    }

    /** Makes the PDF of the report from the QR payload and the issue time. */
    @FunctionalInterface
    private interface PdfMaker {
        SignablePdf make(String qrPayload, Instant issuedAt);
    }

    private static SignablePdf stamped(byte[] external, String payload, StampPlacement placement) {
        StampedPdf stamped = STAMPER.stamp(external, payload, placement);
        return new SignablePdf(stamped.pdf(), SealPlacement.besideQrCode(stamped));
    }

    private PdfMaker rendered(LocalReport draft, String labName, String tester) {
        return (payload, now) -> {
            RenderedReport rendered = renderer.get().renderLaidOut(ReportPrints.of(draft.type(), draft.content(),
                    labName, tester, draft.reviewerName(), draft.approverName(), LocalDate.ofInstant(now, LOCAL_ZONE),
                    payload));
            return new SignablePdf(rendered.pdf(), SealPlacement.besideQrCode(rendered));
        };
    }

    /** The external PDF's bytes; refused before reading when the file is missing or over the limit. */
    static byte[] readExternal(Path file) {
        Objects.requireNonNull(file, "externalPdf");
        try {
            if (!Files.isRegularFile(file)) {
                throw new ExternalPdfRefusedException(ExternalPdfRefusedException.UNREADABLE, "no such file: " + file);
            }
            long size = Files.size(file);
            if (size > ReportUpload.MAX_PDF_BYTES) {
                throw new ExternalPdfRefusedException(ExternalPdfRefusedException.TOO_LARGE, file.getFileName() + " has "
                        + size + " bytes; at most " + ReportUpload.MAX_PDF_BYTES + " (15 MiB) are accepted");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.UNREADABLE, "cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private LocalReport issue(LocalReport draft, OrganisationCredential credential, String tester,
                              java.util.UUID draftId, PdfMaker maker) {
        if (draft.state() != LocalReportState.DRAFT) {
            throw new IllegalStateException("Report " + draft.reportNumber() + " is issued already");
        }
        ReportTypeDefinition<?, ?> definition = ReportTypes.of(draft.type());
        List<Problem.FieldError> errors = definition.validate(draft.content());
        if (!errors.isEmpty()) {
            throw draft.type() == ReportType.CONCRETE_CUBE ? new CubeInputException(errors)
                    : new ReportInputException(definition.code(), errors);
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String number = draft.reportNumber();
        QrToken token = TokenSigner.of(credential).sign(TokenKind.REPORT, number, definition.keyFieldsOf(draft.content()),
                now);
        String payload = token.toUrl(serverUrl.toString());
        SignablePdf made = maker.make(payload, now);
        byte[] pdf = PDF_SIGNER.sign(made.pdf(), credential, made.seal(), now);
        Path file = pdfDirectory.resolve(number + ".pdf");
        try {
            Files.createDirectories(pdfDirectory);
            Path tmp = Files.createTempFile(pdfDirectory, number, ".tmp");
            Files.write(tmp, pdf);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report PDF " + file + ": " + e.getMessage(), e);
        }
        ReportUpload upload = new ReportUpload(draft.type(), draft.content(), token.encode(), now, tester,
                blankToNull(draft.reviewerName()), blankToNull(draft.approverName()), Base64.getEncoder().encodeToString(pdf),
                draftId, null, null);
        return store.inTransaction(c -> {
            OutboxEntry entry = outbox.enqueue(UPLOAD_KIND, number, OutboxTarget.post(REPORTS_PATH), upload);
            LocalReport issued = draft.issued(now, token.encode(), file, entry.id());
            reports.save(c, issued);
            return issued;
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
