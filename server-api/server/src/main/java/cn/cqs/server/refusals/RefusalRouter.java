package cn.cqs.server.refusals;

import cn.cqs.contract.refusals.RefusalRouting;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.verify.VerifyService;
import org.jdbi.v3.core.Handle;

/**
 * Picks the local regulator (属地监管部门) of a refusal report: the region of the project of the
 * report the token names when the token verified and the report is in the system; else the filing
 * organisation's registered region. A token that did not verify never chooses the region: its
 * claims could name any report.
 */
final class RefusalRouter {

    /** Where a refusal goes, and why (Chinese, then English). */
    record Route(String regionCode, RefusalRouting routing, String reason) {
    }

    private RefusalRouter() {
    }

    static Route route(Handle h, Principal filer, VerifyService.Assessment assessment) {
        if (assessment.record().isPresent()) {
            ReportRecord report = assessment.record().get();
            String region = h.createQuery("select region_code from project where id = :id")
                    .bind("id", report.projectId()).mapTo(String.class).one().trim();
            return new Route(region, RefusalRouting.REPORT_PROJECT, "报告 " + report.reportNumber() + " 所属工程位于区划 "
                    + region + "，由该地监管部门处理。 The project of report " + report.reportNumber()
                    + " is in region " + region + "; its regulators handle this.");
        }
        String region = filer.organisationRegionCode();
        VerifyOutcome outcome = assessment.response().outcome();
        String why = switch (outcome) {
            case NOT_A_SYSTEM_CODE -> "不是本系统的二维码 / not a code of this system";
            case GENUINE_NOT_UPLOADED -> "报告尚未上传 / the report is not in the system (yet)";
            default -> "二维码未通过验证（" + outcome + "），其内容不可信 / the code did not verify (" + outcome
                    + "), so what it names cannot be trusted";
        };
        return new Route(region, RefusalRouting.FILER_REGION, why + "：按举报单位所在区划 " + region + " 处理。 "
                + "Routed to the filing organisation's region " + region + ".");
    }
}
