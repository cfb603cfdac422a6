package cn.cqs.client.login;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.api.ClientTooOldException;
import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.api.UnauthenticatedException;
import cn.cqs.client.api.UntrustedServerException;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.settings.SettingsStore;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.problem.Problem;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login screen's view model without a stage: validation and how failures are shown. */
class LoginViewModelTest {
    static final URI SERVER = URI.create("http://127.0.0.1:9");

    @TempDir
    Path profile;
    RecordingDialogService dialogs = new RecordingDialogService();
    List<Object> navigated = new ArrayList<>();
    List<Runnable> submitted = new ArrayList<>();
    LoginViewModel vm;
    SettingsStore store;

    @BeforeEach
    void setUp() {
        Localization.setLanguage(AppLanguage.CHINESE);
        store = new SettingsStore(profile);
        vm = new LoginViewModel(url -> new ApiClient(ApiClientConfig.of(url)), store, dialogs, new LoginNavigation() {
            @Override
            public void loggedIn(UserSession session) {
                navigated.add(session);
            }

            @Override
            public void openConnectionSettings() {
                navigated.add("settings");
            }

            @Override
            public void switchLanguage(AppLanguage language) {
                Localization.setLanguage(language);
                navigated.add(language);
            }
        }, submitted::add);
    }

    @AfterEach
    void chinese() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    @Test
    void emptyFieldsGetErrorsNextToThemAndNothingIsSent() {
        vm.login();

        assertThat(vm.serverUrlErrorProperty().get()).isEqualTo("请输入服务器地址。");
        assertThat(vm.usernameErrorProperty().get()).isEqualTo("请输入用户名。");
        assertThat(vm.passwordErrorProperty().get()).isEqualTo("请输入密码。");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(submitted).isEmpty();
    }

    @Test
    void addressWithoutSchemeIsExplained() {
        vm.serverUrlProperty().set("220.160.52.164:20082");
        vm.usernameProperty().set("clerk");
        vm.passwordProperty().set("secret");

        assertThat(vm.validate()).isFalse();
        assertThat(vm.serverUrlErrorProperty().get()).isEqualTo("服务器地址须以 http:// 或 https:// 开头。");
        assertThat(vm.usernameErrorProperty().get()).isEmpty();
        assertThat(vm.passwordErrorProperty().get()).isEmpty();
    }

    @Test
    void validFieldsStartABackgroundLoginAndMarkTheScreenBusy() {
        vm.serverUrlProperty().set("http://127.0.0.1:9");
        vm.usernameProperty().set("clerk");
        vm.passwordProperty().set("secret");

        vm.login();
        vm.login(); // a second Enter while busy sends nothing more

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(submitted).hasSize(1);
    }

    @Test
    void wrongPasswordIsShownNextToThePasswordFieldWhichIsCleared() {
        vm.passwordProperty().set("wrong");
        vm.loginFailed(new UnauthenticatedException(problem(401, "unauthenticated", "bad credentials")));

        assertThat(vm.passwordErrorProperty().get()).isEqualTo("用户名或密码错误。");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.passwordFocusRequestedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void unreachableServerIsAPlainMessageNamingTheServer() {
        vm.loginFailed(new ServerUnreachableException(SERVER, new ConnectException("refused")));

        assertThat(vm.messageProperty().get()).isEqualTo("无法连接服务器 http://127.0.0.1:9，请检查服务器地址和网络连接。");
        assertThat(vm.passwordErrorProperty().get()).isEmpty();
    }

    @Test
    void untrustedCertificatePointsToTheConnectionSettings() {
        vm.loginFailed(new UntrustedServerException(SERVER, new SSLHandshakeException("PKIX path building failed")));
        assertThat(vm.messageProperty().get()).contains("连接设置").contains("http://127.0.0.1:9");
    }

    @Test
    void clientTooOldShowsTheServersMessage() {
        vm.loginFailed(new ClientTooOldException(problem(426, "client-too-old", "请升级到 2.0 版客户端。")));
        assertThat(vm.messageProperty().get()).isEqualTo("客户端版本过旧，无法连接此服务器：请升级到 2.0 版客户端。");
    }

    @Test
    void serverFieldErrorsLandNextToTheirFields() {
        vm.loginFailed(new ApiProblemException(new Problem(null, "Invalid", 422, "invalid", null, "validation",
                List.of(new Problem.FieldError("username", "required", "must not be empty"),
                        new Problem.FieldError("password", "too_long", "at most 200 characters")))));

        assertThat(vm.usernameErrorProperty().get()).isEqualTo("此项为必填项。");
        assertThat(vm.passwordErrorProperty().get()).isEqualTo("at most 200 characters");
    }

    @Test
    void otherServerErrorsShowStatusAndDetail() {
        vm.loginFailed(new ApiProblemException(problem(500, "internal", "database down")));
        assertThat(vm.messageProperty().get()).isEqualTo("服务器返回错误（500）：database down");
    }

    @Test
    void unexpectedFailuresAreShownWithDetails() {
        IllegalStateException bug = new IllegalStateException("bug");
        vm.loginFailed(bug);

        assertThat(vm.messageProperty().get()).isEqualTo("登录时发生意外错误。");
        assertThat(dialogs.shown()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo("exception");
            assertThat(s.exception()).isSameAs(bug);
        });
    }

    @Test
    void escapeClearsEveryError() {
        vm.login();
        vm.clearErrors();
        assertThat(List.of(vm.serverUrlErrorProperty().get(), vm.usernameErrorProperty().get(),
                vm.passwordErrorProperty().get(), vm.messageProperty().get())).allMatch(String::isEmpty);
    }

    @Test
    void successRemembersServerAndUserAndOpensTheMainWindow() {
        vm.serverUrlProperty().set("http://127.0.0.1:9/");
        vm.usernameProperty().set(" clerk ");
        vm.passwordProperty().set("secret");
        CurrentUser user = new CurrentUser(UUID.randomUUID(), "clerk", "张三", Role.ORDINARY, Set.of(),
                UUID.randomUUID(), "检测中心", OrganisationKind.TESTING_AGENCY, "350100");
        UserSession session = new UserSession(new ApiClient(ApiClientConfig.of(SERVER)), user, Instant.now());

        vm.loginSucceeded(session);

        assertThat(store.load().serverUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(store.load().lastUsername()).isEqualTo("clerk");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(navigated).containsExactly(session);
    }

    @Test
    void choosingALanguageSwitchesAndClearsStaleMessages() {
        vm.login();
        vm.languageProperty().set(AppLanguage.ENGLISH);

        assertThat(navigated).containsExactly(AppLanguage.ENGLISH);
        assertThat(vm.usernameErrorProperty().get()).isEmpty();
        vm.login();
        assertThat(vm.usernameErrorProperty().get()).isEqualTo("Enter your user name.");
    }

    @Test
    void connectionSettingsLinkAsksTheApplication() {
        vm.openConnectionSettings();
        assertThat(navigated).containsExactly("settings");
    }

    static Problem problem(int status, String code, String detail) {
        return new Problem("https://cqs.example.cn/problems/" + code, code, status, detail, "/api/v1/auth/login", code, null);
    }
}
