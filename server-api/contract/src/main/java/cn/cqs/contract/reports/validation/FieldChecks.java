package cn.cqs.contract.reports.validation;

import cn.cqs.contract.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.util.List;

/**
 * Small, reusable field checks that append a {@link FieldError} to a list when a value fails.
 * Each returns {@code true} when the value passed, so a caller can skip checks that only make
 * sense on a present, well-formed value.
 */
public final class FieldChecks {
    private FieldChecks() {
    }

    /** A required text: present, not blank, at most {@code maxLength} characters (code points). */
    public static boolean requiredText(List<FieldError> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
            return false;
        }
        return maxLength(errors, field, value, maxLength);
    }

    /** An optional text: if present, at most {@code maxLength} characters (code points). */
    public static boolean maxLength(List<FieldError> errors, String field, String value, int maxLength) {
        if (value != null) {
            int length = value.strip().codePointCount(0, value.strip().length());
            if (length > maxLength) {
                errors.add(new FieldError(field, ErrorCodes.TOO_LONG,
                        "At most " + maxLength + " characters, got " + length));
                return false;
            }
        }
        return true;
    }

    /** A required value of any type. */
    public static boolean required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
            return false;
        }
        return true;
    }

    /** A required whole number within {@code [min, max]}. */
    public static boolean requiredInRange(List<FieldError> errors, String field, Integer value, int min, int max) {
        if (!required(errors, field, value)) {
            return false;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(field, ErrorCodes.OUT_OF_RANGE,
                    "Must be from " + min + " to " + max + ", got " + value));
            return false;
        }
        return true;
    }

    /** A required decimal greater than zero and at most {@code max}. */
    public static boolean requiredPositiveAtMost(List<FieldError> errors, String field, BigDecimal value,
                                                 BigDecimal max) {
        if (!required(errors, field, value)) {
            return false;
        }
        if (value.signum() <= 0 || value.compareTo(max) > 0) {
            errors.add(new FieldError(field, ErrorCodes.OUT_OF_RANGE,
                    "Must be greater than 0 and at most " + max.toPlainString() + ", got "
                            + value.toPlainString()));
            return false;
        }
        return true;
    }
    /** A required decimal within {@code [min, max]}, both inclusive; {@code unit} is for the message. */
    public static boolean requiredBetween(List<FieldError> errors, String field, BigDecimal value,
                                          BigDecimal min, BigDecimal max, String unit) {
        if (!required(errors, field, value)) {
            return false;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.add(new FieldError(field, ErrorCodes.OUT_OF_RANGE, "Must be from " + min.toPlainString()
                    + " to " + max.toPlainString() + " " + unit + ", got " + value.toPlainString() + " " + unit));
            return false;
        }
        return true;
    }

    /** A value that must be absent because the rule does not use it here; {@code why} completes the message. */
    public static boolean absent(List<FieldError> errors, String field, Object value, String why) {
        if (value != null) {
            errors.add(new FieldError(field, ErrorCodes.NOT_APPLICABLE, "Leave empty: " + why));
            return false;
        }
        return true;
    }

    /**
     * A required list whose size is one of {@code allowed}; {@code what} names the entries for the
     * message (e.g. {@code tensile specimens}). Returns whether the list is present (its entries can
     * then be checked one by one even when the count is wrong).
     */
    public static boolean requiredCount(List<FieldError> errors, String field, List<?> list, String what,
                                        int... allowed) {
        if (!required(errors, field, list)) {
            return false;
        }
        for (int n : allowed) {
            if (list.size() == n) {
                return true;
            }
        }
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < allowed.length; i++) {
            counts.append(i == 0 ? "" : i == allowed.length - 1 ? " or " : ", ").append(allowed[i]);
        }
        errors.add(new FieldError(field, ErrorCodes.WRONG_COUNT,
                "Expected " + counts + " " + what + ", got " + list.size()));
        return true;
    }
}
