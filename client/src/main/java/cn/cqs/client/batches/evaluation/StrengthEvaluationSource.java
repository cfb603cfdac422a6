package cn.cqs.client.batches.evaluation;

import cn.cqs.contract.batches.evaluation.InspectionLotEvaluation;
import cn.cqs.contract.batches.evaluation.LotEvaluationMethod;
import cn.cqs.contract.projects.Project;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Where the 强度评定 screen gets projects and evaluations: the server (tests substitute it). Calls block. */
public interface StrengthEvaluationSource {
    /** The projects the caller sees ({@code GET /api/v1/projects}). */
    List<Project> projects();

    /**
     * {@code GET /api/v1/projects/{projectId}/strength-evaluation}.
     *
     * @param pourLocation null for every location
     * @param sigma0       null when not known
     * @param method       null for the standard's choice
     */
    InspectionLotEvaluation evaluate(UUID projectId, String strengthClass, String pourLocation, BigDecimal sigma0,
                                     LotEvaluationMethod method, boolean linkedOnly);
}
