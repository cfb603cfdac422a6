package cn.cqs.client.verify;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.reports.cube.CubeConclusion;
import cn.cqs.contract.verify.VerificationResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An in-test PKI: a platform CA, a lab credential, a rogue CA, and report tokens signed by them. */
final class TestPki {
    static final Instant NOW = Instant.parse("2025-06-30T02:00:00Z");
    static final String LAB_NAME = "厦门市建科工程检测有限公司";
    static final String LAB_USCC = "91350200776049653A";
    static final String BASE_URL = "http://127.0.0.1:9/";

    final CertificateAuthority ca = CertificateAuthority.createPlatformCa("Test Platform CA", "测试平台",
            NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)));
    final OrganisationCredential lab = ca.issueOrganisationCredential(new OrganisationIdentity(LAB_NAME, LAB_USCC),
            NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(1000)));
    final CertificateAuthority rogueCa = CertificateAuthority.createPlatformCa("Rogue CA", "冒牌平台",
            NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)));
    final OrganisationCredential rogueLab = rogueCa.issueOrganisationCredential(
            new OrganisationIdentity(LAB_NAME, LAB_USCC), NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(1000)));

    static CubeStrengthReport report(String number) {
        return new CubeStrengthReport(number, "WT2025-0456", UUID.fromString("6f1c2a9e-3b7d-4c5e-9a10-2b3c4d5e6f70"),
                "厦门市某住宅小区3号楼", "3号楼五层梁板", "混凝土试块", "HNT-2025-0456-1", new BigDecimal("100"),
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 29), 28, "GB/T 50081-2019", "C30", 150,
                List.of(new CubeStrengthReport.Specimen(new BigDecimal("720.0")),
                        new CubeStrengthReport.Specimen(new BigDecimal("747.0")),
                        new CubeStrengthReport.Specimen(new BigDecimal("765.0"))),
                null, "张三", "JZ-350100-000123", "厦门某监理有限公司", "李四");
    }

    static QrToken sign(OrganisationCredential credential, CubeStrengthReport report) {
        return TokenSigner.of(credential).sign(TokenKind.REPORT, report.reportNumber(), ReportKeyFields.of(report), NOW);
    }

    QrToken labToken(String number) {
        return sign(lab, report(number));
    }

    /** The URL form with one bit of the signed part flipped. */
    static String tampered(QrToken token) {
        byte[] bytes = token.toBytes();
        bytes[20] ^= 0x01;
        return BASE_URL + "v/" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A bundle with the platform CA and the given issuer certificates; {@code revoked} ones are marked. */
    TrustBundle bundle(List<OrganisationCredential> issuers, List<OrganisationCredential> revoked) {
        List<TrustBundle.Issuer> listed = new ArrayList<>();
        for (OrganisationCredential c : issuers) {
            listed.add(new TrustBundle.Issuer(KeyId.of(c.certificate()).hex(), c.identity().uscc(), c.identity().name(),
                    PemCertificates.toPem(c.certificate()), c.certificate().getNotBefore().toInstant(),
                    c.certificate().getNotAfter().toInstant(), revoked.contains(c),
                    revoked.contains(c) ? NOW : null));
        }
        return new TrustBundle(BASE_URL, PemCertificates.toPem(ca.certificate()), listed);
    }

    static ApiClient.Conditional<TrustBundle> fresh(TrustBundle bundle, String etag) {
        return new ApiClient.Conditional<>(false, bundle, etag);
    }

    static VerificationResponse.PublicReport record(String number, ReportStatus status, boolean late) {
        return new VerificationResponse.PublicReport(cn.cqs.contract.reports.ReportType.CONCRETE_CUBE, number, LAB_NAME, LAB_USCC, "厦门市某住宅小区3号楼", "3号楼五层梁板",
                "混凝土试块", "HNT-2025-0456-1", "C30", 150, LocalDate.of(2025, 6, 29), new BigDecimal("32.4"),
                cn.cqs.contract.reports.Conclusion.QUALIFIED, NOW, NOW.plus(Duration.ofHours(2)), late, status,
                status == ReportStatus.VALID ? null : "委托方取消检测", status == ReportStatus.VALID ? null : NOW.plus(Duration.ofDays(1)),
                status == ReportStatus.SUPERSEDED ? "JC-2025-000200" : null);
    }
}
