package cn.cqs.client.rendering;

import java.util.Objects;

/**
 * A PDF produced elsewhere with the verification QR code stamped on it: the bytes to sign, and where
 * the code and the visible page are, so the signer puts the seal (检测专用章) beside the code and
 * within the page. Boxes are in the page's upright frame: PDF points as the page is displayed
 * (after its {@code /Rotate}), the frame OpenPDF's stamper and signer use for rotated pages.
 *
 * @param pdf          the stamped PDF (not signed yet)
 * @param pageCount    number of pages
 * @param visiblePage  the visible area (crop box) of the page carrying the code
 * @param qrCode       the QR image, quiet zone included
 * @param pageRotation the page's {@code /Rotate}: 0, 90, 180 or 270
 */
public record StampedPdf(byte[] pdf, int pageCount, PrintedBox visiblePage, PrintedBox qrCode, int pageRotation) {

    public StampedPdf {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(visiblePage, "visiblePage");
        Objects.requireNonNull(qrCode, "qrCode");
        if (visiblePage.page() != qrCode.page()) {
            throw new IllegalArgumentException("qrCode: on page " + qrCode.page() + ", not on the visible page "
                    + visiblePage.page());
        }
    }
}
