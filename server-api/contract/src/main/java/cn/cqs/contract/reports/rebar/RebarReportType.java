package cn.cqs.contract.reports.rebar;

import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportSummary;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypeDefinition;
import java.util.List;

/** The rebar report type's entry in {@link cn.cqs.contract.reports.ReportTypes}. */
public final class RebarReportType {
    /** 热轧带肋钢筋检测报告. */
    public static final ReportTypeDefinition<RebarReport, RebarResult> DEFINITION = new ReportTypeDefinition<>(
            ReportType.REBAR, "rebar", "热轧带肋钢筋检测报告", "Hot-rolled ribbed steel bar test report",
            List.of(RebarReport.STANDARD), RebarReport.class, RebarResult.class, RebarReportValidator::validate,
            RebarReport::evaluate, RebarReportType::keyFields, RebarReport::header,
            RebarReportType::summary);

    private RebarReportType() {
    }

    /**
     * The QR key fields: the shared header fields, then grade, diameter, heat number, test round
     * and the overall conclusion.
     *
     * @throws cn.cqs.contract.reports.validation.ReportInputException when the content cannot be evaluated
     */
    public static KeyFields keyFields(RebarReport report) {
        RebarResult result = report.evaluate();
        return ReportKeyFields.start(ReportType.REBAR, report.header())
                .add("grade", result.grade())
                .add("nominalDiameterMm", result.diameter().mm())
                .add("heatNumber", report.heatNumber())
                .add("testRound", result.testRound())
                .add("conclusion", result.conclusion())
                .build();
    }

    /** The summary: grade and diameter (HRB400E Φ20) and the overall conclusion. */
    public static ReportSummary summary(RebarReport report) {
        RebarResult result = report.evaluate();
        return new ReportSummary(report.header(), result.grade().name() + " Φ" + result.diameter().mm(), null,
                result.conclusion());
    }
}
