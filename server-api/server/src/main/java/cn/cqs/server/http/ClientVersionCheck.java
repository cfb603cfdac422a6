package cn.cqs.server.http;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.problem.ProblemTypes;
import io.javalin.http.Context;

/**
 * Refuses clients older than {@link ApiVersion#MINIMUM_SUPPORTED} with a 426 in plain words. A
 * request without the header (curl, lab software) is let through.
 */
public final class ClientVersionCheck {
    private ClientVersionCheck() {
    }

    public static void check(Context ctx) {
        String header = ctx.header(ApiVersion.CLIENT_VERSION_HEADER);
        if (header == null || header.isBlank()) {
            return;
        }
        int version;
        try {
            version = Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            throw ApiException.malformed("Header " + ApiVersion.CLIENT_VERSION_HEADER
                    + " must be a whole number, was '" + header + "'", null);
        }
        if (version < ApiVersion.MINIMUM_SUPPORTED) {
            ctx.header("Upgrade", "cqs-client/" + ApiVersion.CURRENT);
            throw new ApiException(426, ProblemTypes.CLIENT_TOO_OLD,
                    "This client program is too old for the server. Please install the latest version "
                            + "(your version speaks protocol " + version + ", the server needs at least "
                            + ApiVersion.MINIMUM_SUPPORTED + ").");
        }
    }
}
