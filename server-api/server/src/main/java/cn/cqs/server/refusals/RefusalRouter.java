package cn.cqs.server.refusals;

import cn.cqs.contract.refusals.RefusalRouting;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.verify.VerifyService;
import org.jdbi.v3.core.Handle;

/**
 * Picks the local regulator (属地监管部门) of a refusal report: the region of the project of the
 * report or production batch the token names when the token verified and the record is in the
 * system; for concrete without a serial number, the region of the project chosen from the system;
 * else the filing organisation's registered region. A token that did not verify never chooses the region: its
 * claims could name any report.
 */
final class RefusalRouter {

    /** Where a refusal goes, and why (Chinese, then English). */
    record Route(String regionCode, RefusalRouting routing, String reason) {
    }

    private RefusalRouter() {
    }

    static Route route(Handle h, Principal filer, VerifyService.Assessment assessment) {
        if (assessment.batch().isPresent()) {
            var batch = assessment.batch().get();
            String region = batch.regionCode().trim();
            return new Route(region, RefusalRouting.BATCH_PROJECT, "生产批次 " + batch.serialNumber() + " 所属工程 "
                    + batch.projectName() + " 位于区划 " + region + "，由该地监管部门处理。 The project of batch "
                    + batch.serialNumber() + " is in region " + region + "; its regulators handle this.");
        }
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
            case GENUINE_NOT_UPLOADED -> "系统中暂无此记录 / the record is not in the system (yet)";
            default -> "二维码未通过验证（" + outcome + "），其内容不可信 / the code did not verify (" + outcome
                    + "), so what it names cannot be trusted";
        };
        return new Route(region, RefusalRouting.FILER_REGION, why + "：按举报单位所在区划 " + region + " 处理。 "
                + "Routed to the filing organisation's region " + region + ".");
    }

    /**
     * Concrete without a serial number: the region of the project the filer chose from the system;
     * for a project given only as free text, the filing organisation's region.
     */
    static Route routeWithoutSerial(Handle h, Principal filer, java.util.UUID projectId) {
        if (projectId != null) {
            var project = h.createQuery("select name, region_code from project where id = :id").bind("id", projectId)
                    .map((rs, c) -> new String[] {rs.getString("name"), rs.getString("region_code").trim()}).one();
            return new Route(project[1], RefusalRouting.NAMED_PROJECT, "无流水号混凝土，工程 " + project[0] + " 位于区划 "
                    + project[1] + "，由该地监管部门处理。 Concrete without a serial number for project " + project[0]
                    + " in region " + project[1] + "; its regulators handle this.");
        }
        String region = filer.organisationRegionCode();
        return new Route(region, RefusalRouting.FILER_REGION, "无流水号混凝土，工程未在系统中登记：按举报单位所在区划 " + region
                + " 处理。 Concrete without a serial number for a project not in the system: routed to the filing "
                + "organisation's region " + region + ".");
    }
}
