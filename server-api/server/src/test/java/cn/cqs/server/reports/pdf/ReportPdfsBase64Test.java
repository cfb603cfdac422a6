package cn.cqs.server.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The whitespace allowed inside an upload's Base64 PDF is removed exactly as {@code \s+} did, and nothing else is. */
class ReportPdfsBase64Test {
    private static final byte[] BYTES = new byte[5000];

    static {
        new Random(7).nextBytes(BYTES);
    }

    @Test
    void plainBase64IsReturnedAsItIs() {
        String plain = Base64.getEncoder().encodeToString(BYTES);
        assertThat(ReportPdfs.withoutWhitespace(plain)).isSameAs(plain);
        assertThat(ReportPdfs.withoutWhitespace("")).isEmpty();
    }

    @Test
    void mimeLineBreaksAndEveryRegexWhitespaceCharacterAreRemoved() {
        String plain = Base64.getEncoder().encodeToString(BYTES);
        String mime = Base64.getMimeEncoder().encodeToString(BYTES);
        assertThat(mime).contains("\r\n");
        assertThat(ReportPdfs.withoutWhitespace(mime)).isEqualTo(plain);
        String spaced = " \t" + plain.substring(0, 8) + "\n\u000B\f\r " + plain.substring(8) + "\n";
        assertThat(ReportPdfs.withoutWhitespace(spaced)).isEqualTo(plain).isEqualTo(spaced.replaceAll("\\s+", ""));
        assertThat(ReportPdfs.decodeBase64(spaced)).isEqualTo(BYTES);
        assertThat(ReportPdfs.decodeBase64(mime)).isEqualTo(BYTES);
        assertThat(ReportPdfs.decodeBase64(plain)).isEqualTo(BYTES);
    }

    @Test
    void otherCharactersStaySoTheDecoderStillRefusesThem() {
        String plain = Base64.getEncoder().encodeToString(BYTES);
        String bad = plain.substring(0, 10) + "\u00A0*" + plain.substring(10);
        assertThat(ReportPdfs.withoutWhitespace(bad)).isEqualTo(bad);
        assertThatThrownBy(() -> ReportPdfs.decodeBase64(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportPdfs.decodeBase64(" " + bad)).isInstanceOf(IllegalArgumentException.class);
    }
}
