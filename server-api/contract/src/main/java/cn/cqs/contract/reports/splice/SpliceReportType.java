package cn.cqs.contract.reports.splice;

import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportSummary;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypeDefinition;
import java.util.List;

/** The rebar splice report type's entry in {@link cn.cqs.contract.reports.ReportTypes}. */
public final class SpliceReportType {
    /** 钢筋机械连接接头 / 焊接接头检测报告. */
    public static final ReportTypeDefinition<SpliceReport, SpliceResult> DEFINITION = new ReportTypeDefinition<>(
            ReportType.REBAR_SPLICE, "rebar-splice", "钢筋连接接头检测报告", "Rebar splice and welded joint test report",
            List.of(SpliceKind.WELDED.standard(), SpliceKind.MECHANICAL.standard()), SpliceReport.class,
            SpliceResult.class, SpliceReportValidator::validate, SpliceReport::evaluate, SpliceReportType::keyFields,
            SpliceReport::header, SpliceReportType::summary);

    private SpliceReportType() {
    }

    /**
     * The QR key fields: the shared header fields, then kind, bar grade, diameter, splice grade or
     * welding method, test round and conclusion.
     *
     * @throws cn.cqs.contract.reports.validation.ReportInputException when the content cannot be evaluated
     */
    public static KeyFields keyFields(SpliceReport report) {
        SpliceResult result = report.evaluate();
        return ReportKeyFields.start(ReportType.REBAR_SPLICE, report.header())
                .add("kind", result.kind())
                .add("barGrade", result.barGrade())
                .add("nominalDiameterMm", result.diameter().mm())
                .add("spliceGrade", result.spliceGrade())
                .add("weldingMethod", result.weldingMethod())
                .add("testRound", result.testRound())
                .add("conclusion", result.conclusion())
                .build();
    }

    /**
     * The summary: the splice grade (mechanical) or welding method (welded), the bar grade and
     * diameter, e.g. "I 级 HRB400 Φ25" or "闪光对焊 HRB400 Φ20", and the overall conclusion.
     */
    public static ReportSummary summary(SpliceReport report) {
        SpliceResult result = report.evaluate();
        String joint = result.spliceGrade() != null ? result.spliceGrade().name() + " 级"
                : result.weldingMethod() != null ? result.weldingMethod().nameZh() : result.kind().name();
        return new ReportSummary(report.header(), joint + " " + result.barGrade().name() + " Φ"
                + result.diameter().mm(), null, result.conclusion());
    }
}
