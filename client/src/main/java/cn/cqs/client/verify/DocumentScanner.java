package cn.cqs.client.verify;

import cn.cqs.client.qrimage.DecodedQr;
import cn.cqs.client.qrimage.PdfPageImages;
import cn.cqs.client.qrimage.DeskDecoder;
import cn.cqs.contract.verify.ScanSource;
import cn.cqs.client.qrimage.ScanFiles;
import cn.cqs.client.qrimage.UnreadableSourceException;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a file for the verify desk: decodes every QR code on the image or on each PDF page with the
 * desk's pipeline ({@link DeskDecoder}, the same one the camera uses) and keeps a preview of the
 * pages that carry codes, with each code's position marked when ZXing reports it. The file's kind
 * is recognised from its first bytes, not its name.
 */
public final class DocumentScanner {
    private static final int PAGE_DPI = PdfPageImages.DEFAULT_DPI;
    private static final int MAX_PREVIEW_PAGES = 4;

    private final DeskDecoder decoder;

    /** A scanner with the desk's default pipeline. */
    public DocumentScanner() {
        this(new DeskDecoder());
    }

    public DocumentScanner(DeskDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * @throws UnreadableSourceException naming the file and the reason when it is neither a
     *                                   readable image nor a readable PDF
     */
    public ScannedDocument scan(Path file) throws UnreadableSourceException {
        Objects.requireNonNull(file, "file");
        String name = String.valueOf(file.getFileName());
        Set<String> seen = new LinkedHashSet<>();
        List<CodeVerifier.ScannedCode> codes = new ArrayList<>();
        Map<Integer, BufferedImage> previews = new LinkedHashMap<>();
        if (ScanFiles.isPdf(file)) {
            try (PdfPageImages pdf = PdfPageImages.open(file)) {
                BufferedImage first = null;
                for (int i = 0; i < pdf.pageCount(); i++) {
                    BufferedImage page = pdf.render(i, PAGE_DPI);
                    if (i == 0) {
                        first = page;
                    }
                    if (collect(page, i + 1, seen, codes) && previews.size() < MAX_PREVIEW_PAGES) {
                        previews.put(i + 1, page);
                    }
                }
                if (previews.isEmpty() && first != null) {
                    previews.put(1, first);
                }
                return document(file, name, ScanSource.PDF, pdf.pageCount(), codes, previews);
            } catch (UnreadableSourceException e) {
                throw e;
            } catch (IOException e) {
                throw new UnreadableSourceException("PDF " + file + ": closing failed (" + e.getMessage() + ")", e);
            }
        }
        BufferedImage image = ScanFiles.readImage(file);
        collect(image, 1, seen, codes);
        previews.put(1, image);
        return document(file, name, ScanSource.IMAGE_FILE, 1, codes, previews);
    }

    private static ScannedDocument document(Path file, String name, ScanSource source, int pages,
                                            List<CodeVerifier.ScannedCode> codes, Map<Integer, BufferedImage> previews) {
        Map<Integer, List<CodeLocation>> locations = new LinkedHashMap<>();
        previews.forEach((page, image) -> locations.put(page, locate(image)));
        return new ScannedDocument(name, pages, codes, previews, locations, source, file);
    }

    /** Decodes one page; true when it carries a code. */
    private boolean collect(BufferedImage page, int pageNumber, Set<String> seen, List<CodeVerifier.ScannedCode> codes) {
        List<DecodedQr> found = decoder.decode(page).codes();
        for (DecodedQr code : found) {
            if (seen.add(code.text())) {
                codes.add(new CodeVerifier.ScannedCode(code.text(), pageNumber));
            }
        }
        return !found.isEmpty();
    }

    /** The codes ZXing finds on {@code image} with their boxes; empty when it finds none. */
    static List<CodeLocation> locate(BufferedImage image) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        Result[] results;
        try {
            results = new QRCodeMultiReader().decodeMultiple(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
        } catch (NotFoundException e) {
            // no position found: the preview is shown without marks
            return List.of();
        }
        List<CodeLocation> found = new ArrayList<>();
        for (Result result : results) {
            ResultPoint[] points = result.getResultPoints();
            if (result.getText() == null || points == null || points.length < 3) {
                continue;
            }
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                minX = Math.min(minX, points[i].getX());
                minY = Math.min(minY, points[i].getY());
                maxX = Math.max(maxX, points[i].getX());
                maxY = Math.max(maxY, points[i].getY());
            }
            // finder pattern centres sit 3.5 modules inside the symbol's corners: pad by a fifth of the span
            double pad = Math.max(maxX - minX, maxY - minY) * 0.2;
            found.add(new CodeLocation(result.getText(), minX - pad, minY - pad, maxX - minX + 2 * pad,
                    maxY - minY + 2 * pad));
        }
        return List.copyOf(found);
    }
}
