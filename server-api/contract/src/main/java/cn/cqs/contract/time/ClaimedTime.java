package cn.cqs.contract.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A time a client claims (e.g. "production started at 08:10"), judged against the time the server
 * received it. Time rules (the 1-hour and 24-hour limits) are decided on the server's receipt
 * time; the claim is kept beside it, shown, and flagged when implausible: more than
 * {@link #MAX_FUTURE_SKEW} in the future (a wrong clock), or older than the deadline window allows
 * (something reported later than the rule permits, or a back-dated claim).
 *
 * @param claimed  what the client says, or null when it said nothing
 * @param received the server's receipt time
 * @param verdict  the judgement
 */
public record ClaimedTime(Instant claimed, Instant received, Verdict verdict) {

    /** How far a client clock may run ahead of the server's before a claim is implausible. */
    public static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    /** The judgement of a claimed time. */
    public enum Verdict {
        /** No claim was made; only the receipt time counts. */
        NOT_CLAIMED,
        /** Within the window: at most 5 minutes ahead and not older than the deadline window. */
        PLAUSIBLE,
        /** More than 5 minutes after the receipt time: the client clock is wrong. */
        IN_FUTURE,
        /** Earlier than the receipt time minus the deadline window. */
        TOO_OLD
    }

    public ClaimedTime {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Judges a claim.
     *
     * @param claimed        the client's claim, may be null
     * @param received       the server's receipt time
     * @param deadlineWindow how long after the event it may be reported (e.g. 1 hour for a
     *                       production start, 24 hours for a manual report upload)
     */
    public static ClaimedTime judge(Instant claimed, Instant received, Duration deadlineWindow) {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(deadlineWindow, "deadlineWindow");
        if (deadlineWindow.isNegative()) {
            throw new IllegalArgumentException("deadlineWindow must not be negative: " + deadlineWindow);
        }
        if (claimed == null) {
            return new ClaimedTime(null, received, Verdict.NOT_CLAIMED);
        }
        if (claimed.isAfter(received.plus(MAX_FUTURE_SKEW))) {
            return new ClaimedTime(claimed, received, Verdict.IN_FUTURE);
        }
        if (claimed.isBefore(received.minus(deadlineWindow))) {
            return new ClaimedTime(claimed, received, Verdict.TOO_OLD);
        }
        return new ClaimedTime(claimed, received, Verdict.PLAUSIBLE);
    }

    /** True when the claim should be shown with a warning. */
    public boolean flagged() {
        return verdict == Verdict.IN_FUTURE || verdict == Verdict.TOO_OLD;
    }

    /** How far the claim is from the receipt time (positive when the claim is earlier), or null. */
    public Duration lag() {
        return claimed == null ? null : Duration.between(claimed, received);
    }
}
