package cn.cqs.client.rendering;

import java.util.Objects;

/**
 * A rendered report: its PDF and where the layout put the things signing must not cover.
 *
 * @param pdf        the PDF bytes
 * @param pageCount  number of pages
 * @param pageWidth  page width in points
 * @param pageHeight page height in points
 * @param qrCode     where the verification QR code was printed (the last page for our templates)
 */
public record RenderedReport(byte[] pdf, int pageCount, float pageWidth, float pageHeight, PrintedBox qrCode) {

    public RenderedReport {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(qrCode, "qrCode");
    }
}
