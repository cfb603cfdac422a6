package cn.cqs.client.supervision;

import cn.cqs.client.i18n.Localization;
import java.math.BigDecimal;

/** Localised names of report types and conclusions, and rate formatting, for the supervision screens. */
public final class SupervisionTexts {
    private SupervisionTexts() {
    }

    /** The report type's name ({@code supervision.type.<NAME>}), or its code when this client has no name for it. */
    public static String type(String type) {
        if (type == null || type.isEmpty()) {
            return "";
        }
        String key = "supervision.type." + type;
        return Localization.bundle().containsKey(key) ? Localization.get(key) : type;
    }

    /** The conclusion's words ({@code supervision.conclusion.<NAME>}), or its code when unknown. */
    public static String conclusion(String conclusion) {
        if (conclusion == null || conclusion.isEmpty()) {
            return "";
        }
        String key = "supervision.conclusion." + conclusion;
        return Localization.bundle().containsKey(key) ? Localization.get(key) : conclusion;
    }

    /** A rate as the table shows it, e.g. {@code 33.3}; a dash when there is no rate (no reports). */
    public static String rate(BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString();
    }
}
