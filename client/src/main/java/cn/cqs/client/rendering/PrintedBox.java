package cn.cqs.client.rendering;

/**
 * Where something was printed on a PDF page, in PDF user space: points (1/72 inch) from the page's
 * lower-left corner, as PDF tools (OpenPDF, PDFBox) measure them.
 *
 * @param page   the page number, 1-based
 * @param x      left edge
 * @param y      bottom edge
 * @param width  width
 * @param height height
 */
public record PrintedBox(int page, float x, float y, float width, float height) {

    public PrintedBox {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a printed box needs a positive size, was " + width + " x " + height);
        }
    }

    /** Right edge. */
    public float right() {
        return x + width;
    }

    /** Top edge. */
    public float top() {
        return y + height;
    }

    /** Whether the two boxes share any area on the same page. */
    public boolean overlaps(PrintedBox other) {
        return page == other.page && x < other.right() && other.x < right() && y < other.top() && other.y < top();
    }
}
