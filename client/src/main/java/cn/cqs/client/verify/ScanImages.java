package cn.cqs.client.verify;

import cn.cqs.client.qrimage.PdfPageImages;
import cn.cqs.client.qrimage.UnreadableSourceException;
import cn.cqs.contract.refusals.RefusalRequest;
import cn.cqs.contract.verify.ScanSource;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The scan image attached to a refusal report (举报附图): the camera frame the code was read from, the
 * image file itself when it is a PNG or JPEG small enough, otherwise the page re-encoded (a PDF page rendered to PNG), as JPEG and scaled
 * down while it is over {@value RefusalRequest#MAX_IMAGE_BYTES} bytes.
 */
public final class ScanImages {
    private static final float JPEG_QUALITY = 0.85f;
    private static final double SHRINK = 0.75;

    private ScanImages() {
    }

    /** "png" or "jpeg" from the magic bytes; empty for anything else. */
    public static Optional<String> type(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return Optional.of("png");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of("jpeg");
        }
        return Optional.empty();
    }

    /**
     * The image for a refusal about a code on {@code page} of {@code document}.
     *
     * @throws UnreadableSourceException when the file can no longer be read
     */
    public static byte[] forRefusal(ScannedDocument document, int page) throws UnreadableSourceException {
        if (document.source() == ScanSource.WEBCAM) {
            return fit(document.previews().get(1), RefusalRequest.MAX_IMAGE_BYTES);
        }
        if (document.source() == ScanSource.IMAGE_FILE) {
            byte[] original;
            try {
                original = Files.readAllBytes(document.file());
            } catch (IOException e) {
                throw new UnreadableSourceException(document.file() + ": cannot be read (" + e.getMessage() + ")", e);
            }
            if (type(original).isPresent() && original.length <= RefusalRequest.MAX_IMAGE_BYTES) {
                return original;
            }
            return fit(document.previews().get(1), RefusalRequest.MAX_IMAGE_BYTES);
        }
        BufferedImage rendered = document.previews().get(page);
        if (rendered == null) {
            try (PdfPageImages pdf = PdfPageImages.open(document.file())) {
                rendered = pdf.render(page - 1, PdfPageImages.DEFAULT_DPI);
            } catch (UnreadableSourceException e) {
                throw e;
            } catch (IOException e) {
                throw new UnreadableSourceException("PDF " + document.file() + ": closing failed (" + e.getMessage()
                        + ")", e);
            }
        }
        return fit(rendered, RefusalRequest.MAX_IMAGE_BYTES);
    }

    /**
     * A photo file for a refusal (e.g. of a truck delivering concrete without a serial number): the
     * file itself when it is a PNG or JPEG small enough, else decoded and re-encoded to fit.
     *
     * @throws UnreadableSourceException when the file cannot be read or is no image
     */
    public static byte[] photo(java.nio.file.Path file) throws UnreadableSourceException {
        byte[] original;
        try {
            original = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableSourceException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (type(original).isPresent() && original.length <= RefusalRequest.MAX_IMAGE_BYTES) {
            return original;
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new java.io.ByteArrayInputStream(original));
        } catch (IOException e) {
            throw new UnreadableSourceException(file + ": not a readable image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new UnreadableSourceException(file + ": not an image this desk can read (PNG, JPEG, BMP, GIF)", null);
        }
        return fit(image, RefusalRequest.MAX_IMAGE_BYTES);
    }

    /** A camera frame as a refusal photo (PNG, or JPEG scaled down until it fits). */
    public static byte[] photo(BufferedImage frame) {
        return fit(frame, RefusalRequest.MAX_IMAGE_BYTES);
    }

    /** {@code image} as PNG when that fits in {@code maxBytes}, else as JPEG, scaled down until it fits. */
    static byte[] fit(BufferedImage image, int maxBytes) {
        byte[] png = png(image);
        if (png.length <= maxBytes) {
            return png;
        }
        BufferedImage current = rgb(image);
        byte[] jpeg = jpeg(current);
        while (jpeg.length > maxBytes) {
            int w = Math.max(1, (int) Math.round(current.getWidth() * SHRINK));
            int h = Math.max(1, (int) Math.round(current.getHeight() * SHRINK));
            if (w == current.getWidth() && h == current.getHeight()) {
                throw new IllegalStateException("the scan image cannot be made smaller than " + jpeg.length + " bytes");
            }
            current = scaled(current, w, h);
            jpeg = jpeg(current);
        }
        return jpeg;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for the scan image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the scan image as PNG failed", e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage rgb) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer for the scan image");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the scan image as JPEG failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        return scaled(image, image.getWidth(), image.getHeight());
    }

    private static BufferedImage scaled(BufferedImage image, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
