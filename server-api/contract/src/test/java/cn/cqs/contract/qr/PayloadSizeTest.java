package cn.cqs.contract.qr;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.TestPki;
import org.junit.jupiter.api.Test;

/**
 * Keeps the QR payload small. The byte-mode capacities at error-correction level Q follow from the
 * data codewords of ISO/IEC 18004 (Table 9): capacity = floor((8 * codewords - 4 - countBits) / 8),
 * with a 16-bit character count from version 10 on (8 bits before).
 */
class PayloadSizeTest {
    /** Data codewords at level Q, versions 1-15. */
    private static final int[] Q_DATA_CODEWORDS = {13, 22, 34, 48, 62, 76, 88, 110, 132, 154, 180, 206, 244, 261, 295};

    static int byteCapacityQ(int version) {
        int countBits = version < 10 ? 8 : 16;
        return (Q_DATA_CODEWORDS[version - 1] * 8 - 4 - countBits) / 8;
    }

    static int smallestVersionQ(int bytes) {
        for (int version = 1; version <= Q_DATA_CODEWORDS.length; version++) {
            if (byteCapacityQ(version) >= bytes) {
                return version;
            }
        }
        throw new IllegalArgumentException(bytes + " bytes need a version above " + Q_DATA_CODEWORDS.length);
    }

    @Test
    void capacityTableMatchesThePublishedFigures() {
        assertThat(byteCapacityQ(1)).isEqualTo(11);
        assertThat(byteCapacityQ(9)).isEqualTo(130);
        assertThat(byteCapacityQ(10)).isEqualTo(151);
        assertThat(byteCapacityQ(11)).isEqualTo(177);
        assertThat(byteCapacityQ(12)).isEqualTo(203);
        assertThat(byteCapacityQ(13)).isEqualTo(241);
    }

    @Test
    void typicalReportFitsVersion12AtLevelQ() {
        CertificateAuthority ca = TestPki.platformCa();
        OrganisationCredential lab = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        String reportNumber = "JC-2025-HNT-00012345";
        assertThat(reportNumber).hasSize(20);
        QrToken token = TokenSigner.of(lab).sign(TokenKind.REPORT, reportNumber,
                KeyFields.builder().add("reportNumber", reportNumber).build(), TestPki.NOW);
        String url = token.toUrl("https://220.160.52.164:20082");

        assertThat(token.toBytes()).hasSize(127);          // 107 + 20
        assertThat(token.encode()).hasSize(170);           // ceil(127 * 4 / 3)
        assertThat(url).hasSize(201);                      // 31 + 170
        assertThat(smallestVersionQ(url.length())).isEqualTo(12); // 65 x 65 modules
    }

    @Test
    void longestDocumentNumberStillFitsVersion15() {
        CertificateAuthority ca = TestPki.platformCa();
        OrganisationCredential lab = ca.issueOrganisationCredential(TestPki.LAB, TestPki.ORG_FROM, TestPki.ORG_TO);
        QrToken token = TokenSigner.of(lab).sign(TokenKind.REPORT, "N".repeat(64),
                KeyFields.builder().add("reportNumber", "N").build(), TestPki.NOW);
        String url = token.toUrl("https://220.160.52.164:20082");
        assertThat(url).hasSize(31 + 228);
        assertThat(smallestVersionQ(url.length())).isEqualTo(15);
    }
}
