package cn.cqs.client.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.client.qrimage.QrCodes;
import cn.cqs.client.qrimage.QrFileScanner;
import cn.cqs.client.qrimage.ScannedFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportPdfRendererTest {

    static final String LONG_PROJECT = "福州市仓山区城门镇下洋村安置房及配套基础设施建设工程（一期）"
            + "第三标段A-3#、A-4#楼及地下室主体结构工程暨市政道路配套管网改造项目 Phase 1 Lot 3";
    static final String PAYLOAD = "https://verify.cqs.example.cn/v/r1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
            + "-_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    static final Path OUT = Path.of("target", "rendered");

    static ReportPdfRenderer renderer;
    static byte[] pdf;

    @BeforeAll
    static void renderOnce() throws IOException {
        renderer = new ReportPdfRenderer();
        pdf = renderer.render(sample(LONG_PROJECT, PAYLOAD));
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("cube-report.pdf"), pdf);
    }

    static CubeReportPrint sample(String projectName, String payload) {
        return new CubeReportPrint(
                "福建省建设工程质量检测中心有限公司", "JC-HNT-2025-000128", "WT-2025-03561", projectName,
                "3#楼 十二层 剪力墙、梁、板", "混凝土立方体试件", "YP-2025-0815-07", "120 m³", "C30",
                "150×150×150 mm", "2025-06-01", "2025-06-29", "28 d", "GB/T 50081-2019《混凝土物理力学性能试验方法标准》",
                List.of(new SpecimenRow("1", "815.6", "36.2"), new SpecimenRow("2", "842.3", "37.4"),
                        new SpecimenRow("3", "798.0", "35.5")),
                "平均值 Mean", "36.4", "1.00", "121%",
                "该组试件抗压强度代表值为 36.4 MPa，达到设计强度等级 C30 的 121%。 The group reaches 121 % of grade C30.",
                new Witness("林建国", "JZ-35-2023-00412", "福州市某某建设监理有限公司"),
                "陈晓明", "王磊", "李娜", "张伟", "2025-06-30", payload);
    }

    @Test
    void chineseAndLatinTextIsExtractableWithEveryValue() throws IOException {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            text = new PDFTextStripper().getText(doc);
        }
        String joined = text.replaceAll("\\s+", "");
        assertThat(joined).contains("混凝土立方体抗压强度检测报告", "福建省建设工程质量检测中心有限公司",
                "报告编号", "JC-HNT-2025-000128", "委托编号", "WT-2025-03561", "工程名称", "工程部位",
                "3#楼十二层剪力墙、梁、板", "样品名称", "YP-2025-0815-07", "代表数量", "120m³", "设计强度等级", "C30",
                "试件尺寸", "150×150×150mm", "取样日期", "2025-06-01", "检测日期", "2025-06-29", "龄期", "28d",
                "检测依据", "GB/T50081-2019", "破坏荷载", "815.6", "842.3", "798.0", "36.2", "37.4", "35.5",
                "评定方法", "平均值", "强度代表值", "36.4", "尺寸换算系数", "1.00", "121%", "检测结论",
                "见证人", "林建国", "JZ-35-2023-00412", "福州市某某建设监理有限公司", "取样人", "陈晓明",
                "王磊", "李娜", "张伟", "签发日期", "2025-06-30", "扫码核验/scantoverify", "第1页", "共1页");
        // the long project name wraps over lines but is printed in full, never cut off
        assertThat(joined).contains(LONG_PROJECT.replaceAll("\\s+", ""));
    }

    @Test
    void veryLongTextsWrapAndFlowOntoAnotherPageWithoutLoss() throws IOException {
        String project = LONG_PROJECT.repeat(6);
        CubeReportPrint base = sample(project, PAYLOAD);
        String conclusion = base.conclusion().repeat(8);
        CubeReportPrint report = new CubeReportPrint(base.labName(), base.reportNumber(), base.commissionNumber(),
                project, base.projectPart(), base.sampleName(), base.sampleId(), base.representativeQuantity(),
                base.designGrade(), base.specimenSize(), base.samplingDate(), base.testDate(), base.age(), base.standard(),
                base.specimens(), base.groupMethod(), base.representativeStrength(), base.sizeFactor(),
                base.percentOfDesign(), conclusion, base.witness(), base.sampler(), base.tester(), base.reviewer(),
                base.approver(), base.issueDate(), base.qrPayload());
        byte[] long_ = renderer.render(report);
        Files.write(OUT.resolve("cube-report-long.pdf"), long_);
        try (PDDocument doc = Loader.loadPDF(long_)) {
            String joined = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(joined).contains(project.replaceAll("\\s+", ""), conclusion.replaceAll("\\s+", ""));
            int pages = doc.getNumberOfPages();
            assertThat(joined).contains("共" + pages + "页");
            // the QR block is never split: the whole code is on the last page
            assertThat(PdfImagePlacements.of(doc.getPage(pages - 1))).hasSize(1);
        }
        assertThat(new QrFileScanner().scanPdf(long_, "long").texts()).containsExactly(PAYLOAD);
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
        }
        // subset prefix + PostScript name, e.g. "DOIHNE+CQSSansSC-Regular"
        assertThat(fonts).isNotEmpty().allMatch(name -> name.matches("[A-Z]{6}\\+CQSSansSC-(Regular|Bold)"),
                "is a subset of the embedded CQS Sans SC font");
        assertThat(fonts).anyMatch(name -> name.contains("Bold"));
    }

    @Test
    void qrCodeDecodesBackToThePayload() throws IOException {
        ScannedFile scanned = new QrFileScanner().scanPdf(pdf, "cube-report.pdf");
        assertThat(scanned.texts()).containsExactly(PAYLOAD);
    }

    @Test
    void qrCodeIsPlacedSquareAtItsFixedSizeOfAtLeast25mm() throws IOException {
        List<PdfImagePlacements.Placement> images;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            images = PdfImagePlacements.of(doc.getPage(0));
        }
        assertThat(images).hasSize(1);
        PdfImagePlacements.Placement qr = images.get(0);
        assertThat(qr.widthPt()).isEqualTo((float) renderer.qrPrintedSidePoints());
        assertThat(qr.heightPt()).isEqualTo(qr.widthPt());
        assertThat(qr.widthMm()).isGreaterThanOrEqualTo(25.0);
        assertThat(renderer.qrPrintedSideMm()).isEqualByComparingTo(new BigDecimal("35.27"));
        // the symbol itself, quiet zone excluded, also prints at 25 mm or more
        var bitmap = QrCodes.encode(PAYLOAD, ReportPdfRenderer.QR_MODULE_PX);
        assertThat(qr.pixelWidth()).isEqualTo(bitmap.sidePx());
        assertThat(bitmap.symbolSideMm(BigDecimal.valueOf(qr.widthPt()))).isGreaterThanOrEqualTo(new BigDecimal("25"));
        // and a short payload (small symbol) is not drawn smaller: the box is fixed
        byte[] shortPdf = renderer.render(sample("短名称", "https://v.cqs.cn/r/1"));
        try (PDDocument doc = Loader.loadPDF(shortPdf)) {
            PdfImagePlacements.Placement small = PdfImagePlacements.of(doc.getPage(0)).get(0);
            assertThat(small.widthPt()).isEqualTo(qr.widthPt());
            var smallBitmap = QrCodes.encode("https://v.cqs.cn/r/1", ReportPdfRenderer.QR_MODULE_PX);
            assertThat(smallBitmap.symbolSideMm(BigDecimal.valueOf(small.widthPt()))).isGreaterThanOrEqualTo(new BigDecimal("25"));
        }
    }

    @Test
    void pdfAsksViewersNotToScaleWhenPrinting() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getViewerPreferences()).isNotNull();
            assertThat(doc.getDocumentCatalog().getViewerPreferences().getPrintScaling()).isEqualTo("None");
            assertThat(doc.getDocumentInformation().getTitle()).contains("JC-HNT-2025-000128");
        }
    }

    @Test
    void emptyOptionalValuesPrintAsSlash() throws IOException {
        CubeReportPrint full = sample("某工程", PAYLOAD);
        CubeReportPrint sparse = new CubeReportPrint(full.labName(), full.reportNumber(), "", full.projectName(), "",
                full.sampleName(), "", "", full.designGrade(), "", "", "", "", "", full.specimens(), "", "36.4",
                "", "", "无效 Invalid", Witness.NONE, "", "", "", "", full.issueDate(), full.qrPayload());
        String text;
        try (PDDocument doc = Loader.loadPDF(renderer.render(sparse))) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("委托编号 Commission No.: /");
        assertThat(text.chars().filter(c -> c == '/').count()).isGreaterThan(15);
    }

    @Test
    void onlyTheCompiledTemplateShipsSoNothingIsCompiledAtRunTime() {
        assertThat(ReportPdfRenderer.class.getResource(ReportPdfRenderer.TEMPLATE_RESOURCE)).isNotNull();
        assertThat(ReportPdfRenderer.class.getResource(
                ReportPdfRenderer.TEMPLATE_RESOURCE.replace(".jasper", ".jrxml"))).isNull();
        assertThat(ReportPdfRenderer.class.getResource("/jasperreports_extension.properties")).isNotNull();
    }

    @Test
    void requiredValuesAreChecked() {
        CubeReportPrint full = sample("某工程", PAYLOAD);
        assertThatThrownBy(() -> new CubeReportPrint(full.labName(), " ", full.commissionNumber(), full.projectName(),
                full.projectPart(), full.sampleName(), full.sampleId(), full.representativeQuantity(), full.designGrade(),
                full.specimenSize(), full.samplingDate(), full.testDate(), full.age(), full.standard(), full.specimens(),
                full.groupMethod(), full.representativeStrength(), full.sizeFactor(), full.percentOfDesign(),
                full.conclusion(), full.witness(), full.sampler(), full.tester(), full.reviewer(), full.approver(),
                full.issueDate(), full.qrPayload()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reportNumber");
        assertThatThrownBy(() -> new CubeReportPrint(full.labName(), full.reportNumber(), full.commissionNumber(),
                full.projectName(), full.projectPart(), full.sampleName(), full.sampleId(), full.representativeQuantity(),
                full.designGrade(), full.specimenSize(), full.samplingDate(), full.testDate(), full.age(), full.standard(),
                full.specimens().subList(0, 2), full.groupMethod(), full.representativeStrength(), full.sizeFactor(),
                full.percentOfDesign(), full.conclusion(), full.witness(), full.sampler(), full.tester(), full.reviewer(),
                full.approver(), full.issueDate(), full.qrPayload()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specimens").hasMessageContaining("3");
    }

    @Test
    void timeToFillAndExportOneReportAfterWarmUp() {
        CubeReportPrint report = sample(LONG_PROJECT, PAYLOAD);
        for (int i = 0; i < 5; i++) {
            assertThat(renderer.render(report)).isNotEmpty();
        }
        int runs = 10;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            assertThat(renderer.render(report)).isNotEmpty();
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / runs;
        System.out.println("fill + export of one cube report after warm-up: " + ms + " ms");
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void pageRasterisesWithPdftoppmWhenInstalled() throws IOException, InterruptedException {
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(pdftoppm), "pdftoppm not installed");
        Path prefix = OUT.resolve("cube-report");
        Process process = new ProcessBuilder(pdftoppm.toString(), "-r", "100", "-png",
                OUT.resolve("cube-report.pdf").toString(), prefix.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pdftoppm output: %s", output).isZero();
        assertThat(OUT.resolve("cube-report-1.png")).exists();
    }
}
