package cn.cqs.client.rendering;

import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an issued report and its evaluated result to the text printed on the PDF
 * ({@link CubeReportPrint}). The printed report is the lab's document in Chinese, with the
 * English gloss the template uses; numbers come from the contract's rule, only formatted here.
 * {@link ReportPrints#of} picks it for {@link cn.cqs.contract.reports.ReportType#CONCRETE_CUBE}.
 */
public final class CubeReportPrints {
    private CubeReportPrints() {
    }

    /**
     * @param labName   the testing agency printed at the top
     * @param tester    检测: the user who issues
     * @param qrPayload the verification URL with the signed token
     */
    public static CubeReportPrint of(CubeStrengthReport r, CubeStrengthResult result, String labName, String tester,
                                     String reviewer, String approver, LocalDate issueDate, String qrPayload) {
        List<SpecimenRow> rows = new ArrayList<>();
        for (int i = 0; i < r.specimens().size(); i++) {
            rows.add(new SpecimenRow(Integer.toString(i + 1), plain(r.specimens().get(i).failureLoadKn()),
                    plain(result.specimenStrengthsMpa().get(i))));
        }
        int side = r.specimenSizeMm();
        String method = switch (result.method()) {
            case MEAN -> "平均值 Mean";
            case MIDDLE_VALUE -> "取中间值 Middle value";
            case INVALID -> "无效 Invalid";
        };
        String conclusion = switch (result.conclusion()) {
            case MEETS_GRADE -> "该组试件抗压强度代表值为 " + plain(result.representativeStrengthMpa())
                    + " MPa，达到设计强度等级 " + result.designGrade().code() + " 的 " + result.percentOfGrade() + "%。";
            case BELOW_GRADE -> "该组试件抗压强度代表值为 " + plain(result.representativeStrengthMpa())
                    + " MPa，未达到设计强度等级 " + result.designGrade().code() + "（" + result.percentOfGrade() + "%）。";
            case INVALID_GROUP -> "该组试件最大值和最小值与中间值之差均超过中间值的 15%，该组试验结果无效。";
        };
        Witness witness = blank(r.witnessName()) ? Witness.NONE
                : new Witness(text(r.witnessName()), text(r.witnessCertificateNumber()), text(r.witnessOrganisation()));
        return new CubeReportPrint(labName, r.reportNumber(), text(r.commissionNumber()), r.projectName(),
                text(r.projectPart()), r.sampleName(), text(r.sampleId()),
                r.representativeQuantityM3() == null ? "" : plain(r.representativeQuantityM3()) + " m³",
                result.designGrade().code(), side + "×" + side + "×" + side + " mm",
                r.samplingDate() == null ? "" : r.samplingDate().toString(),
                r.testDate() == null ? "" : r.testDate().toString(),
                r.curingAgeDays() == null ? "" : r.curingAgeDays() + " d", text(r.standard()), rows, method,
                result.isValid() ? plain(result.representativeStrengthMpa()) : "/",
                result.sizeFactor().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                result.percentOfGrade() == null ? "" : result.percentOfGrade() + "%", conclusion, witness,
                text(r.samplerName()), text(tester), text(reviewer), text(approver), issueDate.toString(), qrPayload);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
