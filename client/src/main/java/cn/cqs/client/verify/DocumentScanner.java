package cn.cqs.client.verify;

import cn.cqs.client.qrimage.DecodedQr;
import cn.cqs.client.qrimage.PdfPageImages;
import cn.cqs.client.qrimage.QrFileScanner;
import cn.cqs.client.qrimage.ScannedFile;
import cn.cqs.client.qrimage.ScannedPage;
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
import javax.imageio.ImageIO;

/**
 * Reads a file for the verify desk: decodes every QR code with {@link QrFileScanner} and prepares
 * a preview of the pages that carry codes, with each code's position marked when ZXing reports it.
 */
public final class DocumentScanner {
    private static final int PREVIEW_DPI = PdfPageImages.DEFAULT_DPI;
    private static final int MAX_PREVIEW_PAGES = 4;

    private final QrFileScanner scanner;

    public DocumentScanner(QrFileScanner scanner) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
    }

    /**
     * @throws UnreadableSourceException naming the file and the reason when it is neither a
     *                                   readable image nor a readable PDF
     */
    public ScannedDocument scan(Path file) throws UnreadableSourceException {
        ScannedFile scanned = scanner.scan(file);
        Set<String> seen = new LinkedHashSet<>();
        List<CodeVerifier.ScannedCode> codes = new ArrayList<>();
        Set<Integer> pagesWithCodes = new LinkedHashSet<>();
        for (ScannedPage page : scanned.pages()) {
            for (DecodedQr code : page.codes()) {
                if (seen.add(code.text())) {
                    codes.add(new CodeVerifier.ScannedCode(code.text(), page.pageNumber()));
                }
                pagesWithCodes.add(page.pageNumber());
            }
        }
        if (pagesWithCodes.isEmpty()) {
            pagesWithCodes.add(1);
        }
        Map<Integer, BufferedImage> previews = new LinkedHashMap<>();
        Map<Integer, List<CodeLocation>> locations = new LinkedHashMap<>();
        if (scanned.kind() == ScannedFile.Kind.PDF) {
            try (PdfPageImages pdf = PdfPageImages.open(file)) {
                for (int page : pagesWithCodes) {
                    if (previews.size() == MAX_PREVIEW_PAGES || page > pdf.pageCount()) {
                        break;
                    }
                    previews.put(page, pdf.render(page - 1, PREVIEW_DPI));
                }
            } catch (UnreadableSourceException e) {
                throw e;
            } catch (IOException e) {
                throw new UnreadableSourceException("PDF " + file + ": closing failed (" + e.getMessage() + ")", e);
            }
        } else {
            try {
                BufferedImage image = ImageIO.read(file.toFile());
                if (image == null) {
                    throw new UnreadableSourceException(file + ": the image can no longer be read");
                }
                previews.put(1, image);
            } catch (IOException e) {
                throw new UnreadableSourceException(file + ": damaged image (" + e.getMessage() + ")", e);
            }
        }
        previews.forEach((page, image) -> locations.put(page, locate(image)));
        return new ScannedDocument(scanned.name(), scanned.pages().size(), codes, previews, locations);
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
