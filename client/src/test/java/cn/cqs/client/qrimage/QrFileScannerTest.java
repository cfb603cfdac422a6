package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrFileScannerTest {

    static final String SYSTEM = "https://verify.cqs.example.cn/v/r1.AbCdEf0123456789";
    static final String FOREIGN = "https://example.com/some-other-code";

    @TempDir
    Path dir;

    final QrFileScanner scanner = new QrFileScanner();

    @Test
    void scansPngAndJpegImages() throws IOException {
        BufferedImage page = QrTestImages.page(700, 500);
        QrTestImages.draw(page, QrCodes.encode(SYSTEM, 4).image(), 300, 100);
        Path png = dir.resolve("scan.png");
        Path jpeg = dir.resolve("photo.jpg");
        ImageIO.write(page, "png", png.toFile());
        ImageIO.write(page, "jpeg", jpeg.toFile());
        for (Path file : new Path[] {png, jpeg}) {
            ScannedFile scanned = scanner.scan(file);
            assertThat(scanned.kind()).isEqualTo(ScannedFile.Kind.IMAGE);
            assertThat(scanned.pages()).hasSize(1);
            assertThat(scanned.texts()).containsExactly(SYSTEM);
        }
    }

    @Test
    void scansEveryPageOfAPdfAndReturnsBothCodesOfAPage() throws IOException {
        Path pdf = dir.resolve("two-codes.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.A4);
            doc.addPage(first);
            PDPage second = new PDPage(PDRectangle.A4);
            doc.addPage(second);
            PDImageXObject system = LosslessFactory.createFromImage(doc, QrCodes.encode(SYSTEM, 8).image());
            PDImageXObject foreign = LosslessFactory.createFromImage(doc, QrCodes.encode(FOREIGN, 8).image());
            try (PDPageContentStream content = new PDPageContentStream(doc, second)) {
                content.drawImage(system, 60, 500, 100, 100); // 100 pt = 35 mm
                content.drawImage(foreign, 350, 200, 100, 100);
            }
            doc.save(pdf.toFile());
        }
        ScannedFile scanned = scanner.scan(pdf);
        assertThat(scanned.kind()).isEqualTo(ScannedFile.Kind.PDF);
        assertThat(scanned.pages()).hasSize(2);
        assertThat(scanned.pages().get(0).codes()).isEmpty();
        assertThat(scanned.pages().get(1).pageNumber()).isEqualTo(2);
        assertThat(scanned.pages().get(1).codes()).extracting(DecodedQr::text).containsExactlyInAnyOrder(SYSTEM, FOREIGN);
        // the same from memory
        assertThat(scanner.scanPdf(Files.readAllBytes(pdf), "two-codes").texts()).containsExactlyInAnyOrder(SYSTEM, FOREIGN);
    }

    @Test
    void aSmallCodePlainZxingMissesIsReadByTheDesksPipelineOnASecondLook() throws IOException {
        byte[] pdf = SmallCodePdfs.page();
        try (PdfPageImages pages = PdfPageImages.open(pdf, "small-code")) {
            assertThat(new QrDecoder().decodeTexts(pages.render(0, PdfPageImages.DEFAULT_DPI)))
                    .as("precondition: at %d dpi plain ZXing misses the code", PdfPageImages.DEFAULT_DPI).isEmpty();
        }
        assertThat(scanner.scanPdf(pdf, "small-code").texts()).containsExactly(SmallCodePdfs.LONG);
        Path file = Files.write(dir.resolve("small-code.pdf"), pdf);
        assertThat(scanner.scan(file).texts()).containsExactly(SmallCodePdfs.LONG);
    }

    @Test
    void anImageWithoutCodeGivesNone() throws IOException {
        Path png = dir.resolve("no-code.png");
        ImageIO.write(QrTestImages.documentWithoutCode(), "png", png.toFile());
        ScannedFile scanned = scanner.scan(png);
        assertThat(scanned.pages()).singleElement().satisfies(page -> assertThat(page.codes()).isEmpty());
        assertThat(scanned.texts()).isEmpty();
    }

    @Test
    void unreadableFilesGiveAClearError() throws IOException {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> scanner.scan(missing)).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("missing.png").hasMessageContaining("no such file");

        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        assertThatThrownBy(() -> scanner.scan(empty)).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("empty.jpg").hasMessageContaining("empty");

        Path text = Files.writeString(dir.resolve("notes.png"), "this is not an image", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scanner.scan(text)).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("notes.png").hasMessageContaining("neither a PDF nor an image");

        Path brokenPdf = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\nthis is not really a PDF", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scanner.scan(brokenPdf)).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("broken.pdf").hasMessageContaining("not a readable PDF");

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(QrTestImages.page(50, 50), "png", png);
        byte[] truncated = java.util.Arrays.copyOf(png.toByteArray(), 40);
        Path cut = Files.write(dir.resolve("cut.png"), truncated);
        assertThatThrownBy(() -> scanner.scan(cut)).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("cut.png");

        assertThatThrownBy(() -> scanner.scanPdf("garbage".getBytes(StandardCharsets.UTF_8), "upload"))
                .isInstanceOf(UnreadableSourceException.class).hasMessageContaining("upload");
    }

    @Test
    void rejectsOutOfRangeResolution() {
        assertThatThrownBy(() -> new QrFileScanner(new QrDecoder(), 1200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pdfDpi");
    }
}
