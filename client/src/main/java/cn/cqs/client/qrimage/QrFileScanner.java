package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Scans a file for QR codes: a PNG or JPEG image, or every page of a PDF rendered with PDFBox.
 * The kind is recognised from the file's first bytes, not its name. Errors name the file and say
 * why it could not be read.
 *
 * <p>Each image or page is read with the quick {@link QrDecoder} first; unless that read two codes or
 * more, the verify desk's {@link DeskDecoder} (the camera's pipeline, within its time budget) takes a
 * second look and what it reads is added: a phone photo of a label with glare or blur, a small code with a
 * long token on a PDF page (a 20 mm code of a real verification URL is 2.1 px per module at 200 dpi, which
 * plain ZXing misses), and such a code beside a large one plain ZXing did read (an outside lab's own
 * anti-counterfeit code next to the stamped system code).
 */
public final class QrFileScanner {

    private final QrDecoder decoder;
    private final DeskDecoder secondLook;
    private final int pdfDpi;

    /** A scanner rendering PDF pages at {@link PdfPageImages#DEFAULT_DPI}. */
    public QrFileScanner() {
        this(new QrDecoder(), PdfPageImages.DEFAULT_DPI);
    }

    /** A scanner with {@code decoder} first and the desk's default pipeline as its second look. */
    public QrFileScanner(QrDecoder decoder, int pdfDpi) {
        this(decoder, new DeskDecoder(), pdfDpi);
    }

    public QrFileScanner(QrDecoder decoder, DeskDecoder secondLook, int pdfDpi) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.secondLook = Objects.requireNonNull(secondLook, "secondLook");
        if (pdfDpi < PdfPageImages.MIN_DPI || pdfDpi > PdfPageImages.MAX_DPI) {
            throw new IllegalArgumentException("pdfDpi: must be " + PdfPageImages.MIN_DPI + " to "
                    + PdfPageImages.MAX_DPI + ", got " + pdfDpi);
        }
        this.pdfDpi = pdfDpi;
    }

    /** Scans an image (PNG, JPEG, or any format ImageIO reads) or a PDF. */
    public ScannedFile scan(Path file) throws UnreadableSourceException {
        Objects.requireNonNull(file, "file");
        if (ScanFiles.isPdf(file)) {
            try (PdfPageImages pdf = PdfPageImages.open(file)) {
                return scanPdf(file.toString(), pdf);
            } catch (UnreadableSourceException e) {
                throw e;
            } catch (IOException e) {
                throw new UnreadableSourceException("PDF " + file + ": closing failed (" + e.getMessage() + ")", e);
            }
        }
        BufferedImage image = ScanFiles.readImage(file);
        return new ScannedFile(file.toString(), ScannedFile.Kind.IMAGE, List.of(new ScannedPage(1, decode(image))));
    }

    /** Scans every page of a PDF held in memory. */
    public ScannedFile scanPdf(byte[] pdf, String name) throws UnreadableSourceException {
        try (PdfPageImages pages = PdfPageImages.open(pdf, name)) {
            return scanPdf(name, pages);
        } catch (UnreadableSourceException e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableSourceException("PDF " + name + ": closing failed (" + e.getMessage() + ")", e);
        }
    }

    private ScannedFile scanPdf(String name, PdfPageImages pdf) throws UnreadableSourceException {
        List<ScannedPage> pages = new ArrayList<>(pdf.pageCount());
        for (int i = 0; i < pdf.pageCount(); i++) {
            pages.add(new ScannedPage(i + 1, decode(pdf.render(i, pdfDpi))));
        }
        return new ScannedFile(name, ScannedFile.Kind.PDF, pages);
    }

    private List<DecodedQr> decode(BufferedImage image) {
        List<DecodedQr> found = decoder.decode(image);
        if (found.size() >= 2) {
            return found;
        }
        List<DecodedQr> all = new ArrayList<>(found);
        Set<String> texts = new HashSet<>();
        found.forEach(code -> texts.add(code.text()));
        for (DecodedQr code : secondLook.decode(image).codes()) {
            if (texts.add(code.text())) {
                all.add(code);
            }
        }
        return List.copyOf(all);
    }
}
