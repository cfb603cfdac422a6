package cn.cqs.client.seal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.credentials.CredentialStore;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.shell.Module;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.Pkcs12Keystores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 签章证书: import, replacement with confirmation, refusal of another organisation's, expiry warnings. */
class SealCredentialViewModelTest {
    static final String LAB_USCC = "91350200776049653A";
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    @TempDir
    Path dir;
    private CertificateAuthority ca;
    private RecordingDialogService dialogs;
    private SealCredentialViewModel vm;

    @BeforeEach
    void setUp() {
        Localization.setLanguage(AppLanguage.CHINESE);
        ca = CertificateAuthority.createPlatformCa("Platform CA", "福建省住房和城乡建设厅", NOW.minus(10, ChronoUnit.DAYS),
                NOW.plus(3650, ChronoUnit.DAYS));
        dialogs = new RecordingDialogService();
        SigningCredentials credentials = new SigningCredentials(new CredentialStore(dir.resolve("credentials")),
                id -> LAB_USCC, UUID.randomUUID());
        vm = new SealCredentialViewModel(credentials, dialogs, Runnable::run, Runnable::run,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path p12(String uscc, Instant notAfter, String name) throws Exception {
        OrganisationCredential credential = ca.issueOrganisationCredential(new OrganisationIdentity("厦门市建科工程检测有限公司",
                uscc), NOW.minus(1, ChronoUnit.DAYS), notAfter);
        Path file = dir.resolve(name);
        Pkcs12Keystores.save(credential, file, "Demo@2026".toCharArray());
        return file;
    }

    @Test
    void importingShowsTheCredentialAndReplacingAsksFirst() throws Exception {
        vm.refresh();
        assertThat(vm.installedProperty().get()).isFalse();
        assertThat(vm.textProperty().get()).startsWith("尚未导入本单位的签章证书");

        vm.importCredential(p12(LAB_USCC, NOW.plus(365, ChronoUnit.DAYS), "lab.p12"), "Demo@2026".toCharArray());
        assertThat(vm.installedProperty().get()).isTrue();
        assertThat(vm.textProperty().get()).contains("91350200776049653A").contains("2027-11-24");
        assertThat(vm.warningProperty().get()).isEmpty();

        // replacing: declined leaves it; accepted asks for the file and password
        dialogs.answerConfirm(false);
        vm.importCredential();
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).contains("confirm")
                .doesNotContain("open");
        Path soon = p12(LAB_USCC, NOW.plus(10, ChronoUnit.DAYS), "soon.p12");
        dialogs.answerConfirm(true).answerFile(soon).answerPassword("Demo@2026");
        vm.importCredential();
        assertThat(vm.textProperty().get()).contains("2026-12-04");
        assertThat(vm.warningProperty().get()).isEqualTo("证书将于 2026-12-04 到期，请及时向平台申请新证书。");
    }

    @Test
    void anotherOrganisationsCertificateOrAWrongPasswordIsRefusedAndNothingChanges() throws Exception {
        vm.importCredential(p12("91350100MA2XXXXX1T", NOW.plus(365, ChronoUnit.DAYS), "other.p12"),
                "Demo@2026".toCharArray());
        RecordingDialogService.Shown refused = dialogs.shown().get(dialogs.shown().size() - 1);
        assertThat(refused.kind()).isEqualTo("error");
        assertThat(refused.message()).contains("不是本单位");
        vm.importCredential(p12(LAB_USCC, NOW.plus(365, ChronoUnit.DAYS), "lab.p12"), "wrong".toCharArray());
        assertThat(dialogs.shown().get(dialogs.shown().size() - 1).message()).isEqualTo("密码错误，无法打开签章证书。");
        vm.refresh();
        assertThat(vm.installedProperty().get()).isFalse();
    }

    @Test
    void theModuleIsForThoseWhoSignNotForRegulators() {
        ModuleRegistry registry = new ModuleRegistry();
        SealCredentialModule.registerIn(registry, Optional::empty);
        assertThat(registry.availableFor(Set.of(Permission.REPORTS_APPROVE))).extracting(Module::id)
                .containsExactly(SealCredentialModule.ID);
        assertThat(registry.availableFor(Set.of(Permission.REPORTS_AUTHOR))).hasSize(1);
        assertThat(registry.availableFor(Set.of(Permission.REPORTS_REVIEW))).isEmpty();
        assertThat(registry.availableFor(Set.of(Permission.REPORTS_SUPERVISE))).isEmpty();
    }
}
