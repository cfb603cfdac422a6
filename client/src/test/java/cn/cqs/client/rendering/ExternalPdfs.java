package cn.cqs.client.rendering;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test helper: report PDFs "produced elsewhere", made with OpenPDF the way a lab's business software
 * might: text set across the page, a table-like grid, a page number, on pages of a given size; some
 * rotated with {@code /Rotate}, some encrypted. Each page has a dark frame, so a code stamped over
 * content still has to be read against a busy page.
 */
public final class ExternalPdfs {
    /** A4 in points. */
    public static final Rectangle A4 = new Rectangle(595, 842);
    public static final Rectangle A4_LANDSCAPE = new Rectangle(842, 595);

    private ExternalPdfs() {
    }

    /** {@code pages} pages of {@code size}, unencrypted. */
    public static byte[] report(Rectangle size, int pages) {
        return write(size, pages, null, null);
    }

    /** One A4 page turned by {@code /Rotate rotation} (content drawn on the unrotated page, as scanners do). */
    public static byte[] rotated(int rotation, int pages) {
        byte[] plain = report(A4, pages);
        try {
            PdfReader reader = new PdfReader(plain);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                reader.getPageN(p).put(PdfName.ROTATE, new PdfNumber(rotation));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A4 pages whose visible area is a crop box inside the media box (50 pt in from the left, 60 pt up
     * from the bottom, 40 pt in from the right and top), turned by {@code /Rotate rotation}.
     */
    public static byte[] cropped(int rotation, int pages) {
        byte[] plain = report(A4, pages);
        try {
            PdfReader reader = new PdfReader(plain);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                reader.getPageN(p).put(PdfName.CROPBOX, new com.lowagie.text.pdf.PdfRectangle(50, 60, 555, 802));
                reader.getPageN(p).put(PdfName.ROTATE, new PdfNumber(rotation));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A one-page A4 report written by PDFBox 3 (another producer: compressed object streams and a
     * cross-reference stream, a media box not at the origin).
     */
    public static byte[] madeWithPdfBox() {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
                    new org.apache.pdfbox.pdmodel.common.PDRectangle(100, 200, 595, 842));
            doc.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream c = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                c.beginText();
                c.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                c.newLineAtOffset(150, 980);
                c.showText("MORTAR COMPRESSIVE STRENGTH TEST REPORT (PDFBox)");
                c.endText();
                c.setLineWidth(1.5f);
                c.addRect(120, 220, 555, 802);
                c.stroke();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4, encrypted with AES-128; {@code userPassword} null for a PDF that opens without one (permissions only). */
    public static byte[] encrypted(String userPassword) {
        return write(A4, 1, userPassword == null ? "" : userPassword, "owner-secret");
    }

    private static byte[] write(Rectangle size, int pages, String userPassword, String ownerPassword) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(size, 56, 56, 56, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            if (ownerPassword != null) {
                writer.setEncryption(userPassword.getBytes(StandardCharsets.US_ASCII),
                        ownerPassword.getBytes(StandardCharsets.US_ASCII), PdfWriter.ALLOW_PRINTING,
                        PdfWriter.ENCRYPTION_AES_128);
            }
            document.addCreator("LabSoft 9.2 (test)");
            document.open();
            for (int p = 1; p <= pages; p++) {
                if (p > 1) {
                    document.newPage();
                }
                document.add(new Paragraph("CONCRETE CUBE COMPRESSIVE STRENGTH TEST REPORT", new Font(Font.HELVETICA, 16, Font.BOLD)));
                document.add(new Paragraph("Produced by the laboratory's own software - page " + p + " of " + pages,
                        new Font(Font.HELVETICA, 10)));
                for (int line = 0; line < 12; line++) {
                    document.add(new Paragraph("Specimen " + (line + 1) + ": failure load 7" + (20 + line)
                            + ".0 kN, strength 3" + line + ".4 MPa, remarks none", new Font(Font.HELVETICA, 10)));
                }
                PdfContentByte canvas = writer.getDirectContent();
                canvas.setLineWidth(1.5f);
                canvas.rectangle(20, 20, size.getWidth() - 40, size.getHeight() - 40);
                canvas.stroke();
                canvas.setLineWidth(0.5f);
                for (float y = 60; y < size.getHeight() / 2; y += 18) {
                    canvas.moveTo(30, y);
                    canvas.lineTo(size.getWidth() - 30, y);
                }
                canvas.stroke();
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        byte[] pdf = out.toByteArray();
        if (pdf.length == 0) {
            throw new UncheckedIOException(new IOException("OpenPDF wrote nothing"));
        }
        return pdf;
    }
}
