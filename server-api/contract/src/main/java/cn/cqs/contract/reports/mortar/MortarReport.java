package cn.cqs.contract.reports.mortar;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The authored content of a masonry mortar compressive strength report (砌筑砂浆抗压强度检测
 * 报告), JGJ/T 70-2009: one group of three 70.7 mm cubes. {@link MortarReportValidator} checks it;
 * {@link #evaluate()} computes the result by {@link MortarStrengthRule}.
 *
 * @param header                   the shared report fields; {@code header.standard} must be {@link #STANDARD}
 * @param designGrade              设计强度等级, e.g. {@code M7.5}
 * @param mortarKind               砂浆品种 as printed, e.g. 水泥混合砂浆 (free text)
 * @param representativeQuantityM3 代表数量 in m³ of masonry mortar
 * @param curingAgeDays            龄期 in days, typically 28
 * @param failureLoadsKn           the three cubes' failure loads (破坏荷载) in kN
 */
public record MortarReport(
        ReportHeader header,
        String designGrade,
        String mortarKind,
        BigDecimal representativeQuantityM3,
        Integer curingAgeDays,
        List<BigDecimal> failureLoadsKn) {

    /** The test method standard (检测依据). */
    public static final String STANDARD = "JGJ/T 70-2009";

    public MortarReport {
        // keep null entries: the validator reports them by index
        failureLoadsKn = failureLoadsKn == null ? null : Collections.unmodifiableList(new ArrayList<>(failureLoadsKn));
    }

    /**
     * Evaluates the group by {@link MortarStrengthRule}.
     *
     * @throws ReportInputException listing, by this record's field paths, every unusable test-data field
     */
    public MortarResult evaluate() {
        List<FieldError> errors = MortarReportValidator.testDataErrors(this);
        if (!errors.isEmpty()) {
            throw new ReportInputException("mortar", errors);
        }
        return MortarStrengthRule.evaluate(MortarGrade.find(designGrade).orElseThrow(), failureLoadsKn);
    }
}
