package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of one PDF as images, rendered with PDFBox one page at a time (a long document never
 * sits in memory as images all at once). Used by the verify desk to scan a PDF and by the client
 * to show a PDF. Close it when done; not thread-safe.
 */
public final class PdfPageImages implements AutoCloseable {

    /** Resolution that keeps a 25 mm code at 4+ pixels per module while keeping pages small. */
    public static final int DEFAULT_DPI = 200;
    /** Range of accepted resolutions: below 72 codes blur, above 600 a page needs 100+ MB. */
    public static final int MIN_DPI = 72;
    public static final int MAX_DPI = 600;

    private final String name;
    private final PDDocument document;
    private final PDFRenderer renderer;

    private PdfPageImages(String name, PDDocument document) {
        this.name = name;
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    /** Opens a PDF file. */
    public static PdfPageImages open(Path file) throws UnreadableSourceException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new UnreadableSourceException("PDF " + file + ": no such file");
        }
        try {
            return new PdfPageImages(file.toString(), Loader.loadPDF(file.toFile()));
        } catch (InvalidPasswordException e) {
            throw new UnreadableSourceException("PDF " + file + ": protected by a password", e);
        } catch (IOException e) {
            throw new UnreadableSourceException("PDF " + file + ": not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    /** Opens a PDF held in memory; {@code name} only appears in error messages. */
    public static PdfPageImages open(byte[] pdf, String name) throws UnreadableSourceException {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(name, "name");
        try {
            return new PdfPageImages(name, Loader.loadPDF(pdf));
        } catch (InvalidPasswordException e) {
            throw new UnreadableSourceException("PDF " + name + ": protected by a password", e);
        } catch (IOException e) {
            throw new UnreadableSourceException("PDF " + name + ": not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /**
     * Renders one page in greyscale.
     *
     * @param pageIndex 0-based page index
     * @param dpi       resolution, {@link #MIN_DPI} to {@link #MAX_DPI}
     */
    public BufferedImage render(int pageIndex, int dpi) throws UnreadableSourceException {
        if (pageIndex < 0 || pageIndex >= pageCount()) {
            throw new IllegalArgumentException("pageIndex: must be 0 to " + (pageCount() - 1) + ", got " + pageIndex);
        }
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi: must be " + MIN_DPI + " to " + MAX_DPI + ", got " + dpi);
        }
        try {
            return renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
        } catch (IOException e) {
            throw new UnreadableSourceException("PDF " + name + ", page " + (pageIndex + 1) + ": cannot be rendered ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * A page's size as shown and printed, in PDF points (1/72 inch): its crop box, width and height
     * swapped when the page is turned by {@code /Rotate 90} or 270.
     *
     * @return {width, height}
     */
    public float[] pageSizePoints(int pageIndex) {
        if (pageIndex < 0 || pageIndex >= pageCount()) {
            throw new IllegalArgumentException("pageIndex: must be 0 to " + (pageCount() - 1) + ", got " + pageIndex);
        }
        var page = document.getPage(pageIndex);
        var box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        return new float[] {turned ? box.getHeight() : box.getWidth(), turned ? box.getWidth() : box.getHeight()};
    }

    /** Largest on-screen scale (pixels per PDF point) {@link #renderForScreen} accepts: 800 % at 96 dpi. */
    public static final float MAX_SCREEN_SCALE = 8 * 96 / 72f;

    /**
     * Renders one page in colour for display, at {@code scale} pixels per PDF point (1.333 is 100 %
     * on a 96 dpi screen).
     */
    public BufferedImage renderForScreen(int pageIndex, float scale) throws UnreadableSourceException {
        if (pageIndex < 0 || pageIndex >= pageCount()) {
            throw new IllegalArgumentException("pageIndex: must be 0 to " + (pageCount() - 1) + ", got " + pageIndex);
        }
        if (!(scale > 0.05f && scale <= MAX_SCREEN_SCALE)) {
            throw new IllegalArgumentException("scale: must be over 0.05 and at most " + MAX_SCREEN_SCALE + ", got " + scale);
        }
        try {
            return renderer.renderImage(pageIndex, scale, ImageType.RGB);
        } catch (IOException e) {
            throw new UnreadableSourceException("PDF " + name + ", page " + (pageIndex + 1) + ": cannot be rendered ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
