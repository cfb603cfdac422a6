package cn.cqs.contract.batches.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation of one inspection lot's concrete strength (检验批混凝土强度评定), GB/T 50107-2010.
 *
 * @param method     the method applied
 * @param fcuK       fcu,k in MPa (立方体抗压强度标准值)
 * @param n          the number of groups (样本容量)
 * @param mean       mfcu, the mean of the group strengths, to 0.1 MPa
 * @param min        fcu,min, the lowest group strength
 * @param s          the standard deviation before the 2.5 MPa floor, to 0.01 MPa: Sfcu computed from
 *                   the groups (unknown σ) or σ0 as given (known σ); null for the non-statistical method
 * @param sigma      the standard deviation the criteria use: Sfcu or σ0, raised to 2.5 MPa when
 *                   smaller; null for the non-statistical method
 * @param lambda1    λ1, or null when the method has none
 * @param lambda2    λ2, or null
 * @param lambda3    λ3, or null
 * @param lambda4    λ4, or null
 * @param criteria   every inequality of the method, in the standard's order
 * @param conclusion 合格 when all pass
 */
public record StrengthEvaluationResult(LotEvaluationMethod method, BigDecimal fcuK, int n, BigDecimal mean,
                                       BigDecimal min, BigDecimal s, BigDecimal sigma, BigDecimal lambda1,
                                       BigDecimal lambda2, BigDecimal lambda3, BigDecimal lambda4,
                                       List<StrengthCriterion> criteria, LotConclusion conclusion) {
    public StrengthEvaluationResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fcuK, "fcuK");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(conclusion, "conclusion");
        criteria = List.copyOf(criteria);
        boolean all = criteria.stream().allMatch(StrengthCriterion::passed);
        if (all != (conclusion == LotConclusion.QUALIFIED)) {
            throw new IllegalArgumentException("The conclusion must be QUALIFIED exactly when every criterion passes");
        }
    }

    /** Whether Sfcu or σ0 was below 2.5 MPa and 2.5 was used instead. */
    public boolean sigmaRaisedToFloor() {
        return s != null && s.compareTo(StrengthEvaluation.SIGMA_FLOOR) < 0;
    }
}
