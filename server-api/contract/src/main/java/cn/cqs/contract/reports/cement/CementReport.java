package cn.cqs.contract.reports.cement;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The authored content of a cement physical and mechanical properties report (水泥物理力学性能
 * 检测报告), GB 175 with GB/T 17671-2021 (strength), GB/T 1346 (setting times, soundness). The
 * edition of GB 175 follows from {@code header.testDate} ({@link Gb175Edition#forTestDate}), and
 * {@code header.standard} must name it. {@link CementReportValidator} checks it; {@link #evaluate()}
 * computes the results by {@link CementRule}.
 *
 * @param header             the shared report fields
 * @param cementType         品种, e.g. {@code P·O}, see {@link CementType}
 * @param strengthClass      强度等级, e.g. {@code 42.5R}, see {@link CementStrengthClasses}
 * @param manufacturer       生产厂家
 * @param batchNumber        出厂编号 / 批号
 * @param batchMassT         代表数量 in tonnes
 * @param initialSettingMin  初凝时间 in minutes
 * @param finalSettingMin    终凝时间 in minutes
 * @param soundnessQualified 安定性 (沸煮法): whether it passed
 * @param strength3d         the 3-day strength test
 * @param strength28d        the 28-day strength test
 */
public record CementReport(
        ReportHeader header,
        String cementType,
        String strengthClass,
        String manufacturer,
        String batchNumber,
        BigDecimal batchMassT,
        Integer initialSettingMin,
        Integer finalSettingMin,
        Boolean soundnessQualified,
        StrengthTest strength3d,
        StrengthTest strength28d) {

    /**
     * The strength test at one age (胶砂强度).
     *
     * @param flexuralLoadsKn    the three prisms' flexural failure loads (抗折破坏荷载) in kN
     * @param compressiveLoadsKn the six halves' compressive failure loads (抗压破坏荷载) in kN
     */
    public record StrengthTest(List<BigDecimal> flexuralLoadsKn, List<BigDecimal> compressiveLoadsKn) {
        public StrengthTest {
            // keep null entries: the validator reports them by index
            flexuralLoadsKn = flexuralLoadsKn == null ? null : Collections.unmodifiableList(new ArrayList<>(flexuralLoadsKn));
            compressiveLoadsKn = compressiveLoadsKn == null ? null
                    : Collections.unmodifiableList(new ArrayList<>(compressiveLoadsKn));
        }
    }

    /**
     * Evaluates the test data by {@link CementRule}.
     *
     * @throws ReportInputException listing, by this record's field paths, every unusable test-data field
     */
    public CementResult evaluate() {
        List<FieldError> errors = CementReportValidator.testDataErrors(this, true);
        if (!errors.isEmpty()) {
            throw new ReportInputException("cement", errors);
        }
        return CementRule.evaluate(Gb175Edition.forTestDate(header.testDate()), CementType.find(cementType).orElseThrow(),
                strengthClass, initialSettingMin, finalSettingMin, soundnessQualified, strength3d, strength28d);
    }
}
