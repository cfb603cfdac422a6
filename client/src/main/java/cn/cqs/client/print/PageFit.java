package cn.cqs.client.print;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether the pages of a PDF fit a sheet at 100 % (实际大小): a page fits when both sides are at most
 * the paper's, upright or turned a quarter (a landscape page on portrait paper). Nothing is ever
 * scaled to make it fit: a report's QR code must stay at its printed size (≥ 25 mm), so a page
 * larger than the paper is not printed at all.
 */
public final class PageFit {
    private PageFit() {
    }

    /** One PDF page's size, in millimetres to 0.1 mm. */
    public record PageSize(int pageNumber, BigDecimal widthMm, BigDecimal heightMm) {
        public PageSize {
            Objects.requireNonNull(widthMm, "widthMm");
            Objects.requireNonNull(heightMm, "heightMm");
        }

        /** A page of {@code widthPt} × {@code heightPt} PDF points (1-based {@code pageNumber}). */
        public static PageSize ofPoints(int pageNumber, double widthPt, double heightPt) {
            return new PageSize(pageNumber, PaperSize.pointsToMm(widthPt), PaperSize.pointsToMm(heightPt));
        }

        /** Whether the page is wider than tall. */
        public boolean landscape() {
            return widthMm.compareTo(heightMm) > 0;
        }

        public String describe() {
            return widthMm.toPlainString() + " × " + heightMm.toPlainString() + " mm";
        }
    }

    /** Whether {@code page} fits {@code paper} at 100 %, upright or turned. */
    public static boolean fits(PageSize page, PaperSize paper) {
        BigDecimal shortSide = page.widthMm().min(page.heightMm());
        BigDecimal longSide = page.widthMm().max(page.heightMm());
        return shortSide.compareTo(paper.widthMm()) <= 0 && longSide.compareTo(paper.heightMm()) <= 0;
    }

    /** The pages that do not fit {@code paper}; empty when all do. */
    public static List<PageSize> tooLarge(List<PageSize> pages, PaperSize paper) {
        List<PageSize> out = new ArrayList<>();
        for (PageSize p : pages) {
            if (!fits(p, paper)) {
                out.add(p);
            }
        }
        return out;
    }
}
