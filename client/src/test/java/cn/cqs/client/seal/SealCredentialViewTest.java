package cn.cqs.client.seal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.credentials.CredentialStore;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.Pkcs12Keystores;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 签章证书 screen driven by the keyboard: nothing installed, import (file and password from the
 * recording dialog service), then the button offers replacement and an expiring certificate is
 * warned about. A screenshot goes to {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class SealCredentialViewTest {
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    final RecordingDialogService dialogs = new RecordingDialogService();
    Path dir;
    CertificateAuthority ca;
    SealCredentialViewModel vm;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Localization.setLanguage(AppLanguage.CHINESE);
        dir = Files.createTempDirectory("seal-view");
        ca = CertificateAuthority.createPlatformCa("Platform CA", "福建省住房和城乡建设厅", NOW.minus(10, ChronoUnit.DAYS),
                NOW.plus(3650, ChronoUnit.DAYS));
        SigningCredentials credentials = new SigningCredentials(new CredentialStore(dir.resolve("credentials")),
                id -> SealCredentialViewModelTest.LAB_USCC, UUID.randomUUID());
        vm = new SealCredentialViewModel(credentials, dialogs, Runnable::run, Runnable::run,
                Clock.fixed(NOW, ZoneOffset.UTC));
        stage.setScene(new Scene(SealCredentialView.create(vm), 800, 360));
        stage.show();
        vm.refresh();
    }

    @Test
    void importByKeyboardThenTheScreenOffersReplacementAndWarnsOfExpiry(FxRobot robot) throws Exception {
        Label status = robot.lookup("#credentialStatus").queryAs(Label.class);
        Button button = robot.lookup("#importCredential").queryAs(Button.class);
        assertThat(status.getText()).startsWith("尚未导入本单位的签章证书");
        assertThat(button.getText()).isEqualTo("导入签章证书…");
        assertThat(robot.lookup("#credentialWarning").queryAs(Label.class).isVisible()).isFalse();

        OrganisationCredential soon = ca.issueOrganisationCredential(new OrganisationIdentity("厦门市建科工程检测有限公司",
                SealCredentialViewModelTest.LAB_USCC), NOW.minus(300, ChronoUnit.DAYS), NOW.plus(12, ChronoUnit.DAYS));
        Path p12 = dir.resolve("lab.p12");
        Pkcs12Keystores.save(soon, p12, "Demo@2026".toCharArray());
        dialogs.answerFile(p12).answerPassword("Demo@2026");
        robot.interact(button::requestFocus);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.installedProperty().get());
        assertThat(status.getText()).contains("91350200776049653A").contains("2026-12-06");
        assertThat(button.getText()).isEqualTo("更换签章证书…");
        Label warning = robot.lookup("#credentialWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).isEqualTo("证书将于 2026-12-06 到期，请及时向平台申请新证书。");
        screenshot("seal-credential");
    }

    void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().getRoot().snapshot(null, null)).get();
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", out.resolve(name + ".png").toFile());
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(20);
        }
    }
}
