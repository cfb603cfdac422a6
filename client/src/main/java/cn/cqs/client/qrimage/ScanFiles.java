package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Telling a scanned file apart and reading it, in one place for every scanner and frame source: a
 * PDF starts with {@code %PDF-}; anything else is read as an image ImageIO knows (PNG, JPEG...).
 * Every failure names the file and the reason.
 */
public final class ScanFiles {
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private ScanFiles() {
    }

    /**
     * Whether {@code file} starts like a PDF.
     *
     * @throws UnreadableSourceException when it is missing, empty or cannot be read
     */
    public static boolean isPdf(Path file) throws UnreadableSourceException {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableSourceException(file + ": no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PDF_MAGIC.length);
        } catch (IOException e) {
            throw new UnreadableSourceException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (head.length == 0) {
            throw new UnreadableSourceException(file + ": the file is empty");
        }
        return Arrays.equals(head, PDF_MAGIC);
    }

    /**
     * {@code file} as an image.
     *
     * @throws UnreadableSourceException when it is damaged, in no format ImageIO knows, or empty
     */
    public static BufferedImage readImage(Path file) throws UnreadableSourceException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UnreadableSourceException(file + ": damaged image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new UnreadableSourceException(file + ": neither a PDF nor an image in a known format (PNG, JPEG)");
        }
        if (image.getWidth() < 1 || image.getHeight() < 1) {
            throw new UnreadableSourceException(file + ": the image is empty");
        }
        return image;
    }
}
