package cn.cqs.client.rendering;

import cn.cqs.contract.reports.mortar.MortarReport;
import cn.cqs.contract.reports.mortar.MortarReportType;
import cn.cqs.contract.reports.mortar.MortarResult;
import cn.cqs.contract.reports.mortar.MortarStrengthRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The print model of a masonry mortar report (砌筑砂浆抗压强度检测报告), template {@code MortarReport.jrxml}. */
final class MortarPrints {
    static final String TEMPLATE = "/cn/cqs/client/rendering/MortarReport.jasper";

    private MortarPrints() {
    }

    static TestReportPrint of(MortarReport r, MortarResult result, PrintContext context) {
        String side = MortarStrengthRule.SIDE_MM.toPlainString();
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("designGrade", result.designGrade().code());
        spec.put("mortarKind", PrintTexts.text(r.mortarKind()));
        spec.put("representativeQuantity", PrintTexts.plain(r.representativeQuantityM3(), "m³"));
        spec.put("age", r.curingAgeDays() == null ? "" : r.curingAgeDays() + " d");
        spec.put("specimenSize", side + "×" + side + "×" + side + " mm");
        spec.put("conversionFactor", MortarStrengthRule.K.toPlainString());
        String method = switch (result.method()) {
            case MEAN -> "平均值 Mean";
            case MIDDLE_VALUE -> "取中间值 Middle value";
            case INVALID -> "无效 Invalid";
        };
        spec.put("groupMethod", method);
        spec.put("representativeStrength", PrintTexts.plain(result.strengthMpa()));
        spec.put("percentOfGrade", result.percentOfGrade() == null ? "" : result.percentOfGrade() + "%");

        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < result.specimenStrengthsMpa().size(); i++) {
            rows.add(TableRow.of("specimens", Integer.toString(i + 1), PrintTexts.plain(r.failureLoadsKn().get(i)),
                    PrintTexts.plain(result.specimenStrengthsMpa().get(i))));
        }
        String measured = result.strengthMpa() == null ? "试验结果无效"
                : result.strengthMpa().toPlainString() + " MPa（达到设计强度的 " + result.percentOfGrade() + "%）";
        rows.addAll(ItemTable.rows(result.items(), Map.of("compressiveStrength", measured)));
        return context.print(TEMPLATE, MortarReportType.DEFINITION, PrintHeader.of(context.labName(), r.header()), spec,
                rows, result.conclusion(),
                ItemTable.conclusionText(PrintTexts.text(r.header().standard()), result.designGrade().code(),
                        result.items(), result.conclusion()),
                "");
    }
}
