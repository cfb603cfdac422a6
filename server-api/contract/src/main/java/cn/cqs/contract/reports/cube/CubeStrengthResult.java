package cn.cqs.contract.reports.cube;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The evaluated cube compressive strength of one group of three cubes (混凝土立方体抗压强度), as
 * the report shows it. Strengths are in MPa to 0.1 MPa.
 *
 * @param specimenSize              the cube size
 * @param designGrade               the design strength grade (设计强度等级)
 * @param specimenStrengthsMpa      each cube's strength F/A to 0.1 MPa (单块强度), in input order
 * @param method                    how the group value was determined
 * @param groupStrengthMpa          the group value before the size factor (强度值); {@code null}
 *                                  when the group is invalid
 * @param sizeFactor                the size conversion factor applied (尺寸换算系数)
 * @param sizeFactorTested          whether the factor was determined by testing (≥C60 with a
 *                                  non-standard cube) rather than prescribed
 * @param representativeStrengthMpa the group value times the size factor, to 0.1 MPa: the
 *                                  strength converted to the 150 mm cube (强度代表值 / 换算成标准
 *                                  试件强度); {@code null} when the group is invalid
 * @param percentOfGrade            the representative strength as a whole percentage of fcu,k
 *                                  (达到设计强度的百分比); {@code null} when the group is invalid
 * @param conclusion                the single-item conclusion
 * @param loadingRate               the loading rate the grade prescribes, shown on the form
 */
public record CubeStrengthResult(
        SpecimenSize specimenSize,
        StrengthGrade designGrade,
        List<BigDecimal> specimenStrengthsMpa,
        EvaluationMethod method,
        BigDecimal groupStrengthMpa,
        BigDecimal sizeFactor,
        boolean sizeFactorTested,
        BigDecimal representativeStrengthMpa,
        Integer percentOfGrade,
        CubeConclusion conclusion,
        LoadingRate loadingRate) {

    public CubeStrengthResult {
        Objects.requireNonNull(specimenSize, "specimenSize");
        Objects.requireNonNull(designGrade, "designGrade");
        specimenStrengthsMpa = List.copyOf(specimenStrengthsMpa);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(sizeFactor, "sizeFactor");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(loadingRate, "loadingRate");
        boolean invalid = method == EvaluationMethod.INVALID;
        if (invalid != (conclusion == CubeConclusion.INVALID_GROUP)
                || invalid != (representativeStrengthMpa == null)
                || invalid != (groupStrengthMpa == null)
                || invalid != (percentOfGrade == null)) {
            throw new IllegalArgumentException("An invalid group has no values and the INVALID_GROUP "
                    + "conclusion; a valid group has all values");
        }
    }

    /** Whether the group has a representative strength. */
    @JsonIgnore
    public boolean isValid() {
        return method != EvaluationMethod.INVALID;
    }
}
