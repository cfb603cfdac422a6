package cn.cqs.client.rendering;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportTypeDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a printed report needs besides its content: the lab, the sign-off names, the issue date and
 * the QR payload.
 *
 * @param labName   the testing agency printed at the top, required
 * @param tester    检测
 * @param reviewer  审核
 * @param approver  批准
 * @param issueDate 签发日期
 * @param qrPayload the verification URL with the signed token, required
 */
record PrintContext(String labName, String tester, String reviewer, String approver, LocalDate issueDate,
                    String qrPayload) {

    PrintContext {
        PrintTexts.required(labName, "labName");
        tester = PrintTexts.text(tester);
        reviewer = PrintTexts.text(reviewer);
        approver = PrintTexts.text(approver);
        Objects.requireNonNull(issueDate, "issueDate");
        PrintTexts.required(qrPayload, "qrPayload");
    }

    /** A print of the given type's template filled with this context's sign-off and QR. */
    TestReportPrint print(String template, ReportTypeDefinition<?, ?> type, PrintHeader header,
                          Map<String, String> specification, List<TableRow> rows,
                          Conclusion conclusion, String conclusionText, String remarks) {
        return new TestReportPrint(template, type.nameZh(), type.nameEn(), header, specification, rows, conclusion,
                conclusionText, remarks, tester, reviewer, approver, issueDate.toString(), qrPayload);
    }
}
