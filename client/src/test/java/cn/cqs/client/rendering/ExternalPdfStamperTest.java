package cn.cqs.client.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.client.qrimage.PdfPageImages;
import cn.cqs.client.qrimage.QrDecoder;
import cn.cqs.client.rendering.StampPlacement.Corner;
import cn.cqs.client.rendering.StampPlacement.Page;
import cn.cqs.client.rendering.signing.PdfSigner;
import cn.cqs.client.rendering.signing.SealPlacement;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.InMemoryTrustRegistry;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.reports.pdf.PdfRejectedException;
import cn.cqs.server.reports.pdf.SignedPdfValidator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Stamps the QR code on PDFs "produced elsewhere" ({@link ExternalPdfs}: A4, landscape, pages turned
 * by {@code /Rotate}, several pages) and reads it back as a phone would see the printed page: PDFBox
 * renders the page ({@link PdfPageImages}), ZXing finds and decodes the code ({@link QrDecoder}), and
 * its finder patterns tell where it is and that it stands upright. Then signs the stamped PDF and has
 * the server's {@link SignedPdfValidator} accept it. The stamped and signed files are written to
 * {@code target/stamped/} to look at ({@code pdftoppm}, {@code pdfsig}).
 */
class ExternalPdfStamperTest {
    static final Path OUT = Path.of("target", "stamped");
    static final String LAB = "福建省建设工程质量检测中心有限公司";
    static final String USCC = "91350100MA34XY1234";
    static final String PAYLOAD = "https://verify.cqs.example.cn/v/r1.eyJrIjoiUiIsImkiOiI5MTM1MDEwME1BMzRYWTEyMzQiLCJuIjoiMjAy"
            + "Ni1FWFQtMDAwMDAxIn0.MEUCIQDx3n4kV8sY2c9w0o1u7pTqZr5aB6cD8eF0gH2iJ4kL6mNo";
    /** The resolution the product renders PDF pages at to read their codes. */
    static final int DPI = PdfPageImages.DEFAULT_DPI;

    static final ExternalPdfStamper STAMPER = new ExternalPdfStamper();
    static CertificateAuthority ca;
    static OrganisationCredential credential;

    @BeforeAll
    static void credential() throws IOException {
        Instant now = Instant.now();
        ca = CertificateAuthority.createPlatformCa("CQS Test Platform CA", "福建省住房和城乡建设厅（测试）",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        credential = ca.issueOrganisationCredential(new OrganisationIdentity(LAB, USCC),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        Files.createDirectories(OUT);
    }

    /** Where the code was found on the rendered page, in pixels of the page as displayed. */
    record Found(String text, ResultPoint bottomLeft, ResultPoint topLeft, ResultPoint topRight, int pageWidth, int pageHeight) {
        float centreX() {
            return (bottomLeft.getX() + topRight.getX()) / 2;
        }

        float centreY() {
            return (bottomLeft.getY() + topRight.getY()) / 2;
        }

        /** Finder patterns in their upright places: top-left above bottom-left, top-right to the right of top-left. */
        boolean upright() {
            float module = Math.abs(topRight.getX() - topLeft.getX()) / 20;
            return Math.abs(topLeft.getX() - bottomLeft.getX()) < module && topLeft.getY() < bottomLeft.getY()
                    && Math.abs(topLeft.getY() - topRight.getY()) < module && topRight.getX() > topLeft.getX();
        }

        boolean inCorner(Corner corner) {
            boolean right = centreX() > pageWidth / 2f;
            boolean top = centreY() < pageHeight / 2f;
            return right == corner.right() && top == corner.top();
        }
    }

    static Found read(byte[] pdf, int pageIndex) throws Exception {
        BufferedImage page;
        try (PdfPageImages images = PdfPageImages.open(pdf, "stamped")) {
            page = images.render(pageIndex, DPI);
        }
        List<String> texts = new QrDecoder().decodeTexts(page);
        assertThat(texts).as("the system's decoder reads exactly the stamped code").containsExactly(PAYLOAD);
        Result r = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
        ResultPoint[] p = r.getResultPoints();
        return new Found(r.getText(), p[0], p[1], p[2], page.getWidth(), page.getHeight());
    }

    static void assertPrintedSizeAtLeastMinimum(byte[] pdf, StampedPdf stamped) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PdfImagePlacements.Placement> images = PdfImagePlacements.of(doc.getPage(stamped.qrCode().page() - 1));
            PdfImagePlacements.Placement qr = images.stream().filter(i -> i.pixelWidth() == i.pixelHeight()
                    && Math.abs(i.widthPt() - stamped.qrCode().width()) < 0.01).findFirst().orElseThrow();
            int modules = qr.pixelWidth() / ExternalPdfStamper.QR_MODULE_PX;
            double symbolMm = qr.widthMm() * (modules - 8) / modules;
            assertThat(symbolMm).as("printed side of the symbol, quiet zone excluded")
                    .isGreaterThanOrEqualTo(ReportPdfRenderer.MIN_QR_SYMBOL_SIDE_MM.doubleValue());
            assertThat(qr.widthMm()).isCloseTo(qr.heightMm(), org.assertj.core.data.Offset.offset(0.01));
        }
    }

    static void assertLossless(byte[] pdf, int pageIndex) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var resources = doc.getPage(pageIndex).getResources();
            boolean found = false;
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image && image.getWidth() == image.getHeight()) {
                    assertThat(image.getSuffix()).as("a lossless image (Flate), not JPEG").isEqualTo("png");
                    assertThat(image.getInterpolate()).isFalse();
                    found = true;
                }
            }
            assertThat(found).as("the QR image is in the page's resources").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Corner.class)
    void a4PortraitEachCornerTheCodeReadsUprightWhereAskedAndAtFullSize(Corner corner) throws Exception {
        byte[] external = ExternalPdfs.report(ExternalPdfs.A4, 1);
        StampedPdf stamped = STAMPER.stamp(external, PAYLOAD, StampPlacement.of(Page.LAST, corner));
        Files.write(OUT.resolve("a4-" + corner.name().toLowerCase() + ".pdf"), stamped.pdf());

        assertThat(stamped.pageCount()).isEqualTo(1);
        assertThat(stamped.visiblePage()).isEqualTo(new PrintedBox(1, 0, 0, 595, 842));
        float margin = 10 * 72 / 25.4f;
        PrintedBox qr = stamped.qrCode();
        assertThat(corner.right() ? 595 - qr.right() : qr.x()).isCloseTo(margin, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(corner.top() ? 842 - qr.top() : qr.y()).isCloseTo(margin, org.assertj.core.data.Offset.offset(0.01f));
        Found found = read(stamped.pdf(), 0);
        assertThat(found.upright()).as("upright: %s", found).isTrue();
        assertThat(found.inCorner(corner)).as("in the %s corner: %s", corner, found).isTrue();
        assertPrintedSizeAtLeastMinimum(stamped.pdf(), stamped);
        assertLossless(stamped.pdf(), 0);
        try (PDDocument doc = Loader.loadPDF(stamped.pdf())) {
            assertThat(doc.getDocumentCatalog().getViewerPreferences().getPrintScaling())
                    .as("printing at 100 %%: fit to page off").isEqualTo("None");
        }
    }

    @Test
    void landscapeMultiPageTheCodeGoesOnTheChosenPageOnly() throws Exception {
        byte[] external = ExternalPdfs.report(ExternalPdfs.A4_LANDSCAPE, 3);
        StampedPdf last = STAMPER.stamp(external, PAYLOAD, StampPlacement.of(Page.LAST, Corner.BOTTOM_RIGHT));
        Files.write(OUT.resolve("landscape-last.pdf"), last.pdf());
        assertThat(last.pageCount()).isEqualTo(3);
        assertThat(last.qrCode().page()).isEqualTo(3);
        assertThat(last.visiblePage().width()).isEqualTo(842f);
        Found found = read(last.pdf(), 2);
        assertThat(found.upright()).isTrue();
        assertThat(found.inCorner(Corner.BOTTOM_RIGHT)).isTrue();
        try (PdfPageImages images = PdfPageImages.open(last.pdf(), "landscape")) {
            assertThat(new QrDecoder().decodeTexts(images.render(0, DPI))).as("page 1 untouched").isEmpty();
        }

        StampedPdf first = STAMPER.stamp(external, PAYLOAD, new StampPlacement(Page.FIRST, Corner.TOP_LEFT, new BigDecimal("15")));
        assertThat(first.qrCode().page()).isEqualTo(1);
        Found onFirst = read(first.pdf(), 0);
        assertThat(onFirst.inCorner(Corner.TOP_LEFT)).isTrue();
        assertThat(onFirst.upright()).isTrue();
        assertPrintedSizeAtLeastMinimum(first.pdf(), first);
    }

    /**
     * Each issue signs a different token, so the symbol differs every time: forty seeded payloads of a real
     * verification URL's length (188 characters, version 12 at level Q, about 3.8 px per module here) must
     * all read back. At 150 dpi about one in twenty did not (9 of 200), which is why the product renders at
     * {@link PdfPageImages#DEFAULT_DPI}.
     */
    @Test
    void everyPayloadOfARealTokensLengthReadsBackAtTheProductsResolution() throws Exception {
        byte[] external = ExternalPdfs.report(ExternalPdfs.A4, 2);
        java.util.Random random = new java.util.Random(20261124);
        List<String> unreadable = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] token = new byte[122];
            random.nextBytes(token);
            String payload = "https://cqs.example.cn/v/" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            StampedPdf stamped = STAMPER.stamp(external, payload, StampPlacement.of(Page.LAST, Corner.TOP_LEFT));
            try (PdfPageImages images = PdfPageImages.open(stamped.pdf(), "payload-" + i)) {
                if (!new QrDecoder().decodeTexts(images.render(1, DPI)).equals(List.of(payload))) {
                    unreadable.add(payload);
                }
            }
        }
        assertThat(unreadable).as("payloads whose stamped code did not read back at %d dpi", DPI).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void aPageTurnedByRotateGetsTheCodeUprightInTheCornerAsDisplayed(int rotation) throws Exception {
        byte[] external = ExternalPdfs.rotated(rotation, 2);
        for (Corner corner : Corner.values()) {
            StampedPdf stamped = STAMPER.stamp(external, PAYLOAD, StampPlacement.of(Page.LAST, corner));
            assertThat(stamped.pageRotation()).isEqualTo(rotation);
            assertThat(stamped.visiblePage().width()).isEqualTo(rotation == 180 ? 595f : 842f);
            Found found = read(stamped.pdf(), 1);
            assertThat(found.upright()).as("upright on a page with /Rotate %d, %s: %s", rotation, corner, found).isTrue();
            assertThat(found.inCorner(corner)).as("/Rotate %d, %s: %s", rotation, corner, found).isTrue();
            assertPrintedSizeAtLeastMinimum(stamped.pdf(), stamped);
            if (corner == Corner.BOTTOM_RIGHT) {
                Files.write(OUT.resolve("rotated-" + rotation + ".pdf"), stamped.pdf());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void aCropBoxIsTheVisiblePageTheCodeSitsInItsCornerOnAnyRotation(int rotation) throws Exception {
        byte[] external = ExternalPdfs.cropped(rotation, 1);
        for (Corner corner : Corner.values()) {
            StampedPdf stamped = STAMPER.stamp(external, PAYLOAD, StampPlacement.of(Page.LAST, corner));
            boolean turned = rotation % 180 != 0;
            assertThat(stamped.visiblePage().width()).isEqualTo(turned ? 742f : 505f);
            assertThat(stamped.visiblePage().height()).isEqualTo(turned ? 505f : 742f);
            // PDFBox renders the crop box only: a code placed outside it would be cut off or missing
            Found found = read(stamped.pdf(), 0);
            assertThat(found.upright()).as("/Rotate %d, %s: %s", rotation, corner, found).isTrue();
            assertThat(found.inCorner(corner)).as("/Rotate %d, %s: %s", rotation, corner, found).isTrue();
            float marginPx = 10 / 25.4f * DPI;
            float sidePx = ExternalPdfStamper.PRINTED_SIDE_POINTS / 72 * DPI;
            float expectedCentreX = corner.right() ? found.pageWidth() - marginPx - sidePx / 2 : marginPx + sidePx / 2;
            float expectedCentreY = corner.top() ? marginPx + sidePx / 2 : found.pageHeight() - marginPx - sidePx / 2;
            assertThat(found.centreX()).as("10 mm from the crop box edge").isCloseTo(expectedCentreX, org.assertj.core.data.Offset.offset(DPI / 25.4f));
            assertThat(found.centreY()).as("10 mm from the crop box edge").isCloseTo(expectedCentreY, org.assertj.core.data.Offset.offset(DPI / 25.4f));
            PrintedBox seal = SealPlacement.besideQrCode(stamped);
            assertThat(seal.overlaps(stamped.qrCode())).isFalse();
            assertThat(seal.x()).isGreaterThanOrEqualTo(stamped.visiblePage().x());
            assertThat(seal.y()).isGreaterThanOrEqualTo(stamped.visiblePage().y());
            assertThat(seal.right()).isLessThanOrEqualTo(stamped.visiblePage().right());
            assertThat(seal.top()).isLessThanOrEqualTo(stamped.visiblePage().top());
        }
    }

    @Test
    void aPdfWrittenByAnotherProducerWithObjectStreamsAndAnOffsetMediaBoxIsStamped() throws Exception {
        byte[] external = ExternalPdfs.madeWithPdfBox();
        StampedPdf stamped = STAMPER.stamp(external, PAYLOAD, StampPlacement.of(Page.FIRST, Corner.TOP_RIGHT));
        assertThat(stamped.visiblePage()).isEqualTo(new PrintedBox(1, 100, 200, 595, 842));
        Found found = read(stamped.pdf(), 0);
        assertThat(found.upright()).isTrue();
        assertThat(found.inCorner(Corner.TOP_RIGHT)).isTrue();
        byte[] signed = new PdfSigner().sign(stamped.pdf(), credential, SealPlacement.besideQrCode(stamped), Instant.now());
        Files.write(OUT.resolve("pdfbox-made-signed.pdf"), signed);
        InMemoryTrustRegistry trust = new InMemoryTrustRegistry().trustCa(ca.certificate());
        trust.addIssuer(credential.certificate());
        new SignedPdfValidator(trust).validate(signed, USCC, Instant.now());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90})
    void theSignedResultIsAcceptedByTheServersValidatorWithTheSealBesideTheCode(int rotation) throws Exception {
        byte[] external = rotation == 0 ? ExternalPdfs.report(ExternalPdfs.A4, 2) : ExternalPdfs.rotated(rotation, 2);
        for (Corner corner : Corner.values()) {
            StampedPdf stamped = STAMPER.stamp(external, PAYLOAD, StampPlacement.of(Page.LAST, corner));
            PrintedBox seal = SealPlacement.besideQrCode(stamped);
            assertThat(seal.overlaps(stamped.qrCode())).isFalse();
            assertThat(seal.x()).isGreaterThanOrEqualTo(stamped.visiblePage().x());
            assertThat(seal.top()).isLessThanOrEqualTo(stamped.visiblePage().top());
            Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byte[] signed = new PdfSigner().sign(stamped.pdf(), credential, seal, issued);
            Files.write(OUT.resolve("signed-" + rotation + "-" + corner.name().toLowerCase() + ".pdf"), signed);

            InMemoryTrustRegistry trust = new InMemoryTrustRegistry().trustCa(ca.certificate());
            trust.addIssuer(credential.certificate());
            SignedPdfValidator validator = new SignedPdfValidator(trust);
            validator.validate(signed, USCC, issued);
            Found found = read(signed, 1);
            assertThat(found.upright()).isTrue();
            assertThat(found.inCorner(corner)).isTrue();

            byte[] tampered = signed.clone();
            tampered[200] ^= 0x01;
            assertThatThrownBy(() -> validator.validate(tampered, USCC, issued)).isInstanceOf(PdfRejectedException.class);
        }
    }

    @Test
    void aPdfSignedAlreadyIsRefusedStampingWouldBreakItsSignature() {
        StampedPdf stamped = STAMPER.stamp(ExternalPdfs.report(ExternalPdfs.A4, 1), PAYLOAD, StampPlacement.usual());
        byte[] signed = new PdfSigner().sign(stamped.pdf(), credential, SealPlacement.besideQrCode(stamped), Instant.now());
        assertRefused(signed, ExternalPdfRefusedException.SIGNED);
    }

    @Test
    void encryptedPdfsAreRefusedWithOrWithoutAnOpeningPassword() {
        assertRefused(ExternalPdfs.encrypted("open-me"), ExternalPdfRefusedException.ENCRYPTED);
        assertRefused(ExternalPdfs.encrypted(null), ExternalPdfRefusedException.ENCRYPTED);
    }

    @Test
    void unreadableEmptyAndOversizedFilesAreRefused() {
        assertRefused(new byte[0], ExternalPdfRefusedException.EMPTY);
        assertRefused("%PDF-1.7\nthis is no PDF at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                ExternalPdfRefusedException.UNREADABLE);
        assertRefused("<html>a web page saved as .pdf</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                ExternalPdfRefusedException.UNREADABLE);
        assertRefused(new byte[ReportUpload.MAX_PDF_BYTES + 1], ExternalPdfRefusedException.TOO_LARGE);
    }

    @Test
    void aPageTooSmallForTheCodeAndItsMarginsIsRefused() {
        byte[] label = ExternalPdfs.report(new com.lowagie.text.Rectangle(150, 200), 1);
        ExternalPdfRefusedException refused = assertRefused(label, ExternalPdfRefusedException.PAGE_TOO_SMALL);
        assertThat(refused.error().message()).contains("52.9 x 70.6 mm");
        // the same page takes the code with a smaller margin: 100 pt + 2 x 5 mm fits in 150 pt
        StampedPdf fits = STAMPER.stamp(label, PAYLOAD, new StampPlacement(Page.FIRST, Corner.TOP_RIGHT, new BigDecimal("5")));
        assertThat(fits.qrCode().right()).isLessThanOrEqualTo(150f);
    }

    @Test
    void placementsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new StampPlacement(Page.LAST, Corner.TOP_LEFT, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marginMm");
        assertThatThrownBy(() -> new StampPlacement(Page.LAST, Corner.TOP_LEFT, new BigDecimal("61")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marginMm");
    }

    private static ExternalPdfRefusedException assertRefused(byte[] pdf, String code) {
        try {
            STAMPER.stamp(pdf, PAYLOAD, StampPlacement.usual());
        } catch (ExternalPdfRefusedException e) {
            assertThat(e.error().field()).isEqualTo(ExternalPdfRefusedException.FIELD);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getMessage()).startsWith("externalPdf: ");
            return e;
        }
        throw new AssertionError("expected a refusal " + code);
    }
}
