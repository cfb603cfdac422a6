package cn.cqs.client.settings;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connection settings screen (连接设置): a CA certificate (PEM) to trust in addition to the
 * JDK's, and an HTTP proxy. Bad values get an error next to their field and are not saved.
 */
public final class ConnectionSettingsViewModel {
    private final SettingsStore store;
    private final DialogService dialogs;
    private final ConnectionSettingsValidator validator = new ConnectionSettingsValidator();

    private final StringProperty caCertificatePath = new SimpleStringProperty("");
    private final StringProperty proxy = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper caCertificateError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proxyError = new ReadOnlyStringWrapper("");

    public ConnectionSettingsViewModel(SettingsStore store, DialogService dialogs) {
        this.store = store;
        this.dialogs = dialogs;
        ClientSettings current = store.load();
        caCertificatePath.set(current.caCertificatePath());
        proxy.set(current.proxy());
    }

    public StringProperty caCertificatePathProperty() {
        return caCertificatePath;
    }

    public StringProperty proxyProperty() {
        return proxy;
    }

    public ReadOnlyStringProperty caCertificateErrorProperty() {
        return caCertificateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty proxyErrorProperty() {
        return proxyError.getReadOnlyProperty();
    }

    /** Lets the user pick the CA certificate file. */
    public void browseCaCertificate() {
        Optional<Path> current = Optional.ofNullable(caCertificatePath.get()).filter(s -> !s.isBlank())
                .map(Path::of).map(Path::getParent);
        dialogs.chooseFileToOpen(Localization.get("settings.caCertificate.choose"), current,
                        List.of(new cn.cqs.client.dialogs.DialogService.FileFilter(
                                Localization.get("settings.caCertificate.filter"), List.of("*.pem", "*.crt", "*.cer"))))
                .ifPresent(p -> caCertificatePath.set(p.toString()));
    }

    /**
     * Validates and saves. Returns false, with the errors set, when a value is bad or the file
     * cannot be written (then the user is told in a dialog).
     */
    public boolean save() {
        Map<ConnectionSettingsValidator.Field, String> errors =
                validator.validate(null, caCertificatePath.get(), proxy.get());
        caCertificateError.set(message(errors.get(ConnectionSettingsValidator.Field.CA_CERTIFICATE)));
        proxyError.set(message(errors.get(ConnectionSettingsValidator.Field.PROXY)));
        if (!errors.isEmpty()) {
            return false;
        }
        try {
            store.save(store.load().withCaCertificatePath(caCertificatePath.get()).withProxy(proxy.get()));
            return true;
        } catch (UncheckedIOException e) {
            dialogs.showException(Localization.get("settings.saveFailed.title"),
                    Localization.get("settings.saveFailed", store.file().toString()), e);
            return false;
        }
    }

    private static String message(String key) {
        return key == null ? "" : Localization.get(key);
    }
}
