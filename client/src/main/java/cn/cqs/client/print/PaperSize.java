package cn.cqs.client.print;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A sheet of paper a printer takes (纸张), in millimetres to 0.1 mm, e.g. A4 210 × 297.
 *
 * @param name     the media name the printer reports, e.g. {@code iso-a4}
 * @param widthMm  the shorter side
 * @param heightMm the longer side
 */
public record PaperSize(String name, BigDecimal widthMm, BigDecimal heightMm) {
    /** ISO A4, the paper of every report template. */
    public static final PaperSize A4 = new PaperSize("iso-a4", new BigDecimal("210.0"), new BigDecimal("297.0"));
    private static final BigDecimal MM_PER_INCH = new BigDecimal("25.4");
    private static final BigDecimal POINTS_PER_INCH = new BigDecimal("72");

    public PaperSize {
        Objects.requireNonNull(name, "name");
        widthMm = tenth(Objects.requireNonNull(widthMm, "widthMm"));
        heightMm = tenth(Objects.requireNonNull(heightMm, "heightMm"));
        if (widthMm.signum() <= 0 || heightMm.signum() <= 0) {
            throw new IllegalArgumentException("paper " + name + ": sides must be positive, were " + widthMm + " × " + heightMm);
        }
        if (widthMm.compareTo(heightMm) > 0) {
            BigDecimal w = widthMm;
            widthMm = heightMm;
            heightMm = w;
        }
    }

    /** Millimetres to 0.1 mm (GB/T 8170 rounding). */
    static BigDecimal tenth(BigDecimal mm) {
        return mm.setScale(1, RoundingMode.HALF_EVEN);
    }

    /** PDF points (1/72 inch) in millimetres, to 0.1 mm. */
    public static BigDecimal pointsToMm(double points) {
        return tenth(new BigDecimal(Double.toString(points)).multiply(MM_PER_INCH).divide(POINTS_PER_INCH, 6,
                RoundingMode.HALF_EVEN));
    }

    /** Millimetres in PDF points (for Java's page formats, which count in points). */
    public static double mmToPoints(BigDecimal mm) {
        return mm.multiply(POINTS_PER_INCH).divide(MM_PER_INCH, 6, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** e.g. "A4 210.0 × 297.0 mm". */
    public String describe() {
        return displayName() + " " + widthMm.toPlainString() + " × " + heightMm.toPlainString() + " mm";
    }

    /** A short name: {@code iso-a4} shows as "A4", {@code na-letter} as "Letter". */
    public String displayName() {
        String n = name.startsWith("iso-") ? name.substring(4).toUpperCase(java.util.Locale.ROOT)
                : name.startsWith("na-") ? Character.toUpperCase(name.charAt(3)) + name.substring(4) : name;
        return n.isEmpty() ? name : n;
    }
}
