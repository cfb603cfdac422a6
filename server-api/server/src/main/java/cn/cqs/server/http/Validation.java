package cn.cqs.server.http;

import cn.cqs.contract.problem.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects field-level validation errors for one request and throws them together as a 422, so
 * the client can show every message next to its field at once.
 */
public final class Validation {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Validation add(String field, String code, String message) {
        errors.add(new Problem.FieldError(field, code, message));
        return this;
    }

    /** Requires a non-blank text of at most {@code max} characters. */
    public Validation text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " is required");
        } else {
            optionalText(field, value, max);
        }
        return this;
    }

    /** Allows null, but not blank-only or longer than {@code max} characters. */
    public Validation optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "too_long", field + " must be at most " + max + " characters, was " + value.length());
        }
        return this;
    }

    public Validation required(String field, Object value) {
        if (value == null) {
            add(field, "required", field + " is required");
        }
        return this;
    }

    public Validation requiredCollection(String field, Collection<?> value) {
        if (value == null) {
            add(field, "required", field + " is required (an empty list is allowed)");
        } else if (value.contains(null)) {
            add(field, "invalid", field + " must not contain null");
        }
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(List.copyOf(errors));
        }
    }

    /** Trims a text field, keeping null as null and turning blank into null. */
    public static String trim(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() ? null : t;
    }
}
