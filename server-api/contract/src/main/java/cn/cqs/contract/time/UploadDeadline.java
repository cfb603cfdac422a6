package cn.cqs.contract.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * 24 小时上传时限 (the 24-hour upload rule): a report must reach the platform within 24 hours of
 * being issued. Judged on the server's receipt time against the issue time the lab signed into the
 * QR token: a report received more than 24 hours after issue is late; exactly 24 hours is on time.
 *
 * <p>The issue time is the lab's claim, so it is also checked for plausibility with
 * {@link ClaimedTime}: more than {@link ClaimedTime#MAX_FUTURE_SKEW} after the receipt time (a wrong
 * clock), or before the day the report says it was tested (a report cannot be issued before its
 * test), is flagged. A flagged issue time is kept and shown, never silently corrected.
 */
public final class UploadDeadline {
    /** How long after issue a report may be uploaded. */
    public static final Duration WINDOW = Duration.ofHours(24);
    /** The time zone in which report dates (test date) are written: China Standard Time. */
    public static final ZoneId REPORT_ZONE = ChinaTime.ZONE;

    private UploadDeadline() {
    }

    /** Why an issue time is implausible. */
    public enum Flag {
        /** Later than the receipt time by more than the allowed clock skew. */
        IN_FUTURE,
        /** Earlier than the start of the test date (China time): issued before it was tested. */
        BEFORE_TEST_DATE
    }

    /**
     * The judgement of one upload.
     *
     * @param issuedAt   the claimed issue time
     * @param receivedAt the server's receipt time
     * @param late       received more than {@link #WINDOW} after {@code issuedAt}
     * @param claim      the plausibility judgement of the claimed time against the window
     * @param flag       why the issue time is implausible, or null when it is plausible
     */
    public record Judgement(Instant issuedAt, Instant receivedAt, boolean late, ClaimedTime claim, Flag flag) {
        public Judgement {
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(claim, "claim");
        }

        /** How long after issue the report arrived (negative when the claim lies in the future). */
        public Duration elapsed() {
            return Duration.between(issuedAt, receivedAt);
        }

        /** True when the issue time should be shown with a warning. */
        public boolean implausible() {
            return flag != null;
        }
    }

    /** Whether a report issued at {@code issuedAt} and received at {@code receivedAt} is late. */
    public static boolean isLate(Instant issuedAt, Instant receivedAt) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        return Duration.between(issuedAt, receivedAt).compareTo(WINDOW) > 0;
    }

    /**
     * Judges an upload.
     *
     * @param issuedAt   the issue time the lab claims (from its signed token)
     * @param receivedAt the server's receipt time
     * @param testDate   the report's test date, or null when unknown (then not compared)
     */
    public static Judgement judge(Instant issuedAt, Instant receivedAt, LocalDate testDate) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        ClaimedTime claim = ClaimedTime.judge(issuedAt, receivedAt, WINDOW);
        Flag flag = null;
        if (claim.verdict() == ClaimedTime.Verdict.IN_FUTURE) {
            flag = Flag.IN_FUTURE;
        } else if (testDate != null && issuedAt.isBefore(testDate.atStartOfDay(REPORT_ZONE).toInstant())) {
            flag = Flag.BEFORE_TEST_DATE;
        }
        return new Judgement(issuedAt, receivedAt, isLate(issuedAt, receivedAt), claim, flag);
    }
}
