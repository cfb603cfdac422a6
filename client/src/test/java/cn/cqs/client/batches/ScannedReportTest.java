package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.QrCodes;
import cn.cqs.client.qrimage.QrFileScanner;
import cn.cqs.client.verify.VerificationLookup;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerifyOutcome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 扫描报告二维码 on the plant forms, with the real QR decoder on real pictures and the server's
 * verification answered here: without a server the code's number is filled and the token kept (the
 * server verifies it on upload); a genuine report not uploaded yet is shown and not kept; a picture
 * without a report code says so; the token goes with the mix design's registration; 清除 forgets it.
 */
class ScannedReportTest {
    static QrToken report;
    static QrToken other;
    PlantFixture f;
    final List<String> lookedUp = new ArrayList<>();
    VerificationLookup lookup;
    @TempDir
    Path dir;

    @BeforeAll
    static void setUpAll() throws Exception {
        // through TestFX, as the screen tests do: a toolkit started with Platform.startup exits when its last
        // window closes (implicit exit), leaving later screen tests in this JVM a robot that reaches nothing
        org.testfx.api.FxToolkit.registerPrimaryStage();
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.createPlatformCa("CQS Test Platform CA", "测试平台",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        OrganisationCredential lab = ca.issueOrganisationCredential(new OrganisationIdentity("厦门某检测有限公司",
                "91350200MA2XYQ1234"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        report = TokenSigner.of(lab).sign(TokenKind.REPORT, "2026-SP-000007",
                KeyFields.builder().add("reportNumber", "2026-SP-000007").build(), now.minusSeconds(60));
        other = TokenSigner.of(lab).sign(TokenKind.REPORT, "2026-SP-000008",
                KeyFields.builder().add("reportNumber", "2026-SP-000008").build(), now.minusSeconds(60));
    }

    @BeforeEach
    void setUp() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        f = new PlantFixture(Runnable::run, Runnable::run, Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** A picture of one printed QR code holding {@code text}. */
    Path picture(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, QrCodes.encode(text, 8).toPng());
        return file;
    }

    ReportCodes codes() {
        return new ReportCodes(new QrFileScanner(), token -> {
            lookedUp.add(token);
            return lookup.lookup(token);
        });
    }

    @Test
    void withoutAServerTheCodesNumberIsFilledAndTheTokenSentWithTheIntake() throws Exception {
        lookup = token -> {
            throw new ServerUnreachableException(URI.create("http://127.0.0.1:9"), new java.net.ConnectException("refused"));
        };
        MaterialIntakeViewModel vm = new MaterialIntakeViewModel(f.env);
        assertThat(vm.testReport().availableProperty().get()).isFalse();
        vm.setReportCodes(codes());
        assertThat(vm.testReport().availableProperty().get()).isTrue();
        vm.testReport().read(picture("report.png", "https://cqs.example.cn/v/" + report.encode()));
        assertThat(lookedUp).containsExactly(report.encode());
        assertThat(vm.testReportNumberProperty().get()).isEqualTo("2026-SP-000007");
        assertThat(vm.testReport().tokenProperty().get()).isEqualTo(report.encode());
        assertThat(vm.testReport().verifiedProperty().get()).isFalse();
        assertThat(vm.testReport().summaryProperty().get()).contains("2026-SP-000007").contains("无法连接服务器");

        vm.lotIdProperty().set("L-1");
        vm.specificationProperty().set("P·O 42.5");
        vm.supplierProperty().set("厦门建材贸易有限公司");
        vm.manufacturerProperty().set("华润水泥（龙岩）有限公司");
        vm.lotNumberProperty().set("HR-1");
        vm.quantityProperty().set("30");
        vm.save();
        assertThat(vm.errors()).isEmpty();
        assertThat(f.outbox.all()).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"testReportToken\":\"" + report.encode() + "\"")
                .contains("\"testReportNumber\":\"2026-SP-000007\""));
        assertThat(vm.testReport().tokenProperty().get()).as("cleared for the next delivery").isEmpty();
    }

    @Test
    void aReportNotUploadedYetIsShownAndNotKeptAndAPictureWithoutAReportCodeSaysSo() throws Exception {
        lookup = token -> new VerificationResponse(VerifyOutcome.GENUINE_NOT_UPLOADED, "真实，但尚未上传",
                new VerificationResponse.TokenClaims("REPORT", "91350200MA2XYQ1234", "厦门某检测有限公司", "2026-SP-000007",
                        Instant.now(), "00"), null);
        MaterialIntakeViewModel vm = new MaterialIntakeViewModel(f.env);
        vm.setReportCodes(codes());
        vm.testReport().read(picture("report.png", report.encode()));
        assertThat(vm.testReport().tokenProperty().get()).isEmpty();
        assertThat(vm.testReportNumberProperty().get()).isEmpty();
        assertThat(vm.testReport().summaryProperty().get()).contains("2026-SP-000007").contains("厦门某检测有限公司")
                .contains("尚未上传");

        vm.testReport().read(picture("label.png", "https://example.com/a-supplier-code"));
        assertThat(vm.testReport().summaryProperty().get()).contains("label.png").contains("没有找到");
        assertThat(lookedUp).hasSize(1);
    }

    @Test
    void theMixDesignSendsTheTrialReportsTokenAndClearForgetsIt() throws Exception {
        lookup = token -> {
            throw new ServerUnreachableException(URI.create("http://127.0.0.1:9"), new java.net.ConnectException("refused"));
        };
        MixDesignViewModel vm = new MixDesignViewModel(f.env);
        vm.setReportCodes(codes());
        vm.trialReport().read(picture("trial.png", other.encode()));
        assertThat(vm.trialReportNumberProperty().get()).isEqualTo("2026-SP-000008");
        vm.trialReport().clear();
        assertThat(vm.trialReport().tokenProperty().get()).isEmpty();
        assertThat(vm.trialReport().summaryProperty().get()).isEmpty();
        vm.trialReport().read(picture("trial2.png", other.encode()));
        vm.mixDesignIdProperty().set("PB-C30-09");
        vm.markingProperty().set("A-C30-180(S4)-P8-GB/T 14902");
        vm.quantities().get(0).kgPerM3Property().set("320");
        vm.quantities().get(6).kgPerM3Property().set("175");
        vm.validFromProperty().set(java.time.LocalDate.of(2026, 11, 1));
        vm.save();
        assertThat(vm.errors()).isEmpty();
        assertThat(f.outbox.all()).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"trialReportToken\":\"" + other.encode() + "\""));
    }
}
