package cn.cqs.client.reports;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.reports.ReportDraftRequest;
import cn.cqs.contract.reports.ReportDraftState;
import cn.cqs.contract.reports.ReportType;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lab's shared report drafts on the server ({@code /api/v1/report-drafts}): an author submits a
 * local draft so a reviewer (审核) and an approver (批准) on other PCs can take their steps. Needs the
 * server (review and approval are recorded there). No JavaFX; call off the JavaFX thread.
 */
public final class ReportDrafts {
    /** The drafts' collection. */
    public static final String PATH = ApiVersion.BASE_PATH + "/report-drafts";
    private final ApiClient api;

    public ReportDrafts(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** The organisation's drafts, most recently changed first. */
    public List<ReportDraft> list() {
        return api.get(PATH, new TypeReference<List<ReportDraft>>() { }, Map.of());
    }

    /**
     * Puts a local draft on the server for review. When the lab already has a shared draft with the
     * same report number that is not issued, its content is replaced (it goes back to DRAFT, losing any
     * review); otherwise a new shared draft is created, idempotently for this version of the local draft.
     */
    public ReportDraft submit(LocalReport local) {
        ReportDraftRequest request = new ReportDraftRequest(local.type(), local.content());
        String number = local.reportNumber();
        java.util.Optional<ReportDraft> existing = list().stream()
                .filter(d -> d.state() != ReportDraftState.ISSUED && d.reportNumber().equals(number))
                .findFirst();
        if (existing.isPresent()) {
            return api.put(PATH + "/" + existing.get().id(), request, ReportDraft.class,
                    Map.of("If-Match", "\"" + existing.get().version() + "\""));
        }
        return api.post(PATH, request, ReportDraft.class, Map.of(ApiClient.IDEMPOTENCY_KEY,
                "report-draft-" + local.id() + "-" + local.updatedAt().toEpochMilli()));
    }

    /** 审核: records the current user as reviewer of the version read. */
    public ReportDraft review(ReportDraft draft) {
        return step(draft, "review");
    }

    /** 批准: records the current user as approver of the version read. */
    public ReportDraft approve(ReportDraft draft) {
        return step(draft, "approve");
    }

    private ReportDraft step(ReportDraft draft, String step) {
        return api.post(PATH + "/" + draft.id() + "/" + step, null, ReportDraft.class,
                Map.of("If-Match", "\"" + draft.version() + "\""));
    }
}
