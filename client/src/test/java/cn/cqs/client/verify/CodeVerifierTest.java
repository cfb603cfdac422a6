package cn.cqs.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.pki.TrustBundleSource;
import cn.cqs.client.pki.TrustCache;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.VerificationOutcome;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerifyOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify desk's decision per code: offline first, then the server; one outcome each. */
class CodeVerifierTest {
    static TestPki pki;

    @TempDir Path dir;
    final AtomicReference<TrustBundle> served = new AtomicReference<>();
    final AtomicBoolean serverDown = new AtomicBoolean();
    final List<String> lookedUp = new ArrayList<>();
    final AtomicReference<VerificationResponse> answer = new AtomicReference<>();

    @BeforeAll
    static void pki() {
        pki = new TestPki();
    }

    final TrustBundleSource source = etag -> {
        if (serverDown.get()) {
            throw new ServerUnreachableException(URI.create("http://127.0.0.1:9"), new ConnectException("refused"));
        }
        return TestPki.fresh(served.get(), "\"v1\"");
    };

    final VerificationLookup lookup = token -> {
        if (serverDown.get()) {
            throw new ServerUnreachableException(URI.create("http://127.0.0.1:9"), new ConnectException("refused"));
        }
        lookedUp.add(token);
        return answer.get();
    };

    CodeVerifier verifier() {
        TrustCache cache = TrustCache.open(dir.resolve("trust-bundle.json"), Clock.fixed(TestPki.NOW, ZoneOffset.UTC));
        return new CodeVerifier(cache, source, lookup);
    }

    CodeVerdict one(CodeVerifier verifier, String text) {
        List<CodeVerdict> verdicts = verifier.verify(List.of(new CodeVerifier.ScannedCode(text, 1)));
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    @Test
    void genuineAndInTheSystemCarriesTheClaimsAndTheRecord() {
        served.set(pki.bundle(List.of(pki.lab), List.of()));
        QrToken token = pki.labToken("JC-2025-000001");
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_IN_SYSTEM, "真实有效 Genuine", null,
                TestPki.record("JC-2025-000001", ReportStatus.VALID, false)));

        CodeVerdict verdict = one(verifier(), token.toUrl(TestPki.BASE_URL));

        assertThat(verdict.outcome()).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
        assertThat(verdict.offlineOutcome()).isEqualTo(VerificationOutcome.VALID);
        assertThat(verdict.claims().issuerName()).isEqualTo(TestPki.LAB_NAME);
        assertThat(verdict.claims().issuerUscc()).isEqualTo(TestPki.LAB_USCC);
        assertThat(verdict.claims().documentNumber()).isEqualTo("JC-2025-000001");
        assertThat(verdict.claims().keyId()).isEqualTo(pki.lab.keyId().hex());
        assertThat(verdict.record().reportNumber()).isEqualTo("JC-2025-000001");
        assertThat(lookedUp).containsExactly(token.encode());
    }

    @Test
    void theServersVerdictDecidesOnceTheSignatureVerified() {
        served.set(pki.bundle(List.of(pki.lab), List.of()));
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_NOT_UPLOADED, "尚未上传", null, null));
        assertThat(one(verifier(), pki.labToken("JC-2025-000002").encode()).outcome())
                .isEqualTo(VerifyOutcome.GENUINE_NOT_UPLOADED);

        answer.set(new VerificationResponse(VerifyOutcome.DIGEST_MISMATCH, "内容不符", null,
                TestPki.record("JC-2025-000002", ReportStatus.VALID, false)));
        CodeVerdict mismatch = one(verifier(), pki.labToken("JC-2025-000002").encode());
        assertThat(mismatch.outcome()).isEqualTo(VerifyOutcome.DIGEST_MISMATCH);
        assertThat(mismatch.serverMessage()).isEqualTo("内容不符");
    }

    @Test
    void offlineRejectionsAreDecidedWithoutAskingForTheRecord() {
        served.set(pki.bundle(List.of(pki.lab, pki.rogueLab), List.of()));
        CodeVerifier verifier = verifier();
        List<CodeVerdict> verdicts = verifier.verify(List.of(
                new CodeVerifier.ScannedCode(TestPki.tampered(pki.labToken("JC-2025-000003")), 1),
                new CodeVerifier.ScannedCode(TestPki.sign(pki.rogueLab, TestPki.report("JC-2025-000004")).encode(), 1),
                new CodeVerifier.ScannedCode("https://example.com/x", 1)));

        assertThat(verdicts).extracting(CodeVerdict::outcome).containsExactly(VerifyOutcome.SIGNATURE_INVALID,
                VerifyOutcome.ISSUER_NOT_CERTIFIED, VerifyOutcome.NOT_A_SYSTEM_CODE);
        assertThat(verdicts).allSatisfy(v -> assertThat(v.claims()).isNull());
        assertThat(verdicts.get(0).keyId()).isEqualTo(pki.lab.keyId().hex());
        assertThat(verdicts.get(2).keyId()).isNull();
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void revokedKeyAndUnknownKeyAreRejected() {
        served.set(pki.bundle(List.of(pki.lab), List.of(pki.lab)));
        assertThat(one(verifier(), pki.labToken("JC-2025-000005").encode()).outcome())
                .isEqualTo(VerifyOutcome.ISSUER_NOT_CERTIFIED);

        served.set(pki.bundle(List.of(), List.of()));
        CodeVerdict unknown = one(verifier(), pki.labToken("JC-2025-000006").encode());
        assertThat(unknown.outcome()).isEqualTo(VerifyOutcome.ISSUER_UNKNOWN);
        assertThat(unknown.detail()).contains(pki.lab.keyId().hex());
    }

    @Test
    void aNewIssuerInTheRefreshedBundleIsUsedAtOnce() {
        served.set(pki.bundle(List.of(), List.of()));
        CodeVerifier verifier = verifier();
        assertThat(verifier.refreshTrust()).isTrue();
        served.set(pki.bundle(List.of(pki.lab), List.of()));
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_NOT_UPLOADED, "尚未上传", null, null));

        CodeVerdict verdict = one(verifier, pki.labToken("JC-2025-000007").encode());

        assertThat(verdict.offlineOutcome()).isEqualTo(VerificationOutcome.VALID);
        assertThat(verdict.outcome()).isEqualTo(VerifyOutcome.GENUINE_NOT_UPLOADED);
    }

    @Test
    void unreachableServerAfterOneDownloadGivesSignatureValidStatusUnknown() throws IOException {
        served.set(pki.bundle(List.of(pki.lab), List.of()));
        assertThat(verifier().refreshTrust()).isTrue();
        serverDown.set(true);

        // a new verifier reads the cache from its file: offline after one successful download
        CodeVerdict verdict = one(verifier(), pki.labToken("JC-2025-000008").toUrl(TestPki.BASE_URL));

        assertThat(verdict.outcome()).isEqualTo(VerifyOutcome.SERVER_UNREACHABLE);
        assertThat(verdict.offlineOutcome()).isEqualTo(VerificationOutcome.VALID);
        assertThat(verdict.claims().documentNumber()).isEqualTo("JC-2025-000008");
        assertThat(verdict.record()).isNull();

        CodeVerdict forged = one(verifier(), TestPki.tampered(pki.labToken("JC-2025-000008")));
        assertThat(forged.outcome()).isEqualTo(VerifyOutcome.SIGNATURE_INVALID);
    }

    @Test
    void neverDownloadedAndOfflineMeansIssuerUnknown() {
        serverDown.set(true);
        assertThat(one(verifier(), pki.labToken("JC-2025-000009").encode()).outcome())
                .isEqualTo(VerifyOutcome.ISSUER_UNKNOWN);
    }

    @Test
    void offlineRejectionsMapOneToOne() {
        assertThat(CodeVerifier.offlineVerdict(VerificationOutcome.MALFORMED)).isEqualTo(VerifyOutcome.NOT_A_SYSTEM_CODE);
        assertThat(CodeVerifier.offlineVerdict(VerificationOutcome.SIGNATURE_INVALID)).isEqualTo(VerifyOutcome.SIGNATURE_INVALID);
        assertThat(CodeVerifier.offlineVerdict(VerificationOutcome.ISSUER_UNKNOWN)).isEqualTo(VerifyOutcome.ISSUER_UNKNOWN);
        assertThat(CodeVerifier.offlineVerdict(VerificationOutcome.ISSUER_NOT_CERTIFIED))
                .isEqualTo(VerifyOutcome.ISSUER_NOT_CERTIFIED);
        assertThat(CodeVerifier.offlineVerdict(VerificationOutcome.DIGEST_MISMATCH)).isEqualTo(VerifyOutcome.DIGEST_MISMATCH);
    }

    // ------------------------------------------------------------------ delivery tickets (生产流水号)

    static final java.util.UUID PROJECT = java.util.UUID.fromString("0c8f6a1e-5d2b-4f3a-9e7c-1a2b3c4d5e6f");

    /** A batch token signed by the lab's credential, standing in for the platform when the bundle names it. */
    static QrToken batchToken(String serial) {
        return cn.cqs.contract.qr.TokenSigner.of(pki.lab).sign(cn.cqs.contract.qr.TokenKind.BATCH, serial,
                cn.cqs.contract.batches.BatchKeyFields.of(serial, "91350100M0001TGQXM", PROJECT, "A-C30-180(S4)-GB/T 14902",
                        new java.math.BigDecimal("36"), "3#楼 五层 梁板", "福建建工集团有限公司"), TestPki.NOW);
    }

    static VerificationResponse.PublicBatch batch(String serial, String pourLocation) {
        return new VerificationResponse.PublicBatch(serial, "福州闽江商品混凝土有限公司", "91350100M0001TGQXM", "仓山区城市综合体项目一标段",
                "福建建工集团有限公司", pourLocation, "A-C30-180(S4)-GB/T 14902", new java.math.BigDecimal("36.0"),
                TestPki.NOW, TestPki.NOW, null, cn.cqs.contract.batches.NotificationState.DUE, null,
                cn.cqs.contract.batches.NotificationState.NOT_DUE, null, PROJECT, "350104");
    }

    TrustBundle bundleWithPlatform(String platformUscc) {
        TrustBundle b = pki.bundle(List.of(pki.lab), List.of());
        return new TrustBundle(b.verifyBaseUrl(), b.caCertificatesPem(), b.issuers(), platformUscc);
    }

    @Test
    void aPlatformBatchTokenIsCheckedAgainstTheBatchRecordByTheDeskItself() {
        served.set(bundleWithPlatform(TestPki.LAB_USCC));
        String serial = "20260301-91350100M-000001";
        QrToken token = batchToken(serial);
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_IN_SYSTEM, "真实", null, null,
                batch(serial, "3#楼 五层 梁板")));
        CodeVerdict genuine = one(verifier(), token.toUrl(TestPki.BASE_URL));
        assertThat(genuine.outcome()).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
        assertThat(genuine.isBatch()).isTrue();
        assertThat(genuine.hasReportPdf()).isFalse();
        assertThat(DeskOutcome.of(genuine, TestPki.NOW)).isEqualTo(DeskOutcome.BATCH_GENUINE);

        // the server says genuine, but its record's key fields do not give the token's digest: the desk says so
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_IN_SYSTEM, "真实", null, null,
                batch(serial, "别处")));
        CodeVerdict altered = one(verifier(), token.toUrl(TestPki.BASE_URL));
        assertThat(altered.outcome()).isEqualTo(VerifyOutcome.DIGEST_MISMATCH);
        assertThat(DeskOutcome.of(altered, TestPki.NOW)).isEqualTo(DeskOutcome.BATCH_ALTERED);
        assertThat(new ClaimsComparison(ZoneOffset.UTC).rows(altered)).filteredOn(ComparisonRow::highlighted)
                .extracting(ComparisonRow::record).contains("别处", "福建建工集团有限公司", "A-C30-180(S4)-GB/T 14902");

        // genuine, but the batch is not in the system: "not found", said plainly
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_NOT_UPLOADED, "未找到", null, null, null));
        assertThat(DeskOutcome.of(one(verifier(), token.toUrl(TestPki.BASE_URL)), TestPki.NOW))
                .isEqualTo(DeskOutcome.BATCH_NOT_FOUND);
    }

    @Test
    void aBatchTokenSignedByAnyoneButThePlatformIsRefusedOffline() {
        served.set(bundleWithPlatform("113500000035000191"));
        QrToken token = batchToken("20260301-91350100M-000002");
        CodeVerdict verdict = one(verifier(), token.toUrl(TestPki.BASE_URL));
        assertThat(verdict.outcome()).isEqualTo(VerifyOutcome.ISSUER_NOT_CERTIFIED);
        assertThat(verdict.offlineOutcome()).isEqualTo(VerificationOutcome.VALID);
        assertThat(lookedUp).isEmpty();
        assertThat(DeskOutcome.of(verdict, TestPki.NOW)).isEqualTo(DeskOutcome.BATCH_NOT_PLATFORM);
    }
}
