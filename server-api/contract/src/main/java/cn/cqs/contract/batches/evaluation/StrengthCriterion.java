package cn.cqs.contract.batches.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One inequality of a GB/T 50107-2010 evaluation, with both sides as computed, e.g.
 * {@code mfcu − λ1·Sfcu ≥ fcu,k}: left {@code 33.77}, right {@code 30}. The comparison is exact on
 * these decimal values; equality passes.
 *
 * @param formula the inequality as the standard writes it, e.g. {@code mfcu − λ1·Sfcu ≥ fcu,k}
 * @param left    the left side
 * @param right   the right side
 * @param passed  {@code left ≥ right}
 */
public record StrengthCriterion(String formula, BigDecimal left, BigDecimal right, boolean passed) {
    public StrengthCriterion {
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        if (passed != left.compareTo(right) >= 0) {
            throw new IllegalArgumentException("passed must be left >= right: " + formula);
        }
    }

    /** The criterion {@code left ≥ right}. */
    public static StrengthCriterion atLeast(String formula, BigDecimal left, BigDecimal right) {
        return new StrengthCriterion(formula, left, right, left.compareTo(right) >= 0);
    }
}
