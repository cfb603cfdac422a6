package cn.cqs.server.batches;

import cn.cqs.contract.batches.NotificationState;
import cn.cqs.server.http.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place the server reaches the contract's ready-mix rules: the concrete marking
 * (GB/T 14902) and the 1-hour notification deadline (R7). PROVISIONAL until the contract's
 * ConcreteMarking and NotificationDeadline land (branch rmcrules); then this delegates to them.
 */
final class BatchRules {
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Pattern STRENGTH = Pattern.compile("-(L?C\\d+)-");

    private BatchRules() {
    }

    /** A marking read from a request: its canonical text and strength class. */
    record Marking(String canonical, String strengthClass) {
    }

    /** Reads {@code text} as a marking, adding field errors to {@code v}; null when it is not one. */
    static Marking marking(Validation v, String field, String text) {
        v.text(field, text, 100);
        if (text == null || text.isBlank() || text.length() > 100) {
            return null;
        }
        String canonical = text.strip();
        Matcher m = STRENGTH.matcher(canonical);
        if (!m.find()) {
            v.add(field, "invalid", field + " must be a GB/T 14902 marking like A-C30-180(S4)-P8-GB/T 14902");
            return null;
        }
        return new Marking(canonical, m.group(1));
    }

    /** The start notification's state (开盘告知). */
    static NotificationState start(Instant plannedStart, Instant startedAt, Instant notifiedAt, Instant now) {
        return state(startedAt == null ? null : startedAt, notifiedAt, plannedStart, now);
    }

    /** The end notification's state (完成告知). */
    static NotificationState end(Instant startedAt, Instant endedAt, Instant notifiedAt, Instant now) {
        return state(endedAt, notifiedAt, null, now);
    }

    private static NotificationState state(Instant event, Instant notified, Instant expected, Instant now) {
        if (event != null && notified != null) {
            return notified.isAfter(event.plus(WINDOW)) ? NotificationState.LATE : NotificationState.ON_TIME;
        }
        if (expected != null && now.isAfter(expected.plus(WINDOW))) {
            return NotificationState.MISSING;
        }
        return NotificationState.NOT_DUE;
    }
}
