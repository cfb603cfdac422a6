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
 * QrFileScanner's second look: an external lab's PDF often carries the lab's own large QR code; plain
 * ZXing reads that one, and the small stamped system code beside it must still be found (the second look
 * ran only when plain ZXing found nothing). Also: the desk decoder on degenerate image sizes does not throw.
 */
class QrFileScannerSecondLookTest {

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
        assertThat(new QrFileScanner().scanPdf(pdf, "lab-report").texts())
                .containsExactlyInAnyOrder("https://lab.example.com/anti-fake/123456", SmallCodePdfs.LONG);
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
