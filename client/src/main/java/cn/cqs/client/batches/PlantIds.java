package cn.cqs.client.batches;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The plant's own ids (自编号) of its lots, mix designs, batches and tickets: what the user typed,
 * or, when the user gave none, one made here ({@code C-} and a random UUID) so that sending the same
 * registration again (outbox retries) names the same record on the server.
 */
public final class PlantIds {
    /** The longest id accepted. */
    public static final int MAX_LENGTH = 64;
    /** Letters, digits and {@code - _ . /}; no spaces. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/\\-]{0,63}");

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

    /** Why {@code id} is not acceptable, or null when it is (blank counts as acceptable: an id is made). */
    public static String problem(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String s = id.strip();
        if (s.length() > MAX_LENGTH) {
            return "length";
        }
        return SHAPE.matcher(s).matches() ? null : "shape";
    }
}
