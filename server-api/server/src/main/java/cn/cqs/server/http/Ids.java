package cn.cqs.server.http;

import java.util.Optional;
import java.util.UUID;

/** Record ids in paths: random UUIDs. Anything else cannot name a record, so it is a 404. */
public final class Ids {
    private Ids() {
    }

    public static Optional<UUID> parse(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static UUID pathId(io.javalin.http.Context ctx, String name, String what) {
        return parse(ctx.pathParam(name)).orElseThrow(() -> ApiException.notFound(what));
    }
}
