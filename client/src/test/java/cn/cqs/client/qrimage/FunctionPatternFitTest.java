package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Corners a module or two off, as a detector gives them for a small blurred code, found again by
 * fitting the code's known function patterns; the grid sampled from them reads.
 */
class FunctionPatternFitTest {

    static final String LONG_TOKEN = LargeBlurredCodeTest.LONG_TOKEN;
    static final int MODULE_PX = 3;

    @Test
    void versionInformationIsTheStandardsBchCode() {
        // ISO/IEC 18004, table D.1
        assertThat(FunctionPatternFit.versionInformation(7)).isEqualTo(0x07C94);
        assertThat(FunctionPatternFit.versionInformation(12)).isEqualTo(0x0C762);
        assertThat(FunctionPatternFit.versionInformation(40)).isEqualTo(0x28C69);
    }

    @Test
    void cornersUpToOneAndAHalfModulesOffAreFoundAgainAndTheCodeReads() {
        QrBitmap code = QrCodes.encode(LONG_TOKEN, MODULE_PX);
        // blurred across a module, as a small code in a webcam frame
        LumaImage image = MotionDeblurTest.motionBlurred(LumaImage.of(code.image()), MODULE_PX, Math.toRadians(60));
        int n = code.symbolModules();
        int version = (n - 17) / 4;
        assertThat(version).isGreaterThanOrEqualTo(7);
        double q = QrCodes.QUIET_ZONE_MODULES * MODULE_PX;
        double e = q + n * MODULE_PX;
        double m = MODULE_PX;
        // the detector's corners, starting at the top right (a turned code), each off by up to 1.5 modules
        double[] xs = {e - 0.8 * m, e + 0.6 * m, q - 0.9 * m, q + 1.0 * m};
        double[] ys = {q + 0.9 * m, e - 1.0 * m, e - 0.5 * m, q + 0.7 * m};
        assertThat(RectifiedGrid.read(image, xs, ys, n, Map.of())).as("read from the detector's corners").isNull();

        FunctionPatternFit.Fit fit = FunctionPatternFit.refine(image, xs, ys, version);
        assertThat(fit).isNotNull();
        assertThat(fit.score()).isGreaterThan(0.5);
        double[] trueX = {q, e, e, q};
        double[] trueY = {q, q, e, e};
        for (int k = 0; k < 4; k++) {
            assertThat(Math.hypot(fit.xs()[k] - trueX[k], fit.ys()[k] - trueY[k])).as("corner %d", k).isLessThan(0.3 * m);
        }
        assertThat(RectifiedGrid.readRefined(image, xs, ys, version, Map.of())).isEqualTo(LONG_TOKEN);
    }

    @Test
    void aFlatImageOrAnImpossibleVersionGivesNoFit() {
        LumaImage flat = new LumaImage(200, 200, new byte[200 * 200]);
        double[] xs = {20, 180, 180, 20};
        double[] ys = {20, 20, 180, 180};
        assertThat(FunctionPatternFit.refine(flat, xs, ys, 7)).isNull();
        assertThat(RectifiedGrid.readRefined(flat, xs, ys, 7, Map.of())).isNull();
        assertThat(FunctionPatternFit.refine(flat, xs, ys, 0)).isNull();
        assertThat(FunctionPatternFit.refine(flat, xs, ys, 41)).isNull();
    }
}
