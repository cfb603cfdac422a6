package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.ConfigQrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Motion blur estimated from a crop and undone: a code blurred with a known line spread function reads after, not before. */
class MotionDeblurTest {

    static final String SYSTEM = RegionReadingTest.SYSTEM;
    static final int MODULE_PX = 4;
    static final double BLUR_PX = 7.0;
    static final double BLUR_ANGLE = Math.toRadians(30);

    @Test
    void aCodeBlurredAlongALineReadsOnlyAfterDeblurring() {
        LumaImage sharp = LumaImage.of(QrCodes.encode(SYSTEM, MODULE_PX).image());
        LumaImage blurred = motionBlurred(sharp, BLUR_PX, BLUR_ANGLE);
        assertThat(sharp.width()).isGreaterThan(100);
        assertThat(reads(sharp)).contains(SYSTEM);
        assertThat(reads(blurred)).doesNotContain(SYSTEM);

        MotionDeblur.Blur blur = MotionDeblur.estimate(blurred);
        assertThat(blur).isNotNull();
        assertThat(blur.lengthPx()).isBetween(BLUR_PX - 1.5, BLUR_PX + 1.5);
        double angleError = Math.abs(blur.angle() - BLUR_ANGLE) % Math.PI;
        assertThat(Math.min(angleError, Math.PI - angleError)).isLessThan(Math.toRadians(15));

        assertThat(reads(MotionDeblur.deblurred(blurred, blur))).contains(SYSTEM);
    }

    @Test
    void aSharpCodeShowsNoBlurToUndo() {
        LumaImage sharp = LumaImage.of(QrCodes.encode(SYSTEM, MODULE_PX).image());
        MotionDeblur.Blur blur = MotionDeblur.estimate(sharp);
        assertThat(blur == null || blur.lengthPx() < 2.5).as("estimated %s", blur).isTrue();
    }

    @Test
    void aTinyOrFlatCropShowsNoBlur() {
        assertThat(MotionDeblur.estimate(new LumaImage(8, 8, new byte[64]))).isNull();
        assertThat(MotionDeblur.estimate(new LumaImage(64, 64, new byte[64 * 64]))).isNull();
    }

    /** What BoofCV and ZXing (hybrid binarizer, trying harder) read in the image. */
    private static List<String> reads(LumaImage image) {
        List<String> texts = new ArrayList<>();
        GrayU8 gray = new GrayU8(image.width(), image.height());
        System.arraycopy(image.pixels(), 0, gray.data, 0, image.pixels().length);
        QrCodeDetector<GrayU8> boofcv = FactoryFiducial.qrcode(new ConfigQrCode(), GrayU8.class);
        boofcv.process(gray);
        for (QrCode code : boofcv.getDetections()) {
            texts.add(code.message);
        }
        PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(), 0, 0,
                image.width(), image.height(), false);
        try {
            texts.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (NotFoundException e) {
            // ZXing located no code: nothing to add
        } catch (ReaderException e) {
            // located but not decoded: nothing to add
        }
        return texts;
    }

    /** The mean along a line of {@code length} pixels at {@code angle}, centred, bilinear, borders clamped. */
    static LumaImage motionBlurred(LumaImage in, double length, double angle) {
        int w = in.width();
        int h = in.height();
        int steps = Math.max(2, (int) Math.ceil(length) + 1);
        double[] acc = new double[w * h];
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1) - 0.5;
            double ox = Math.cos(angle) * length * t;
            double oy = Math.sin(angle) * length * t;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    acc[y * w + x] += sample(in, x + ox, y + oy) / steps;
                }
            }
        }
        byte[] out = new byte[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(acc[i])));
        }
        return new LumaImage(w, h, out);
    }

    private static double sample(LumaImage in, double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        double fx = x - ix;
        double fy = y - iy;
        return (at(in, ix, iy) * (1 - fx) + at(in, ix + 1, iy) * fx) * (1 - fy)
                + (at(in, ix, iy + 1) * (1 - fx) + at(in, ix + 1, iy + 1) * fx) * fy;
    }

    private static int at(LumaImage in, int x, int y) {
        return in.at(Math.max(0, Math.min(in.width() - 1, x)), Math.max(0, Math.min(in.height() - 1, y)));
    }
}
