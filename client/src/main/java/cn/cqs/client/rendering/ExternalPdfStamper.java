package cn.cqs.client.rendering;

import cn.cqs.client.qrimage.QrBitmap;
import cn.cqs.client.qrimage.QrCodes;
import cn.cqs.client.rendering.signing.PdfSigner;
import cn.cqs.contract.reports.ReportUpload;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.exceptions.BadPasswordException;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Stamps the verification QR code (二维码) on a report PDF a lab produced in its own business software
 * (外部PDF), with OpenPDF's {@link PdfStamper}, before {@link PdfSigner} signs it. The code goes on the
 * first or last page, in the chosen corner of the page as it is displayed (any page size; {@code /Rotate}
 * 90, 180 or 270 handled, so the code is upright on screen and on paper), at a printed size whose symbol
 * is never below {@link ReportPdfRenderer#MIN_QR_SYMBOL_SIDE_MM}, as a lossless 1-bit image (Flate, no
 * interpolation) with its white quiet zone, so whatever is beneath does not disturb scanning. The
 * stamped PDF asks viewers not to scale it when printing ({@code /PrintScaling /None}, "fit to page"
 * off), as our own reports do.
 *
 * <p>Refuses, with an {@link ExternalPdfRefusedException} naming the reason: an empty or unreadable
 * file, a file over {@link ReportUpload#MAX_PDF_BYTES}, a PDF protected by a password or any encryption
 * (the stamped copy could not be signed as it stands), a PDF that carries a signature already (stamping
 * would break it, and the server accepts exactly one), and a page too small to hold the code and its
 * margins. Thread-safe and stateless.
 */
public final class ExternalPdfStamper {

    /** Printed side of the whole QR image, quiet zone included: 100 pt (35.3 mm), as on our own reports. */
    public static final float PRINTED_SIDE_POINTS = 100f;
    /** Pixels per module of the embedded bitmap (sharp at any zoom). */
    public static final int QR_MODULE_PX = ReportPdfRenderer.QR_MODULE_PX;
    /** Room kept for the signature the stamped PDF still receives, so the signed file stays within the limit. */
    static final int SIGNING_HEADROOM_BYTES = PdfSigner.SIGNATURE_RESERVE_BYTES * 2 + 64 * 1024;

    private static final BigDecimal POINTS_PER_MM = new BigDecimal("72").divide(new BigDecimal("25.4"), 10, RoundingMode.HALF_EVEN);

    /**
     * Stamps {@code qrPayload} as a QR code on {@code pdf}.
     *
     * @param pdf       the PDF produced elsewhere
     * @param qrPayload the verification URL carrying the signed token
     * @param placement page, corner and margin
     * @return the stamped PDF and where the code is
     * @throws ExternalPdfRefusedException when the PDF cannot take the code (see the class comment)
     * @throws IllegalArgumentException    when the payload is blank or too long for a QR code
     */
    public StampedPdf stamp(byte[] pdf, String qrPayload, StampPlacement placement) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(qrPayload, "qrPayload");
        Objects.requireNonNull(placement, "placement");
        if (pdf.length == 0) {
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.EMPTY, "the file is empty");
        }
        if (pdf.length > ReportUpload.MAX_PDF_BYTES) {
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.TOO_LARGE, "the file has " + pdf.length
                    + " bytes; at most " + ReportUpload.MAX_PDF_BYTES + " (15 MiB) are accepted");
        }
        QrBitmap qr = QrCodes.encode(qrPayload, QR_MODULE_PX);
        float side = printedSidePoints(qr);
        PdfReader reader = open(pdf);
        try {
            checkNotSigned(reader);
            int pages = reader.getNumberOfPages();
            if (pages < 1) {
                throw new ExternalPdfRefusedException(ExternalPdfRefusedException.UNREADABLE, "the PDF has no pages");
            }
            int pageNumber = placement.page() == StampPlacement.Page.FIRST ? 1 : pages;
            int rotation = reader.getPageRotation(pageNumber);
            PrintedBox visible = UprightFrame.of(reader.getPageSize(pageNumber), rotation)
                    .visibleBox(pageNumber, reader.getCropBox(pageNumber));
            PrintedBox qrBox = corner(visible, placement, side);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            PdfStamper stamper = new PdfStamper(reader, out);
            // as on our own reports: viewers print at 100 %, so "fit to page" never shrinks the code
            stamper.addViewerPreference(PdfName.PRINTSCALING, PdfName.NONE);
            // rotateContents (the default) turns the over content into the upright frame of a rotated page
            PdfContentByte over = stamper.getOverContent(pageNumber);
            Image image = Image.getInstance(qr.toPng());
            image.setInterpolation(false);
            image.scaleAbsolute(qrBox.width(), qrBox.height());
            image.setAbsolutePosition(qrBox.x(), qrBox.y());
            over.addImage(image);
            stamper.close();
            byte[] stamped = out.toByteArray();
            if (stamped.length + SIGNING_HEADROOM_BYTES > ReportUpload.MAX_PDF_BYTES) {
                throw new ExternalPdfRefusedException(ExternalPdfRefusedException.TOO_LARGE, "stamped and signed, the file "
                        + "would exceed " + ReportUpload.MAX_PDF_BYTES + " bytes (15 MiB)");
            }
            return new StampedPdf(stamped, pages, visible, qrBox, rotation);
        } catch (IOException | DocumentException e) {
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.UNREADABLE,
                    "the PDF could not be stamped: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
    }

    /** The printed side of the QR image for {@code qr}: {@link #PRINTED_SIDE_POINTS}, more if the symbol would print below the minimum. */
    static float printedSidePoints(QrBitmap qr) {
        BigDecimal minimum = ReportPdfRenderer.MIN_QR_SYMBOL_SIDE_MM.multiply(POINTS_PER_MM)
                .multiply(BigDecimal.valueOf(qr.totalModules()))
                .divide(BigDecimal.valueOf(qr.symbolModules()), 0, RoundingMode.CEILING);
        BigDecimal side = minimum.max(BigDecimal.valueOf(PRINTED_SIDE_POINTS));
        if (qr.symbolSideMm(side).compareTo(ReportPdfRenderer.MIN_QR_SYMBOL_SIDE_MM) < 0) {
            throw new IllegalStateException("QR symbol would print below " + ReportPdfRenderer.MIN_QR_SYMBOL_SIDE_MM + " mm");
        }
        return side.floatValue();
    }

    private static PdfReader open(byte[] pdf) {
        PdfReader reader;
        try {
            reader = new PdfReader(pdf);
        } catch (BadPasswordException e) {
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.ENCRYPTED,
                    "the PDF is protected by a password; export it again without protection", e);
        } catch (IOException | RuntimeException e) {
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.UNREADABLE,
                    "not a readable PDF (" + e.getMessage() + ")", e);
        }
        if (reader.isEncrypted()) {
            reader.close();
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.ENCRYPTED,
                    "the PDF is encrypted (permissions password); export it again without protection");
        }
        return reader;
    }

    private static void checkNotSigned(PdfReader reader) {
        List<String> signatures = reader.getAcroFields().getSignedFieldNames();
        if (!signatures.isEmpty()) {
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.SIGNED, "the PDF carries a signature already ("
                    + String.join(", ", signatures) + "); stamping the code would break it. Use the unsigned PDF");
        }
    }

    private static PrintedBox corner(PrintedBox visible, StampPlacement placement, float side) {
        float margin = placement.marginMm().multiply(POINTS_PER_MM).floatValue();
        if (visible.width() < side + 2 * margin || visible.height() < side + 2 * margin) {
            throw new ExternalPdfRefusedException(ExternalPdfRefusedException.PAGE_TOO_SMALL, String.format(java.util.Locale.ROOT,
                    "page %d shows %.1f x %.1f mm; the code needs %.1f mm square plus %s mm margins",
                    visible.page(), mm(visible.width()), mm(visible.height()), mm(side), placement.marginMm().toPlainString()));
        }
        StampPlacement.Corner c = placement.corner();
        float x = c.right() ? visible.right() - margin - side : visible.x() + margin;
        float y = c.top() ? visible.top() - margin - side : visible.y() + margin;
        return new PrintedBox(visible.page(), x, y, side, side);
    }

    private static float mm(float points) {
        return points * 25.4f / 72f;
    }

    /**
     * A page's upright frame as OpenPDF sees it: its stamper draws the over content of a rotated page,
     * and its signer places a visible signature, in coordinates of the page as displayed, whose origin
     * follows from the media box ({@code PdfStamperImp.applyRotation}). Maps boxes of the unrotated page
     * (user space, e.g. the crop box) into that frame.
     */
    record UprightFrame(Rectangle mediaBox, int rotation) {

        static UprightFrame of(Rectangle mediaBox, int rotation) {
            int r = ((rotation % 360) + 360) % 360;
            if (r % 90 != 0) {
                throw new ExternalPdfRefusedException(ExternalPdfRefusedException.UNREADABLE,
                        "the page rotation " + rotation + " is not a multiple of 90");
            }
            return new UprightFrame(mediaBox, r);
        }

        /** {@code box} (unrotated user space) as a box in the upright frame, clipped to the media box. */
        PrintedBox visibleBox(int page, Rectangle box) {
            float llx = Math.max(box.getLeft(), mediaBox.getLeft());
            float lly = Math.max(box.getBottom(), mediaBox.getBottom());
            float urx = Math.min(box.getRight(), mediaBox.getRight());
            float ury = Math.min(box.getTop(), mediaBox.getTop());
            if (urx <= llx || ury <= lly) {
                throw new ExternalPdfRefusedException(ExternalPdfRefusedException.UNREADABLE,
                        "page " + page + " has an empty visible area (crop box outside the media box)");
            }
            float[] a = upright(llx, lly);
            float[] b = upright(urx, ury);
            float x = Math.min(a[0], b[0]);
            float y = Math.min(a[1], b[1]);
            return new PrintedBox(page, x, y, Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
        }

        /** A point of user space in the upright frame (the inverse of the stamper's rotation matrix). */
        float[] upright(float ux, float uy) {
            return switch (rotation) {
                case 90 -> new float[] {uy, mediaBox.getRight() - ux};
                case 180 -> new float[] {mediaBox.getRight() - ux, mediaBox.getTop() - uy};
                case 270 -> new float[] {mediaBox.getTop() - uy, ux};
                default -> new float[] {ux, uy};
            };
        }
    }
}
