package cn.cqs.server.http;

import cn.cqs.contract.problem.ProblemTypes;
import io.javalin.http.Context;

/**
 * Optimistic concurrency over HTTP: a record's version is its {@code ETag}; a change must send it
 * back in {@code If-Match} (428 without, 412 when somebody else changed the record first).
 */
public final class Etags {
    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static void set(Context ctx, long version) {
        ctx.header("ETag", of(version));
    }

    /** The version the client read, from {@code If-Match}. */
    public static long requireIfMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            throw new ApiException(428, ProblemTypes.PRECONDITION_REQUIRED,
                    "Send the ETag you read in an If-Match header, so a concurrent change is not overwritten");
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException("not positive");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ApiException(428, ProblemTypes.PRECONDITION_REQUIRED,
                    "If-Match must carry the ETag you read (e.g. \"3\"), was '" + header + "'");
        }
    }

    public static ApiException conflict(String what, long current) {
        return new ApiException(412, ProblemTypes.EDIT_CONFLICT, "Somebody else changed this " + what
                + " after you read it (it is now at version " + current + "). Reload it and apply your change again");
    }
}
