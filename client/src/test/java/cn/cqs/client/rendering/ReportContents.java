package cn.cqs.client.rendering;

import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.cement.CementReport;
import cn.cqs.contract.reports.cement.CementReport.StrengthTest;
import cn.cqs.contract.reports.mortar.MortarReport;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.contract.reports.rebar.RebarReport.BendSpecimen;
import cn.cqs.contract.reports.rebar.RebarReport.MassSample;
import cn.cqs.contract.reports.rebar.RebarReport.TensileSpecimen;
import cn.cqs.contract.reports.splice.FailureLocation;
import cn.cqs.contract.reports.splice.FailureMode;
import cn.cqs.contract.reports.splice.SpliceGrade;
import cn.cqs.contract.reports.splice.SpliceKind;
import cn.cqs.contract.reports.splice.SpliceReport;
import cn.cqs.contract.reports.splice.SpliceReport.Specimen;
import cn.cqs.contract.reports.splice.WeldingMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Test data: realistic, valid contents of the report types that nest a {@link ReportHeader}. */
final class ReportContents {
    static final String LONG_PROJECT = "福州市仓山区城门镇下洋村安置房及配套基础设施建设工程（一期）"
            + "第三标段A-3#、A-4#楼及地下室主体结构工程暨市政道路配套管网改造项目 Phase 1 Lot 3";
    static final UUID PROJECT = UUID.fromString("6f1c2a9e-3b7d-4c5e-9a10-2b3c4d5e6f70");

    private ReportContents() {
    }

    static ReportHeader header(String reportNumber, String sampleName, String standard, LocalDate testDate, int daysBefore) {
        return new ReportHeader(reportNumber, "WT2024-0789", PROJECT, LONG_PROJECT, "3#楼 五层 梁、板、柱", sampleName,
                "YP-2024-0789-1", testDate.minusDays(daysBefore), testDate, standard, "林建国", "JZ-350100-000123",
                "福州市某某建设监理有限公司", "陈晓明");
    }

    /** HRB400E Φ20, first test: two tensile, two bend, the mass sample; qualified. */
    static RebarReport rebar() {
        return new RebarReport(header("2024-GJ-000042", "热轧带肋钢筋", "GB/T 1499.2-2018", LocalDate.of(2024, 5, 6), 2),
                "HRB400E", 20, "福建三钢闽光股份有限公司", "24A-01234", new BigDecimal("58.5"), TestRound.INITIAL,
                List.of(tensile("141.5", "190.0", "126.0", "12.3"), tensile("143.0", "192.5", "124.5", "11.8")),
                List.of(new BendSpecimen(true), new BendSpecimen(true)),
                new MassSample(5, new BigDecimal("2500"), new BigDecimal("6.05")));
    }

    /** The retest of the same batch on double specimens: four tensile and four bend, no mass sample; one Agt too low. */
    static RebarReport rebarRetest() {
        return new RebarReport(header("2024-GJ-000057", "热轧带肋钢筋", "GB/T 1499.2-2018", LocalDate.of(2024, 5, 9), 5),
                "HRB400E", 20, "福建三钢闽光股份有限公司", "24A-01234", new BigDecimal("58.5"), TestRound.RETEST,
                List.of(tensile("141.5", "190.0", "126.0", "12.3"), tensile("143.0", "192.5", "124.5", "11.8"),
                        tensile("140.0", "189.0", "125.0", "8.6"), tensile("142.5", "191.0", "123.5", "10.9")),
                List.of(new BendSpecimen(true), new BendSpecimen(true), new BendSpecimen(true), new BendSpecimen(true)),
                null);
    }

    /** P·O 42.5 tested on 2024-06-28 under GB 175-2023 (a provisional 3-day limit). */
    static CementReport cement() {
        return new CementReport(header("2024-SN-000318", "通用硅酸盐水泥", "GB 175-2023", LocalDate.of(2024, 6, 28), 29),
                "P·O", "42.5", "福建某水泥有限公司", "P.O42.5-2405-018", new BigDecimal("200"), 165, 225, true,
                new StrengthTest(decimals("2.15", "2.20", "2.05"), decimals("35.0", "36.0", "34.5", "35.5", "36.5", "35.0")),
                new StrengthTest(decimals("3.30", "3.40", "3.25"), decimals("75.0", "76.5", "74.0", "75.5", "77.0", "73.5")));
    }

    /** M10 cement-lime mortar, one group of three. */
    static MortarReport mortar() {
        return new MortarReport(header("2024-SJ-000077", "砌筑砂浆试块", "JGJ/T 70-2009", LocalDate.of(2024, 5, 6), 28),
                "M10", "水泥混合砂浆", new BigDecimal("250"), 28, decimals("40.5", "42.0", "44.0"));
    }

    /** A grade I threaded coupler, HRB400 Φ25, first test of three. */
    static SpliceReport mechanicalSplice() {
        return new SpliceReport(header("2024-JT-000105", "钢筋机械连接接头", "JGJ 107-2016", LocalDate.of(2024, 5, 6), 3),
                SpliceKind.MECHANICAL, "HRB400", 25, SpliceGrade.I, "滚轧直螺纹套筒", null, 500, TestRound.INITIAL,
                List.of(new Specimen(new BigDecimal("280.0"), FailureLocation.BASE_METAL, null),
                        new Specimen(new BigDecimal("295.0"), FailureLocation.JOINT, null),
                        new Specimen(new BigDecimal("290.0"), FailureLocation.BASE_METAL, null)));
    }

    /** Electroslag pressure welds, HRB400E Φ25, the retest of six. */
    static SpliceReport weldedRetest() {
        return new SpliceReport(header("2024-JT-000131", "钢筋焊接接头", "JGJ 18-2012", LocalDate.of(2024, 5, 10), 3),
                SpliceKind.WELDED, "HRB400E", 25, null, null, WeldingMethod.ELECTROSLAG_PRESSURE, 300, TestRound.RETEST,
                List.of(w("285.0", FailureLocation.BASE_METAL, FailureMode.DUCTILE),
                        w("283.5", FailureLocation.BASE_METAL, FailureMode.DUCTILE),
                        w("281.0", FailureLocation.HEAT_AFFECTED_ZONE, FailureMode.DUCTILE),
                        w("279.5", FailureLocation.JOINT, FailureMode.BRITTLE),
                        w("286.0", FailureLocation.BASE_METAL, FailureMode.DUCTILE),
                        w("284.0", FailureLocation.BASE_METAL, FailureMode.DUCTILE)));
    }

    private static Specimen w(String kn, FailureLocation at, FailureMode mode) {
        return new Specimen(new BigDecimal(kn), at, mode);
    }

    private static TensileSpecimen tensile(String yieldKn, String maxKn, String luMm, String agt) {
        return new TensileSpecimen(new BigDecimal(yieldKn), new BigDecimal(maxKn), new BigDecimal(luMm),
                new BigDecimal(agt));
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
