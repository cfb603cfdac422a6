package cn.cqs.contract.reports;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.cube.CubeInputException;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import cn.cqs.contract.reports.cube.CubeStrengthRule;
import cn.cqs.contract.reports.cube.SpecimenSize;
import cn.cqs.contract.reports.cube.StrengthGrade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The authored content of a concrete cube compressive strength test report (混凝土立方体抗压强度
 * 检测报告), GB/T 50081-2019: what the lab enters, as client and server exchange it. The computed
 * results come from {@link #evaluate()}; the tester, reviewer and approver (检测/审核/批准) are set
 * by the report's sign-off, not authored here.
 *
 * <p>Values are kept as entered (a grade as text, a size in mm) so an incomplete or wrong draft
 * can still be saved and sent; {@link CubeStrengthReportValidator} says what is wrong, by field.
 *
 * @param reportNumber             报告编号, see {@link ReportNumber}
 * @param commissionNumber         委托编号
 * @param projectId                the project (工程) the report belongs to
 * @param projectName              工程名称, as printed
 * @param projectPart              工程部位 (施工部位): where in the works the concrete was placed
 * @param sampleName               样品名称, e.g. 混凝土试块
 * @param sampleId                 样品编号
 * @param representativeQuantityM3 代表数量 in m³ of concrete
 * @param samplingDate             取样日期 (for site-made cubes also the casting date)
 * @param testDate                 检测日期
 * @param curingAgeDays            龄期 in days, typically 28
 * @param standard                 检测依据; must be {@link #STANDARD}
 * @param designGrade              设计强度等级, e.g. {@code C30}
 * @param specimenSizeMm           试件尺寸: cube side in mm, 100, 150 or 200
 * @param specimens                the three cubes of the group, in test order
 * @param testedSizeFactor         尺寸换算系数 determined by testing: only for C60 and above with a
 *                                 100 or 200 mm cube, otherwise {@code null}
 * @param witnessName              见证人
 * @param witnessCertificateNumber 见证人证书号
 * @param witnessOrganisation      见证单位
 * @param samplerName              取样人
 */
public record CubeStrengthReport(
        String reportNumber,
        String commissionNumber,
        UUID projectId,
        String projectName,
        String projectPart,
        String sampleName,
        String sampleId,
        BigDecimal representativeQuantityM3,
        LocalDate samplingDate,
        LocalDate testDate,
        Integer curingAgeDays,
        String standard,
        String designGrade,
        Integer specimenSizeMm,
        List<Specimen> specimens,
        BigDecimal testedSizeFactor,
        String witnessName,
        String witnessCertificateNumber,
        String witnessOrganisation,
        String samplerName) {

    /** The test method standard this report type follows (检测依据). */
    public static final String STANDARD = "GB/T 50081-2019";

    /** Its fields shared with every report type, as a {@link ReportHeader} (the cube keeps them flat). */
    public ReportHeader header() {
        return new ReportHeader(reportNumber, commissionNumber, projectId, projectName, projectPart, sampleName,
                sampleId, samplingDate, testDate, standard, witnessName, witnessCertificateNumber,
                witnessOrganisation, samplerName);
    }

    /**
     * Its summary: the design grade, the representative strength and the conclusion in common terms
     * (达到设计强度等级 → 合格, 未达到 → 不合格, 该组试验结果无效 → 无效).
     *
     * @throws CubeInputException when the content cannot be evaluated
     */
    public ReportSummary summary() {
        CubeStrengthResult result = evaluate();
        Conclusion conclusion = switch (result.conclusion()) {
            case MEETS_GRADE -> Conclusion.QUALIFIED;
            case BELOW_GRADE -> Conclusion.UNQUALIFIED;
            case INVALID_GROUP -> Conclusion.INVALID;
        };
        return new ReportSummary(header(), result.designGrade().code(), result.representativeStrengthMpa(), conclusion);
    }

    public CubeStrengthReport {
        // keep null entries: the validator reports them by index
        specimens = specimens == null ? null : Collections.unmodifiableList(new ArrayList<>(specimens));
    }

    /**
     * One cube of the group (试件).
     *
     * @param failureLoadKn the failure load (破坏荷载) in kN
     */
    public record Specimen(BigDecimal failureLoadKn) {
    }

    /**
     * Evaluates the group by {@link CubeStrengthRule}.
     *
     * @throws CubeInputException listing, by this record's field paths, every test-data field
     *                            (grade, size, loads, tested factor) that is unusable
     */
    public CubeStrengthResult evaluate() {
        List<FieldError> errors = CubeStrengthReportValidator.testDataErrors(this);
        if (!errors.isEmpty()) {
            throw new CubeInputException(errors);
        }
        List<BigDecimal> loads = specimens.stream().map(Specimen::failureLoadKn).toList();
        return CubeStrengthRule.evaluate(SpecimenSize.requireSideMm(specimenSizeMm),
                StrengthGrade.parse(designGrade), loads, testedSizeFactor);
    }
}
