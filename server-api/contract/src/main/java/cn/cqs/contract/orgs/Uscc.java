package cn.cqs.contract.orgs;

import java.util.Locale;

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * <p>18 characters: 1 registration authority, 2 organisation category, 3-8 the GB/T 2260 area code,
 * 9-17 the organisation code (GB 11714, position 17 its check digit), 18 the check digit. The
 * character set is {@code 0123456789ABCDEFGHJKLMNPQRTUWXY} (no I, O, S, V, Z).
 *
 * <p>A wrong shape (length, characters) is an error. A failing check digit is only a warning: the
 * early Fujian pilot codes (e.g. {@code 91350100M0001TGQXM}) are legal but fail it, so such a code
 * is accepted and the warning is shown to whoever entered it.
 */
public final class Uscc {
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private Uscc() {
    }

    /** The outcome of checking a code. */
    public enum Status {
        /** Well-formed and both check digits agree. */
        VALID,
        /** Well-formed, but a check digit disagrees (as in the Fujian pilot codes): accept, warn. */
        CHECK_DIGIT_MISMATCH,
        /** Not a unified social credit code at all: reject. */
        INVALID
    }

    /**
     * @param status  the verdict
     * @param code    the code, trimmed and upper-cased, as it should be stored
     * @param reason  a stable reason key: {@code ok}, {@code required}, {@code length},
     *                {@code character}, {@code check_digit}, {@code org_code_check_digit}
     * @param message the reason in plain words (English)
     */
    public record Check(Status status, String code, String reason, String message) {
        public boolean acceptable() {
            return status != Status.INVALID;
        }
    }

    public static Check check(String input) {
        if (input == null || input.isBlank()) {
            return new Check(Status.INVALID, "", "required", "A unified social credit code is required");
        }
        String code = input.trim().toUpperCase(Locale.ROOT);
        if (code.length() != 18) {
            return new Check(Status.INVALID, code, "length",
                    "A unified social credit code has 18 characters, this one has " + code.length());
        }
        for (int i = 0; i < code.length(); i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return new Check(Status.INVALID, code, "character", "Character '" + code.charAt(i)
                        + "' at position " + (i + 1) + " is not allowed (no I, O, S, V, Z)");
            }
        }
        if (code.charAt(17) != checkDigit(code)) {
            return new Check(Status.CHECK_DIGIT_MISMATCH, code, "check_digit",
                    "The check digit (position 18) does not match; expected " + checkDigit(code)
                            + ". Some early pilot codes are like this: please confirm the code");
        }
        Character orgCheck = orgCodeCheckDigit(code);
        if (orgCheck != null && code.charAt(16) != orgCheck) {
            return new Check(Status.CHECK_DIGIT_MISMATCH, code, "org_code_check_digit",
                    "The organisation code's check digit (position 17) does not match; expected "
                            + orgCheck + ". Please confirm the code");
        }
        return new Check(Status.VALID, code, "ok", "Valid");
    }

    /** The GB 32100 check digit (position 18) for the first 17 characters of {@code code}. */
    public static char checkDigit(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - (sum % 31);
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /**
     * The GB 11714 check digit of the organisation code (positions 9-16), or {@code null} when those
     * positions hold characters GB 11714 does not define a value for.
     */
    static Character orgCodeCheckDigit(String code) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = code.charAt(8 + i);
            int value;
            if (ch >= '0' && ch <= '9') {
                value = ch - '0';
            } else if (ch >= 'A' && ch <= 'Z') {
                value = ch - 'A' + 10;
            } else {
                return null;
            }
            sum += value * ORG_CODE_WEIGHTS[i];
        }
        int c = 11 - (sum % 11);
        if (c == 10) {
            return 'X';
        }
        return c == 11 ? '0' : (char) ('0' + c);
    }
}
