package cn.cqs.client.rendering.signing;

import cn.cqs.client.rendering.PrintedBox;
import cn.cqs.client.rendering.RenderedReport;
import cn.cqs.client.rendering.StampedPdf;
import java.math.BigDecimal;

/**
 * Where the seal goes on a report: on the page of the QR code, just left of it and level with its
 * bottom edge, so the code stays clear for scanning (a seal over a QR code can make it unreadable).
 * When there is no room on the left, it goes above the code, then right of it, then below it (a code
 * stamped in a corner of a PDF produced elsewhere).
 */
public final class SealPlacement {
    /** The seal's diameter: 40 mm, the usual size of a 检测专用章. */
    public static final BigDecimal DIAMETER_MM = new BigDecimal("40");
    /** Clear space between the seal and the QR code, in points. */
    static final float GAP_POINTS = 8;
    /** Nearest the seal comes to the page edge, in points. */
    static final float PAGE_MARGIN_POINTS = 20;

    private SealPlacement() {
    }

    /** The seal's diameter in points. */
    public static float diameterPoints() {
        return DIAMETER_MM.floatValue() * 72f / 25.4f;
    }

    /** The seal's square for {@code report}; it never overlaps the QR code. */
    public static PrintedBox besideQrCode(RenderedReport report) {
        PrintedBox qr = report.qrCode();
        return besideQrCode(qr, new PrintedBox(qr.page(), 0, 0, report.pageWidth(), report.pageHeight()));
    }

    /** The seal's square for a PDF produced elsewhere with the code stamped on it ({@link StampedPdf}). */
    public static PrintedBox besideQrCode(StampedPdf stamped) {
        return besideQrCode(stamped.qrCode(), stamped.visiblePage());
    }

    /**
     * The seal's square beside {@code qr} within {@code page} (the visible page, same frame): left of
     * the code, else above it, else right of it, else below it; never over the code and never nearer
     * the page edge than {@link #PAGE_MARGIN_POINTS}.
     *
     * @throws PdfSigningException when there is no room on any side
     */
    public static PrintedBox besideQrCode(PrintedBox qr, PrintedBox page) {
        float d = diameterPoints();
        float minX = page.x() + PAGE_MARGIN_POINTS;
        float maxX = page.right() - PAGE_MARGIN_POINTS - d;
        float minY = page.y() + PAGE_MARGIN_POINTS;
        float maxY = page.top() - PAGE_MARGIN_POINTS - d;
        if (maxX < minX || maxY < minY) {
            throw new PdfSigningException("Page " + qr.page() + " is too small for the seal");
        }
        float level = Math.min(Math.max(qr.y(), minY), maxY);
        float centred = Math.min(Math.max(qr.x() + (qr.width() - d) / 2, minX), maxX);
        float left = qr.x() - GAP_POINTS - d;
        if (left >= minX) {
            return new PrintedBox(qr.page(), left, level, d, d);
        }
        float above = qr.top() + GAP_POINTS;
        if (above <= maxY) {
            return new PrintedBox(qr.page(), centred, above, d, d);
        }
        float right = qr.right() + GAP_POINTS;
        if (right <= maxX) {
            return new PrintedBox(qr.page(), right, level, d, d);
        }
        float below = qr.y() - GAP_POINTS - d;
        if (below >= minY) {
            return new PrintedBox(qr.page(), centred, below, d, d);
        }
        throw new PdfSigningException("There is no room for the seal beside, above or below the QR code on page " + qr.page());
    }
}
