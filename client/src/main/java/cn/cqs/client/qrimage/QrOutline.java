package cn.cqs.client.qrimage;

import java.util.List;
import java.util.Objects;

/**
 * Where a decoded code lies in its frame (码的轮廓): four corners in the frame's pixels, clockwise
 * from the top left of the symbol as it was read, so the desk can draw the code's outline over the
 * live preview. Built from BoofCV's polygon, or from ZXing's three finder-pattern centres (the
 * fourth corner completes the parallelogram, and the shape is widened so the finder patterns
 * themselves lie inside).
 *
 * @param text    the code's text
 * @param corners exactly four points
 */
public record QrOutline(String text, List<Point> corners) {

    /** A point in frame pixels. */
    public record Point(double x, double y) {
    }

    /** How far beyond the finder-pattern centres the symbol reaches: about 3.5 of 25 to 45 modules. */
    static final double FINDER_WIDENING = 1.25;

    public QrOutline {
        Objects.requireNonNull(text, "text");
        corners = List.copyOf(Objects.requireNonNull(corners, "corners"));
        if (corners.size() != 4) {
            throw new IllegalArgumentException("corners: a code's outline has 4 corners, got " + corners.size());
        }
    }

    /**
     * From ZXing's finder-pattern centres ({@code bottomLeft, topLeft, topRight}, its order for QR
     * codes), scaled by {@code scale} into the frame's pixels. The centres lie 3.5 modules inside
     * the symbol's corners: with the module size ZXing estimated ({@code moduleSize} &gt; 0) the
     * corners are moved out by exactly that, else the shape is widened by {@link #FINDER_WIDENING}.
     */
    static QrOutline fromFinderCentres(String text, Point bottomLeft, Point topLeft, Point topRight, double moduleSize,
                                       double scale) {
        Point bottomRight = new Point(topRight.x() + bottomLeft.x() - topLeft.x(), topRight.y() + bottomLeft.y() - topLeft.y());
        List<Point> centres = List.of(topLeft, topRight, bottomRight, bottomLeft);
        List<Point> corners;
        double ux = topRight.x() - topLeft.x();
        double uy = topRight.y() - topLeft.y();
        double vx = bottomLeft.x() - topLeft.x();
        double vy = bottomLeft.y() - topLeft.y();
        double uLength = Math.hypot(ux, uy);
        double vLength = Math.hypot(vx, vy);
        if (moduleSize > 0 && uLength > 0 && vLength > 0) {
            double reach = 3.5 * moduleSize;
            double ox = ux / uLength * reach;
            double oy = uy / uLength * reach;
            double px = vx / vLength * reach;
            double py = vy / vLength * reach;
            int[][] signs = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}; // along u, along v, per corner
            corners = new java.util.ArrayList<>(4);
            for (int i = 0; i < 4; i++) {
                Point c = centres.get(i);
                corners.add(new Point((c.x() + signs[i][0] * ox + signs[i][1] * px) * scale,
                        (c.y() + signs[i][0] * oy + signs[i][1] * py) * scale));
            }
        } else {
            double cx = centres.stream().mapToDouble(Point::x).average().orElseThrow();
            double cy = centres.stream().mapToDouble(Point::y).average().orElseThrow();
            corners = centres.stream().map(p -> new Point((cx + (p.x() - cx) * FINDER_WIDENING) * scale,
                    (cy + (p.y() - cy) * FINDER_WIDENING) * scale)).toList();
        }
        return new QrOutline(text, corners);
    }

    /** The smallest upright box around the corners: {@code [x, y, width, height]}. */
    public double[] bounds() {
        double minX = corners.stream().mapToDouble(Point::x).min().orElseThrow();
        double minY = corners.stream().mapToDouble(Point::y).min().orElseThrow();
        double maxX = corners.stream().mapToDouble(Point::x).max().orElseThrow();
        double maxY = corners.stream().mapToDouble(Point::y).max().orElseThrow();
        return new double[] {minX, minY, maxX - minX, maxY - minY};
    }
}
