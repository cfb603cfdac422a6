package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrDecoderTest {

    static final String SYSTEM = "https://verify.cqs.example.cn/v/r1.AbCdEf0123456789";
    static final String FOREIGN = "WIFI:S:site-office;T:WPA;P:secret;;";

    final QrDecoder decoder = new QrDecoder();

    @Test
    void decodesTheCodeOnAPage() {
        BufferedImage page = QrTestImages.page(900, 700);
        QrTestImages.draw(page, QrCodes.encode(SYSTEM, 4).image(), 500, 300);
        assertThat(decoder.decode(page)).containsExactly(new DecodedQr(SYSTEM, DecodePass.HYBRID));
    }

    @Test
    void returnsEveryCodeSoASystemCodeCanBeToldFromAForeignOne() {
        BufferedImage page = QrTestImages.page(1000, 600);
        QrTestImages.draw(page, QrCodes.encode(SYSTEM, 4).image(), 40, 100);
        QrTestImages.draw(page, QrCodes.encode(FOREIGN, 4).image(), 600, 150);
        assertThat(decoder.decodeTexts(page)).containsExactlyInAnyOrder(SYSTEM, FOREIGN);
    }

    @Test
    void findsNothingOnAPageWithoutCode() {
        assertThat(decoder.decode(QrTestImages.documentWithoutCode())).isEmpty();
    }

    @Test
    void readsALightCodeOnADarkGroundInTheInvertedPass() {
        BufferedImage page = QrTestImages.page(600, 600);
        QrTestImages.draw(page, QrCodes.encode(SYSTEM, 5).image(), 100, 100);
        assertThat(decoder.decode(QrTestImages.inverted(page)))
                .containsExactly(new DecodedQr(SYSTEM, DecodePass.INVERTED));
    }

    @Test
    void rejectsAMissingImage() {
        assertThatThrownBy(() -> decoder.decode(null)).isInstanceOf(NullPointerException.class).hasMessage("image");
    }
}
