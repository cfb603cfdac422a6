package cn.cqs.contract.reports;

import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.reports.cube.CubeStrengthResult;

/**
 * The key fields of a report that its QR token's digest covers (see docs/qr-token.md). The lab's
 * client computes them when it signs the token at issue; the server recomputes them from the
 * uploaded content and refuses an upload whose token does not match; verification compares them
 * with the record. One definition, used by both sides: change it and old tokens stop matching, so
 * a change needs a new token format version.
 *
 * <p>Covered: the report type, the lab's report and commission numbers, the project, part, sample,
 * design grade, specimen size, test date, the representative strength and the conclusion: what a
 * person compares between paper and system. Not covered: the PDF's bytes.
 */
public final class ReportKeyFields {
    private ReportKeyFields() {
    }

    /**
     * The key fields of a concrete cube compressive strength report.
     *
     * @throws cn.cqs.contract.reports.cube.CubeInputException when the content cannot be evaluated;
     *         callers validate first with {@link CubeStrengthReportValidator}
     */
    public static KeyFields of(CubeStrengthReport report) {
        CubeStrengthResult result = report.evaluate();
        return KeyFields.builder()
                .add("type", ReportType.CONCRETE_CUBE)
                .add("reportNumber", report.reportNumber())
                .add("commissionNumber", report.commissionNumber())
                .add("projectName", report.projectName())
                .add("projectPart", report.projectPart())
                .add("sampleName", report.sampleName())
                .add("sampleId", report.sampleId())
                .add("designGrade", report.designGrade())
                .add("specimenSizeMm", report.specimenSizeMm())
                .add("testDate", report.testDate())
                .add("representativeStrengthMpa", result.representativeStrengthMpa())
                .add("conclusion", result.conclusion())
                .build();
    }
}
