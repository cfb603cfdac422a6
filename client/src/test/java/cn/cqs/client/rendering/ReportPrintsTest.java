package cn.cqs.client.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.rebar.RebarReport;
import cn.cqs.contract.reports.validation.ReportInputException;
import cn.cqs.contract.reports.CubeStrengthReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportPrintsTest {
    static final LocalDate ISSUED = LocalDate.of(2024, 7, 2);

    @Test
    void everyReportTypeHasAPrinterAndACompiledTemplateWithAQrBox() {
        assertThat(ReportPrints.types()).isEqualTo(EnumSet.allOf(ReportType.class));
        ReportPdfRenderer renderer = new ReportPdfRenderer();
        for (ReportType type : ReportType.values()) {
            String template = ReportPrints.templateOf(type);
            assertThat(ReportPrints.class.getResource(template)).as("compiled template of %s", type).isNotNull();
            assertThat(ReportPrints.class.getResource(template.replace(".jasper", ".jrxml"))).isNull();
            assertThat(renderer.qrPrintedSideMm(template)).as("QR box of %s", type)
                    .isGreaterThanOrEqualTo(new BigDecimal("25"));
        }
    }

    @Test
    void printsTakeTheTitleFromTheTypeDefinitionAndTheConclusionFromTheRule() {
        TestReportPrint print = (TestReportPrint) ReportPrints.of(ReportType.REBAR, ReportContents.rebar(), "某检测机构",
                "王磊", "李娜", "张伟", ISSUED, "https://v.example/r/1");
        assertThat(print.titleZh()).isEqualTo(ReportTypes.of(ReportType.REBAR).nameZh());
        assertThat(print.titleEn()).isEqualTo(ReportTypes.of(ReportType.REBAR).nameEn());
        assertThat(print.conclusion()).isEqualTo(Conclusion.QUALIFIED);
        assertThat(print.reportNumber()).isEqualTo("2024-GJ-000042");
        assertThat(print.textParameters()).containsEntry("grade", "HRB400E").containsEntry("conclusion", "合格")
                .containsEntry("issueDate", "2024-07-02").containsEntry("tester", "王磊");
        // one row per specimen (tensile values and bend result), then one row per single item (6 for an E grade,
        // bend, mass deviation)
        assertThat(print.tableRows()).extracting(TableRow::section).containsExactly("specimens", "specimens", "items",
                "items", "items", "items", "items", "items", "items", "items");
        // 605 / 450 = 1.344 → 1.34; 450 / 400 = 1.125 → 1.12 (GB/T 8170: an exact 5 rounds to even)
        assertThat(print.tableRows().get(0).cells()).containsExactly("1", "450", "605", "26.0", "12.5", "1.34", "1.12",
                "无裂纹 No crack");
    }

    @Test
    void theCubeGoesThroughTheSameEntry() {
        // 815.6 / 842.3 / 798.0 kN on 150 mm cubes: 36.2 / 37.4 / 35.5 MPa, mean 36.4 MPa
        var cube = new CubeStrengthReport("2025-HNT-000128", "WT-2025-03561", ReportContents.PROJECT, "某工程", "3#楼",
                "混凝土立方体试件", "YP-1", new BigDecimal("120"), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 29), 28,
                CubeStrengthReport.STANDARD, "C30", 150, Stream.of("815.6", "842.3", "798.0")
                        .map(l -> new CubeStrengthReport.Specimen(new BigDecimal(l))).toList(), null, "林建国", "JZ-1",
                "某监理", "陈晓明");
        ReportPrint print = ReportPrints.of(ReportType.CONCRETE_CUBE, cube, "某检测机构", "王磊", "李娜", "张伟", ISSUED,
                "https://v.example/r/1");
        assertThat(print).isInstanceOf(CubeReportPrint.class);
        assertThat(print.templateResource()).isEqualTo(ReportPdfRenderer.TEMPLATE_RESOURCE);
        assertThat(print.textParameters()).containsEntry("representativeStrength", "36.4");
    }

    @Test
    void contentOfAnotherTypeIsRefusedNamingBothClasses() {
        assertThatThrownBy(() -> ReportPrints.of(ReportType.CEMENT, ReportContents.rebar(), "某检测机构", "", "", "",
                ISSUED, "https://v.example/r/1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CementReport")
                .hasMessageContaining("RebarReport");
    }

    @Test
    void unusableTestDataIsRefusedByTheRule() {
        RebarReport r = ReportContents.rebar();
        RebarReport noTensile = new RebarReport(r.header(), r.grade(), r.nominalDiameterMm(), r.manufacturer(),
                r.heatNumber(), r.batchMassT(), r.testRound(), null, r.bendSpecimens(), r.massSample());
        assertThatThrownBy(() -> ReportPrints.of(ReportType.REBAR, noTensile, "某检测机构", "", "", "", ISSUED,
                "https://v.example/r/1")).isInstanceOf(ReportInputException.class);
    }

    @Test
    void requiredPrintValuesAreChecked() {
        assertThatThrownBy(() -> ReportPrints.of(ReportType.MORTAR, ReportContents.mortar(), " ", "", "", "", ISSUED,
                "https://v.example/r/1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labName");
        assertThatThrownBy(() -> ReportPrints.of(ReportType.MORTAR, ReportContents.mortar(), "某检测机构", "", "", "",
                ISSUED, "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qrPayload");
    }

    @Test
    void aPrintThatDoesNotMatchItsTemplateIsRefusedNamingTheParameters() {
        TestReportPrint print = (TestReportPrint) ReportPrints.of(ReportType.MORTAR, ReportContents.mortar(),
                "某检测机构", "", "", "", ISSUED, "https://v.example/r/1");
        Map<String, String> spec = new java.util.LinkedHashMap<>(print.specification());
        spec.remove("mortarKind");
        spec.put("mortarColour", "grey");
        TestReportPrint wrong = new TestReportPrint(print.templateResource(), print.titleZh(), print.titleEn(),
                print.header(), spec, print.tableRows(), print.conclusion(), print.conclusionText(), print.remarks(),
                print.tester(), print.reviewer(), print.approver(), print.issueDate(), print.qrPayload());
        assertThatThrownBy(() -> new ReportPdfRenderer().render(wrong)).isInstanceOf(ReportRenderingException.class)
                .hasMessageContaining("mortarKind").hasMessageContaining("mortarColour");
    }
}
