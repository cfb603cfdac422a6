package cn.cqs.client.qrimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every image and PDF directly inside a folder, in file-name order, as frames: an image file is
 * one frame, a PDF one frame per page. Used to check a folder of scans and by the benchmarks.
 * Files are told apart by their first bytes (a PDF starts with {@code %PDF-}), other files are
 * tried as images; a file that cannot be read makes {@link #next()} throw once, naming it, and the
 * following call continues with the next file. Hidden files and sub-folders are skipped.
 */
public final class FolderSource implements FrameSource {


    private final Path folder;
    private final int pdfDpi;
    private final List<Path> files;
    private int nextFile;
    private PdfPageSource currentPdf;
    private Path currentFile;

    /** The files of {@code folder}, PDFs rendered at {@link PdfPageImages#DEFAULT_DPI}. */
    public FolderSource(Path folder) throws UnreadableSourceException {
        this(folder, PdfPageImages.DEFAULT_DPI);
    }

    public FolderSource(Path folder, int pdfDpi) throws UnreadableSourceException {
        this.folder = Objects.requireNonNull(folder, "folder");
        if (pdfDpi < PdfPageImages.MIN_DPI || pdfDpi > PdfPageImages.MAX_DPI) {
            throw new IllegalArgumentException("pdfDpi: must be " + PdfPageImages.MIN_DPI + " to "
                    + PdfPageImages.MAX_DPI + ", got " + pdfDpi);
        }
        this.pdfDpi = pdfDpi;
        this.files = listFiles(folder);
    }

    /** The files this source reads, in order. */
    public List<Path> files() {
        return files;
    }

    /** The file the last frame (or the last error) came from, or null before the first frame. */
    public Path currentFile() {
        return currentFile;
    }

    static List<Path> listFiles(Path folder) throws UnreadableSourceException {
        if (!Files.isDirectory(folder)) {
            throw new UnreadableSourceException(folder + ": not a folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UnreadableSourceException(folder + ": cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Optional<Frame> next() throws UnreadableSourceException {
        while (true) {
            if (currentPdf != null) {
                Optional<Frame> page;
                try {
                    page = currentPdf.next();
                } catch (UnreadableSourceException e) {
                    currentPdf = null;
                    throw e;
                }
                if (page.isPresent()) {
                    return page;
                }
                currentPdf = null;
            }
            if (nextFile >= files.size()) {
                return Optional.empty();
            }
            Path file = files.get(nextFile++);
            currentFile = file;
            if (ScanFiles.isPdf(file)) {
                currentPdf = new PdfPageSource(file, pdfDpi);
            } else {
                return Optional.of(ImageFileSource.read(file));
            }
        }
    }

    @Override
    public String description() {
        return folder.toString();
    }

    @Override
    public void close() throws IOException {
        nextFile = files.size();
        if (currentPdf != null) {
            PdfPageSource open = currentPdf;
            currentPdf = null;
            open.close();
        }
    }
}
