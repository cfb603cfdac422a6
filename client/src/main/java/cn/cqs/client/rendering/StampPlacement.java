package cn.cqs.client.rendering;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where {@link ExternalPdfStamper} puts the verification QR code (二维码) on a PDF produced elsewhere:
 * the first or the last page, one of the four corners as the page is seen upright (after its
 * {@code /Rotate}), and the clear margin between the code and the edges of the visible page.
 *
 * @param page     which page
 * @param corner   which corner, as the page is displayed
 * @param marginMm distance from the two nearest edges of the visible page (crop box), 0 to
 *                 {@link #MAX_MARGIN_MM} mm
 */
public record StampPlacement(Page page, Corner corner, BigDecimal marginMm) {

    /** The margin most report layouts leave free: 10 mm. */
    public static final BigDecimal DEFAULT_MARGIN_MM = new BigDecimal("10");
    /** Largest margin accepted (a third of an A4 page's width would leave no sense in a corner). */
    public static final BigDecimal MAX_MARGIN_MM = new BigDecimal("60");

    /** Which page carries the code. */
    public enum Page {
        /** 首页 */
        FIRST,
        /** 末页 (where our own report templates put it) */
        LAST
    }

    /** A corner of the page as it is displayed and printed upright. */
    public enum Corner {
        TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

        /** Whether the corner is on the right-hand side. */
        public boolean right() {
            return this == TOP_RIGHT || this == BOTTOM_RIGHT;
        }

        /** Whether the corner is at the top. */
        public boolean top() {
            return this == TOP_LEFT || this == TOP_RIGHT;
        }
    }

    public StampPlacement {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(corner, "corner");
        Objects.requireNonNull(marginMm, "marginMm");
        if (marginMm.signum() < 0 || marginMm.compareTo(MAX_MARGIN_MM) > 0) {
            throw new IllegalArgumentException("marginMm: must be 0 to " + MAX_MARGIN_MM.toPlainString() + " mm, was "
                    + marginMm.toPlainString());
        }
    }

    /** {@code page} and {@code corner} with the {@link #DEFAULT_MARGIN_MM default margin}. */
    public static StampPlacement of(Page page, Corner corner) {
        return new StampPlacement(page, corner, DEFAULT_MARGIN_MM);
    }

    /** The usual place: the last page's bottom-right corner, 10 mm from the edges. */
    public static StampPlacement usual() {
        return of(Page.LAST, Corner.BOTTOM_RIGHT);
    }
}
