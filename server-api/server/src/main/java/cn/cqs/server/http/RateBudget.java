package cn.cqs.server.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests one client may make (请求限额): a token bucket that holds {@code burst} requests
 * and refills one request every {@code interval}. A client that has been quiet for
 * {@code burst × interval} may send {@code burst} requests at once; after that it may send one per
 * {@code interval}.
 *
 * <p>Written in configuration as {@code BURST,INTERVAL}, e.g. {@code 60,1s} (a burst of 60, then one per
 * second) or {@code 10,6s}; the interval takes {@code ms}, {@code s}, {@code m} or {@code h}. The word
 * {@code off} means no limit (see {@link #parse}).
 *
 * @param burst    the bucket's size: 1 to {@value #MAX_BURST} requests
 * @param interval the time one request takes to come back: 1 ms to 1 h
 */
public record RateBudget(int burst, Duration interval) {
    public static final int MAX_BURST = 1_000_000;
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*,\\s*(\\d{1,9})\\s*(ms|s|m|h)");

    public RateBudget {
        Objects.requireNonNull(interval, "interval");
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException("burst must be 1 to " + MAX_BURST + ", was " + burst);
        }
        if (interval.compareTo(Duration.ofMillis(1)) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("interval must be 1 ms to 1 h, was " + interval);
        }
    }

    /**
     * Reads a budget from a configuration value: {@code BURST,INTERVAL} (e.g. {@code 60,1s}), or
     * {@code off} for no limit (empty).
     *
     * @param variable the setting's name, for the error message
     * @throws IllegalArgumentException naming {@code variable} when the text is neither form or out of range
     */
    public static Optional<RateBudget> parse(String variable, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(variable + " must be BURST,INTERVAL (e.g. '60,1s': a burst of 60 requests, "
                    + "then one per second; interval units ms, s, m, h) or 'off', was '" + text + "'");
        }
        long amount = Long.parseLong(m.group(2));
        Duration interval = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        try {
            return Optional.of(new RateBudget(Integer.parseInt(m.group(1)), interval));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage() + " (value '" + text + "')", e);
        }
    }

    /** The budget in its configuration form, e.g. {@code 60,1s}. */
    public String describe() {
        long ms = interval.toMillis();
        String unit;
        if (ms % 3_600_000 == 0) {
            unit = ms / 3_600_000 + "h";
        } else if (ms % 60_000 == 0) {
            unit = ms / 60_000 + "m";
        } else if (ms % 1000 == 0) {
            unit = ms / 1000 + "s";
        } else {
            unit = ms + "ms";
        }
        return burst + "," + unit;
    }
}
