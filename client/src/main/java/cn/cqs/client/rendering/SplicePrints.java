package cn.cqs.client.rendering;

import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.splice.FailureLocation;
import cn.cqs.contract.reports.splice.SpliceKind;
import cn.cqs.contract.reports.splice.SpliceReport;
import cn.cqs.contract.reports.splice.SpliceReportType;
import cn.cqs.contract.reports.splice.SpliceResult;
import cn.cqs.contract.reports.splice.SpliceResult.SpecimenResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The print model of a rebar splice report (钢筋机械连接接头 / 钢筋焊接接头拉伸检测报告),
 * template {@code SpliceReport.jrxml}.
 */
final class SplicePrints {
    static final String TEMPLATE = "/cn/cqs/client/rendering/SpliceReport.jasper";

    private SplicePrints() {
    }

    static TestReportPrint of(SpliceReport r, SpliceResult result, PrintContext context) {
        boolean mechanical = result.kind() == SpliceKind.MECHANICAL;
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("spliceKind", mechanical ? "钢筋机械连接接头 Mechanical splice" : "钢筋焊接接头 Welded joint");
        spec.put("barGrade", result.barGrade().name());
        spec.put("nominalDiameter", result.diameter().mm() + " mm");
        spec.put("nominalArea", result.diameter().areaMm2().toPlainString() + " mm²");
        spec.put("spliceGrade", mechanical ? grade(result) : "");
        spec.put("spliceType", mechanical ? PrintTexts.text(r.spliceType()) : "");
        spec.put("weldingMethod", mechanical ? "" : welding(result));
        spec.put("lotSize", r.lotSize() == null ? "" : r.lotSize() + " 个");
        spec.put("testRound", ItemTable.round(result.testRound()));

        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < result.specimens().size(); i++) {
            SpecimenResult s = result.specimens().get(i);
            rows.add(TableRow.of("specimens", Integer.toString(i + 1), PrintTexts.plain(r.specimens().get(i).maxLoadKn()),
                    s.tensileStrengthMpa().toPlainString(), location(s.location(), mechanical),
                    s.failureMode() == null ? "" : switch (s.failureMode()) {
                        case DUCTILE -> "延性断裂";
                        case BRITTLE -> "脆性断裂";
                    },
                    "≥" + s.requiredMpa().stripTrailingZeros().toPlainString(), s.meetsStrength() ? "符合" : "不符合"));
        }
        String strengths = PrintTexts.joined(result.specimens().stream().map(SpecimenResult::tensileStrengthMpa).toList())
                + " MPa";
        rows.addAll(ItemTable.rows(result.items(), Map.of("tensileStrength", strengths)));

        List<String> remarks = new ArrayList<>();
        if (!mechanical) {
            remarks.add("断于热影响区且为延性断裂者视为断于钢筋，脆性断裂者视为断于焊缝（JGJ 18-2012 第 5.1.7 条）。");
        } else {
            remarks.add("断于接头指连接件破坏；断于母材指钢筋拉断（JGJ 107-2016 表 3.0.5）。");
        }
        if (result.testRound() == TestRound.RETEST) {
            remarks.add("本报告为双倍试样复检结果。 Results of the retest on double specimens.");
        }
        String subject = mechanical ? grade(result) + "接头" : welding(result) + "接头";
        return context.print(TEMPLATE, SpliceReportType.DEFINITION, PrintHeader.of(context.labName(), r.header()), spec,
                rows, result.conclusion(),
                ItemTable.conclusionText(PrintTexts.text(r.header().standard()), subject, result.items(),
                        result.conclusion()),
                String.join("\n", remarks));
    }

    private static String grade(SpliceResult result) {
        return switch (result.spliceGrade()) {
            case I -> "Ⅰ级";
            case II -> "Ⅱ级";
            case III -> "Ⅲ级";
        };
    }

    private static String welding(SpliceResult result) {
        if (result.weldingMethod() == null) {
            return "焊接";
        }
        return switch (result.weldingMethod()) {
            case FLASH_BUTT -> "闪光对焊";
            case ARC -> "电弧焊";
            case ELECTROSLAG_PRESSURE -> "电渣压力焊";
            case GAS_PRESSURE -> "气压焊";
        };
    }

    private static String location(FailureLocation location, boolean mechanical) {
        return switch (location) {
            case BASE_METAL -> mechanical ? "钢筋拉断" : "断于母材";
            case HEAT_AFFECTED_ZONE -> "断于热影响区";
            case JOINT -> mechanical ? "连接件破坏" : "断于焊缝";
        };
    }
}
