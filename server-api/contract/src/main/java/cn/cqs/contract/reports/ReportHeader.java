package cn.cqs.contract.reports;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The fields every witness-sampling report shares (报告表头、样品与见证信息), authored by the
 * lab; the report types added after the concrete cube nest it as {@code header}, so its field
 * paths read {@code header.reportNumber}. The tester, reviewer and approver (检测/审核/批准) come
 * from the report's sign-off, not from here. {@link ReportHeaderValidator} checks it.
 *
 * @param reportNumber             报告编号, see {@link ReportNumber}
 * @param commissionNumber         委托编号
 * @param projectId                the project (工程) the report belongs to
 * @param projectName              工程名称, as printed
 * @param projectPart              工程部位 (施工部位 / 使用部位)
 * @param sampleName               样品名称, e.g. 热轧带肋钢筋
 * @param sampleId                 样品编号
 * @param samplingDate             取样日期
 * @param testDate                 检测日期 (for tests over several days: the day the result was
 *                                 obtained, e.g. the 28-day strength of cement)
 * @param standard                 检测依据 / 判定依据, one of the report type's standards
 * @param witnessName              见证人
 * @param witnessCertificateNumber 见证人证书号
 * @param witnessOrganisation      见证单位
 * @param samplerName              取样人
 */
public record ReportHeader(
        String reportNumber,
        String commissionNumber,
        UUID projectId,
        String projectName,
        String projectPart,
        String sampleName,
        String sampleId,
        LocalDate samplingDate,
        LocalDate testDate,
        String standard,
        String witnessName,
        String witnessCertificateNumber,
        String witnessOrganisation,
        String samplerName) {
}
