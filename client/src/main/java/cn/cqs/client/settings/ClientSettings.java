package cn.cqs.client.settings;

import cn.cqs.client.i18n.AppLanguage;
import java.util.Objects;

/**
 * What the client remembers between runs (客户端设置), stored in the profile directory by
 * {@link SettingsStore}. Text fields are kept as the user entered them ("" when unset); they are
 * validated by {@link ConnectionSettingsValidator} before they are saved or used.
 *
 * @param serverUrl         the server address, remembered after a successful login
 * @param lastUsername      the user name of the last successful login
 * @param language          the user-interface language
 * @param caCertificatePath a PEM file with a CA certificate to trust in addition to the JDK's
 * @param proxy             an HTTP proxy as {@code host:port}, or "" for a direct connection
 * @param verifyPlace       where the verify desk stands (核验地点), recorded with each verification
 */
public record ClientSettings(String serverUrl, String lastUsername, AppLanguage language,
                             String caCertificatePath, String proxy, String verifyPlace) {

    public ClientSettings {
        serverUrl = blankToEmpty(serverUrl);
        lastUsername = blankToEmpty(lastUsername);
        language = Objects.requireNonNullElse(language, AppLanguage.CHINESE);
        caCertificatePath = blankToEmpty(caCertificatePath);
        proxy = blankToEmpty(proxy);
        verifyPlace = blankToEmpty(verifyPlace);
    }

    /** Settings without a remembered verify place. */
    public ClientSettings(String serverUrl, String lastUsername, AppLanguage language, String caCertificatePath,
                          String proxy) {
        this(serverUrl, lastUsername, language, caCertificatePath, proxy, "");
    }

    /** Settings of a first start: nothing remembered, Chinese. */
    public static ClientSettings defaults() {
        return new ClientSettings("", "", AppLanguage.CHINESE, "", "");
    }

    public ClientSettings withServerUrl(String value) {
        return new ClientSettings(value, lastUsername, language, caCertificatePath, proxy, verifyPlace);
    }

    public ClientSettings withLastUsername(String value) {
        return new ClientSettings(serverUrl, value, language, caCertificatePath, proxy, verifyPlace);
    }

    public ClientSettings withLanguage(AppLanguage value) {
        return new ClientSettings(serverUrl, lastUsername, value, caCertificatePath, proxy, verifyPlace);
    }

    public ClientSettings withCaCertificatePath(String value) {
        return new ClientSettings(serverUrl, lastUsername, language, value, proxy, verifyPlace);
    }

    public ClientSettings withProxy(String value) {
        return new ClientSettings(serverUrl, lastUsername, language, caCertificatePath, value, verifyPlace);
    }

    public ClientSettings withVerifyPlace(String value) {
        return new ClientSettings(serverUrl, lastUsername, language, caCertificatePath, proxy, value);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
