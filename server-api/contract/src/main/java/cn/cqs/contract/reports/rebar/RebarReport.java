package cn.cqs.contract.reports.rebar;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The authored content of a hot-rolled ribbed steel bar report (热轧带肋钢筋力学性能及弯曲性能
 * 检测报告), GB/T 1499.2-2018: what the lab enters. Values are kept as entered so an incomplete
 * draft can be saved; {@link RebarReportValidator} says what is wrong, by field, and
 * {@link #evaluate()} computes the results by {@link RebarRule}.
 *
 * <p>A first test (初检) has two tensile and two bend specimens and the mass deviation sample; a
 * retest (复检) has four specimens of each item it repeats (an empty list for an item it does not
 * repeat) and no mass sample.
 *
 * @param header            the shared report fields; {@code header.standard} must be
 *                          {@link #STANDARD}
 * @param grade             牌号, e.g. {@code HRB400E}, see {@link RebarGrade}
 * @param nominalDiameterMm 公称直径 in mm, see {@link NominalDiameter}
 * @param manufacturer      生产厂家
 * @param heatNumber        炉罐号 / 批号
 * @param batchMassT        代表数量: the batch's mass in tonnes, at most 60 t
 * @param testRound         初检 or 复检
 * @param tensileSpecimens  拉伸试样, in test order
 * @param bendSpecimens     弯曲试样, in test order
 * @param massSample        重量偏差 sample; only in a first test
 */
public record RebarReport(
        ReportHeader header,
        String grade,
        Integer nominalDiameterMm,
        String manufacturer,
        String heatNumber,
        BigDecimal batchMassT,
        TestRound testRound,
        List<TensileSpecimen> tensileSpecimens,
        List<BendSpecimen> bendSpecimens,
        MassSample massSample) {

    /** The product standard this report type judges by (判定依据). */
    public static final String STANDARD = "GB/T 1499.2-2018";

    public RebarReport {
        // keep null entries: the validator reports them by index
        tensileSpecimens = tensileSpecimens == null ? null : Collections.unmodifiableList(new ArrayList<>(tensileSpecimens));
        bendSpecimens = bendSpecimens == null ? null : Collections.unmodifiableList(new ArrayList<>(bendSpecimens));
    }

    /**
     * One tensile specimen (拉伸试样), GB/T 228.1 with the original gauge length L0 = 5d.
     *
     * @param yieldLoadKn                       FeL, the lower yield force (下屈服力) in kN
     * @param maxLoadKn                         Fm, the maximum force (最大力) in kN
     * @param gaugeLengthAfterFractureMm        Lu, the gauge length after fracture (断后标距) in mm
     * @param totalElongationAtMaxForcePercent  Agt as measured (最大力总延伸率), in %
     */
    public record TensileSpecimen(BigDecimal yieldLoadKn, BigDecimal maxLoadKn, BigDecimal gaugeLengthAfterFractureMm,
                                  BigDecimal totalElongationAtMaxForcePercent) {
    }

    /**
     * One bend specimen (弯曲试样), bent 180° round the mandrel of {@link RebarGrade#mandrelDiameterFactor}.
     *
     * @param crackFree whether the bent part shows no visible crack (受弯曲部位表面无可见裂纹)
     */
    public record BendSpecimen(Boolean crackFree) {
    }

    /**
     * The mass deviation sample (重量偏差试样): at least five pieces from different bars, each at
     * least 500 mm, measured together.
     *
     * @param pieces        the number of pieces
     * @param totalLengthMm their total length in mm
     * @param totalMassKg   their total mass in kg
     */
    public record MassSample(Integer pieces, BigDecimal totalLengthMm, BigDecimal totalMassKg) {
    }

    /**
     * Evaluates the test data by {@link RebarRule}.
     *
     * @throws ReportInputException listing, by this record's field paths, every unusable test-data field
     */
    public RebarResult evaluate() {
        List<FieldError> errors = RebarReportValidator.testDataErrors(this);
        if (!errors.isEmpty()) {
            throw new ReportInputException("rebar", errors);
        }
        return RebarRule.evaluate(RebarGrade.parse(grade), NominalDiameter.requireMm(nominalDiameterMm), testRound,
                tensileSpecimens, bendSpecimens, massSample);
    }
}
