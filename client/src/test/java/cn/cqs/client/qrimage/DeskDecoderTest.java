package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.client.bench.DeskBenchmark;
import cn.cqs.client.bench.DeskFrameGenerator;
import cn.cqs.client.bench.DeskFrameGenerator.DeskFrame;
import cn.cqs.client.bench.DeskPage;
import cn.cqs.client.bench.DeskPages;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskDecoderTest {

    static final String SYSTEM = "https://cqs.fjjs.gov.cn/v/AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String FOREIGN = "WIFI:S:site-office;T:WPA;P:secret;;";

    final DeskDecoder decoder = new DeskDecoder();

    @Test
    void decodesGeneratedHardCameraFramesThatPlainZxingMisses() {
        DeskPage page = DeskPages.reportPage();
        DeskFrameGenerator generator = new DeskFrameGenerator(page, DeskPages.withForeignCode(page), 20261124);
        List<Integer> zxingMissesDeskReads = new ArrayList<>();
        int deskRead = 0;
        int zxingRead = 0;
        for (int i = 0; i < 24; i += 2) {
            DeskFrame frame = generator.frame(i);
            boolean desk = decoder.decode(frame.image()).texts().contains(frame.expected());
            boolean zxing = frame.expected().equals(DeskBenchmark.plainZxing(frame.image()));
            deskRead += desk ? 1 : 0;
            zxingRead += zxing ? 1 : 0;
            if (desk && !zxing) {
                zxingMissesDeskReads.add(i);
            }
        }
        assertThat(zxingMissesDeskReads).as("frames plain ZXing misses and the desk reads").hasSizeGreaterThanOrEqualTo(4);
        assertThat(deskRead).isGreaterThan(zxingRead);
    }

    @Test
    void findsBothCodesWhenAForeignOneIsInView() {
        BufferedImage page = QrTestImages.page(1280, 720);
        QrTestImages.draw(page, QrCodes.encode(SYSTEM, 4).image(), 100, 200);
        QrTestImages.draw(page, QrCodes.encode(FOREIGN, 5).image(), 800, 250);
        DeskDecodeResult result = decoder.decode(page);
        assertThat(result.texts()).containsExactlyInAnyOrder(SYSTEM, FOREIGN);
        assertThat(result.codes()).extracting(DecodedQr::pass).containsOnly(DecodePass.HYBRID);
    }

    @Test
    void readsASmallSystemCodeBesideAForeignCodeThatReadsFirst() {
        // generated frame 10: the system's code at 2.2 px per module beside a foreign one at 2.6; ZXing reads
        // only the foreign one, and before the second look the pipeline stopped there
        DeskPage page = DeskPages.reportPage();
        DeskFrame frame = new DeskFrameGenerator(page, DeskPages.withForeignCode(page), 20261124).frame(10);
        assertThat(frame.foreign()).isNotNull();
        DeskDecoder patient = new DeskDecoder(DeskDecoderSettings.DEFAULT.withTimeBudget(Duration.ofSeconds(30)));
        DeskDecodeResult result = patient.decode(frame.image());
        assertThat(result.texts()).contains(frame.expected(), frame.foreign());
        assertThat(DeskBenchmark.plainZxing(frame.image())).isNotEqualTo(frame.expected());
    }

    @Test
    void deblursASmallSystemCodeAfterTheForeignCodeBesideItReadInTheSameRegionPass() {
        // generated frame 31: the system's code at 2.2 px per module, low contrast, glare and 2.2 px of motion
        // blur, beside a foreign code; the region pass reads the foreign one from its crop, and only the
        // system code's deblurred crop reads it (the pass used to skip its deblurring once anything was read)
        DeskPage page = DeskPages.reportPage();
        DeskFrame frame = new DeskFrameGenerator(page, DeskPages.withForeignCode(page), 20261124).frame(31);
        assertThat(frame.foreign()).isNotNull();
        DeskDecoder patient = new DeskDecoder(DeskDecoderSettings.DEFAULT.withTimeBudget(Duration.ofSeconds(30)));
        DeskDecodeResult result = patient.decode(frame.image());
        assertThat(result.texts()).contains(frame.expected(), frame.foreign());
        assertThat(result.codes()).extracting(DecodedQr::pass).containsOnly(DecodePass.REGION);
    }

    @Test
    void reportsWhereEachCodeLiesInTheFrameForTheLiveOutline() {
        BufferedImage page = QrTestImages.page(1280, 720);
        BufferedImage system = QrCodes.encode(SYSTEM, 4).image();
        BufferedImage foreign = QrCodes.encode(FOREIGN, 5).image();
        QrTestImages.draw(page, system, 100, 200);
        QrTestImages.draw(page, foreign, 800, 250);
        DeskDecodeResult result = decoder.decode(page);
        // the symbol without its 4-module quiet zone, in frame pixels
        assertOutlineCovers(result.outline(SYSTEM).orElseThrow(), 100 + 16, 200 + 16, system.getWidth() - 32);
        assertOutlineCovers(result.outline(FOREIGN).orElseThrow(), 800 + 20, 250 + 20, foreign.getWidth() - 40);

        // a code read on the halved frame is reported in the full frame's pixels
        BufferedImage huge = QrTestImages.page(4000, 3000);
        BufferedImage big = QrCodes.encode(SYSTEM, 12).image();
        QrTestImages.draw(huge, big, 1500, 1000);
        DeskDecodeResult halved = decoder.decode(huge);
        assertThat(halved.codes()).extracting(DecodedQr::pass).containsExactly(DecodePass.DOWNSCALED);
        assertOutlineCovers(halved.outline(SYSTEM).orElseThrow(), 1500 + 48, 1000 + 48, big.getWidth() - 96);
    }

    /** The outline's box lies within a tenth of the symbol's side of the symbol's own box. */
    private static void assertOutlineCovers(QrOutline outline, double x, double y, double side) {
        double[] box = outline.bounds();
        double tolerance = side * 0.1;
        assertThat(box[0]).isCloseTo(x, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(box[1]).isCloseTo(y, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(box[2]).isCloseTo(side, org.assertj.core.data.Offset.offset(2 * tolerance));
        assertThat(box[3]).isCloseTo(side, org.assertj.core.data.Offset.offset(2 * tolerance));
    }

    @Test
    void readsALightCodeOnADarkGround() {
        BufferedImage page = QrTestImages.page(640, 480);
        QrTestImages.draw(page, QrCodes.encode(SYSTEM, 4).image(), 150, 80);
        DeskDecodeResult result = decoder.decode(QrTestImages.inverted(page));
        assertThat(result.texts()).containsExactly(SYSTEM);
    }

    @Test
    void aDocumentWithoutCodeRunsEveryPassAndFindsNothing() {
        // a generous budget: this is about the passes, not the time (a cold JIT on a busy machine can spend
        // more than the desk's 250 ms of CPU on the first page)
        DeskDecoder patient = new DeskDecoder(DeskDecoderSettings.DEFAULT.withTimeBudget(Duration.ofSeconds(30)));
        DeskDecodeResult result = patient.decode(QrTestImages.documentWithoutCode());
        assertThat(result.codes()).isEmpty();
        assertThat(result.passesTried()).isGreaterThanOrEqualTo(8);
        assertThat(result.budgetExceeded()).isFalse();
    }

    @Test
    void theTimeBudgetStopsFurtherPasses() {
        DeskDecoder hurried = new DeskDecoder(DeskDecoderSettings.DEFAULT.withTimeBudget(Duration.ofNanos(1)));
        DeskDecodeResult result = hurried.decode(QrTestImages.documentWithoutCode());
        assertThat(result.passesTried()).isEqualTo(1);
        assertThat(result.budgetExceeded()).isTrue();
    }

    @Test
    void hugeFramesAreTriedHalvedFirst() {
        BufferedImage page = QrTestImages.page(2600, 1800);
        QrTestImages.draw(page, QrCodes.encode(SYSTEM, 12).image(), 900, 500);
        assertThat(decoder.decode(page).codes()).containsExactly(new DecodedQr(SYSTEM, DecodePass.DOWNSCALED));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new DeskDecoderSettings(Duration.ZERO, true, 2000, 1920))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeBudget");
        assertThatThrownBy(() -> new DeskDecoderSettings(Duration.ofMillis(1), true, 10, 1920))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("downscaleAbovePx");
        assertThatThrownBy(() -> new LumaImage(2, 2, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pixels");
    }
}
