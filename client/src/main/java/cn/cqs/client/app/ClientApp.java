package cn.cqs.client.app;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.ApiClientFactory;
import cn.cqs.client.api.ApiConfigurationException;
import cn.cqs.client.api.ProxyAddress;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.dialogs.FxDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.login.LoginNavigation;
import cn.cqs.client.login.LoginView;
import cn.cqs.client.login.LoginViewModel;
import cn.cqs.client.reports.ReportsModule;
import cn.cqs.client.supervision.SupervisionModule;
import cn.cqs.client.uploadqueue.UploadQueueModule;
import cn.cqs.client.session.fx.SessionLifecycle;
import cn.cqs.client.settings.ClientSettings;
import cn.cqs.client.settings.ConnectionSettingsView;
import cn.cqs.client.settings.ConnectionSettingsViewModel;
import cn.cqs.client.settings.SettingsStore;
import cn.cqs.client.shell.ConnectionMonitor;
import cn.cqs.client.shell.MainWindowView;
import cn.cqs.client.shell.MainWindowViewModel;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.client.shell.OutboxStatus;
import cn.cqs.client.shell.ShellNavigation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The application shell (应用外壳): owns the primary stage and moves between the login screen and
 * the main window, rebuilds the scene when the language changes, opens the connection settings, and
 * returns to login when the session expires. Start-up reads only the local settings file; nothing
 * waits for the network.
 */
public final class ClientApp implements LoginNavigation, ShellNavigation {
    private static final Logger LOG = Logger.getLogger(ClientApp.class.getName());
    private static final String STYLESHEET = ClientApp.class.getResource("app.css").toExternalForm();

    static {
        // the embedded CJK font (the same faces the PDFs embed): the interface never depends on the
        // fonts of the machine it runs on
        for (String face : new String[] {"CqsSansSC-Regular.ttf", "CqsSansSC-Bold.ttf"}) {
            try (var in = ClientApp.class.getResourceAsStream("/cn/cqs/client/fonts/" + face)) {
                if (in == null || javafx.scene.text.Font.loadFont(in, 13) == null) {
                    LOG.warning("the embedded font " + face + " could not be loaded");
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "the embedded font " + face + " could not be read", e);
            }
        }
    }

    /**
     * What later capabilities plug into the shell: the modules of the navigation, the outbox
     * status (fed by the sync package) and how often the connection is checked.
     */
    public record Extensions(ModuleRegistry modules, OutboxStatus outbox, Duration connectionCheckPeriod,
                             SessionLifecycle sessions) {
        /** Extensions without a per-user workspace (no local store, sync or outbox). */
        public Extensions(ModuleRegistry modules, OutboxStatus outbox, Duration connectionCheckPeriod) {
            this(modules, outbox, connectionCheckPeriod, null);
        }

        /**
         * The full client: the user's workspace (local store, sync every minute, outbox) feeding the
         * status bar, the report module (authoring), the regulators' supervision modules (search, statistics)
         * and the upload queue.
         */
        public static Extensions standard() {
            return withWorkspace(ModuleRegistry.standard(), Duration.seconds(15), java.time.Duration.ofMinutes(1));
        }

        /** {@code modules} plus the report and supervision modules, with a workspace syncing every {@code syncPeriod}. */
        public static Extensions withWorkspace(ModuleRegistry modules, Duration connectionCheckPeriod,
                                               java.time.Duration syncPeriod) {
            SessionLifecycle sessions = new SessionLifecycle(syncPeriod);
            ReportsModule.registerIn(modules, sessions::current);
            SupervisionModule.registerIn(modules, sessions::current);
            cn.cqs.client.refusals.RefusalDeskView.registerIn(modules);
            cn.cqs.client.seal.SealCredentialModule.registerIn(modules, sessions::current);
            cn.cqs.client.batches.PlantModule.registerIn(modules, sessions::current);
            UploadQueueModule.registerIn(modules, sessions::current);
            cn.cqs.client.batches.quality.BatchQualityModules.registerIn(modules, sessions::current);
            return new Extensions(modules, sessions, connectionCheckPeriod, sessions);
        }
    }

    private enum Screen { LOGIN, MAIN }

    private final Stage stage;
    private final StartupOptions options;
    private final Extensions extensions;
    private final SettingsStore settings;
    private final DialogService dialogs;
    private final ExecutorService background;
    private LoginViewModel loginViewModel;
    private MainWindowViewModel mainViewModel;
    private Screen screen;

    public ClientApp(Stage stage, StartupOptions options, Extensions extensions) {
        this.stage = stage;
        this.options = options;
        this.extensions = extensions;
        this.settings = new SettingsStore(options.profileDir());
        this.dialogs = new FxDialogService(this::activeWindow);
        AtomicInteger threads = new AtomicInteger();
        this.background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cqs-background-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Path profileDir() {
        return options.profileDir();
    }

    /** Shows the login screen in the saved language. */
    public void start() {
        ClientSettings saved;
        String startupProblem = null;
        try {
            saved = settings.load();
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, "settings unreadable, starting with defaults", e);
            saved = ClientSettings.defaults();
            startupProblem = e.getMessage();
        }
        Localization.setLanguage(saved.language());
        loginViewModel = newLoginViewModel(saved);
        stage.getIcons().clear();
        showLogin(startupProblem == null ? null : Localization.get("app.settingsUnreadable", startupProblem));
        stage.show();
    }

    private LoginViewModel newLoginViewModel(ClientSettings saved) {
        LoginViewModel vm = new LoginViewModel(apiClientFactory(), settings, dialogs, this, background);
        vm.serverUrlProperty().set(options.serverUrl().orElse(saved.serverUrl()));
        vm.usernameProperty().set(saved.lastUsername());
        return vm;
    }

    /** Makes API clients with the CA certificate and proxy from the current settings. */
    private ApiClientFactory apiClientFactory() {
        return url -> {
            ClientSettings current = settings.load();
            ApiClientConfig config = ApiClientConfig.of(url);
            if (!current.caCertificatePath().isEmpty()) {
                config = config.withCaCertificate(Path.of(current.caCertificatePath()));
            }
            if (!current.proxy().isEmpty()) {
                try {
                    config = config.withProxy(ProxyAddress.parse(current.proxy()));
                } catch (IllegalArgumentException e) {
                    throw new ApiConfigurationException(e.getMessage(), e);
                }
            }
            return new ApiClient(config);
        };
    }

    private void showLogin(String message) {
        screen = Screen.LOGIN;
        loginViewModel.clearErrors();
        if (message != null) {
            loginViewModel.showMessage(message);
        }
        setScene(LoginView.create(loginViewModel), 560, 470);
        stage.setTitle(Localization.get("login.windowTitle"));
    }

    private void showMain() {
        screen = Screen.MAIN;
        setScene(MainWindowView.create(mainViewModel), 1100, 720);
        stage.setTitle(mainViewModel.title());
    }

    private void setScene(Parent root, double defaultWidth, double defaultHeight) {
        Scene old = stage.getScene();
        boolean sameScreen = old != null && old.getRoot() != null
                && old.getRoot().getClass() == root.getClass() && old.getRoot().getStyleClass().equals(root.getStyleClass());
        double w = sameScreen ? old.getWidth() : defaultWidth;
        double h = sameScreen ? old.getHeight() : defaultHeight;
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        if (!sameScreen) {
            stage.centerOnScreen();
        }
    }

    private Window activeWindow() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(stage);
    }

    // ------------------------------------------------------------------ LoginNavigation

    @Override
    public void loggedIn(UserSession session) {
        session.api().setSessionExpiredListener(cause -> Platform.runLater(this::sessionExpired));
        SessionLifecycle sessions = extensions.sessions();
        if (sessions == null) {
            openMainWindow(session);
            return;
        }
        // the user's local database is opened off the FX thread, then the main window shows
        background.execute(() -> {
            RuntimeException failure = null;
            try {
                sessions.open(options.profileDir(), session);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the user's local workspace could not be opened", e);
                failure = e;
            }
            RuntimeException problem = failure;
            Platform.runLater(() -> {
                openMainWindow(session);
                if (problem != null) {
                    dialogs.showException(Localization.get("session.openFailed.title"),
                            Localization.get("session.openFailed", String.valueOf(problem.getMessage())), problem);
                }
            });
        });
    }

    private void openMainWindow(UserSession session) {
        ConnectionMonitor monitor = new ConnectionMonitor(session.api(), extensions.connectionCheckPeriod());
        mainViewModel = new MainWindowViewModel(session, extensions.modules(), extensions.outbox(), monitor,
                dialogs, this, background);
        showMain();
        mainViewModel.start();
        if (extensions.sessions() != null) {
            extensions.sessions().watch(monitor.stateProperty());
        }
    }

    /** Closes the user's workspace in the background (the drainer may finish an upload first). */
    private void closeWorkspaceInBackground() {
        if (extensions.sessions() != null) {
            background.execute(extensions.sessions()::close);
        }
    }

    @Override
    public void openConnectionSettings() {
        Stage dialog = new Stage();
        dialog.initOwner(stage);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(Localization.get("settings.title"));
        Scene scene = new Scene(ConnectionSettingsView.create(new ConnectionSettingsViewModel(settings, dialogs)));
        scene.getStylesheets().add(STYLESHEET);
        dialog.setScene(scene);
        dialog.show();
    }

    @Override
    public void switchLanguage(AppLanguage language) {
        Localization.setLanguage(language);
        try {
            settings.save(settings.load().withLanguage(language));
        } catch (UncheckedIOException e) {
            dialogs.showException(Localization.get("settings.saveFailed.title"),
                    Localization.get("settings.saveFailed", settings.file().toString()), e);
        }
        if (screen == Screen.MAIN) {
            showMain();
        } else {
            showLogin(null);
        }
    }

    // ------------------------------------------------------------------ ShellNavigation

    @Override
    public void loggedOut() {
        mainViewModel = null;
        closeWorkspaceInBackground();
        showLogin(null);
    }

    @Override
    public void exit() {
        shutdown();
        stage.close();
        Platform.exit();
    }

    private void sessionExpired() {
        if (mainViewModel == null) {
            return;
        }
        mainViewModel.stop();
        try {
            mainViewModel.session().api().close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the expired session's connections failed", e);
        }
        mainViewModel = null;
        closeWorkspaceInBackground();
        showLogin(Localization.get("login.error.sessionExpired"));
    }

    /** Stops background work; called when the application ends. */
    public void shutdown() {
        if (mainViewModel != null) {
            mainViewModel.stop();
        }
        if (extensions.sessions() != null) {
            extensions.sessions().close();
        }
        background.shutdownNow();
    }
}
