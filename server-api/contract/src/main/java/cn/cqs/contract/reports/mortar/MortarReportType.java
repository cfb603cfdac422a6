package cn.cqs.contract.reports.mortar;

import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportSummary;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypeDefinition;
import java.util.List;

/** The mortar report type's entry in {@link cn.cqs.contract.reports.ReportTypes}. */
public final class MortarReportType {
    /** 砌筑砂浆抗压强度检测报告. */
    public static final ReportTypeDefinition<MortarReport, MortarResult> DEFINITION = new ReportTypeDefinition<>(
            ReportType.MORTAR, "mortar", "砌筑砂浆抗压强度检测报告", "Masonry mortar compressive strength test report",
            List.of(MortarReport.STANDARD), MortarReport.class, MortarResult.class, MortarReportValidator::validate,
            MortarReport::evaluate, MortarReportType::keyFields, MortarReport::header,
            MortarReportType::summary);

    private MortarReportType() {
    }

    /**
     * The QR key fields: the shared header fields, then design grade, group strength and conclusion.
     *
     * @throws cn.cqs.contract.reports.validation.ReportInputException when the content cannot be evaluated
     */
    public static KeyFields keyFields(MortarReport report) {
        MortarResult result = report.evaluate();
        return ReportKeyFields.start(ReportType.MORTAR, report.header())
                .add("designGrade", result.designGrade().code())
                .add("strengthMpa", result.strengthMpa())
                .add("conclusion", result.conclusion())
                .build();
    }

    /** The summary: the design grade (M7.5), the strength and the overall conclusion. */
    public static ReportSummary summary(MortarReport report) {
        MortarResult result = report.evaluate();
        return new ReportSummary(report.header(), result.designGrade().code(), result.strengthMpa(),
                result.conclusion());
    }
}
