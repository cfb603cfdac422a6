package cn.cqs.client.qrimage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The pages of one PDF as frames, rendered in grey with PDFBox one page at a time (see
 * {@link PdfPageImages}). The document is opened on the first {@link #next()} and closed after its
 * last page or on {@link #close()}.
 */
public final class PdfPageSource implements FrameSource {

    private final Path file;
    private final int dpi;
    private PdfPageImages pages;
    private int nextPage;
    private boolean finished;

    /** Pages rendered at {@link PdfPageImages#DEFAULT_DPI}. */
    public PdfPageSource(Path file) {
        this(file, PdfPageImages.DEFAULT_DPI);
    }

    /** Pages rendered at {@code dpi}, {@link PdfPageImages#MIN_DPI} to {@link PdfPageImages#MAX_DPI}. */
    public PdfPageSource(Path file, int dpi) {
        this.file = Objects.requireNonNull(file, "file");
        if (dpi < PdfPageImages.MIN_DPI || dpi > PdfPageImages.MAX_DPI) {
            throw new IllegalArgumentException("dpi: must be " + PdfPageImages.MIN_DPI + " to " + PdfPageImages.MAX_DPI
                    + ", got " + dpi);
        }
        this.dpi = dpi;
    }

    @Override
    public Optional<Frame> next() throws UnreadableSourceException {
        if (finished) {
            return Optional.empty();
        }
        if (pages == null) {
            try {
                pages = PdfPageImages.open(file);
            } catch (UnreadableSourceException e) {
                finished = true;
                throw e;
            }
        }
        if (nextPage >= pages.pageCount()) {
            closeDocument();
            return Optional.empty();
        }
        int index = nextPage++;
        long start = System.nanoTime();
        LumaImage image = LumaImage.of(pages.render(index, dpi));
        String label = file.getFileName() + (pages.pageCount() > 1 ? " page " + (index + 1) : "");
        if (nextPage >= pages.pageCount()) {
            closeDocument();
        }
        return Optional.of(new Frame(image, start, label));
    }

    private void closeDocument() throws UnreadableSourceException {
        finished = true;
        if (pages != null) {
            PdfPageImages open = pages;
            pages = null;
            try {
                open.close();
            } catch (IOException e) {
                throw new UnreadableSourceException("PDF " + file + ": closing failed (" + e.getMessage() + ")", e);
            }
        }
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public void close() throws IOException {
        closeDocument();
    }
}
