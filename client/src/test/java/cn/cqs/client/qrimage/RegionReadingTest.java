package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.DecodeHintType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces of the desk's region pass: bicubic enlargement, crops, candidate boxes, rectified-grid reading. */
class RegionReadingTest {

    static final String SYSTEM = "https://cqs.fjjs.gov.cn/v/AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void enlargingKeepsFlatAreasFlatAndPutsAnEdgeWhereItWas() {
        byte[] pixels = new byte[8 * 4];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                pixels[y * 8 + x] = (byte) (x < 4 ? 40 : 220);
            }
        }
        LumaImage big = LumaFilters.enlarged(new LumaImage(8, 4, pixels), 3);
        assertThat(big.width()).isEqualTo(24);
        assertThat(big.height()).isEqualTo(12);
        for (int y = 0; y < 12; y++) {
            assertThat(big.at(0, y)).isEqualTo(40);
            assertThat(big.at(23, y)).isEqualTo(220);
            // the edge lies between source pixels 3 and 4, i.e. between output pixels 11 and 12
            assertThat(big.at(11, y)).isLessThan(130);
            assertThat(big.at(12, y)).isGreaterThan(130);
            for (int x = 0; x < 24; x++) {
                // Catmull-Rom rings a little beside a step (under a tenth of it), never more
                assertThat(big.at(x, y)).isBetween(40 - 18, 220 + 18);
            }
            for (int x = 10; x < 14; x++) {
                // across the edge itself the grey rises steadily
                assertThat(big.at(x, y)).isGreaterThan(big.at(x - 1, y));
            }
        }
        assertThatThrownBy(() -> LumaFilters.enlarged(big, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("factor");
    }

    @Test
    void cropsCopyTheirPartAndRefuseBoxesOutsideTheImage() {
        byte[] pixels = new byte[5 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        LumaImage image = new LumaImage(5, 5, pixels);
        LumaImage crop = LumaFilters.crop(image, 1, 2, 3, 2);
        assertThat(crop.at(0, 0)).isEqualTo(11);
        assertThat(crop.at(2, 1)).isEqualTo(18);
        assertThatThrownBy(() -> LumaFilters.crop(image, 3, 0, 3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not lie inside");
    }

    @Test
    void candidatesCoveredByAReadCodeOrByEachOtherAreTriedOnce() {
        FrameReads reads = new FrameReads();
        reads.add(SYSTEM, DecodePass.HYBRID, new CodeRegion(100, 100, 200, 200, 2, 1), null);
        reads.propose(new CodeRegion(110, 110, 190, 190, 2, 2));
        CodeRegion weak = new CodeRegion(400, 100, 500, 200, 2, 0);
        CodeRegion strong = new CodeRegion(405, 105, 495, 195, 2, 2);
        CodeRegion elsewhere = new CodeRegion(700, 300, 760, 360, 2, 1);
        reads.propose(weak);
        reads.propose(strong);
        reads.propose(elsewhere);
        assertThat(reads.untried(5, 0)).containsExactly(strong, elsewhere);
        reads.markTried(strong);
        assertThat(reads.untried(5, 0)).containsExactly(elsewhere);
        assertThatThrownBy(() -> new CodeRegion(10, 10, 10, 20, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("box");
        assertThatThrownBy(() -> new CodeRegion(10, 10, 20, 20, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modulePx");
    }

    @Test
    void aSmallFaintCodeAmongTextIsTheBusiestTexturePatch() {
        BufferedImage page = QrTestImages.page(1280, 720);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(90, 90, 90));
        for (int i = 0; i < 12; i++) {
            g.drawString("混凝土立方体抗压强度 Concrete cube compressive strength 36.4 MPa, line " + i, 60, 60 + i * 22);
        }
        g.drawLine(40, 400, 1240, 400);
        g.dispose();
        // a code with 2 px modules, grey on light grey, where the text is darker than the code
        QrBitmap code = QrCodes.encode(SYSTEM, 2);
        for (int y = 0; y < code.sidePx(); y++) {
            for (int x = 0; x < code.sidePx(); x++) {
                int grey = (code.image().getRGB(x, y) & 0xFF) < 128 ? 150 : 205;
                page.setRGB(800 + x, 420 + y, new Color(grey, grey, grey).getRGB());
            }
        }
        List<CodeRegion> patches = TextureRegions.find(LumaImage.of(page), 3);
        CodeRegion codeBox = new CodeRegion(800, 420, 800 + code.sidePx(), 420 + code.sidePx(), 2, 0);
        assertThat(patches).isNotEmpty();
        assertThat(patches.get(0).overlap(codeBox)).isGreaterThan(0.6);
        assertThat(TextureRegions.find(LumaImage.of(QrTestImages.page(640, 480)), 3)).as("a blank page").isEmpty();
    }

    @Test
    void aRectifiedGridIsReadInAnyOrientationUnderShadeAcrossTheCode() {
        QrBitmap code = QrCodes.encode(SYSTEM, 3);
        int side = code.sidePx();
        byte[] pixels = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean dark = (code.image().getRGB(x, y) & 0xFF) < 128;
                // light falls from 230 on the left to 90 on the right: the right's light modules are darker
                // than the left's dark ones, so no single threshold separates them
                double light = 230 - 140.0 * x / side;
                pixels[y * side + x] = (byte) Math.round(dark ? light * 0.45 : light);
            }
        }
        LumaImage image = new LumaImage(side, side, pixels);
        int n = code.symbolModules();
        double q = QrCodes.QUIET_ZONE_MODULES * 3;
        double e = q + n * 3;
        Map<DecodeHintType, ?> hints = Map.of();
        // corners clockwise from the symbol's top left, then the same corners starting elsewhere (a turned code)
        double[][] xs = {{q, e, e, q}, {e, e, q, q}, {e, q, q, e}};
        double[][] ys = {{q, q, e, e}, {q, e, e, q}, {e, e, q, q}};
        for (int turn = 0; turn < xs.length; turn++) {
            assertThat(RectifiedGrid.read(image, xs[turn], ys[turn], n, hints)).as("turn " + turn).isEqualTo(SYSTEM);
        }
        assertThat(RectifiedGrid.read(image, new double[] {q, e, e, q}, new double[] {q, q, e, e}, n + 4, hints)).isNull();
        assertThat(RectifiedGrid.squareToQuad(n, new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1})).isNull();
    }

    @Test
    void aCodeBlurredAcrossTwoModulesReadsOnlyWithTheNeighboursCrosstalkTakenOut() {
        QrBitmap code = QrCodes.encode(LargeBlurredCodeTest.LONG_TOKEN, 2);
        // 2 px modules smeared by 3.5 px: a light module between dark ones comes out darker than the mean around it
        LumaImage image = MotionDeblurTest.motionBlurred(LumaImage.of(code.image()), 3.5, Math.toRadians(30));
        int n = code.symbolModules();
        double q = QrCodes.QUIET_ZONE_MODULES * 2;
        double e = q + n * 2;
        double[] xs = {q, e, e, q};
        double[] ys = {q, q, e, e};
        assertThat(RectifiedGrid.read(image, xs, ys, n, Map.of(), false)).as("called against the neighbourhood only").isNull();
        assertThat(RectifiedGrid.read(image, xs, ys, n, Map.of())).isEqualTo(LargeBlurredCodeTest.LONG_TOKEN);
    }

    @Test
    void aSmallPatchTriedInsideALargeCandidateDoesNotHideIt() {
        FrameReads reads = new FrameReads();
        // two busy corners of a large blurred code, found as small texture patches, and the code's own patch
        CodeRegion corner = new CodeRegion(880, 136, 968, 192, Double.NaN, 1);
        CodeRegion other = new CodeRegion(712, 176, 824, 240, Double.NaN, 1);
        CodeRegion code = new CodeRegion(664, 168, 1176, 688, Double.NaN, 1);
        reads.propose(corner);
        reads.propose(other);
        reads.propose(code);
        // smaller boxes first
        assertThat(reads.untried(1, 0)).containsExactly(corner);
        reads.markTried(corner);
        assertThat(reads.untried(1, 0)).containsExactly(other);
        reads.markTried(other);
        assertThat(reads.untried(1, 0)).containsExactly(code);
        reads.markTried(code);
        assertThat(reads.untried(1, 0)).isEmpty();
        // and a small candidate inside a tried large one is that one's part
        reads.propose(new CodeRegion(700, 300, 760, 360, 2, 1));
        assertThat(reads.untried(1, 0)).isEmpty();
        assertThat(reads.wasTried(new CodeRegion(700, 300, 760, 360, 2, 1))).isTrue();
    }
}
