package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Test helper: image and PDF files carrying QR codes. */
final class DeskTestFiles {

    private DeskTestFiles() {
    }

    /** A white page with the code of {@code text} on it. */
    static BufferedImage pageWith(String text) {
        BufferedImage page = QrTestImages.page(700, 500);
        QrTestImages.draw(page, QrCodes.encode(text, 4).image(), 200, 80);
        return page;
    }

    static Path png(Path file, BufferedImage image) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    /** An A4 PDF with one page per text, each carrying that text's code (a null text: a page without code). */
    static Path pdf(Path file, List<String> pageTexts) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pageTexts) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                if (text != null) {
                    PDImageXObject code = LosslessFactory.createFromImage(doc, QrCodes.encode(text, 8).image());
                    try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                        content.drawImage(code, 350, 60, 100, 100);
                    }
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
