package cn.cqs.client.rendering;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Test helper: the characters printed inside a box of a PDF page, read with PDFBox's text positions. */
final class PdfTextBoxes extends PDFTextStripper {
    private final PrintedBox box;
    private final float pageHeight;
    private final StringBuilder inside = new StringBuilder();

    private PdfTextBoxes(PrintedBox box, float pageHeight) throws IOException {
        this.box = box;
        this.pageHeight = pageHeight;
        setStartPage(box.page());
        setEndPage(box.page());
    }

    /** The characters whose glyph box overlaps {@code box} (PDF coordinates), in reading order. */
    static String textInside(PDDocument doc, PrintedBox box) throws IOException {
        PdfTextBoxes stripper = new PdfTextBoxes(box, doc.getPage(box.page() - 1).getMediaBox().getHeight());
        stripper.getText(doc);
        return stripper.inside.toString();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition p : positions) {
            float left = p.getXDirAdj();
            float right = left + p.getWidthDirAdj();
            float baseline = pageHeight - p.getYDirAdj();
            float top = baseline + p.getHeightDir();
            if (left < box.right() && box.x() < right && baseline < box.top() && box.y() < top) {
                inside.append(p.getUnicode());
            }
        }
    }
}
