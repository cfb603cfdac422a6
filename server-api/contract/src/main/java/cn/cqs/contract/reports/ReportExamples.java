package cn.cqs.contract.reports;

import cn.cqs.contract.reports.cement.CementReport;
import cn.cqs.contract.reports.cement.Gb175Edition;
import cn.cqs.contract.reports.mortar.MortarReport;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.contract.reports.splice.FailureLocation;
import cn.cqs.contract.reports.splice.SpliceGrade;
import cn.cqs.contract.reports.splice.SpliceKind;
import cn.cqs.contract.reports.splice.SpliceReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One complete, valid and qualified example content per report type, with realistic values a lab
 * would enter: the demo data, the integration guide's examples, benchmarks and tests of the generic
 * upload path use them, so every type travels the same road. The values are those worked through
 * in {@code docs/rules/*.md}.
 */
public final class ReportExamples {
    private ReportExamples() {
    }

    /**
     * A valid, qualified report of {@code type}.
     *
     * @param reportNumber the lab's report number ({@link ReportNumber})
     * @param projectId    the project it is for
     * @param projectName  the project's name as printed
     * @param testDate     the test date; sampling was 28 days earlier (cement: the 28-day test)
     */
    public static Object of(ReportType type, String reportNumber, UUID projectId, String projectName,
                            LocalDate testDate) {
        Objects.requireNonNull(type, "type");
        LocalDate sampled = testDate.minusDays(28);
        return switch (type) {
            case CONCRETE_CUBE -> new CubeStrengthReport(reportNumber, "WT-" + reportNumber, projectId, projectName,
                    "3号楼五层梁板", "混凝土试块", "HNT-" + reportNumber, new BigDecimal("100"), sampled, testDate, 28,
                    CubeStrengthReport.STANDARD, "C30", 150,
                    List.of(new CubeStrengthReport.Specimen(new BigDecimal("720.0")),
                            new CubeStrengthReport.Specimen(new BigDecimal("747.0")),
                            new CubeStrengthReport.Specimen(new BigDecimal("765.0"))),
                    null, "张三", "JZ-350100-000123", "福州某监理有限公司", "李四");
            case REBAR -> new RebarReport(header(reportNumber, projectId, projectName, "热轧带肋钢筋",
                    RebarReport.STANDARD, sampled, testDate), "HRB400E", 20, "福建三钢闽光股份有限公司", "24A-01234",
                    new BigDecimal("58.5"), TestRound.INITIAL,
                    List.of(tensile("141.5", "190.0", "126.0", "12.3"), tensile("144.0", "192.5", "124.3", "11.0")),
                    List.of(new RebarReport.BendSpecimen(true), new RebarReport.BendSpecimen(true)),
                    new RebarReport.MassSample(5, new BigDecimal("2500"), new BigDecimal("6.05")));
            case CEMENT -> new CementReport(header(reportNumber, projectId, projectName, "普通硅酸盐水泥",
                    Gb175Edition.forTestDate(testDate).standard(), sampled, testDate), "P·O", "42.5",
                    "福建某水泥有限公司", "P.O42.5-2405-018", new BigDecimal("200"), 150, 210, true,
                    new CementReport.StrengthTest(decimals("1.80", "1.85", "1.90"),
                            decimals("35.0", "36.0", "34.5", "35.5", "36.5", "35.0")),
                    new CementReport.StrengthTest(decimals("3.00", "3.10", "2.60"),
                            decimals("70.0", "71.0", "69.0", "70.5", "58.0", "70.0")));
            case MORTAR -> new MortarReport(header(reportNumber, projectId, projectName, "砌筑砂浆试块",
                    MortarReport.STANDARD, sampled, testDate), "M7.5", "水泥砂浆", new BigDecimal("250"), 28,
                    decimals("40.0", "42.0", "41.0"));
            case REBAR_SPLICE -> new SpliceReport(header(reportNumber, projectId, projectName, "钢筋机械连接接头",
                    SpliceKind.MECHANICAL.standard(), sampled, testDate), SpliceKind.MECHANICAL, "HRB400", 25,
                    SpliceGrade.I, "滚轧直螺纹套筒", null, 500, TestRound.INITIAL, List.of(
                            new SpliceReport.Specimen(new BigDecimal("280.0"), FailureLocation.BASE_METAL, null),
                            new SpliceReport.Specimen(new BigDecimal("295.0"), FailureLocation.JOINT, null),
                            new SpliceReport.Specimen(new BigDecimal("290.0"), FailureLocation.BASE_METAL, null)));
        };
    }

    private static ReportHeader header(String reportNumber, UUID projectId, String projectName, String sampleName,
                                       String standard, LocalDate sampled, LocalDate tested) {
        return new ReportHeader(reportNumber, "WT-" + reportNumber, projectId, projectName, "3号楼五层梁板", sampleName,
                "YP-" + reportNumber, sampled, tested, standard, "张三", "JZ-350100-000123", "福州某监理有限公司", "李四");
    }

    private static RebarReport.TensileSpecimen tensile(String feL, String fm, String lu, String agt) {
        return new RebarReport.TensileSpecimen(new BigDecimal(feL), new BigDecimal(fm), new BigDecimal(lu),
                new BigDecimal(agt));
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
