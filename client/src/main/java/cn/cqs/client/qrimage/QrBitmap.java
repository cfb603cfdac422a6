package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A QR code drawn as a crisp black-and-white bitmap: every module is a square of
 * {@code moduleSizePx} x {@code moduleSizePx} pixels, the quiet zone (静区) included, no
 * interpolation or anti-aliasing. Knows its module counts so a layout can work out the printed
 * size of the symbol (the architecture asks for 25 mm or more).
 *
 * @param image            the bitmap, 1 bit per pixel, {@code totalModules() * moduleSizePx} square
 * @param symbolModules    modules per side of the symbol itself (21 for version 1, +4 per version)
 * @param quietZoneModules modules of white border on each side
 * @param moduleSizePx     pixels per module side
 */
public record QrBitmap(BufferedImage image, int symbolModules, int quietZoneModules, int moduleSizePx) {

    private static final BigDecimal MM_PER_INCH = new BigDecimal("25.4");
    private static final BigDecimal POINTS_PER_INCH = new BigDecimal("72");

    public QrBitmap {
        Objects.requireNonNull(image, "image");
        if (symbolModules < 21) {
            throw new IllegalArgumentException("symbolModules: a QR symbol has at least 21 modules, got " + symbolModules);
        }
        if (quietZoneModules < 0) {
            throw new IllegalArgumentException("quietZoneModules: must not be negative, got " + quietZoneModules);
        }
        if (moduleSizePx < 1) {
            throw new IllegalArgumentException("moduleSizePx: must be at least 1, got " + moduleSizePx);
        }
        int side = (symbolModules + 2 * quietZoneModules) * moduleSizePx;
        if (image.getWidth() != side || image.getHeight() != side) {
            throw new IllegalArgumentException("image: expected " + side + " x " + side + " px, got "
                    + image.getWidth() + " x " + image.getHeight());
        }
    }

    /** Modules per side including the quiet zone on both sides. */
    public int totalModules() {
        return symbolModules + 2 * quietZoneModules;
    }

    /** Side of the whole bitmap in pixels. */
    public int sidePx() {
        return image.getWidth();
    }

    /**
     * Printed side of the symbol alone (quiet zone excluded) when the whole bitmap, quiet zone
     * included, is printed with a side of {@code placedSidePoints} PDF points (1/72 inch).
     */
    public BigDecimal symbolSideMm(BigDecimal placedSidePoints) {
        Objects.requireNonNull(placedSidePoints, "placedSidePoints");
        return placedSidePoints.multiply(MM_PER_INCH)
                .multiply(BigDecimal.valueOf(symbolModules))
                .divide(POINTS_PER_INCH.multiply(BigDecimal.valueOf(totalModules())), 2, RoundingMode.DOWN);
    }

    /** The bitmap as PNG bytes (1-bit greyscale, lossless), e.g. for a report image. */
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer is available in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a QR bitmap to memory failed", e);
        }
        return out.toByteArray();
    }
}
