package cn.cqs.contract.reports.splice;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.NominalDiameter;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The authored content of a rebar splice report: a mechanical splice (钢筋机械连接接头, JGJ
 * 107-2016) or a welded joint tensile test (钢筋焊接接头拉伸, JGJ 18-2012). A first test has three
 * specimens cut from the works, a retest six. {@link SpliceReportValidator} checks it;
 * {@link #evaluate()} computes the result by {@link SpliceRule}.
 *
 * @param header            the shared report fields; {@code header.standard} must be {@code kind.standard()}
 * @param kind              mechanical or welded
 * @param barGrade          the bar's grade (钢筋牌号), see {@link RebarGrade}
 * @param nominalDiameterMm the bar's nominal diameter in mm, see {@link NominalDiameter}
 * @param spliceGrade       接头等级; mechanical splices only
 * @param spliceType        接头型式 as printed, e.g. 滚轧直螺纹套筒; mechanical splices only
 * @param weldingMethod     焊接方法; welded joints only
 * @param lotSize           验收批 / 检验批 size in joints
 * @param testRound         初检 or 复检
 * @param specimens         the specimens, in test order
 */
public record SpliceReport(
        ReportHeader header,
        SpliceKind kind,
        String barGrade,
        Integer nominalDiameterMm,
        SpliceGrade spliceGrade,
        String spliceType,
        WeldingMethod weldingMethod,
        Integer lotSize,
        TestRound testRound,
        List<Specimen> specimens) {

    public SpliceReport {
        // keep null entries: the validator reports them by index
        specimens = specimens == null ? null : Collections.unmodifiableList(new ArrayList<>(specimens));
    }

    /**
     * One tensile specimen.
     *
     * @param maxLoadKn   the maximum force (最大力) in kN
     * @param location    where it broke
     * @param failureMode how it broke; welded joints only
     */
    public record Specimen(BigDecimal maxLoadKn, FailureLocation location, FailureMode failureMode) {
    }

    /**
     * Evaluates the specimens by {@link SpliceRule}.
     *
     * @throws ReportInputException listing, by this record's field paths, every unusable test-data field
     */
    public SpliceResult evaluate() {
        List<FieldError> errors = SpliceReportValidator.testDataErrors(this);
        if (!errors.isEmpty()) {
            throw new ReportInputException("splice", errors);
        }
        return SpliceRule.evaluate(kind, RebarGrade.parse(barGrade), NominalDiameter.requireMm(nominalDiameterMm),
                spliceGrade, weldingMethod, testRound, specimens);
    }
}
