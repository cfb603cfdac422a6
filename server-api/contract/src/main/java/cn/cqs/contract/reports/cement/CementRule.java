package cn.cqs.contract.reports.cement;

import static cn.cqs.contract.reports.validation.FieldChecks.requiredInRange;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredPositiveAtMost;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.cement.CementReport.StrengthTest;
import cn.cqs.contract.reports.cement.CementStrengthClasses.Requirement;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.FieldChecks;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cement rule (通用硅酸盐水泥物理力学性能), GB 175: the strengths at 3 and 28 days by
 * {@link PrismStrengthRule} against the class minimums of {@link CementStrengthClasses}; initial
 * setting at least 45 min; final setting at most 390 min for P·I/P·II and 600 min for the other
 * types; soundness by the boiling method passed. Each item is qualified, unqualified, or (a voided
 * strength group) invalid; the overall conclusion is {@link Conclusion#overall}. GB 175 has no
 * double-sample retest of these items, so there is no retest conclusion.
 */
public final class CementRule {
    /** 初凝不小于 45 min. */
    public static final int MIN_INITIAL_SETTING_MIN = 45;
    /** 硅酸盐水泥终凝不大于 390 min. */
    public static final int MAX_FINAL_SETTING_PORTLAND_MIN = 390;
    /** 其他品种终凝不大于 600 min. */
    public static final int MAX_FINAL_SETTING_OTHER_MIN = 600;
    /** The longest setting time accepted as input, in minutes (24 h). */
    public static final int MAX_SETTING_INPUT_MIN = 1440;
    /** The largest flexural load accepted, in kN (≈ 47 MPa). */
    public static final BigDecimal MAX_FLEXURAL_LOAD_KN = new BigDecimal("20");
    /** The largest compressive load accepted, in kN (≈ 188 MPa). */
    public static final BigDecimal MAX_COMPRESSIVE_LOAD_KN = new BigDecimal("300");

    private CementRule() {
    }

    /**
     * Evaluates a cement test.
     *
     * @throws ReportInputException listing every unusable input, by the paths of {@link CementReport}
     *                              (a strength class the edition lacks is reported on {@code strengthClass})
     */
    public static CementResult evaluate(Gb175Edition edition, CementType type, String strengthClass,
                                        Integer initialSettingMin, Integer finalSettingMin, Boolean soundnessQualified,
                                        StrengthTest strength3d, StrengthTest strength28d) {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(type, "type");
        List<FieldError> errors = new ArrayList<>();
        CementStrengthClasses.check("strengthClass", edition, type, strengthClass).ifPresent(errors::add);
        errors.addAll(checkTestData(initialSettingMin, finalSettingMin, soundnessQualified, strength3d, strength28d));
        if (!errors.isEmpty()) {
            throw new ReportInputException("cement", errors);
        }
        Requirement req = CementStrengthClasses.find(edition, type, strengthClass).orElseThrow();
        PrismGroupResult f3 = PrismStrengthRule.flexural(strength3d.flexuralLoadsKn());
        PrismGroupResult c3 = PrismStrengthRule.compressive(strength3d.compressiveLoadsKn());
        PrismGroupResult f28 = PrismStrengthRule.flexural(strength28d.flexuralLoadsKn());
        PrismGroupResult c28 = PrismStrengthRule.compressive(strength28d.compressiveLoadsKn());
        int maxFinal = type.isPortland() ? MAX_FINAL_SETTING_PORTLAND_MIN : MAX_FINAL_SETTING_OTHER_MIN;

        List<ItemConclusion> items = List.of(
                strength("flexural3d", "3d抗折强度", "3-day flexural strength", f3, req.min3dFlexuralMpa()),
                strength("compressive3d", "3d抗压强度", "3-day compressive strength", c3, req.min3dCompressiveMpa()),
                strength("flexural28d", "28d抗折强度", "28-day flexural strength", f28, req.min28dFlexuralMpa()),
                strength("compressive28d", "28d抗压强度", "28-day compressive strength", c28,
                        req.min28dCompressiveMpa()),
                new ItemConclusion("initialSetting", "初凝时间", "Initial setting time",
                        "≥" + MIN_INITIAL_SETTING_MIN + " min",
                        pass(initialSettingMin >= MIN_INITIAL_SETTING_MIN)),
                new ItemConclusion("finalSetting", "终凝时间", "Final setting time", "≤" + maxFinal + " min",
                        pass(finalSettingMin <= maxFinal)),
                new ItemConclusion("soundness", "安定性（沸煮法）", "Soundness (boiling method)", "合格",
                        pass(soundnessQualified)));
        Conclusion overall = Conclusion.overall(items.stream().map(ItemConclusion::conclusion).toList());
        return new CementResult(edition, req, f3, c3, f28, c28, initialSettingMin, finalSettingMin, maxFinal,
                soundnessQualified, !req.threeDayCompressiveVerified(), items, overall);
    }

    private static ItemConclusion strength(String code, String zh, String en, PrismGroupResult group, BigDecimal min) {
        Conclusion c = group.method() == GroupMethod.INVALID ? Conclusion.INVALID
                : pass(group.strengthMpa().compareTo(min) >= 0);
        return new ItemConclusion(code, zh, en, "≥" + min.toPlainString() + " MPa", c);
    }

    private static Conclusion pass(boolean passed) {
        return passed ? Conclusion.QUALIFIED : Conclusion.UNQUALIFIED;
    }

    /** Checks the test data other than type and class, reporting by the paths of {@link CementReport}. */
    public static List<FieldError> checkTestData(Integer initialSettingMin, Integer finalSettingMin,
                                                 Boolean soundnessQualified, StrengthTest strength3d,
                                                 StrengthTest strength28d) {
        List<FieldError> errors = new ArrayList<>();
        boolean initialOk = requiredInRange(errors, "initialSettingMin", initialSettingMin, 1, MAX_SETTING_INPUT_MIN);
        boolean finalOk = requiredInRange(errors, "finalSettingMin", finalSettingMin, 1, MAX_SETTING_INPUT_MIN);
        if (initialOk && finalOk && finalSettingMin <= initialSettingMin) {
            errors.add(new FieldError("finalSettingMin", ErrorCodes.OUT_OF_RANGE, "The final setting time ("
                    + finalSettingMin + " min) must be later than the initial one (" + initialSettingMin + " min)"));
        }
        FieldChecks.required(errors, "soundnessQualified", soundnessQualified);
        checkStrengthTest("strength3d", strength3d, errors);
        checkStrengthTest("strength28d", strength28d, errors);
        return errors;
    }

    private static void checkStrengthTest(String path, StrengthTest test, List<FieldError> errors) {
        if (!FieldChecks.required(errors, path, test)) {
            return;
        }
        checkLoads(path + ".flexuralLoadsKn", test.flexuralLoadsKn(), PrismStrengthRule.FLEXURAL_SPECIMENS,
                "flexural prisms", MAX_FLEXURAL_LOAD_KN, errors);
        checkLoads(path + ".compressiveLoadsKn", test.compressiveLoadsKn(), PrismStrengthRule.COMPRESSIVE_SPECIMENS,
                "compressive halves", MAX_COMPRESSIVE_LOAD_KN, errors);
    }

    private static void checkLoads(String path, List<BigDecimal> loads, int count, String what, BigDecimal max,
                                   List<FieldError> errors) {
        if (FieldChecks.requiredCount(errors, path, loads, what, count)) {
            for (int i = 0; i < loads.size(); i++) {
                requiredPositiveAtMost(errors, path + "[" + i + "]", loads.get(i), max);
            }
        }
    }
}
