package cn.cqs.client.rendering;

import cn.cqs.contract.reports.cement.CementReport;
import cn.cqs.contract.reports.cement.CementReport.StrengthTest;
import cn.cqs.contract.reports.cement.CementReportType;
import cn.cqs.contract.reports.cement.CementResult;
import cn.cqs.contract.reports.cement.CementType;
import cn.cqs.contract.reports.cement.PrismGroupResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The print model of a cement report (水泥物理力学性能检测报告), template {@code CementReport.jrxml}. */
final class CementPrints {
    static final String TEMPLATE = "/cn/cqs/client/rendering/CementReport.jasper";
    private static final String FLEXURAL = "抗折 <style size=\"6.5\">Flexural</style>";
    private static final String COMPRESSIVE = "抗压 <style size=\"6.5\">Compressive</style>";

    private CementPrints() {
    }

    static TestReportPrint of(CementReport r, CementResult result, PrintContext context) {
        CementType type = result.requirement().type();
        String grade = type.code() + " " + result.requirement().strengthClass();
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("cementType", type.code() + " " + type.nameZh());
        spec.put("strengthClass", result.requirement().strengthClass());
        spec.put("manufacturer", PrintTexts.text(r.manufacturer()));
        spec.put("batchNumber", PrintTexts.text(r.batchNumber()));
        spec.put("batchMass", PrintTexts.plain(r.batchMassT(), "t"));
        spec.put("edition", result.edition().standard());

        List<TableRow> rows = new ArrayList<>();
        rows.add(strength("3 d", FLEXURAL, r.strength3d().flexuralLoadsKn(),
                result.flexural3d()));
        rows.add(strength("3 d", COMPRESSIVE,
                r.strength3d().compressiveLoadsKn(), result.compressive3d()));
        rows.add(strength("28 d", FLEXURAL, r.strength28d().flexuralLoadsKn(),
                result.flexural28d()));
        rows.add(strength("28 d", COMPRESSIVE,
                r.strength28d().compressiveLoadsKn(), result.compressive28d()));

        Map<String, String> measured = new LinkedHashMap<>();
        measured.put("flexural3d", value(result.flexural3d()));
        measured.put("compressive3d", value(result.compressive3d()));
        measured.put("flexural28d", value(result.flexural28d()));
        measured.put("compressive28d", value(result.compressive28d()));
        measured.put("initialSetting", result.initialSettingMin() + " min");
        measured.put("finalSetting", result.finalSettingMin() + " min");
        measured.put("soundness", result.soundnessQualified() ? "合格" : "不合格");
        rows.addAll(ItemTable.rows(result.items(), measured));

        String remarks = result.provisionalLimits()
                ? result.edition().standard() + " 的 3d 抗压强度限值（≥" + result.requirement().min3dCompressiveMpa()
                        .toPlainString() + " MPa）尚未与标准正式文本核对，为暂定值。"
                        + " The 3-day compressive minimum of this edition is provisional (not yet verified)."
                : "";
        return context.print(TEMPLATE, CementReportType.DEFINITION, PrintHeader.of(context.labName(), r.header()), spec,
                rows, result.conclusion(),
                ItemTable.conclusionText(result.edition().standard(), grade, result.items(), result.conclusion()),
                remarks);
    }

    /** One strength row: age, item, loads, each specimen's strength, how the group value was taken, the value. */
    private static TableRow strength(String age, String item, List<BigDecimal> loadsKn, PrismGroupResult g) {
        String method = switch (g.method()) {
            case MEAN -> "平均值";
            case ONE_DISCARDED -> "剔除第 " + (g.discardedIndex() + 1) + " 个后平均";
            case INVALID -> "结果作废";
        };
        return TableRow.of("strength", age, item, spaced(loadsKn), spaced(g.specimenStrengthsMpa()), method,
                PrintTexts.plain(g.strengthMpa()));
    }

    /** Up to six values on one line: "35.0  36.0  34.5 ...". */
    private static String spaced(List<BigDecimal> values) {
        return values.stream().map(PrintTexts::plain).collect(Collectors.joining("  "));
    }

    private static String value(PrismGroupResult g) {
        return g.strengthMpa() == null ? "无效" : g.strengthMpa().toPlainString() + " MPa";
    }
}
