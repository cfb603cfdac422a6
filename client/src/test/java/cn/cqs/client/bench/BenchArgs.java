package cn.cqs.client.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name=value} options of a benchmark program. Unknown options and malformed values are
 * refused with a message naming the option, so a typo never runs a benchmark with defaults.
 */
final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();

    BenchArgs(String[] args, Set<String> known) {
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options look like --name=value, one of "
                        + known);
            }
            String name = arg.substring(2, eq);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known options: " + known);
            }
            values.put(name, arg.substring(eq + 1).strip());
        }
    }

    /** The integer option {@code --name=value}, or {@code fallback}; must lie in [min, max]. */
    /** The option's text, or {@code fallback} when it was not given. */
    String stringOption(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int intOption(String name, int fallback, int min, int max) {
        String text = values.get(name);
        int value;
        if (text == null) {
            value = fallback;
        } else {
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": not a whole number: '" + text + "'", e);
            }
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + ": must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** The text option {@code --name=value}, or null when not given. */
    String stringOption(String name) {
        String text = values.get(name);
        if (text != null && text.isEmpty()) {
            throw new IllegalArgumentException("--" + name + ": must not be empty");
        }
        return text;
    }
}
