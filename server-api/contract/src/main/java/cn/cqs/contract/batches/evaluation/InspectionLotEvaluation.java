package cn.cqs.contract.batches.evaluation;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/projects/{projectId}/strength-evaluation}: the GB/T 50107-2010 evaluation of
 * one inspection lot (检验批) of a project: its groups (the project's valid cube reports of the
 * strength class, of the pour location when given, of linked batches only when asked) and the
 * contract's {@link StrengthEvaluation} of their representative strengths.
 *
 * @param pourLocation    the pour location (浇筑部位 / 工程部位) the lot was limited to, or null
 * @param linkedOnly      whether only reports linked to a batch were taken
 * @param groups          the groups, oldest issue first
 * @param result          the evaluation; null when there are no groups
 */
public record InspectionLotEvaluation(UUID projectId, String projectName, String strengthClass, String pourLocation,
                                      boolean linkedOnly, List<EvaluatedGroup> groups,
                                      StrengthEvaluationResult result) {
    public InspectionLotEvaluation {
        groups = List.copyOf(groups);
    }
}
