package cn.cqs.client.reports;

import cn.cqs.client.rendering.CubeReportPrint;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import java.time.LocalDate;

/**
 * The cube print model's former home, kept so the issuing code compiles while it moves to
 * {@link cn.cqs.client.rendering.ReportPrints#of}, which prints every report type.
 *
 * @deprecated use {@link cn.cqs.client.rendering.ReportPrints#of}
 */
@Deprecated
public final class CubeReportPrints {
    private CubeReportPrints() {
    }

    /** @see cn.cqs.client.rendering.CubeReportPrints#of */
    public static CubeReportPrint of(CubeStrengthReport r, CubeStrengthResult result, String labName, String tester,
                                     String reviewer, String approver, LocalDate issueDate, String qrPayload) {
        return cn.cqs.client.rendering.CubeReportPrints.of(r, result, labName, tester, reviewer, approver, issueDate,
                qrPayload);
    }
}
