package cn.cqs.server.reports;

import cn.cqs.contract.orgs.Organisation;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.contract.projects.Project;
import cn.cqs.contract.pki.TrustRegistry;
import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.qr.MalformedTokenException;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenVerifier;
import cn.cqs.contract.qr.Verification;
import cn.cqs.contract.qr.VerificationOutcome;
import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportSummary;
import cn.cqs.contract.reports.ReportTypeDefinition;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportLifecycle;
import cn.cqs.contract.reports.ReportWithdrawal;
import cn.cqs.contract.reports.SignOff;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import cn.cqs.server.orgs.OrganisationService;
import cn.cqs.server.projects.ProjectService;
import cn.cqs.server.reports.pdf.ReportPdfs;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * 检测报告上传与查询 (report upload and reading). An upload is accepted only when its content is
 * valid, its QR token is genuine (signature and certificate chain first), was signed by the
 * uploading organisation for this very report (number and key-fields digest), its issue time is the
 * token's, and its project is one the organisation works on. The server's receipt time decides the
 * 24-hour rule ({@link UploadDeadline}). The upload carries the report's PDF, which must bear the
 * organisation's valid signature ({@link ReportPdfs}); the server stores it and serves it. Reads are scoped: an enterprise sees its own reports, a
 * regulator those whose project lies in its jurisdiction; anything else is a 404.
 *
 * <p>Lifecycle (docs/report-lifecycle.md): an upload naming a {@code draftId} issues an approved
 * report draft and takes the reviewer and approver from its steps ({@link SignOff#WORKFLOW}); without
 * one, a user must hold author, review and approve ({@link SignOff#SINGLE_USER}) or an API key declares
 * the names ({@link SignOff#DECLARED}). An upload naming {@code supersedes} is a correction (更正): the
 * superseded report becomes SUPERSEDED in the same transaction. {@link #withdraw} withdraws (撤回).
 */
public final class ReportService {
    /** Longest tester, reviewer or approver name. */
    public static final int MAX_PERSON_NAME = 50;
    private final Jdbi jdbi;
    private final ReportStore store;
    private final ProjectService projects;
    private final OrganisationService organisations;
    private final TrustRegistry trust;
    private final AuditLog audit;
    private final Clock clock;
    private final ReportPdfs pdfs;
    private final ReportDraftService drafts;

    public ReportService(Jdbi jdbi, ReportStore store, ProjectService projects, OrganisationService organisations,
                         TrustRegistry trust, AuditLog audit, Clock clock, ReportPdfs pdfs, ReportDraftService drafts) {
        this.drafts = drafts;
        this.pdfs = pdfs;
        this.jdbi = jdbi;
        this.store = store;
        this.projects = projects;
        this.organisations = organisations;
        this.trust = trust;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks and stores an upload inside the caller's transaction (the idempotent POST stores its
     * response in the same one).
     */
    public ReportRecord upload(Handle h, Principal p, ReportUpload upload) {
        if (upload.draftId() == null) {
            requireDirectIssue(p);
        }
        Organisation issuer = organisations.get(p, p.organisationId());
        Validation v = new Validation();
        Object content = upload.content();
        ReportTypeDefinition<?, ?> definition = upload.type() == null ? null : ReportTypes.of(upload.type());
        boolean contentValid = false;
        if (upload.type() == null) {
            v.add("type", "required", "type is required");
        }
        if (content == null) {
            v.add("content", "required", "content (the report content) is required");
        } else if (definition != null) {
            List<FieldError> errors = definition.validate(content);
            errors.forEach(e -> v.add("content." + e.field(), e.code(), e.message()));
            contentValid = errors.isEmpty();
        }
        ReportHeader header = content == null || definition == null ? null : definition.headerOf(content);
        Optional<ReportDraft> draft = upload.draftId() == null ? Optional.empty()
                : drafts.approvedForIssue(h, p, upload.draftId(), upload.type(), content, v);
        Optional<ReportRecord> superseded = upload.supersedes() == null ? Optional.empty()
                : supersededReport(h, p, issuer, upload, v);
        if (upload.supersedes() == null && upload.correctionReason() != null) {
            v.add("correctionReason", "without_supersedes", "correctionReason is only for a correction: "
                    + "name the report it supersedes in supersedes");
        }
        v.optionalText("testerName", upload.testerName(), MAX_PERSON_NAME)
                .optionalText("reviewerName", upload.reviewerName(), MAX_PERSON_NAME)
                .optionalText("approverName", upload.approverName(), MAX_PERSON_NAME);
        if (upload.issuedAt() == null) {
            v.add("issuedAt", "required", "issuedAt is required");
        }
        QrToken token = checkToken(v, upload.qrToken(), issuer, upload.type(), contentValid ? content : null);
        if (token != null && upload.issuedAt() != null
                && !upload.issuedAt().truncatedTo(ChronoUnit.SECONDS).equals(token.issuedAt())) {
            v.add("issuedAt", "token_mismatch", "issuedAt " + upload.issuedAt() + " is not the issue time signed in "
                    + "the QR token (" + token.issuedAt() + ")");
        }
        Instant certificateTime = token != null ? token.issuedAt() : clock.instant();
        ReportPdfs.AcceptedPdf pdf = pdfs.check(v, upload.pdfBase64(), issuer.uscc(), certificateTime);
        Project project = null;
        if (header != null && header.projectId() != null) {
            project = projects.findVisible(h, p, header.projectId()).orElse(null);
            if (project == null) {
                v.add(contentPath(upload.type(), "projectId"), "project_not_visible",
                        "No project with this id is registered for your organisation");
            }
        }
        v.throwIfInvalid();

        if (store.findByIssuerAndNumber(h, issuer.id(), header.reportNumber()).isPresent()) {
            throw numberTaken(upload.type(), header.reportNumber());
        }
        Instant received = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UploadDeadline.Judgement judgement = UploadDeadline.judge(token.issuedAt(), received, header.testDate());
        ReportSummary summary = definition.summaryOf(content);
        String pdfKey = pdfs.store(pdf);
        SignOff signOff;
        String tester = Validation.trim(upload.testerName());
        String reviewer;
        String approver;
        if (draft.isPresent()) {
            signOff = SignOff.WORKFLOW;
            tester = tester != null ? tester : draft.get().authorName();
            reviewer = draft.get().reviewerName();
            approver = draft.get().approverName();
        } else if (p.userId() != null) {
            signOff = SignOff.SINGLE_USER;
            reviewer = drafts.displayName(h, p.userId());
            approver = reviewer;
        } else {
            signOff = SignOff.DECLARED;
            reviewer = Validation.trim(upload.reviewerName());
            approver = Validation.trim(upload.approverName());
        }
        ReportRecord record = new ReportRecord(UUID.randomUUID(), upload.type(), header.reportNumber(),
                issuer.id(), issuer.name(), issuer.uscc(), project.id(), header.projectName(), header.projectPart(),
                header.sampleName(), summary.grade(), summary.representativeStrengthMpa(), summary.conclusion(),
                token.issuedAt(), received, judgement.late(),
                judgement.flag() == null ? null : judgement.flag().name(), ReportStatus.VALID,
                tester, reviewer, approver, 1, content, token.encode(), pdfKey, signOff,
                draft.map(ReportDraft::id).orElse(null), superseded.map(ReportRecord::id).orElse(null), null,
                superseded.isPresent() ? Validation.trim(upload.correctionReason()) : null, null, null, null);
        try {
            store.insert(h, record);
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw numberTaken(upload.type(), header.reportNumber());
            }
            throw e;
        }
        audit.record(h, p, received, "report.upload", "report", record.id(), project.id(), null, record);
        if (superseded.isPresent()) {
            ReportRecord old = superseded.get();
            store.endValidity(h, old.id(), ReportStatus.SUPERSEDED, record.correctionReason(), record.id(), received);
            audit.record(h, p, received, "report.supersede", "report", old.id(), old.projectId(), old,
                    store.findOwnForUpdate(h, issuer.id(), old.id()).orElseThrow());
        }
        if (draft.isPresent()) {
            drafts.markIssued(h, p, draft.get(), record.id(), received);
        }
        return record.withHistory(store.history(h, record));
    }

    /**
     * Without a draft, a user issues alone only when they hold author, review and approve (the report
     * records {@link SignOff#SINGLE_USER}); the lab's software (API key) needs REPORTS_AUTHOR and its
     * declared names are recorded as {@link SignOff#DECLARED}.
     */
    private static void requireDirectIssue(Principal p) {
        if (p.userId() == null) {
            p.require(Permission.REPORTS_AUTHOR);
        } else if (!ReportLifecycle.mayIssueDirectly(p.permissions())) {
            throw ApiException.forbidden("Issuing without an approved draft needs the REPORTS_AUTHOR, REPORTS_REVIEW "
                    + "and REPORTS_APPROVE permissions; otherwise have the report draft reviewed and approved and "
                    + "send its draftId");
        }
    }

    /** For a correction: the superseded report, locked; it must be the organisation's and VALID. */
    private Optional<ReportRecord> supersededReport(Handle h, Principal p, Organisation issuer, ReportUpload upload,
                                                    Validation v) {
        v.text("correctionReason", upload.correctionReason(), ReportLifecycle.MAX_REASON);
        Optional<ReportRecord> old = store.findOwnForUpdate(h, issuer.id(), upload.supersedes());
        if (old.isEmpty()) {
            v.add("supersedes", "not_found", "Your organisation has no report " + upload.supersedes());
            return old;
        }
        ReportDraftService.refuseIfAny(ReportLifecycle.checkWithdrawOrCorrect(old.get().status(), p.permissions()));
        return old;
    }

    /**
     * 撤回: the lab withdraws its VALID report with a reason (REPORTS_APPROVE). Verification then shows
     * it as genuine but withdrawn.
     */
    public ReportRecord withdraw(Principal p, UUID id, ReportWithdrawal withdrawal) {
        return jdbi.inTransaction(h -> {
            ReportRecord before = store.findOwnForUpdate(h, p.organisationId(), id)
                    .orElseThrow(() -> ApiException.notFound("Report"));
            p.require(Permission.REPORTS_APPROVE);
            new Validation().text("reason", withdrawal.reason(), ReportLifecycle.MAX_REASON).throwIfInvalid();
            ReportDraftService.refuseIfAny(ReportLifecycle.checkWithdrawOrCorrect(before.status(), p.permissions()));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            store.endValidity(h, id, ReportStatus.WITHDRAWN, Validation.trim(withdrawal.reason()), null, now);
            ReportRecord after = store.findOwnForUpdate(h, p.organisationId(), id).orElseThrow();
            audit.record(h, p, now, "report.withdraw", "report", id, after.projectId(), before, after);
            return after.withHistory(store.history(h, after));
        });
    }

    /** The report number of a report (for naming the correction that superseded a report). */
    public Optional<String> numberOf(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select report_number from report where id = :id").bind("id", id)
                .mapTo(String.class).findOne());
    }

    private static ApiException numberTaken(ReportType type, String number) {
        return new ApiException(409, ProblemTypes.CONFLICT, "Your organisation has already uploaded report "
                + number + "; a report number is used once", List.of(new FieldError(contentPath(type, "reportNumber"),
                "taken", "Report number " + number + " is already uploaded")), java.util.Map.of());
    }

    /**
     * The JSON path of a header field inside an upload's content: {@code content.reportNumber} for the
     * concrete cube (flat fields), {@code content.header.reportNumber} for the other types.
     */
    static String contentPath(ReportType type, String headerField) {
        return type == ReportType.CONCRETE_CUBE ? "content." + headerField : "content.header." + headerField;
    }

    /**
     * Decodes and verifies the token and ties it to the uploader and the content. Adds a
     * {@code qrToken} error and returns null when it is not acceptable.
     *
     * @param content the content when it is valid (so its key fields can be computed), else null
     */
    private QrToken checkToken(Validation v, String text, Organisation issuer, ReportType type, Object content) {
        if (text == null || text.isBlank()) {
            v.add("qrToken", "required", "qrToken is required");
            return null;
        }
        QrToken token;
        try {
            token = QrToken.decode(text.strip());
        } catch (MalformedTokenException e) {
            v.add("qrToken", "malformed", "qrToken is not a QR token of this system: " + e.getMessage());
            return null;
        }
        Verification verification = new TokenVerifier(trust).verify(token);
        if (!verification.isValid()) {
            v.add("qrToken", verification.outcome().name().toLowerCase(Locale.ROOT), verification.message());
            return null;
        }
        boolean ok = true;
        if (token.kind() != TokenKind.REPORT) {
            v.add("qrToken", "wrong_kind", "The QR token is for a " + token.kind() + ", not a report");
            ok = false;
        }
        if (issuer.uscc() == null || !issuer.uscc().equals(token.issuerId())) {
            v.add("qrToken", "issuer_mismatch", "The QR token was signed by " + token.issuerId()
                    + ", not by your organisation");
            ok = false;
        }
        if (content != null) {
            String number = ReportTypes.of(type).headerOf(content).reportNumber();
            if (!token.documentNumber().equals(number)) {
                v.add("qrToken", "document_number_mismatch", "The QR token is for report " + token.documentNumber()
                        + ", not for " + number);
                ok = false;
            }
            KeyFields keyFields = ReportKeyFields.of(type, content);
            if (verification.checkDigest(keyFields) != VerificationOutcome.VALID) {
                v.add("qrToken", "digest_mismatch", "The report's key fields do not match the QR token: "
                        + "the content was changed after it was signed");
                ok = false;
            }
        }
        return ok ? token : null;
    }

    /** One visible report with its version history (404 when not visible). */
    public ReportRecord get(Principal p, UUID id) {
        return jdbi.withHandle(h -> ProjectService.scoped(h.createQuery(ReportStore.SELECT + " where r.id = :id and "
                        + ReportStore.VISIBLE), p).bind("id", id).map((rs, c) -> store.row(rs)).findOne()
                        .map(r -> r.withHistory(store.history(h, r))))
                .orElseThrow(() -> ApiException.notFound("Report"));
    }

    public List<ReportRecord> list(Principal p, ReportQuery q) {
        return jdbi.withHandle(h -> ProjectService.scoped(h.createQuery(ReportStore.SELECT + " where "
                        + ReportStore.VISIBLE + """
                         and (cast(:projectId as uuid) is null or r.project_id = cast(:projectId as uuid))
                         and (cast(:late as boolean) is null or r.late = cast(:late as boolean))
                         and (cast(:from as timestamptz) is null or r.received_at >= cast(:from as timestamptz))
                         and (cast(:before as timestamptz) is null or r.received_at < cast(:before as timestamptz))
                         and (cast(:pattern as text) is null or r.report_number ilike :pattern or r.project_name ilike :pattern
                              or r.sample_name ilike :pattern or r.sample_id ilike :pattern)
                        order by r.received_at desc, r.id
                        limit :limit offset :offset"""), p)
                .bind("projectId", q.projectId()).bind("late", q.late())
                .bind("from", cn.cqs.server.db.Sql.ts(q.receivedFrom()))
                .bind("before", cn.cqs.server.db.Sql.ts(q.receivedBefore()))
                .bind("pattern", q.likePattern()).bind("limit", q.limit()).bind("offset", q.offset())
                .map((rs, c) -> store.row(rs)).list());
    }

    /** The signed PDF of a report the principal may see (404 when the report is hidden or has no PDF). */
    public cn.cqs.server.blobs.Blob pdf(Principal p, UUID id) {
        ReportRecord record = get(p, id);
        return pdfs.pdfOf(record).orElseThrow(() -> ApiException.notFound("Report PDF"));
    }

    /** The stored signed PDF of {@code record}, if it has one (no scoping: the caller has checked access). */
    public Optional<cn.cqs.server.blobs.Blob> pdfOf(ReportRecord record) {
        return pdfs.pdfOf(record);
    }

    /** The report a verified token names, if uploaded (no scoping: verification is the one crossing). */
    public Optional<ReportRecord> findForToken(String issuerUscc, String reportNumber) {
        return jdbi.withHandle(h -> store.findByIssuerUsccAndNumber(h, issuerUscc, reportNumber));
    }
}
