package cn.cqs.server.batches;

import cn.cqs.server.http.ApiException;
import io.javalin.http.Context;

/**
 * A plant's own ids in paths (its ERP's lot, mix design, batch and ticket numbers): 1-{@value #MAX}
 * characters, no control characters, no white space at either end. They are the keys of the
 * idempotent PUTs, unique per plant.
 */
public final class PlantIds {
    /** Longest id accepted. */
    public static final int MAX = 64;

    private PlantIds() {
    }

    /** The path parameter {@code name}, checked; a bad one is a 422 naming it. */
    public static String path(Context ctx, String name) {
        return check(name, ctx.pathParam(name));
    }

    /** Checks one id; a bad one is a 422 naming {@code field}. */
    public static String check(String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw ApiException.validation(field, "invalid_id", field + " " + problem);
        }
        return value;
    }

    /** What is wrong with {@code value} as a plant id, or null when it is fine. */
    static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "is required";
        }
        if (value.length() > MAX) {
            return "must be at most " + MAX + " characters, was " + value.length();
        }
        if (!value.equals(value.strip())) {
            return "must not start or end with white space";
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return "must not contain control characters";
            }
        }
        return null;
    }
}
