package cn.cqs.client.shell;

import cn.cqs.client.api.ApiException;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.auth.CurrentUser;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * State and behaviour of the main window (主窗口): its title, the navigation entries the user may
 * open, the selected one, the connection state and the number of changes waiting to upload, and
 * the menu actions (language, log out, exit).
 */
public final class MainWindowViewModel {
    private static final Logger LOG = Logger.getLogger(MainWindowViewModel.class.getName());

    private final UserSession session;
    private final DialogService dialogs;
    private final ShellNavigation navigation;
    private final Executor background;
    private final ConnectionMonitor monitor;
    private final OutboxStatus outbox;
    private final ObservableList<Module> modules;
    private final ObjectProperty<Module> selectedModule = new SimpleObjectProperty<>();
    private final ObjectProperty<AppLanguage> language = new SimpleObjectProperty<>(Localization.language());

    public MainWindowViewModel(UserSession session, ModuleRegistry registry, OutboxStatus outbox,
                               ConnectionMonitor monitor, DialogService dialogs, ShellNavigation navigation,
                               Executor background) {
        this.session = session;
        this.dialogs = dialogs;
        this.navigation = navigation;
        this.background = background;
        this.monitor = monitor;
        this.outbox = outbox;
        this.modules = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                registry.availableFor(session.user().permissions())));
        if (!modules.isEmpty()) {
            selectedModule.set(modules.get(0));
        }
        language.addListener((obs, old, now) -> {
            if (now != null && now != Localization.language()) {
                navigation.switchLanguage(now);
            }
        });
    }

    public UserSession session() {
        return session;
    }

    /** Window title: the application, the user and their organisation. */
    public String title() {
        CurrentUser u = session.user();
        return Localization.get("main.title", u.displayName(), u.organisationName());
    }

    /** The modules the user may open, in navigation order. */
    public ObservableList<Module> modules() {
        return modules;
    }

    public ObjectProperty<Module> selectedModuleProperty() {
        return selectedModule;
    }

    /** Opens the n-th navigation entry (0-based), e.g. for Ctrl+1; ignored when there is none. */
    public void selectModule(int index) {
        if (index >= 0 && index < modules.size()) {
            selectedModule.set(modules.get(index));
        }
    }

    /** The context handed to a module's screen factory. */
    public ModuleContext moduleContext() {
        return new ModuleContext(session, dialogs, background, monitor.stateProperty(), outbox);
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return monitor.stateProperty();
    }

    /** The status bar's connection text, e.g. "已连接 http://...". */
    public StringBinding connectionText() {
        return Bindings.createStringBinding(() -> Localization.get("status.connection",
                Localization.get(monitor.stateProperty().get().messageKey()), session.api().serverUrl().toString()),
                monitor.stateProperty());
    }

    /** The status bar's outbox text, e.g. "3 项更改待上传", or "3 项更改待上传（上传已暂停）". */
    public StringBinding pendingText() {
        return Bindings.createStringBinding(() -> {
            int n = outbox.pendingCount().get();
            String suffix = outbox.paused().get() ? ".paused" : "";
            return n == 0 ? Localization.get("status.pending.none" + suffix)
                    : Localization.get("status.pending" + suffix, n);
        }, outbox.pendingCount(), outbox.paused());
    }

    /** Whether this client has the upload queue screen (the status bar's count and the menu open it). */
    public boolean hasUploadQueue() {
        return modules.stream().anyMatch(m -> m.id().equals(OutboxStatus.QUEUE_MODULE_ID));
    }

    /** Opens the upload queue (上传队列), when this client has it. */
    public void openUploadQueue() {
        modules.stream().filter(m -> m.id().equals(OutboxStatus.QUEUE_MODULE_ID)).findFirst()
                .ifPresent(selectedModule::set);
    }

    /** Whether the outbox is uploading now (the status bar's progress indicator). */
    public javafx.beans.property.ReadOnlyBooleanProperty drainingProperty() {
        return outbox.draining();
    }

    public ObjectProperty<AppLanguage> languageProperty() {
        return language;
    }

    public List<AppLanguage> languages() {
        return List.of(AppLanguage.values());
    }

    /** Starts the connection checks (call once the window is shown). */
    public void start() {
        monitor.start();
    }

    /** Checks the connection again now. */
    public void checkConnection() {
        monitor.checkNow();
    }

    /** Stops background work of this window. */
    public void stop() {
        monitor.stop();
    }

    /**
     * Asks for confirmation (default: stay logged in), then revokes the token on the server in the
     * background and returns to the login screen without waiting for it.
     */
    public void logout() {
        if (!dialogs.confirm(Localization.get("main.logout.title"), Localization.get("main.logout.question"))) {
            return;
        }
        stop();
        Task<Void> revoke = new Task<>() {
            @Override
            protected Void call() throws Exception {
                try {
                    session.api().logout();
                } catch (ApiException e) {
                    // The token expires on its own; the user is already back at the login screen.
                    LOG.log(Level.INFO, "logout on the server failed; the token will expire by itself", e);
                } finally {
                    session.api().close();
                }
                return null;
            }
        };
        background.execute(revoke);
        navigation.loggedOut();
    }

    /** Quits the application. */
    public void exit() {
        stop();
        navigation.exit();
    }
}
