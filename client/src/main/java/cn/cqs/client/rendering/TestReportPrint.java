package cn.cqs.client.rendering;

import cn.cqs.contract.reports.Conclusion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything printed on a witness-sampling test report of the types that share the
 * {@link cn.cqs.contract.reports.ReportHeader} (rebar, cement, mortar, splice), as text: title,
 * header block, the type's specification, the tables (specimens, then the single-item
 * conclusions), the overall conclusion in words, remarks, sign-off and the QR payload. Built by
 * {@link ReportPrints}; the numbers come from the contract's rules and are only formatted.
 *
 * @param templateResource the compiled template, e.g. {@code /cn/cqs/client/rendering/RebarReport.jasper}
 * @param titleZh          the Chinese title (the type's {@code nameZh})
 * @param titleEn          the English subtitle (the type's {@code nameEn})
 * @param header           the shared header block
 * @param specification    the type's specification parameters by template parameter name, in print order
 * @param tableRows        the table rows, grouped by section in print order
 * @param conclusion       the overall conclusion (检测结论)
 * @param conclusionText   the conclusion in words, e.g. "依据 GB/T 1499.2-2018，所检项目均符合 HRB400E 的要求。"
 * @param remarks          remarks (备注), e.g. that a limit is provisional; empty when none
 * @param tester           检测
 * @param reviewer         审核
 * @param approver         批准
 * @param issueDate        签发日期, required
 * @param qrPayload        the verification QR code's text, required
 */
public record TestReportPrint(
        String templateResource,
        String titleZh,
        String titleEn,
        PrintHeader header,
        Map<String, String> specification,
        List<TableRow> tableRows,
        Conclusion conclusion,
        String conclusionText,
        String remarks,
        String tester,
        String reviewer,
        String approver,
        String issueDate,
        String qrPayload) implements ReportPrint {

    public TestReportPrint {
        PrintTexts.required(templateResource, "templateResource");
        PrintTexts.required(titleZh, "titleZh");
        PrintTexts.present(titleEn, "titleEn");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(specification, "specification");
        specification.forEach((name, value) -> PrintTexts.present(value, "specification." + name));
        specification = Collections.unmodifiableMap(new LinkedHashMap<>(specification));
        tableRows = List.copyOf(tableRows);
        Objects.requireNonNull(conclusion, "conclusion");
        PrintTexts.required(conclusionText, "conclusionText");
        PrintTexts.present(remarks, "remarks");
        PrintTexts.present(tester, "tester");
        PrintTexts.present(reviewer, "reviewer");
        PrintTexts.present(approver, "approver");
        PrintTexts.required(issueDate, "issueDate");
        PrintTexts.required(qrPayload, "qrPayload");
    }

    @Override
    public String documentTitle() {
        return titleZh + " " + header.reportNumber();
    }

    @Override
    public String labName() {
        return header.labName();
    }

    @Override
    public String reportNumber() {
        return header.reportNumber();
    }

    @Override
    public String projectName() {
        return header.projectName();
    }

    @Override
    public Map<String, String> textParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("titleZh", titleZh);
        p.put("titleEn", titleEn);
        header.putInto(p);
        specification.forEach((name, value) -> {
            if (p.put(name, value) != null) {
                throw new IllegalStateException("specification parameter '" + name + "' clashes with a header parameter");
            }
        });
        p.put("conclusion", conclusion.nameZh());
        p.put("conclusionEn", conclusion.nameEn());
        p.put("conclusionText", conclusionText);
        p.put("remarks", remarks);
        p.put("tester", tester);
        p.put("reviewer", reviewer);
        p.put("approver", approver);
        p.put("issueDate", issueDate);
        return p;
    }

    @Override
    public List<Map<String, String>> rows() {
        return tableRows.stream().map(TableRow::fields).toList();
    }
}
