package cn.cqs.contract.supervision;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.cube.CubeConclusion;
import java.util.Set;

/**
 * Which overall conclusions (检测结论) count as qualified (合格) in the statistics. Everything else is
 * unqualified (不合格): a result below the requirement and an invalid result (e.g. a cube group whose
 * extremes both differ by more than 15 %, 该组试验结果无效) alike, because neither lets the
 * concrete be accepted. A report type with its own conclusions adds its qualifying ones here; an
 * unlisted conclusion is counted as unqualified, so a forgotten entry shows up in the statistics
 * instead of hiding failures.
 */
public final class ReportConformity {
    /**
     * Conclusion names (as stored and sent) that mean the sample met its requirement: the common
     * {@link Conclusion#QUALIFIED}, and the cube's own {@code MEETS_GRADE}, which records and
     * replicas written before the report types were unified (migration V7) still carry.
     */
    public static final Set<String> QUALIFIED_CONCLUSIONS = Set.of(Conclusion.QUALIFIED.name(),
            CubeConclusion.MEETS_GRADE.name());

    private ReportConformity() {
    }

    /** Whether a report with this conclusion counts as unqualified; a missing conclusion does. */
    public static boolean isUnqualified(String conclusion) {
        return conclusion == null || !QUALIFIED_CONCLUSIONS.contains(conclusion);
    }
}
