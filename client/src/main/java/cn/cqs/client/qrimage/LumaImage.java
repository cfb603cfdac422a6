package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Objects;

/**
 * A greyscale picture as one byte of luminance (亮度) per pixel, row by row: what every QR decoder
 * of the verify desk works on. Converting a camera frame once to this form lets ZXing, the
 * preprocessing filters and BoofCV share one buffer without copying per pass.
 *
 * <p>The array is shared, not copied: treat it as read-only once the image is built.
 *
 * @param width  pixels per row, at least 1
 * @param height rows, at least 1
 * @param pixels {@code width * height} luminance values, 0 black to 255 (as unsigned) white
 */
public record LumaImage(int width, int height, byte[] pixels) {

    public LumaImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width/height: an image needs at least 1 x 1 pixel, got " + width + " x " + height);
        }
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("pixels: expected " + ((long) width * height) + " bytes for " + width + " x "
                    + height + ", got " + pixels.length);
        }
    }

    /** The luminance of pixel (x, y), 0 to 255. */
    public int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /**
     * Converts any {@link BufferedImage} with ZXing's weights (0.299 R + 0.587 G + 0.114 B).
     * Grey, 3-byte BGR (what ImageIO gives for JPEG) and int RGB images are read straight from
     * their buffers; other layouts go through {@code getRGB}. Transparent pixels count as white.
     */
    public static LumaImage of(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("image: empty (" + w + " x " + h + ")");
        }
        byte[] out = new byte[w * h];
        boolean plainRaster = image.getRaster().getParent() == null && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0;
        switch (plainRaster ? image.getType() : BufferedImage.TYPE_CUSTOM) {
            case BufferedImage.TYPE_BYTE_GRAY -> {
                byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                if (data.length == out.length) {
                    System.arraycopy(data, 0, out, 0, out.length);
                } else {
                    viaRgb(image, out);
                }
            }
            case BufferedImage.TYPE_3BYTE_BGR -> {
                byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                if (data.length != out.length * 3) {
                    viaRgb(image, out);
                    break;
                }
                for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                    int b = data[j] & 0xFF;
                    int g = data[j + 1] & 0xFF;
                    int r = data[j + 2] & 0xFF;
                    out[i] = (byte) ((306 * r + 601 * g + 117 * b + 0x200) >> 10);
                }
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                if (data.length != out.length) {
                    viaRgb(image, out);
                    break;
                }
                boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
                for (int i = 0; i < out.length; i++) {
                    out[i] = (byte) luma(data[i], alpha);
                }
            }
            default -> viaRgb(image, out);
        }
        return new LumaImage(w, h, out);
    }

    private static void viaRgb(BufferedImage image, byte[] out) {
        int w = image.getWidth();
        int[] row = new int[w];
        boolean alpha = image.getColorModel().hasAlpha();
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) luma(row[x], alpha);
            }
        }
    }

    private static int luma(int argb, boolean alpha) {
        if (alpha && (argb >>> 24) == 0) {
            return 0xFF;
        }
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (306 * r + 601 * g + 117 * b + 0x200) >> 10;
    }

    /** A grey {@link BufferedImage} copy, e.g. to save a frame or attach it to a report. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        return image;
    }
}
