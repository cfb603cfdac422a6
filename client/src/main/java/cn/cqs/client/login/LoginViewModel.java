package cn.cqs.client.login;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientFactory;
import cn.cqs.client.api.ServerUrl;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.settings.ConnectionSettingsValidator;
import cn.cqs.client.settings.SettingsStore;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * State and behaviour of the login screen (登录): server address, user name and password with
 * their errors, the general message, the busy flag, and the language choice. Logging in runs in a
 * background {@link Task}; on success the server address and user name are remembered.
 */
public final class LoginViewModel {
    private final ApiClientFactory apiClients;
    private final SettingsStore settings;
    private final DialogService dialogs;
    private final LoginNavigation navigation;
    private final Executor background;

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper serverUrlError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usernameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<AppLanguage> language = new SimpleObjectProperty<>(Localization.language());
    private final ObservableList<AppLanguage> languages = FXCollections.observableArrayList(AppLanguage.values());
    private final BooleanProperty passwordFocusRequested = new SimpleBooleanProperty(false);

    public LoginViewModel(ApiClientFactory apiClients, SettingsStore settings, DialogService dialogs,
                          LoginNavigation navigation, Executor background) {
        this.apiClients = apiClients;
        this.settings = settings;
        this.dialogs = dialogs;
        this.navigation = navigation;
        this.background = background;
        language.addListener((obs, old, now) -> {
            if (now != null && now != Localization.language()) {
                clearErrors();
                navigation.switchLanguage(now);
            }
        });
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty serverUrlErrorProperty() {
        return serverUrlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usernameErrorProperty() {
        return usernameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    /** A message that concerns no single field (server unreachable, client too old ...). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<AppLanguage> languageProperty() {
        return language;
    }

    public ObservableList<AppLanguage> languages() {
        return languages;
    }

    /** Set when the password was wrong, so the view moves the focus there. */
    public BooleanProperty passwordFocusRequestedProperty() {
        return passwordFocusRequested;
    }

    /** Shows a message, e.g. "session expired", when the screen opens. */
    public void showMessage(String text) {
        message.set(text == null ? "" : text);
    }

    public void clearErrors() {
        serverUrlError.set("");
        usernameError.set("");
        passwordError.set("");
        message.set("");
    }

    /** Checks the fields and sets their errors; true when a login can be attempted. */
    public boolean validate() {
        clearErrors();
        ConnectionSettingsValidator.serverUrlError(serverUrl.get())
                .ifPresent(key -> serverUrlError.set(Localization.get(key)));
        if (username.get() == null || username.get().isBlank()) {
            usernameError.set(Localization.get("login.error.usernameEmpty"));
        }
        if (password.get() == null || password.get().isEmpty()) {
            passwordError.set(Localization.get("login.error.passwordEmpty"));
        }
        return serverUrlError.get().isEmpty() && usernameError.get().isEmpty() && passwordError.get().isEmpty();
    }

    /** Validates and, when the fields are fine, logs in in the background. Ignored while busy. */
    public void login() {
        if (busy.get() || !validate()) {
            return;
        }
        URI url = ServerUrl.parse(serverUrl.get());
        LoginRequest request = new LoginRequest(username.get().trim(), password.get());
        Task<UserSession> task = new Task<>() {
            @Override
            protected UserSession call() throws IOException {
                ApiClient api = apiClients.create(url);
                try {
                    LoginResponse response = api.login(request);
                    return new UserSession(api, response.user(), response.expiresAt());
                } catch (RuntimeException e) {
                    api.close();
                    throw e;
                }
            }
        };
        task.setOnSucceeded(e -> loginSucceeded(task.getValue()));
        task.setOnFailed(e -> loginFailed(task.getException()));
        busy.set(true);
        background.execute(task);
    }

    /** Called on the JavaFX thread with the new session. */
    void loginSucceeded(UserSession session) {
        busy.set(false);
        password.set("");
        String normalised = ServerUrl.format(session.api().serverUrl());
        serverUrl.set(normalised);
        settings.save(settings.load().withServerUrl(normalised).withLastUsername(username.get().trim()));
        navigation.loggedIn(session);
    }

    /** Called on the JavaFX thread with what went wrong; shows it next to the right field. */
    public void loginFailed(Throwable failure) {
        busy.set(false);
        List<LoginError> errors = LoginErrors.of(failure, serverUrl.get());
        if (errors.isEmpty()) {
            message.set(Localization.get("login.error.unexpected"));
            dialogs.showException(Localization.get("login.error.unexpected.title"),
                    Localization.get("login.error.unexpected"), failure);
            return;
        }
        for (LoginError error : errors) {
            switch (error.field()) {
                case SERVER_URL -> serverUrlError.set(error.message());
                case USERNAME -> usernameError.set(error.message());
                case PASSWORD -> {
                    passwordError.set(error.message());
                    password.set("");
                    passwordFocusRequested.set(true);
                }
                case GENERAL -> message.set(error.message());
            }
        }
    }

    public void openConnectionSettings() {
        navigation.openConnectionSettings();
    }
}
