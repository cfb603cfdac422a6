package cn.cqs.server.reports;

import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.reports.ReportDraftRequest;
import cn.cqs.contract.reports.ReportDraftState;
import cn.cqs.contract.reports.ReportLifecycle;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Validation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 报告草稿 (lab-internal report drafts): authoring, review (审核) and approval (批准) before issue,
 * shared between the lab's PCs. Only the drafting organisation sees a draft (anything else is a
 * 404). Every step checks {@link ReportLifecycle} (permission 403, state and separation of duties
 * 409), changes need the version read ({@code If-Match}, asked for only after the draft was found
 * and the step allowed; 412 when stale) and every change is audited.
 * Review and approval are a person's act: an API key cannot take them.
 */
public final class ReportDraftService {
    private static final Set<Permission> LAB_REPORT_PERMISSIONS =
            Set.of(Permission.REPORTS_AUTHOR, Permission.REPORTS_REVIEW, Permission.REPORTS_APPROVE);
    private final Jdbi jdbi;
    private final ReportDraftStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper mapper;

    public ReportDraftService(Jdbi jdbi, ReportDraftStore store, AuditLog audit, Clock clock, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** Creates a draft in state DRAFT, authored by the caller (inside the idempotent POST's transaction). */
    public ReportDraft create(Handle h, Principal p, ReportDraftRequest request) {
        p.requireUser();
        refuseIfAny(ReportLifecycle.checkEdit(ReportDraftState.DRAFT, p.permissions()));
        Object content = validRequest(request);
        Instant now = now();
        ReportDraft draft = new ReportDraft(UUID.randomUUID(), p.organisationId(), request.type(), content,
                ReportDraftState.DRAFT, p.userId(), store.displayName(h, p.userId()), now, null, null, null, null,
                null, null, null, now, 1);
        store.insert(h, draft);
        audit.record(h, p, now, "report_draft.create", "report_draft", draft.id(), null, null, draft);
        return draft;
    }

    /** The organisation's drafts, most recently changed first. */
    public List<ReportDraft> list(Principal p) {
        requireLabReports(p);
        return jdbi.withHandle(h -> store.listOwn(h, p.organisationId()));
    }

    public ReportDraft get(Principal p, UUID id) {
        requireLabReports(p);
        return jdbi.withHandle(h -> store.findOwn(h, p.organisationId(), id))
                .orElseThrow(() -> ApiException.notFound("Report draft"));
    }

    /** New content; a reviewed or approved draft goes back to DRAFT, an issued one is refused (409). */
    public ReportDraft update(Principal p, UUID id, LongSupplier ifMatch, ReportDraftRequest request) {
        p.requireUser();
        return jdbi.inTransaction(h -> {
            ReportDraft before = lockOwn(h, p, id);
            refuseIfAny(ReportLifecycle.checkEdit(before.state(), p.permissions()));
            checkVersion(before, ifMatch.getAsLong());
            Object content = validRequest(request);
            if (request.type() != before.type()) {
                throw ApiException.validation("type", "changed", "A draft keeps its report type " + before.type());
            }
            Instant now = now();
            store.updateContent(h, id, request.type(), content, now);
            ReportDraft after = store.findOwn(h, p.organisationId(), id).orElseThrow();
            audit.record(h, p, now, "report_draft.update", "report_draft", id, null, before, after);
            return after;
        });
    }

    /** 审核: the content must be a complete, valid report; the reviewer is not the author. */
    public ReportDraft review(Principal p, UUID id, LongSupplier ifMatch) {
        p.requireUser();
        return jdbi.inTransaction(h -> {
            ReportDraft before = lockOwn(h, p, id);
            refuseIfAny(ReportLifecycle.checkReview(before.state(), before.authorUserId(), p.userId(), p.permissions()));
            checkVersion(before, ifMatch.getAsLong());
            List<FieldError> errors = ReportTypes.of(before.type()).validate(before.content()).stream()
                    .map(e -> new FieldError("content." + e.field(), e.code(), e.message())).toList();
            if (!errors.isEmpty()) {
                throw ApiException.validation(errors);
            }
            Instant now = now();
            store.markReviewed(h, id, p.userId(), store.displayName(h, p.userId()), now);
            ReportDraft after = store.findOwn(h, p.organisationId(), id).orElseThrow();
            audit.record(h, p, now, "report_draft.review", "report_draft", id, null, before, after);
            return after;
        });
    }

    /** 批准: the approver is not the reviewer. */
    public ReportDraft approve(Principal p, UUID id, LongSupplier ifMatch) {
        p.requireUser();
        return jdbi.inTransaction(h -> {
            ReportDraft before = lockOwn(h, p, id);
            refuseIfAny(ReportLifecycle.checkApprove(before.state(), before.reviewerUserId(), p.userId(),
                    p.permissions()));
            checkVersion(before, ifMatch.getAsLong());
            Instant now = now();
            store.markApproved(h, id, p.userId(), store.displayName(h, p.userId()), now);
            ReportDraft after = store.findOwn(h, p.organisationId(), id).orElseThrow();
            audit.record(h, p, now, "report_draft.approve", "report_draft", id, null, before, after);
            return after;
        });
    }

    /**
     * For an upload that issues {@code draftId}: the approved draft, locked, after checking the caller
     * may issue it and that {@code content} is exactly the approved content of the same type. Adds a field error to {@code v}
     * and returns empty when the draft cannot be issued for a reason of the request.
     */
    Optional<ReportDraft> approvedForIssue(Handle h, Principal p, UUID draftId, ReportType type, Object content,
                                           Validation v) {
        Optional<ReportDraft> found = store.findOwnForUpdate(h, p.organisationId(), draftId);
        if (found.isEmpty()) {
            v.add("draftId", "not_found", "Your organisation has no report draft " + draftId);
            return Optional.empty();
        }
        ReportDraft draft = found.get();
        refuseIfAny(ReportLifecycle.checkIssue(draft.state(), p.permissions()));
        if (type != null && type != draft.type()) {
            v.add("type", "differs_from_draft", "Draft " + draftId + " is a " + draft.type() + " report, not " + type);
            return Optional.empty();
        }
        if (content != null && !mapper.valueToTree(content).equals(mapper.valueToTree(draft.content()))) {
            v.add("content", "differs_from_draft", "The uploaded content is not the content that was approved in draft "
                    + draftId + "; edit the draft and have it reviewed and approved again");
            return Optional.empty();
        }
        return found;
    }

    void markIssued(Handle h, Principal p, ReportDraft draft, UUID reportId, Instant at) {
        store.markIssued(h, draft.id(), reportId, at);
        audit.record(h, p, at, "report_draft.issue", "report_draft", draft.id(), null, draft,
                store.findOwn(h, p.organisationId(), draft.id()).orElseThrow());
    }

    /** The caller's display name (for a direct issue, recorded as reviewer and approver). */
    String displayName(Handle h, UUID userId) {
        return store.displayName(h, userId);
    }

    private ReportDraft lockOwn(Handle h, Principal p, UUID id) {
        requireLabReports(p);
        return store.findOwnForUpdate(h, p.organisationId(), id)
                .orElseThrow(() -> ApiException.notFound("Report draft"));
    }

    private static void requireLabReports(Principal p) {
        if (p.permissions().stream().noneMatch(LAB_REPORT_PERMISSIONS::contains)) {
            throw ApiException.forbidden("Report drafts need the REPORTS_AUTHOR, REPORTS_REVIEW or REPORTS_APPROVE "
                    + "permission");
        }
    }

    private static void checkVersion(ReportDraft draft, long ifMatch) {
        if (draft.version() != ifMatch) {
            throw Etags.conflict("report draft", draft.version());
        }
    }

    private static Object validRequest(ReportDraftRequest request) {
        Validation v = new Validation();
        if (request.type() == null) {
            v.add("type", "required", "type is required");
        }
        Object content = request.content();
        if (content == null) {
            v.add("content", "required", "content (the report content) is required");
        } else if (request.type() != null) {
            ReportHeader header = ReportTypes.of(request.type()).headerOf(content);
            String path = ReportService.contentPath(request.type(), "reportNumber");
            if (header == null || header.reportNumber() == null || header.reportNumber().isBlank()) {
                v.add(path, "required", path + " is required, even in a draft");
            }
        }
        v.throwIfInvalid();
        return content;
    }

    /** Maps a lifecycle refusal to 403 (permission) or 409 (state, separation of duties). */
    static void refuseIfAny(Optional<ReportLifecycle.Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw r.kind() == ReportLifecycle.Refusal.Kind.PERMISSION ? ApiException.forbidden(r.message())
                    : new ApiException(409, ProblemTypes.CONFLICT, r.message());
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
