package cn.cqs.client.settings;

import cn.cqs.client.i18n.Localization;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Controller of {@code ConnectionSettingsView.fxml}: binds fields, forwards Browse/Save/Cancel. */
public final class ConnectionSettingsView {
    private final ConnectionSettingsViewModel viewModel;

    @FXML private TextField caCertificateField;
    @FXML private TextField proxyField;
    @FXML private Label caCertificateError;
    @FXML private Label proxyError;

    public ConnectionSettingsView(ConnectionSettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the screen for a view model, in the current language. */
    public static Parent create(ConnectionSettingsViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(ConnectionSettingsView.class.getResource("ConnectionSettingsView.fxml"),
                Localization.bundle());
        loader.setControllerFactory(type -> new ConnectionSettingsView(viewModel));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load ConnectionSettingsView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        caCertificateField.textProperty().bindBidirectional(viewModel.caCertificatePathProperty());
        proxyField.textProperty().bindBidirectional(viewModel.proxyProperty());
        bindError(caCertificateError, viewModel.caCertificateErrorProperty());
        bindError(proxyError, viewModel.proxyErrorProperty());
    }

    private static void bindError(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void browse() {
        viewModel.browseCaCertificate();
    }

    @FXML
    private void save() {
        if (viewModel.save()) {
            close();
        }
    }

    @FXML
    private void cancel() {
        close();
    }

    private void close() {
        Window window = proxyField.getScene().getWindow();
        window.hide();
    }
}
