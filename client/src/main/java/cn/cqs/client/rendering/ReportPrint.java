package cn.cqs.client.rendering;

import java.util.List;
import java.util.Map;

/**
 * What {@link ReportPdfRenderer} needs to print one test report of any type: which compiled
 * JasperReports template to fill, its text parameters and table rows (all display-ready text, the
 * renderer does no arithmetic or formatting), and the payload of the verification QR code. Each
 * report type has one implementation or instance shape built by {@link ReportPrints}.
 */
public interface ReportPrint {

    /** The compiled template on the class path, e.g. {@code /cn/cqs/client/rendering/RebarReport.jasper}. */
    String templateResource();

    /** The PDF's title metadata, e.g. "热轧带肋钢筋检测报告 2024-GJ-000042". */
    String documentTitle();

    /** The testing agency (检测机构), the PDF's author. */
    String labName();

    /** The lab's report number (报告编号). */
    String reportNumber();

    /** The project (工程名称), the PDF's subject. */
    String projectName();

    /** The text of the verification QR code (URL with the signed token). */
    String qrPayload();

    /**
     * The template's text parameters by name. A blank value prints as "/" (the usual mark for an
     * empty cell on Chinese test reports).
     */
    Map<String, String> textParameters();

    /**
     * The rows of the template's detail (main data source), each a map of field name to text; a
     * blank value prints as "/".
     */
    List<Map<String, String>> rows();
}
