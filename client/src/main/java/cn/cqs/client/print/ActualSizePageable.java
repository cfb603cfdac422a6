package cn.cqs.client.print;

import java.awt.print.PageFormat;
import java.awt.print.Pageable;
import java.awt.print.Paper;
import java.awt.print.Printable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.printing.PDFPrintable;
import org.apache.pdfbox.printing.Scaling;

/**
 * The pages of a PDF for Java printing, each on the chosen paper and drawn by PDFBox's
 * {@link PDFPrintable} with {@link Scaling#ACTUAL_SIZE}: one PDF point is one printed point, never
 * shrunk to fit. A landscape page goes on the paper turned (landscape orientation), upright pages
 * portrait; a page smaller than the paper is centred. Callers check with {@link PageFit} first.
 */
final class ActualSizePageable implements Pageable {
    private final PDDocument document;
    private final PaperSize paper;
    private final Printable printable;

    ActualSizePageable(PDDocument document, PaperSize paper) {
        this.document = document;
        this.paper = paper;
        this.printable = new PDFPrintable(document, Scaling.ACTUAL_SIZE, false, 0, true);
    }

    @Override
    public int getNumberOfPages() {
        return document.getNumberOfPages();
    }

    @Override
    public PageFormat getPageFormat(int pageIndex) {
        if (pageIndex < 0 || pageIndex >= getNumberOfPages()) {
            throw new IndexOutOfBoundsException("page " + pageIndex + " of " + getNumberOfPages());
        }
        double w = PaperSize.mmToPoints(paper.widthMm());
        double h = PaperSize.mmToPoints(paper.heightMm());
        Paper sheet = new Paper();
        sheet.setSize(w, h);
        sheet.setImageableArea(0, 0, w, h);
        PageFormat format = new PageFormat();
        format.setPaper(sheet);
        format.setOrientation(pageSize(document.getPage(pageIndex)).landscape() ? PageFormat.LANDSCAPE
                : PageFormat.PORTRAIT);
        return format;
    }

    @Override
    public Printable getPrintable(int pageIndex) {
        if (pageIndex < 0 || pageIndex >= getNumberOfPages()) {
            throw new IndexOutOfBoundsException("page " + pageIndex + " of " + getNumberOfPages());
        }
        return printable;
    }

    /** A page's size as printed: its crop box, turned when the page says {@code /Rotate 90} or 270. */
    static PageFit.PageSize pageSize(PDPage page, int pageNumber) {
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        return PageFit.PageSize.ofPoints(pageNumber, turned ? box.getHeight() : box.getWidth(),
                turned ? box.getWidth() : box.getHeight());
    }

    private PageFit.PageSize pageSize(PDPage page) {
        return pageSize(page, 0);
    }
}
