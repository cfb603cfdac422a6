package cn.cqs.client.rendering;

import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.contract.reports.rebar.RebarReport.MassSample;
import cn.cqs.contract.reports.rebar.RebarReportType;
import cn.cqs.contract.reports.rebar.RebarResult;
import cn.cqs.contract.reports.rebar.RebarResult.MassDeviation;
import cn.cqs.contract.reports.rebar.RebarResult.TensileResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The print model of a hot-rolled ribbed bar report (热轧带肋钢筋检测报告), template {@code RebarReport.jrxml}. */
final class RebarPrints {
    static final String TEMPLATE = "/cn/cqs/client/rendering/RebarReport.jasper";

    private RebarPrints() {
    }

    static TestReportPrint of(RebarReport r, RebarResult result, PrintContext context) {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("grade", result.grade().name());
        spec.put("nominalDiameter", result.diameter().mm() + " mm");
        spec.put("manufacturer", PrintTexts.text(r.manufacturer()));
        spec.put("heatNumber", PrintTexts.text(r.heatNumber()));
        spec.put("batchMass", PrintTexts.plain(r.batchMassT(), "t"));
        spec.put("testRound", ItemTable.round(result.testRound()));
        spec.put("gaugeLength", PrintTexts.plain(result.originalGaugeLengthMm(), "mm") + " (5d)");
        spec.put("mandrelDiameter", result.mandrelDiameterMm() + " mm ("
                + result.grade().mandrelDiameterFactor(result.diameter()) + "d)");

        // one row per specimen number: its tensile values and its bend result (a retest may repeat only one of them)
        List<TableRow> rows = new ArrayList<>();
        int specimens = Math.max(result.tensile().size(), result.bendCrackFree().size());
        for (int i = 0; i < specimens; i++) {
            TensileResult t = i < result.tensile().size() ? result.tensile().get(i) : null;
            String bend = i < result.bendCrackFree().size()
                    ? (result.bendCrackFree().get(i) ? "无裂纹 No crack" : "有裂纹 Cracked") : "";
            rows.add(TableRow.of("specimens", Integer.toString(i + 1),
                    t == null ? "" : PrintTexts.plain(t.yieldStrengthMpa()),
                    t == null ? "" : PrintTexts.plain(t.tensileStrengthMpa()),
                    t == null ? "" : PrintTexts.plain(t.elongationPercent()),
                    t == null ? "" : PrintTexts.plain(t.totalElongationPercent()),
                    t == null ? "" : PrintTexts.plain(t.strengthYieldRatio()),
                    t == null ? "" : PrintTexts.plain(t.overYieldRatio()), bend));
        }
        MassDeviation mass = result.massDeviation();
        MassSample sample = r.massSample();
        spec.put("massSample", mass == null ? "" : sample.pieces() + " 支, " + PrintTexts.plain(sample.totalLengthMm())
                + " mm, " + PrintTexts.plain(sample.totalMassKg()) + " kg");

        Map<String, String> measured = new LinkedHashMap<>();
        measured.put("yieldStrength", tensile(result, TensileResult::yieldStrengthMpa, " MPa"));
        measured.put("tensileStrength", tensile(result, TensileResult::tensileStrengthMpa, " MPa"));
        measured.put("elongation", tensile(result, TensileResult::elongationPercent, " %"));
        measured.put("totalElongation", tensile(result, TensileResult::totalElongationPercent, " %"));
        if (result.grade().isSeismic()) {
            measured.put("strengthYieldRatio", tensile(result, TensileResult::strengthYieldRatio, ""));
            measured.put("overYieldRatio", tensile(result, TensileResult::overYieldRatio, ""));
        }
        if (!result.bendCrackFree().isEmpty()) {
            long good = result.bendCrackFree().stream().filter(Boolean::booleanValue).count();
            measured.put("bend", good + " / " + result.bendCrackFree().size() + " 无裂纹");
        }
        if (mass != null) {
            measured.put("massDeviation", signed(mass.deviationPercent()) + " %（理论 "
                    + PrintTexts.plain(mass.theoreticalMassKg()) + " kg）");
        }
        rows.addAll(ItemTable.rows(result.items(), measured));

        String remarks = result.testRound() == TestRound.RETEST
                ? "本报告为双倍试样复检结果，复检项目以本报告为准。 Results of the retest on double specimens."
                : "";
        return context.print(TEMPLATE, RebarReportType.DEFINITION, PrintHeader.of(context.labName(), r.header()), spec,
                rows, result.conclusion(),
                ItemTable.conclusionText(PrintTexts.text(r.header().standard()), result.grade().name(), result.items(),
                        result.conclusion()),
                remarks);
    }

    private static String tensile(RebarResult result, Function<TensileResult, BigDecimal> value, String unit) {
        return result.tensile().isEmpty() ? ""
                : PrintTexts.joined(result.tensile().stream().map(value).toList()) + unit;
    }

    private static String signed(BigDecimal percent) {
        return percent.signum() > 0 ? "+" + percent.toPlainString() : percent.toPlainString();
    }
}
