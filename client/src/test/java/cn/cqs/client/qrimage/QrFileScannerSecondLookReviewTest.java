package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;

/**
 * Review: QrFileScanner gives the desk's pipeline its second look only when plain ZXing found nothing.
 * An external lab's PDF often carries the lab's own (foreign, large) QR code; with the small stamped
 * system code beside it, plain ZXing reads the foreign one and the system code is never looked for.
 * Also: the desk decoder on degenerate image sizes must not throw.
 */
class QrFileScannerSecondLookReviewTest {

    @Test
    void theSmallSystemCodeIsFoundBesideALargeForeignCode() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(LosslessFactory.createFromImage(doc, QrCodes.encode("https://lab.example.com/anti-fake/123456", 8).image()),
                        60, 600, 150, 150);
                content.drawImage(LosslessFactory.createFromImage(doc, QrCodes.encode(SmallCodePdfs.LONG, 8).image()),
                        400, 60, SmallCodePdfs.SMALL_SIDE_PT, SmallCodePdfs.SMALL_SIDE_PT);
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        try (PdfPageImages pages = PdfPageImages.open(pdf, "lab-report")) {
            // control: the desk's pipeline alone reads both codes of the page
            assertThat(new DeskDecoder().decode(pages.render(0, PdfPageImages.DEFAULT_DPI)).codes())
                    .extracting(DecodedQr::text).contains(SmallCodePdfs.LONG);
        }
        assertThat(new QrFileScanner().scanPdf(pdf, "lab-report").texts()).contains(SmallCodePdfs.LONG);
    }

    /** A page of a ruled table and text, no code: how long the second look takes per such page. */
    @Test
    void aCodelessTablePageCostsAboutTheBudget() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.setLineWidth(0.6f);
                for (int r = 0; r <= 40; r++) {
                    content.moveTo(40, 60 + r * 18);
                    content.lineTo(555, 60 + r * 18);
                }
                for (int c = 0; c <= 8; c++) {
                    content.moveTo(40 + c * 64.375f, 60);
                    content.lineTo(40 + c * 64.375f, 780);
                }
                content.stroke();
                for (int r = 0; r < 40; r++) {
                    for (int c = 0; c < 8; c++) {
                        content.addRect(44 + c * 64.375f, 64 + r * 18, 8, 8); // check boxes
                    }
                }
                content.stroke();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 7);
                for (int r = 0; r < 40; r++) {
                    for (int c = 0; c < 8; c++) {
                        content.beginText();
                        content.newLineAtOffset(56 + c * 64.375f, 66 + r * 18);
                        content.showText("C30 " + (r * 8 + c) + " 28d MPa");
                        content.endText();
                    }
                }
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        try (PdfPageImages pages = PdfPageImages.open(pdf, "table")) {
            BufferedImage image = pages.render(0, PdfPageImages.DEFAULT_DPI);
            new DeskDecoder().decode(image); // warm up
            long t0 = System.nanoTime();
            DeskDecodeResult result = new DeskDecoder().decode(image);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("REVIEW table page: " + ms + " ms, passes " + result.passesTried() + ", cut " + result.budgetExceeded());
            assertThat(result.codes()).isEmpty();
            assertThat(ms).as("second look on a codeless page").isLessThan(600);
        }
    }

    @Test
    void degenerateSizesDoNotThrow() {
        for (int[] size : List.of(new int[] {1, 1}, new int[] {1, 3000}, new int[] {3000, 1}, new int[] {2, 2},
                new int[] {17, 17}, new int[] {3, 5000})) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            assertThat(new DeskDecoder().decode(image).codes()).as("%d x %d", size[0], size[1]).isEmpty();
        }
    }
}
