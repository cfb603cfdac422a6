package cn.cqs.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.FakeCqsServer;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.layout.Pane;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The main window's view model without a stage (the JavaFX toolkit runs, no window is shown). */
class MainWindowViewModelTest {
    static final CurrentUser CLERK = new CurrentUser(UUID.randomUUID(), "clerk", "李四", Role.ORDINARY,
            Set.of(Permission.REPORTS_AUTHOR, Permission.VERIFY), UUID.randomUUID(), "厦门检测中心",
            OrganisationKind.TESTING_AGENCY, "350200");

    FakeCqsServer server;
    ApiClient api;
    RecordingDialogService dialogs = new RecordingDialogService();
    ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(0);
    List<Object> navigated = new ArrayList<>();
    MainWindowViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws IOException {
        Localization.setLanguage(AppLanguage.CHINESE);
        server = new FakeCqsServer().withAuth("secret", CLERK);
        api = new ApiClient(ApiClientConfig.of(server.url()));
        var login = api.login(new LoginRequest("clerk", "secret"));
        ModuleRegistry registry = ModuleRegistry.standard()
                .register(new Module("reports", "nav.home", Set.of(Permission.REPORTS_AUTHOR), c -> new Pane()))
                .register(new Module("approve", "nav.home", Set.of(Permission.REPORTS_APPROVE), c -> new Pane()))
                .register(new Module("verify", "nav.home", Set.of(Permission.VERIFY), c -> new Pane()));
        vm = new MainWindowViewModel(new UserSession(api, login.user(), login.expiresAt()), registry,
                pending::getReadOnlyProperty, new ConnectionMonitor(api, Duration.seconds(60)), dialogs,
                new ShellNavigation() {
                    @Override
                    public void loggedOut() {
                        navigated.add("loggedOut");
                    }

                    @Override
                    public void exit() {
                        navigated.add("exit");
                    }

                    @Override
                    public void switchLanguage(AppLanguage language) {
                        Localization.setLanguage(language);
                        navigated.add(language);
                    }
                }, Runnable::run);
    }

    @AfterEach
    void tearDown() throws IOException {
        api.close();
        server.close();
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    @Test
    void navigationShowsOnlyPermittedModulesAndOpensTheFirst() {
        assertThat(vm.modules()).extracting(Module::id).containsExactly("home", "reports", "verify");
        assertThat(vm.selectedModuleProperty().get().id()).isEqualTo("home");
        vm.selectModule(2);
        assertThat(vm.selectedModuleProperty().get().id()).isEqualTo("verify");
        vm.selectModule(5);
        assertThat(vm.selectedModuleProperty().get().id()).isEqualTo("verify");
    }

    @Test
    void titleNamesUserAndOrganisation() {
        assertThat(vm.title()).isEqualTo("建设工程质量检测监管系统 - 李四（厦门检测中心）");
    }

    @Test
    void statusBarFollowsTheOutboxCount() {
        var text = vm.pendingText();
        assertThat(text.get()).isEqualTo("没有待上传的更改");
        pending.set(3);
        assertThat(text.get()).isEqualTo("3 项更改待上传");
    }

    @Test
    void connectionTextStartsAsChecking() {
        assertThat(vm.connectionText().get()).isEqualTo("正在检查连接：" + server.url());
    }

    @Test
    void logoutAsksFirstAndStaysWhenTheAnswerIsNo() {
        dialogs.answerConfirm(false);
        vm.logout();
        assertThat(navigated).isEmpty();
        assertThat(api.isAuthenticated()).isTrue();
    }

    @Test
    void logoutRevokesTheTokenAndReturnsToLogin() {
        dialogs.answerConfirm(true);
        vm.logout();
        assertThat(navigated).containsExactly("loggedOut");
        assertThat(server.count("POST", "/api/v1/auth/logout")).isEqualTo(1);
        assertThat(api.isAuthenticated()).isFalse();
    }

    @Test
    void languageChoiceAsksTheApplicationToSwitch() {
        vm.languageProperty().set(AppLanguage.ENGLISH);
        assertThat(navigated).containsExactly(AppLanguage.ENGLISH);
        assertThat(vm.title()).isEqualTo("Construction Quality Testing Supervision - 李四 (厦门检测中心)");
    }

    @Test
    void overviewShowsTheRealUser() {
        HomeViewModel home = new HomeViewModel(vm.moduleContext());
        assertThat(home.organisationKind()).isEqualTo("检测机构");
        assertThat(home.role()).isEqualTo("普通用户");
        assertThat(home.permissions()).isEqualTo("检测报告编制、扫码核验");
        assertThat(home.server()).isEqualTo(server.url().toString());
        assertThat(home.regionCode()).isEqualTo("350200");
    }

    @Test
    void thePendingCountSaysWhenUploadingIsPausedAndOpensTheUploadQueue() throws IOException {
        assertThat(vm.hasUploadQueue()).isFalse();
        vm.openUploadQueue(); // no queue in this client: nothing happens
        assertThat(vm.selectedModuleProperty().get().id()).isEqualTo("home");

        javafx.beans.property.ReadOnlyBooleanWrapper paused = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
        OutboxStatus status = new OutboxStatus() {
            @Override
            public javafx.beans.property.ReadOnlyIntegerProperty pendingCount() {
                return pending.getReadOnlyProperty();
            }

            @Override
            public javafx.beans.property.ReadOnlyBooleanProperty paused() {
                return paused.getReadOnlyProperty();
            }
        };
        ModuleRegistry registry = ModuleRegistry.standard()
                .register(new Module(OutboxStatus.QUEUE_MODULE_ID, "uploadQueue.module", Set.of(), c -> new Pane()));
        MainWindowViewModel withQueue = new MainWindowViewModel(vm.session(), registry, status,
                new ConnectionMonitor(api, Duration.seconds(60)), dialogs, new ShellNavigation() {
                    @Override
                    public void loggedOut() {
                    }

                    @Override
                    public void exit() {
                    }

                    @Override
                    public void switchLanguage(AppLanguage language) {
                    }
                }, Runnable::run);
        assertThat(withQueue.hasUploadQueue()).isTrue();
        var text = withQueue.pendingText();
        assertThat(text.get()).isEqualTo("没有待上传的更改");
        pending.set(1000);
        paused.set(true);
        assertThat(text.get()).isEqualTo("1000 项更改待上传（上传已暂停）");
        pending.set(0);
        assertThat(text.get()).isEqualTo("没有待上传的更改（上传已暂停）");
        withQueue.openUploadQueue();
        assertThat(withQueue.selectedModuleProperty().get().id()).isEqualTo(OutboxStatus.QUEUE_MODULE_ID);
    }
}
