package cn.cqs.contract.reports.splice;

import static cn.cqs.contract.reports.validation.FieldChecks.requiredPositiveAtMost;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.NominalDiameter;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.rebar.RebarRule;
import cn.cqs.contract.reports.splice.SpliceReport.Specimen;
import cn.cqs.contract.reports.splice.SpliceResult.SpecimenResult;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.FieldChecks;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rebar splice and welded joint tensile acceptance, as this project applies it
 * (docs/rules/splice.md). Each specimen's tensile strength is F / S0 with the bar's tabulated
 * nominal area, rounded to 1 MPa (GB/T 8170), compared as rounded with the requirement.
 *
 * <p><b>Mechanical splice, JGJ 107-2016.</b> A specimen meets its grade when: Ⅰ ≥ fstk if the bar
 * broke, ≥ 1.10 fstk if the splice failed; Ⅱ ≥ fstk; Ⅲ ≥ 1.25 fyk. First test, three specimens:
 * all meet → qualified; exactly one fails → retest on six; two or more fail → unqualified. Retest:
 * any failure → unqualified.
 *
 * <p><b>Welded joint, JGJ 18-2012 (5.1.7-5.1.8).</b> A break counts as in the bar when it is in
 * the base metal, or ductile in the heat-affected zone; otherwise (at the weld, or brittle in the
 * heat-affected zone) as at the weld. First test, three specimens: a bar break below fstk →
 * unqualified; three bar breaks → qualified; two bar breaks and a weld break ≥ fstk → qualified,
 * and below fstk → retest; one bar break → retest; three weld breaks all ≥ fstk → retest, one
 * below → unqualified. Retest, six specimens: qualified when all six reach fstk and at least four
 * broke in the bar, else unqualified.
 */
public final class SpliceRule {
    /** Specimens in a first test. */
    public static final int SPECIMENS_FIRST_TEST = 3;
    /** Specimens in a retest. */
    public static final int SPECIMENS_RETEST = 6;
    /** Ⅰ级 splice failing at the coupler: at least 1.10 fstk. */
    public static final BigDecimal GRADE_I_SPLICE_FAILURE_FACTOR = new BigDecimal("1.10");
    /** Ⅲ级: at least 1.25 fyk. */
    public static final BigDecimal GRADE_III_FACTOR = new BigDecimal("1.25");
    /** Welded retest: at least this many of six must break in the bar. */
    public static final int WELDED_RETEST_MIN_BAR_BREAKS = 4;
    /** The largest force accepted, in kN. */
    public static final BigDecimal MAX_LOAD_KN = RebarRule.MAX_LOAD_KN;

    private SpliceRule() {
    }

    /**
     * Evaluates the specimens.
     *
     * @param spliceGrade   required for a mechanical splice, ignored otherwise
     * @param weldingMethod recorded in the result for a welded joint
     * @throws ReportInputException listing every unusable specimen field, by the paths of {@link SpliceReport}
     */
    public static SpliceResult evaluate(SpliceKind kind, RebarGrade barGrade, NominalDiameter diameter,
                                        SpliceGrade spliceGrade, WeldingMethod weldingMethod, TestRound round,
                                        List<Specimen> specimens) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(barGrade, "barGrade");
        Objects.requireNonNull(diameter, "diameter");
        Objects.requireNonNull(round, "round");
        if (kind == SpliceKind.MECHANICAL) {
            Objects.requireNonNull(spliceGrade, "spliceGrade");
        }
        List<FieldError> errors = checkSpecimens(kind, round, specimens);
        if (!errors.isEmpty()) {
            throw new ReportInputException("splice", errors);
        }
        BigDecimal fstk = barGrade.minTensileStrengthMpa();
        List<SpecimenResult> results = new ArrayList<>();
        for (Specimen s : specimens) {
            BigDecimal strength = RebarRule.strengthMpa(s.maxLoadKn(), diameter);
            boolean asBar = kind == SpliceKind.MECHANICAL ? s.location() == FailureLocation.BASE_METAL
                    : s.location() == FailureLocation.BASE_METAL
                    || (s.location() == FailureLocation.HEAT_AFFECTED_ZONE && s.failureMode() == FailureMode.DUCTILE);
            BigDecimal required = kind == SpliceKind.MECHANICAL ? mechanicalRequirement(spliceGrade, barGrade, asBar)
                    : fstk;
            results.add(new SpecimenResult(strength, required, s.location(),
                    kind == SpliceKind.WELDED ? s.failureMode() : null, asBar, strength.compareTo(required) >= 0));
        }
        Conclusion conclusion = kind == SpliceKind.MECHANICAL ? mechanical(round, results) : welded(round, results);
        String requirement = kind == SpliceKind.MECHANICAL ? mechanicalRequirementText(spliceGrade, barGrade)
                : "≥" + fstk + " MPa, JGJ 18-2012 5.1.7";
        ItemConclusion item = new ItemConclusion("tensileStrength", "抗拉强度", "Tensile strength", requirement,
                conclusion);
        return new SpliceResult(kind, barGrade, diameter, kind == SpliceKind.MECHANICAL ? spliceGrade : null,
                kind == SpliceKind.WELDED ? weldingMethod : null, round, results, List.of(item), conclusion);
    }

    /** The strength a mechanical splice specimen must reach: see the class comment. */
    public static BigDecimal mechanicalRequirement(SpliceGrade grade, RebarGrade barGrade, boolean barBroke) {
        return switch (grade) {
            case I -> barBroke ? barGrade.minTensileStrengthMpa()
                    : barGrade.minTensileStrengthMpa().multiply(GRADE_I_SPLICE_FAILURE_FACTOR);
            case II -> barGrade.minTensileStrengthMpa();
            case III -> barGrade.minYieldStrengthMpa().multiply(GRADE_III_FACTOR);
        };
    }

    private static String mechanicalRequirementText(SpliceGrade grade, RebarGrade barGrade) {
        return switch (grade) {
            case I -> "≥" + barGrade.minTensileStrengthMpa() + " MPa (钢筋拉断) / ≥"
                    + mechanicalRequirement(grade, barGrade, false).stripTrailingZeros().toPlainString()
                    + " MPa (连接件破坏)";
            case II -> "≥" + barGrade.minTensileStrengthMpa() + " MPa";
            case III -> "≥" + mechanicalRequirement(grade, barGrade, true).stripTrailingZeros().toPlainString() + " MPa";
        };
    }

    private static Conclusion mechanical(TestRound round, List<SpecimenResult> results) {
        long failed = results.stream().filter(r -> !r.meetsStrength()).count();
        if (failed == 0) {
            return Conclusion.QUALIFIED;
        }
        return round == TestRound.INITIAL && failed == 1 ? Conclusion.RETEST_REQUIRED : Conclusion.UNQUALIFIED;
    }

    private static Conclusion welded(TestRound round, List<SpecimenResult> results) {
        long barBreaks = results.stream().filter(SpecimenResult::brokeAsBar).count();
        boolean allMeet = results.stream().allMatch(SpecimenResult::meetsStrength);
        if (round == TestRound.RETEST) {
            return allMeet && barBreaks >= WELDED_RETEST_MIN_BAR_BREAKS ? Conclusion.QUALIFIED : Conclusion.UNQUALIFIED;
        }
        boolean weakBarBreak = results.stream().anyMatch(r -> r.brokeAsBar() && !r.meetsStrength());
        if (weakBarBreak) {
            return Conclusion.UNQUALIFIED;
        }
        if (barBreaks == 3) {
            return Conclusion.QUALIFIED;
        }
        if (barBreaks == 2) {
            return allMeet ? Conclusion.QUALIFIED : Conclusion.RETEST_REQUIRED;
        }
        if (barBreaks == 1) {
            return Conclusion.RETEST_REQUIRED;
        }
        return allMeet ? Conclusion.RETEST_REQUIRED : Conclusion.UNQUALIFIED;
    }

    /**
     * Checks the specimens: three in a first test, six in a retest (when the round is known); each
     * with a force, a location (not the heat-affected zone for a mechanical splice) and, for a
     * welded joint only, a failure mode.
     */
    public static List<FieldError> checkSpecimens(SpliceKind kind, TestRound round, List<Specimen> specimens) {
        List<FieldError> errors = new ArrayList<>();
        boolean present = round == null ? FieldChecks.required(errors, "specimens", specimens)
                : FieldChecks.requiredCount(errors, "specimens", specimens, "specimens",
                        round == TestRound.INITIAL ? SPECIMENS_FIRST_TEST : SPECIMENS_RETEST);
        if (!present) {
            return errors;
        }
        for (int i = 0; i < specimens.size(); i++) {
            String path = "specimens[" + i + "]";
            Specimen s = specimens.get(i);
            if (s == null) {
                errors.add(new FieldError(path, ErrorCodes.REQUIRED, "Required"));
                continue;
            }
            requiredPositiveAtMost(errors, path + ".maxLoadKn", s.maxLoadKn(), MAX_LOAD_KN);
            if (FieldChecks.required(errors, path + ".location", s.location()) && kind == SpliceKind.MECHANICAL
                    && s.location() == FailureLocation.HEAT_AFFECTED_ZONE) {
                errors.add(new FieldError(path + ".location", ErrorCodes.NOT_ALLOWED,
                        "A mechanical splice has no heat-affected zone: it broke in the bar or at the splice"));
            }
            if (kind == SpliceKind.WELDED) {
                FieldChecks.required(errors, path + ".failureMode", s.failureMode());
            } else if (kind == SpliceKind.MECHANICAL) {
                FieldChecks.absent(errors, path + ".failureMode", s.failureMode(),
                        "the failure mode is recorded for welded joints only");
            }
        }
        return errors;
    }
}
