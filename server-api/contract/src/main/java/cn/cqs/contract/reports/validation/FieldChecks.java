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
}
