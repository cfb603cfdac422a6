package cn.cqs.contract.orgs;

/**
 * Something accepted but worth telling the user about, shaped like a field error.
 *
 * @param field   the JSON path of the field concerned
 * @param code    a stable machine-readable reason, e.g. {@code check_digit}
 * @param message the reason in plain words (English; clients localise by {@code code})
 */
public record Warning(String field, String code, String message) {
}
