package cn.cqs.client.login;

import cn.cqs.client.i18n.Localization;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * The login screen's controller: binds the controls of {@code LoginView.fxml} to the
 * {@link LoginViewModel} and forwards the user's actions. Enter logs in (default button), Esc clears
 * the errors.
 */
public final class LoginView {
    private final LoginViewModel viewModel;

    @FXML private VBox root;
    @FXML private TextField serverUrlField;
    @FXML private TextField usernameField;
    @FXML private PasswordField passwordField;
    @FXML private Label serverUrlError;
    @FXML private Label usernameError;
    @FXML private Label passwordError;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator progress;
    @FXML private Button loginButton;
    @FXML private ComboBox<cn.cqs.client.i18n.AppLanguage> languageChoice;
    @FXML private Hyperlink settingsLink;

    public LoginView(LoginViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the screen for a view model, in the current language. */
    public static Parent create(LoginViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(LoginView.class.getResource("LoginView.fxml"), Localization.bundle());
        loader.setControllerFactory(type -> new LoginView(viewModel));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load LoginView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        serverUrlField.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        usernameField.textProperty().bindBidirectional(viewModel.usernameProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        bindError(serverUrlError, viewModel.serverUrlErrorProperty());
        bindError(usernameError, viewModel.usernameErrorProperty());
        bindError(passwordError, viewModel.passwordErrorProperty());
        bindError(messageLabel, viewModel.messageProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        loginButton.disableProperty().bind(viewModel.busyProperty());
        serverUrlField.disableProperty().bind(viewModel.busyProperty());
        usernameField.disableProperty().bind(viewModel.busyProperty());
        passwordField.disableProperty().bind(viewModel.busyProperty());
        languageChoice.setItems(viewModel.languages());
        languageChoice.valueProperty().bindBidirectional(viewModel.languageProperty());
        viewModel.passwordFocusRequestedProperty().addListener((obs, old, now) -> {
            if (now) {
                passwordField.requestFocus();
                viewModel.passwordFocusRequestedProperty().set(false);
            }
        });
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                viewModel.clearErrors();
                e.consume();
            }
        });
        // Focus the first empty field once the scene is shown.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(this::focusFirstEmptyField);
            }
        });
    }

    private void focusFirstEmptyField() {
        if (serverUrlField.getText() == null || serverUrlField.getText().isBlank()) {
            serverUrlField.requestFocus();
        } else if (usernameField.getText() == null || usernameField.getText().isBlank()) {
            usernameField.requestFocus();
        } else {
            passwordField.requestFocus();
        }
    }

    private static void bindError(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void login() {
        viewModel.login();
    }

    @FXML
    private void openConnectionSettings() {
        viewModel.openConnectionSettings();
    }
}
