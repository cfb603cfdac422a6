package cn.cqs.contract.reports.mortar;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.cube.EvaluationMethod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The evaluated mortar group, as the report shows it. Strengths in MPa to 0.1 MPa.
 *
 * @param designGrade          the design grade
 * @param specimenStrengthsMpa each cube's f = K·N/A, in input order
 * @param method               mean, middle value or invalid (the same 15 % rule as concrete cubes)
 * @param strengthMpa          the group's compressive strength; {@code null} when invalid
 * @param percentOfGrade       the strength as a whole percentage of the grade; {@code null} when invalid
 * @param items                the single item (抗压强度)
 * @param conclusion           the conclusion: qualified when the group reaches the design grade
 */
public record MortarResult(MortarGrade designGrade, List<BigDecimal> specimenStrengthsMpa, EvaluationMethod method,
                           BigDecimal strengthMpa, Integer percentOfGrade, List<ItemConclusion> items,
                           Conclusion conclusion) {
    public MortarResult {
        Objects.requireNonNull(designGrade, "designGrade");
        specimenStrengthsMpa = List.copyOf(specimenStrengthsMpa);
        Objects.requireNonNull(method, "method");
        items = List.copyOf(items);
        Objects.requireNonNull(conclusion, "conclusion");
        boolean invalid = method == EvaluationMethod.INVALID;
        if (invalid != (strengthMpa == null) || invalid != (percentOfGrade == null)
                || invalid != (conclusion == Conclusion.INVALID)) {
            throw new IllegalArgumentException("An invalid group has no values and the INVALID conclusion");
        }
    }
}
