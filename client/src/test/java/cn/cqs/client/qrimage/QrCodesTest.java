package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    static final String PAYLOAD = "https://verify.cqs.example.cn/v/r1.token-混凝土-0123456789";

    @Test
    void encodesAtLevelQWithAFourModuleQuietZone() throws Exception {
        QrBitmap qr = QrCodes.encode(PAYLOAD, 4);
        Result result = new QRCodeReader().decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(qr.image()))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        assertThat(result.getText()).isEqualTo(PAYLOAD);
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("Q");
        assertThat(qr.quietZoneModules()).isEqualTo(4);
        assertThat((qr.symbolModules() - 17) % 4).as("21 + 4 x (version - 1) modules").isZero();
        assertThat(qr.sidePx()).isEqualTo((qr.symbolModules() + 8) * 4);
        // the quiet zone is white all round: the first and last 4 modules of every edge
        BufferedImage image = qr.image();
        for (int i = 0; i < image.getWidth(); i++) {
            for (int d = 0; d < 4 * 4; d++) {
                assertThat(isWhite(image, i, d)).isTrue();
                assertThat(isWhite(image, d, i)).isTrue();
                assertThat(isWhite(image, i, image.getHeight() - 1 - d)).isTrue();
                assertThat(isWhite(image, image.getWidth() - 1 - d, i)).isTrue();
            }
        }
        // the top-left finder pattern starts right after the quiet zone: a dark module
        assertThat(isWhite(image, 16, 16)).isFalse();
    }

    @Test
    void bitmapIsCrispWholeModulesOfOnlyBlackAndWhite() {
        int px = 5;
        QrBitmap qr = QrCodes.encode(PAYLOAD, px);
        BufferedImage image = qr.image();
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        for (int my = 0; my < qr.totalModules(); my++) {
            for (int mx = 0; mx < qr.totalModules(); mx++) {
                int first = image.getRGB(mx * px, my * px);
                assertThat(first == 0xFF000000 || first == 0xFFFFFFFF).isTrue();
                for (int dy = 0; dy < px; dy++) {
                    for (int dx = 0; dx < px; dx++) {
                        assertThat(image.getRGB(mx * px + dx, my * px + dy)).isEqualTo(first);
                    }
                }
            }
        }
    }

    @Test
    void printedSymbolSizeFollowsFromTheModuleCounts() {
        QrBitmap qr = QrCodes.encode("x", 1);
        assertThat(qr.symbolModules()).isEqualTo(21);
        assertThat(qr.totalModules()).isEqualTo(29);
        // 29 modules over 72 pt (one inch, 25.4 mm): the 21-module symbol is 25.4 x 21 / 29 = 18.39 mm
        assertThat(qr.symbolSideMm(new BigDecimal("72"))).isEqualByComparingTo("18.39");
        assertThat(qr.toPng()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void rejectsBlankOversizedPayloadsAndBadModuleSizes() {
        assertThatThrownBy(() -> QrCodes.encode(" ", 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload");
        assertThatThrownBy(() -> QrCodes.encode(null, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload");
        assertThatThrownBy(() -> QrCodes.encode("a".repeat(3000), 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload").hasMessageContaining("level Q").hasMessageContaining("3000 bytes");
        assertThatThrownBy(() -> QrCodes.encode(PAYLOAD, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("moduleSizePx");
        assertThatThrownBy(() -> QrCodes.encode(PAYLOAD, 65)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("moduleSizePx");
    }

    private static boolean isWhite(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) == 0xFFFFFFFF;
    }
}
