package cn.cqs.client.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The user-interface languages this client ships (界面语言). Chinese first: it is the default.
 * Each language's name is shown in itself, so a user who cannot read the current language still
 * finds their own.
 */
public enum AppLanguage {
    /** 简体中文, the default. */
    CHINESE(Locale.SIMPLIFIED_CHINESE, "zh-CN", "简体中文"),
    /** English. */
    ENGLISH(Locale.ENGLISH, "en", "English");

    private final Locale locale;
    private final String tag;
    private final String nativeName;

    AppLanguage(Locale locale, String tag, String nativeName) {
        this.locale = locale;
        this.tag = tag;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** The BCP 47 tag stored in the settings file, e.g. {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    /** The language's name in that language, e.g. 简体中文. */
    public String nativeName() {
        return nativeName;
    }

    /** The language with this settings tag (case-insensitive), if the client ships it. */
    public static Optional<AppLanguage> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag.trim())).findFirst();
    }

    @Override
    public String toString() {
        return nativeName;
    }
}
