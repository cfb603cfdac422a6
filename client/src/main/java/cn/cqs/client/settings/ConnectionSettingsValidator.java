package cn.cqs.client.settings;

import cn.cqs.client.api.InvalidServerUrlException;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.client.api.ProxyAddress;
import cn.cqs.client.api.ServerUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the connection settings a user entered and names, per field, the localisation key of what
 * is wrong. Plain Java: the settings screen's view model shows the messages next to the fields.
 */
public final class ConnectionSettingsValidator {
    /** The fields of the connection settings. */
    public enum Field { SERVER_URL, CA_CERTIFICATE, PROXY }

    /**
     * The errors of the given values as localisation keys per field; empty when all are valid. An
     * empty server URL is allowed here (it can be entered on the login screen); empty CA and proxy
     * mean "none".
     */
    public Map<Field, String> validate(String serverUrl, String caCertificatePath, String proxy) {
        Map<Field, String> errors = new LinkedHashMap<>();
        if (serverUrl != null && !serverUrl.isBlank()) {
            serverUrlError(serverUrl).ifPresent(e -> errors.put(Field.SERVER_URL, e));
        }
        caCertificateError(caCertificatePath).ifPresent(e -> errors.put(Field.CA_CERTIFICATE, e));
        proxyError(proxy).ifPresent(e -> errors.put(Field.PROXY, e));
        return errors;
    }

    /** The key of what is wrong with a server address, including an empty one. */
    public static Optional<String> serverUrlError(String serverUrl) {
        try {
            ServerUrl.parse(serverUrl);
            return Optional.empty();
        } catch (InvalidServerUrlException e) {
            return Optional.of(switch (e.reason()) {
                case EMPTY -> "error.serverUrl.empty";
                case SCHEME -> "error.serverUrl.scheme";
                case NO_HOST, MALFORMED -> "error.serverUrl.malformed";
            });
        }
    }

    /** The key of what is wrong with a CA certificate file; none when the path is empty. */
    public static Optional<String> caCertificateError(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(path.trim());
        } catch (InvalidPathException e) {
            return Optional.of("error.caCertificate.missing");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.of("error.caCertificate.missing");
        }
        try {
            PemCertificates.read(file);
            return Optional.empty();
        } catch (IOException | CertificateException e) {
            return Optional.of("error.caCertificate.invalid");
        }
    }

    /** The key of what is wrong with a proxy {@code host:port}; none when empty. */
    public static Optional<String> proxyError(String proxy) {
        if (proxy == null || proxy.isBlank()) {
            return Optional.empty();
        }
        try {
            ProxyAddress.parse(proxy);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("error.proxy.invalid");
        }
    }
}
