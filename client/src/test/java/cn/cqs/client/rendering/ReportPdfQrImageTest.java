package cn.cqs.client.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** The QR code goes into the PDF losslessly (not re-encoded as JPEG): its exact pixels, black and white only. */
class ReportPdfQrImageTest {

    @Test
    void theQrImageIsEmbeddedLosslesslyAtTheCodesPixelSize() throws Exception {
        ReportPdfRenderer renderer = new ReportPdfRenderer();
        CubeReportPrint report = ReportPdfRendererTest.sample(ReportPdfRendererTest.LONG_PROJECT, ReportPdfRendererTest.PAYLOAD);
        int side = cn.cqs.client.qrimage.QrCodes.encode(report.qrPayload(), ReportPdfRenderer.QR_MODULE_PX).sidePx();
        List<PDImageXObject> images = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(renderer.render(report))) {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                PDXObject x = resources.getXObject(name);
                if (x instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).hasSize(1);
            PDImageXObject qr = images.get(0);
            assertThat(String.valueOf(qr.getCOSObject().getFilters())).doesNotContain(COSName.DCT_DECODE.getName());
            assertThat(qr.getSuffix()).isNotEqualTo("jpg");
            java.awt.image.BufferedImage pixels = qr.getImage();
            for (int y = 0; y < pixels.getHeight(); y++) {
                for (int x = 0; x < pixels.getWidth(); x++) {
                    int rgb = pixels.getRGB(x, y) & 0xFFFFFF;
                    assertThat(rgb).as("pixel (%d, %d) is pure black or white, as drawn", x, y).isIn(0x000000, 0xFFFFFF);
                }
            }
            assertThat(qr.getWidth()).isEqualTo(side);
            assertThat(qr.getHeight()).isEqualTo(side);
        }
    }
}
