package cn.cqs.contract.reports;

import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.util.List;
import java.util.Objects;

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
 *
 * <p>The other report types define theirs in their {@code ...ReportType} class, starting from
 * {@link #start}; {@link #of(ReportType, Object)} dispatches through {@link ReportTypes}.
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

    /**
     * The key fields of a report of any type, through its {@link ReportTypeDefinition}. For a
     * concrete cube report this is exactly {@link #of(CubeStrengthReport)}.
     *
     * @throws IllegalArgumentException when {@code content} is not that type's content record
     * @throws cn.cqs.contract.reports.validation.ReportInputException when the content cannot be
     *         evaluated; callers validate first
     */
    public static KeyFields of(ReportType type, Object content) {
        Objects.requireNonNull(type, "type");
        return ReportTypes.of(type).keyFieldsOf(content);
    }

    /**
     * The leading key fields every type after the cube shares: type, report and commission
     * numbers, project, part, sample and test date, in that order. The caller adds the
     * type's specification, result and conclusion, then builds.
     *
     * @throws ReportInputException when the header is missing
     */
    public static KeyFields.Builder start(ReportType type, ReportHeader header) {
        Objects.requireNonNull(type, "type");
        if (header == null) {
            throw new ReportInputException("report header", List.of(new FieldError("header", ErrorCodes.REQUIRED,
                    "Required")));
        }
        return KeyFields.builder()
                .add("type", type)
                .add("reportNumber", header.reportNumber())
                .add("commissionNumber", header.commissionNumber())
                .add("projectName", header.projectName())
                .add("projectPart", header.projectPart())
                .add("sampleName", header.sampleName())
                .add("sampleId", header.sampleId())
                .add("testDate", header.testDate());
    }
}
