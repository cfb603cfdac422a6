package cn.cqs.client.rendering;

import cn.cqs.contract.reports.ReportHeader;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The header block every witness-sampling report prints (报告表头、样品与见证信息), as text: the
 * lab, the numbers, project and part, sample, dates, standard, witness and sampler. Empty optional
 * values are empty strings and print as "/".
 *
 * @param labName          the testing agency (检测机构), required
 * @param reportNumber     报告编号, required
 * @param commissionNumber 委托编号
 * @param projectName      工程名称, required; long names wrap
 * @param projectPart      工程部位
 * @param sampleName       样品名称
 * @param sampleId         样品编号
 * @param samplingDate     取样日期
 * @param testDate         检测日期
 * @param standard         检测依据
 * @param witness          见证人, 证书号, 见证单位
 * @param sampler          取样人
 */
public record PrintHeader(String labName, String reportNumber, String commissionNumber, String projectName,
                          String projectPart, String sampleName, String sampleId, String samplingDate,
                          String testDate, String standard, Witness witness, String sampler) {

    public PrintHeader {
        PrintTexts.required(labName, "labName");
        PrintTexts.required(reportNumber, "reportNumber");
        PrintTexts.present(commissionNumber, "commissionNumber");
        PrintTexts.required(projectName, "projectName");
        PrintTexts.present(projectPart, "projectPart");
        PrintTexts.present(sampleName, "sampleName");
        PrintTexts.present(sampleId, "sampleId");
        PrintTexts.present(samplingDate, "samplingDate");
        PrintTexts.present(testDate, "testDate");
        PrintTexts.present(standard, "standard");
        Objects.requireNonNull(witness, "witness");
        PrintTexts.present(sampler, "sampler");
    }

    /** The printed header of a report's shared fields. */
    public static PrintHeader of(String labName, ReportHeader h) {
        Objects.requireNonNull(h, "header");
        Witness witness = PrintTexts.text(h.witnessName()).isEmpty() ? Witness.NONE
                : new Witness(PrintTexts.text(h.witnessName()), PrintTexts.text(h.witnessCertificateNumber()),
                        PrintTexts.text(h.witnessOrganisation()));
        return new PrintHeader(labName, PrintTexts.text(h.reportNumber()), PrintTexts.text(h.commissionNumber()),
                PrintTexts.text(h.projectName()), PrintTexts.text(h.projectPart()), PrintTexts.text(h.sampleName()),
                PrintTexts.text(h.sampleId()), date(h.samplingDate()), date(h.testDate()),
                PrintTexts.text(h.standard()), witness, PrintTexts.text(h.samplerName()));
    }

    /** Puts the header's template parameters (same names as the record's components; witness split in three). */
    void putInto(Map<String, String> parameters) {
        parameters.put("labName", labName);
        parameters.put("reportNumber", reportNumber);
        parameters.put("commissionNumber", commissionNumber);
        parameters.put("projectName", projectName);
        parameters.put("projectPart", projectPart);
        parameters.put("sampleName", sampleName);
        parameters.put("sampleId", sampleId);
        parameters.put("samplingDate", samplingDate);
        parameters.put("testDate", testDate);
        parameters.put("standard", standard);
        parameters.put("witnessName", witness.name());
        parameters.put("witnessCertificateNumber", witness.certificateNumber());
        parameters.put("witnessOrganisation", witness.organisation());
        parameters.put("sampler", sampler);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
