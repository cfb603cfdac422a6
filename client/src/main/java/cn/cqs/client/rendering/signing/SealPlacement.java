package cn.cqs.client.rendering.signing;

import cn.cqs.client.rendering.PrintedBox;
import cn.cqs.client.rendering.RenderedReport;
import java.math.BigDecimal;

/**
 * Where the seal goes on a report: on the page of the QR code, just left of it and level with its
 * bottom edge, so the code stays clear for scanning (a seal over a QR code can make it unreadable).
 * When there is no room on the left, it goes above the code.
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
        float d = diameterPoints();
        float x = qr.x() - GAP_POINTS - d;
        float y = Math.max(qr.y(), PAGE_MARGIN_POINTS);
        if (x >= PAGE_MARGIN_POINTS) {
            return new PrintedBox(qr.page(), x, y, d, d);
        }
        float above = qr.top() + GAP_POINTS;
        if (above + d <= report.pageHeight() - PAGE_MARGIN_POINTS) {
            float centred = Math.min(Math.max(qr.x() + (qr.width() - d) / 2, PAGE_MARGIN_POINTS),
                    report.pageWidth() - PAGE_MARGIN_POINTS - d);
            return new PrintedBox(qr.page(), centred, above, d, d);
        }
        throw new PdfSigningException("There is no room for the seal beside or above the QR code on page " + qr.page());
    }
}
