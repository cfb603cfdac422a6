package cn.cqs.client.i18n;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The one way to get a user-visible string (本地化). Backed by the resource bundles
 * {@code cn/cqs/client/i18n/messages_zh_CN.properties} (default) and {@code messages_en.properties},
 * read as UTF-8. FXML files use the same bundle through {@link #bundle()} and {@code %key}.
 *
 * <p>Changing the language does not repaint anything by itself: the application rebuilds its
 * scene after {@link #setLanguage(AppLanguage)} so every string is looked up again.
 */
public final class Localization {
    /** Base name of the message bundles. */
    public static final String BUNDLE_BASE_NAME = "cn.cqs.client.i18n.messages";

    private static volatile AppLanguage language = AppLanguage.CHINESE;
    private static volatile ResourceBundle bundle = load(AppLanguage.CHINESE);

    private Localization() {
    }

    /** The current language. */
    public static AppLanguage language() {
        return language;
    }

    /** Switches the language for every later lookup. */
    public static void setLanguage(AppLanguage newLanguage) {
        Objects.requireNonNull(newLanguage, "newLanguage");
        ResourceBundle loaded = load(newLanguage);
        bundle = loaded;
        language = newLanguage;
    }

    /** The bundle of the current language, for {@code FXMLLoader#setResources}. */
    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The bundle of a given language (used by the completeness test). */
    public static ResourceBundle bundle(AppLanguage of) {
        return load(of);
    }

    /**
     * The message for {@code key} in the current language, with {@code args} filled into its
     * {@code {0}}, {@code {1}} ... placeholders (MessageFormat rules) when any are given.
     *
     * @throws MissingResourceException if the key does not exist: a programming error the
     *                                  localisation test catches before release
     */
    public static String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    private static ResourceBundle load(AppLanguage of) {
        // No fallback to the JVM's default locale: the bundle of the chosen language or nothing.
        return ResourceBundle.getBundle(BUNDLE_BASE_NAME, of.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
