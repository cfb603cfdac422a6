package cn.cqs.client.rendering;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small text helpers shared by the print models: presence checks and plain formatting of values. */
final class PrintTexts {

    private PrintTexts() {
    }

    /** @throws IllegalArgumentException naming the field when the value is null or blank */
    static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
    }

    /** @throws IllegalArgumentException naming the field when the value is null */
    static void present(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must not be null (use an empty string when unknown)");
        }
    }

    /** The value stripped, or an empty string for null. */
    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** The decimal as written (no exponent), or an empty string for null. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** The decimal with a unit, e.g. "58.5 t", or an empty string for null. */
    static String plain(BigDecimal value, String unit) {
        return value == null ? "" : value.toPlainString() + " " + unit;
    }

    /** The values joined with " / ", e.g. "445 / 452". */
    static String joined(Collection<BigDecimal> values) {
        return values.stream().map(PrintTexts::plain).collect(Collectors.joining(" / "));
    }

    /** Escapes the characters Jasper's styled markup would read as markup. */
    static String escapeMarkup(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
