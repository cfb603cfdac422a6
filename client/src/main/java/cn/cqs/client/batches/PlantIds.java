package cn.cqs.client.batches;

import java.util.Locale;
import java.util.UUID;

/**
 * The plant's own ids (自编号) of its lots, mix designs, batches and tickets: what the user typed,
 * or, when the user gave none, one made here ({@code C-} and a random UUID) so that sending the same
 * registration again (outbox retries) names the same record on the server.
 */
public final class PlantIds {
    /** The longest id accepted. */
    public static final int MAX_LENGTH = 64;

    private PlantIds() {
    }

    /** A new client-made id, e.g. {@code C-0f8c...}. */
    public static String newId() {
        return "C-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    }

    /** {@code typed} stripped, or a new id when it is blank. */
    public static String orNew(String typed) {
        return typed == null || typed.isBlank() ? newId() : typed.strip();
    }

    /**
     * Why {@code id} is not acceptable ({@code length}: over {@value #MAX_LENGTH} characters; {@code shape}:
     * control characters), or null when it is (blank counts as acceptable: an id is made). The server's rule.
     */
    public static String problem(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String s = id.strip();
        if (s.length() > MAX_LENGTH) {
            return "length";
        }
        return s.chars().anyMatch(Character::isISOControl) ? "shape" : null;
    }
}
