package cn.cqs.client.qrimage;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Draws the system's QR codes (二维码): error-correction level Q (about 25 % of the symbol may be
 * damaged or covered and it still reads), a quiet zone of 4 modules, UTF-8 text, and a crisp
 * bitmap at a whole number of pixels per module so printing and rasterising never blur modules.
 */
public final class QrCodes {

    /** Error-correction level of every code the system prints (architecture.md, "QR codes"). */
    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.Q;
    /** White border around the symbol, in modules, as ISO/IEC 18004 requires. */
    public static final int QUIET_ZONE_MODULES = 4;
    /** Largest module size accepted, to keep a mistaken argument from allocating gigabytes. */
    public static final int MAX_MODULE_SIZE_PX = 64;

    private static final int BLACK = Color.BLACK.getRGB();

    private QrCodes() {
    }

    /**
     * Encodes {@code payload} as a QR code.
     *
     * @param payload      the text to carry, e.g. the verification URL with its signed token
     * @param moduleSizePx pixels per module side, 1 to {@link #MAX_MODULE_SIZE_PX}
     * @return the bitmap with its module counts
     * @throws IllegalArgumentException when the payload is blank, does not fit in a QR code at
     *                                  level Q, or the module size is out of range
     */
    public static QrBitmap encode(String payload, int moduleSizePx) {
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("payload: must not be blank");
        }
        if (moduleSizePx < 1 || moduleSizePx > MAX_MODULE_SIZE_PX) {
            throw new IllegalArgumentException("moduleSizePx: must be 1 to " + MAX_MODULE_SIZE_PX + ", got " + moduleSizePx);
        }
        QRCode code;
        try {
            code = Encoder.encode(payload, ERROR_CORRECTION, Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload: does not fit in a QR code at error-correction level "
                    + ERROR_CORRECTION + " (" + payload.getBytes(StandardCharsets.UTF_8).length + " bytes): "
                    + e.getMessage(), e);
        }
        ByteMatrix matrix = code.getMatrix();
        int symbolModules = matrix.getWidth();
        int side = (symbolModules + 2 * QUIET_ZONE_MODULES) * moduleSizePx;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
        } finally {
            g.dispose();
        }
        int offset = QUIET_ZONE_MODULES * moduleSizePx;
        for (int y = 0; y < symbolModules; y++) {
            for (int x = 0; x < symbolModules; x++) {
                if (matrix.get(x, y) == 1) {
                    fillModule(image, offset + x * moduleSizePx, offset + y * moduleSizePx, moduleSizePx);
                }
            }
        }
        return new QrBitmap(image, symbolModules, QUIET_ZONE_MODULES, moduleSizePx);
    }

    private static void fillModule(BufferedImage image, int left, int top, int size) {
        for (int dy = 0; dy < size; dy++) {
            for (int dx = 0; dx < size; dx++) {
                image.setRGB(left + dx, top + dy, BLACK);
            }
        }
    }
}
