package cn.cqs.server.sync;

import cn.cqs.server.http.ApiException;

/**
 * The change feed's cursor: {@code v1:<change sequence>}, opaque to clients. Absent means the
 * beginning (a full load); anything that is not a cursor this server issued is a 400.
 */
public final class ChangeCursor {
    private static final String PREFIX = "v1:";

    private ChangeCursor() {
    }

    public static String format(long sequence) {
        return PREFIX + sequence;
    }

    /** The sequence after which to continue; 0 for a missing cursor. */
    public static long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (!cursor.startsWith(PREFIX) || cursor.length() == PREFIX.length() || cursor.length() > PREFIX.length() + 18) {
            throw invalid(cursor);
        }
        String digits = cursor.substring(PREFIX.length());
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw invalid(cursor);
            }
        }
        return Long.parseLong(digits);
    }

    private static ApiException invalid(String cursor) {
        return ApiException.malformed("since must be a cursor this server returned as nextCursor (or absent for a "
                + "full load); '" + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor)
                + "' is not one", "since");
    }
}
