package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A large, defocused code smeared by motion across one and a half modules
 * ({@link DecodePass#DEBLURRED}): no detector locates it and its fine texture looks flat next to
 * the page's black text, but its coarse texture stands out, and halved, deblurred and enlarged it
 * reads. With the pass left out of the plan, no other pass reads this frame, however long it may take.
 */
class LargeBlurredCodeTest {

    static final String LONG_TOKEN = "https://cqs.fjjs.gov.cn/v/" + "AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".repeat(4);
    static final int MODULE_PX = 10;
    static final double MOTION_PX = 15;
    static final double MOTION_ANGLE = Math.toRadians(20);
    static final double DEFOCUS_PX = 2.5;
    static final int CODE_X = 520;
    static final int CODE_Y = 90;

    @Test
    void aLargeCodeSmearedByMotionIsReadByTheDeblurredPass() {
        // a budget no pass runs out of on a busy test machine: what is tested is which pass reads the frame
        DeskDecodeResult result = new DeskDecoder(DeskDecoderSettings.DEFAULT.withTimeBudget(Duration.ofSeconds(10))).decode(blurredPage());
        assertThat(result.texts()).containsExactly(LONG_TOKEN);
        assertThat(result.codes()).extracting(DecodedQr::pass).containsExactly(DecodePass.DEBLURRED);
    }

    @Test
    void itsCoarseTextureIsAPatchWhereItsFineTextureIsNone() {
        LumaImage frame = blurredPage();
        int side = QrCodes.encode(LONG_TOKEN, MODULE_PX).symbolModules() * MODULE_PX;
        CodeRegion code = new CodeRegion(CODE_X, CODE_Y, CODE_X + side, CODE_Y + side, MODULE_PX, 0);
        List<TextureRegions.Patch> large = TextureRegions.largePatches(frame, 2);
        assertThat(large).anySatisfy(patch -> assertThat(patch.region().overlap(code)).isGreaterThan(0.8));
        for (CodeRegion fine : TextureRegions.find(frame, 3)) {
            assertThat(fine.overlap(code) * fine.area()).as("fine patch %s", fine).isLessThan(0.3 * code.area());
        }
        assertThat(TextureRegions.largePatches(LumaImage.of(QrTestImages.page(1280, 720)), 2)).as("a blank page").isEmpty();
    }

    /**
     * A 1280x720 frame of a report: black ruled lines and text on the left, the large code on the
     * right printed faintly (grey 110 on 170), the whole frame out of focus and smeared by the
     * camera's motion, with sensor noise.
     */
    private static LumaImage blurredPage() {
        BufferedImage page = QrTestImages.page(1280, 720);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        for (int i = 0; i < 14; i++) {
            g.drawLine(30, 40 + i * 48, 480, 40 + i * 48);
            g.drawString("混凝土立方体抗压强度 36.4 MPa 合格 line " + i, 40, 70 + i * 48);
        }
        g.drawLine(30, 40, 30, 664);
        g.drawLine(480, 40, 480, 664);
        g.dispose();
        QrBitmap code = QrCodes.encode(LONG_TOKEN, MODULE_PX);
        int quiet = code.quietZoneModules() * MODULE_PX;
        QrTestImages.draw(page, code.image(), CODE_X - quiet, CODE_Y - quiet);
        LumaImage sharp = LumaImage.of(page);
        byte[] printed = new byte[sharp.pixels().length];
        for (int i = 0; i < printed.length; i++) {
            int v = sharp.pixels()[i] & 0xFF;
            printed[i] = (byte) ((i % sharp.width()) >= CODE_X - 40 ? 110 + v * 60 / 255 : v);
        }
        LumaImage blurred = MotionDeblurTest.motionBlurred(defocused(new LumaImage(sharp.width(), sharp.height(), printed), DEFOCUS_PX),
                MOTION_PX, MOTION_ANGLE);
        Random noise = new Random(7);
        byte[] out = blurred.pixels().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, (out[i] & 0xFF) + (int) Math.round(3 * noise.nextGaussian())));
        }
        return new LumaImage(blurred.width(), blurred.height(), out);
    }

    /** A Gaussian blur of standard deviation {@code sigma} pixels (defocus), borders clamped. */
    static LumaImage defocused(LumaImage in, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        int w = in.width();
        int h = in.height();
        double[] rows = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * in.at(Math.max(0, Math.min(w - 1, x + k)), y);
                }
                rows[y * w + x] = acc / sum;
            }
        }
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * rows[Math.max(0, Math.min(h - 1, y + k)) * w + x];
                }
                out[y * w + x] = (byte) Math.round(acc / sum);
            }
        }
        return new LumaImage(w, h, out);
    }
}
