package cn.cqs.client.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.qrimage.QrCodes;
import cn.cqs.client.qrimage.QrFileScanner;
import cn.cqs.client.rendering.signing.PdfSigner;
import cn.cqs.client.rendering.signing.SealPlacement;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.cement.CementResult;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.reports.mortar.MortarResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders a realistic report of each type through {@link ReportPrints} and {@link ReportPdfRenderer}
 * and reads the PDF back: the key texts are there (in full, however long), the QR code decodes to
 * its payload and prints at 25 mm or more, every font is embedded, and the seal has its place beside
 * the code over no text; signed with the seal there, the code still decodes. The PDFs (plain and
 * signed) are written to target/rendered (and /tmp/templates when it exists) for a look with pdftoppm.
 */
class ReportTypesRenderTest {
    static final String LAB = "福建省建设工程质量检测中心有限公司";
    static final String PAYLOAD = "https://verify.cqs.example.cn/v/r1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
            + "-_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    static final Path OUT = Path.of("target", "rendered");
    static final Path LOOK = Path.of("/tmp/templates");

    static ReportPdfRenderer renderer;
    static OrganisationCredential credential;

    @BeforeAll
    static void renderer() throws IOException {
        renderer = new ReportPdfRenderer();
        Files.createDirectories(OUT);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateAuthority ca = CertificateAuthority.createPlatformCa("CQS Test Platform CA", "福建省住房和城乡建设厅（测试）",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        credential = ca.issueOrganisationCredential(new OrganisationIdentity(LAB, "91350100MA34XY1234"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    /** One case: file name, type, content, and texts the PDF must contain (whitespace ignored). */
    record Case(String name, ReportType type, Object content, Conclusion conclusion, List<String> texts) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        CementResult cement = (CementResult) ReportTypes.of(ReportType.CEMENT).evaluate(ReportContents.cement());
        MortarResult mortar = (MortarResult) ReportTypes.of(ReportType.MORTAR).evaluate(ReportContents.mortar());
        return Stream.of(
                new Case("rebar", ReportType.REBAR, ReportContents.rebar(), Conclusion.QUALIFIED,
                        // 141.5 kN / 314.2 mm² = 450.35 → 450 MPa; 190.0 kN → 604.71 → 605 MPa; (126 − 100) / 100 → 26.0 %
                        List.of("热轧带肋钢筋检测报告", "2024-GJ-000042", "HRB400E", "20mm", "450/455MPa", "605", "26.0",
                                "下屈服强度", "强屈比", "超屈比", "弯曲性能", "重量偏差", "-2.0", "±4.5", "合格",
                                "所检项目均符合HRB400E的要求")),
                new Case("rebar-retest", ReportType.REBAR, ReportContents.rebarRetest(), Conclusion.UNQUALIFIED,
                        // Agt 8.6 % rounds to 8.5 % < 9.0 %: unqualified in a retest
                        List.of("2024-GJ-000057", "复检", "12.5/12.0/8.5/11.0%", "最大力总延伸率不符合HRB400E的要求",
                                "不合格", "未检", "双倍试样复检")),
                new Case("cement", ReportType.CEMENT, ReportContents.cement(), cement.conclusion(),
                        List.of("水泥物理力学性能检测报告", "2024-SN-000318", "P·O普通硅酸盐水泥", "42.5",
                                cement.compressive28d().strengthMpa().toPlainString() + "MPa", "3d抗压强度", "28d抗折强度",
                                "初凝时间", "165min", "终凝时间", "225min", "安定性", "GB175-2023",
                                cement.conclusion().nameZh(), cement.provisionalLimits() ? "暂定值" : "备注")),
                new Case("mortar", ReportType.MORTAR, ReportContents.mortar(), mortar.conclusion(),
                        List.of("砌筑砂浆抗压强度检测报告", "2024-SJ-000077", "M10", "水泥混合砂浆", "70.7×70.7×70.7mm",
                                // 40.5 kN × 1.35 / 70.7² mm² = 10.94 → 10.9 MPa
                                "40.5", "10.9", mortar.strengthMpa().toPlainString(), mortar.percentOfGrade() + "%",
                                mortar.conclusion().nameZh())),
                new Case("splice-mechanical", ReportType.REBAR_SPLICE, ReportContents.mechanicalSplice(),
                        Conclusion.QUALIFIED,
                        // 280.0 kN / 490.9 mm² = 570.38 → 570 MPa; 295.0 → 601 ≥ 594 (1.10 fstk, coupler failure)
                        List.of("钢筋连接接头", "2024-JT-000105", "钢筋机械连接接头", "Ⅰ级", "滚轧直螺纹套筒", "570", "601",
                                "≥594", "连接件破坏", "钢筋拉断", "合格")),
                new Case("splice-welded-retest", ReportType.REBAR_SPLICE, ReportContents.weldedRetest(),
                        Conclusion.QUALIFIED,
                        List.of("2024-JT-000131", "电渣压力焊", "断于焊缝", "脆性断裂", "延性断裂", "断于热影响区", "复检",
                                "JGJ18-2012第5.1.7条", "合格")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersTheKeyTextsQrCodeAndSealPlace(Case c) throws IOException {
        assertThat(ReportTypes.of(c.type()).validate(c.content())).as("test content is valid").isEmpty();
        ReportPrint print = ReportPrints.of(c.type(), c.content(), LAB, "王磊", "李娜", "张伟", LocalDate.of(2024, 7, 2),
                PAYLOAD);
        assertThat(print.templateResource()).isEqualTo(ReportPrints.templateOf(c.type()));
        RenderedReport rendered = renderer.renderLaidOut(print);
        byte[] pdf = rendered.pdf();
        Files.write(OUT.resolve(c.name() + ".pdf"), pdf);
        if (Files.isDirectory(LOOK)) {
            Files.write(LOOK.resolve(c.name() + ".pdf"), pdf);
        }

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("an ordinary report fits one A4 page").isEqualTo(1);
            String joined = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(joined).contains(ReportTypes.of(c.type()).nameZh(), LAB, "报告编号", "委托编号", "WT2024-0789",
                    ReportContents.LONG_PROJECT.replaceAll("\\s+", ""), "3#楼五层梁、板、柱", "YP-2024-0789-1",
                    "林建国", "JZ-350100-000123", "福州市某某建设监理有限公司", "陈晓明", "王磊", "李娜", "张伟",
                    "2024-07-02", "检测结论", c.conclusion().nameZh(), "扫码核验", "第1页", "共1页");
            assertThat(joined).contains(c.texts().stream().map(t -> t.replaceAll("\\s+", "")).toList());
            assertThat(joined).doesNotContain("null");
            assertEveryFontIsEmbedded(doc);

            // the QR code: one image, drawn square at the template's fixed size, on the page the layout reports
            PDPage page = doc.getPage(rendered.qrCode().page() - 1);
            List<PdfImagePlacements.Placement> images = PdfImagePlacements.of(page);
            assertThat(images).hasSize(1);
            PdfImagePlacements.Placement qr = images.get(0);
            assertThat(qr.widthPt()).isEqualTo((float) renderer.qrPrintedSidePoints(print.templateResource()));
            assertThat(qr.heightPt()).isEqualTo(qr.widthPt());
            assertThat(qr.widthMm()).isGreaterThanOrEqualTo(25.0);
            assertThat(qr.xPt()).isEqualTo(rendered.qrCode().x());
            var bitmap = QrCodes.encode(PAYLOAD, ReportPdfRenderer.QR_MODULE_PX);
            assertThat(qr.pixelWidth()).isEqualTo(bitmap.sidePx());
            assertThat(bitmap.symbolSideMm(BigDecimal.valueOf(qr.widthPt()))).isGreaterThanOrEqualTo(new BigDecimal("25"));
        }
        assertThat(new QrFileScanner().scanPdf(pdf, c.name()).texts()).containsExactly(PAYLOAD);

        // the seal goes beside the code, on the page, without covering it or any text
        PrintedBox seal = SealPlacement.besideQrCode(rendered);
        assertThat(seal.overlaps(rendered.qrCode())).isFalse();
        assertThat(seal.x()).isGreaterThanOrEqualTo(0);
        assertThat(seal.right()).isLessThanOrEqualTo(rendered.pageWidth());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(PdfTextBoxes.textInside(doc, seal)).as("text under the seal").isEmpty();
            // the check sees text: the QR's own box holds none, the page's top does
            assertThat(PdfTextBoxes.textInside(doc, new PrintedBox(1, 0, rendered.pageHeight() - 120,
                    rendered.pageWidth(), 120))).contains(ReportTypes.of(c.type()).nameZh());
        }

        // signed with the seal in that place, the code still decodes
        byte[] signed = new PdfSigner().sign(pdf, credential, seal, Instant.now());
        Files.write(OUT.resolve(c.name() + "-signed.pdf"), signed);
        if (Files.isDirectory(LOOK)) {
            Files.write(LOOK.resolve(c.name() + "-signed.pdf"), signed);
        }
        assertThat(new QrFileScanner().scanPdf(signed, c.name() + "-signed").texts()).containsExactly(PAYLOAD);
    }

    @Test
    void longTextsWrapOntoASecondPageWithoutLossAndTheQrBlockStaysWhole() throws IOException {
        var base = ReportContents.rebarRetest();
        var h = base.header();
        String project = ReportContents.LONG_PROJECT.repeat(5);
        var header = new cn.cqs.contract.reports.ReportHeader(h.reportNumber(), h.commissionNumber(), h.projectId(),
                project, h.projectPart().repeat(4), h.sampleName(), h.sampleId(), h.samplingDate(), h.testDate(),
                h.standard(), h.witnessName(), h.witnessCertificateNumber(), h.witnessOrganisation().repeat(3),
                h.samplerName());
        var report = new cn.cqs.contract.reports.rebar.RebarReport(header, base.grade(), base.nominalDiameterMm(),
                base.manufacturer().repeat(3), base.heatNumber(), base.batchMassT(), base.testRound(),
                base.tensileSpecimens(), base.bendSpecimens(), base.massSample());
        RenderedReport rendered = renderer.renderLaidOut(ReportPrints.of(ReportType.REBAR, report, LAB, "王磊", "李娜",
                "张伟", LocalDate.of(2024, 7, 2), PAYLOAD));
        Files.write(OUT.resolve("rebar-long.pdf"), rendered.pdf());
        if (Files.isDirectory(LOOK)) {
            Files.write(LOOK.resolve("rebar-long.pdf"), rendered.pdf());
        }
        try (PDDocument doc = Loader.loadPDF(rendered.pdf())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String joined = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(joined).contains(project.replaceAll("\\s+", ""), "共" + pages + "页", "12.5/12.0/8.5/11.0%");
            assertThat(rendered.qrCode().page()).isEqualTo(pages);
            assertThat(PdfImagePlacements.of(doc.getPage(pages - 1))).hasSize(1);
        }
        assertThat(new QrFileScanner().scanPdf(rendered.pdf(), "long").texts()).containsExactly(PAYLOAD);
    }

    private static void assertEveryFontIsEmbedded(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                var font = resources.getFont(name);
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+CQSSansSC-(Regular|Bold)");
            }
        }
    }
}
