package cn.cqs.contract.reports.cement;

import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportSummary;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypeDefinition;
import java.util.List;

/** The cement report type's entry in {@link cn.cqs.contract.reports.ReportTypes}. */
public final class CementReportType {
    /** 水泥物理力学性能检测报告. */
    public static final ReportTypeDefinition<CementReport, CementResult> DEFINITION = new ReportTypeDefinition<>(
            ReportType.CEMENT, "cement", "水泥物理力学性能检测报告", "Cement physical and mechanical properties test report",
            List.of(Gb175Edition.GB_175_2007.standard(), Gb175Edition.GB_175_2023.standard()), CementReport.class,
            CementResult.class, CementReportValidator::validate, CementReport::evaluate, CementReportType::keyFields,
            CementReport::header, CementReportType::summary);

    private CementReportType() {
    }

    /**
     * The QR key fields: the shared header fields, then type, class, edition, the 3- and 28-day
     * compressive strengths and the overall conclusion.
     *
     * @throws cn.cqs.contract.reports.validation.ReportInputException when the content cannot be evaluated
     */
    public static KeyFields keyFields(CementReport report) {
        CementResult result = report.evaluate();
        return ReportKeyFields.start(ReportType.CEMENT, report.header())
                .add("cementType", result.requirement().type())
                .add("strengthClass", result.requirement().strengthClass())
                .add("standard", result.edition().standard())
                .add("compressive3dMpa", result.compressive3d().strengthMpa())
                .add("compressive28dMpa", result.compressive28d().strengthMpa())
                .add("conclusion", result.conclusion())
                .build();
    }

    /** The summary: cement type and strength class (P·O 42.5) and the overall conclusion. */
    public static ReportSummary summary(CementReport report) {
        CementResult result = report.evaluate();
        return new ReportSummary(report.header(), result.requirement().type().code() + " "
                + result.requirement().strengthClass(), null, result.conclusion());
    }
}
