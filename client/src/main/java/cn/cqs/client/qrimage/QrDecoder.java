package cn.cqs.client.qrimage;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads every QR code in one image with ZXing: the verify desk's pipeline from a picture to
 * decoded texts, independent of where the picture came from (file, PDF page, camera frame).
 *
 * <p>Three passes, each only when the previous one found nothing: HybridBinarizer with TRY_HARDER,
 * then GlobalHistogramBinarizer, then the inverted image. PURE_BARCODE is off, so codes anywhere on
 * a page are found; QRCodeMultiReader returns all codes, so a page carrying the system's code and a
 * foreign one yields both. Instances are immutable and thread-safe.
 */
public final class QrDecoder {

    private static final Map<DecodeHintType, Object> HINTS = hints();

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        return Map.copyOf(hints);
    }

    /**
     * Decodes all QR codes in {@code image}.
     *
     * @return the distinct texts found, in the order ZXing reports them; empty when there is none
     */
    public List<DecodedQr> decode(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        if (image.getWidth() < 1 || image.getHeight() < 1) {
            throw new IllegalArgumentException("image: empty (" + image.getWidth() + " x " + image.getHeight() + ")");
        }
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        List<DecodedQr> found = attempt(source, HybridBinarizer::new, DecodePass.HYBRID);
        if (found.isEmpty()) {
            found = attempt(source, GlobalHistogramBinarizer::new, DecodePass.GLOBAL_HISTOGRAM);
        }
        if (found.isEmpty()) {
            found = attempt(source.invert(), HybridBinarizer::new, DecodePass.INVERTED);
        }
        return found;
    }

    /** Convenience: the texts only, in order. */
    public List<String> decodeTexts(BufferedImage image) {
        return decode(image).stream().map(DecodedQr::text).toList();
    }

    private static List<DecodedQr> attempt(LuminanceSource source, Function<LuminanceSource, Binarizer> binarizer,
                                           DecodePass pass) {
        Result[] results;
        try {
            results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(binarizer.apply(source)), HINTS);
        } catch (NotFoundException e) {
            // ZXing's way of saying "no QR code in this image": an empty answer, not an error.
            return List.of();
        }
        Set<String> texts = new LinkedHashSet<>();
        for (Result result : results) {
            if (result.getText() != null) {
                texts.add(result.getText());
            }
        }
        List<DecodedQr> decoded = new ArrayList<>(texts.size());
        for (String text : texts) {
            decoded.add(new DecodedQr(text, pass));
        }
        return List.copyOf(decoded);
    }
}
