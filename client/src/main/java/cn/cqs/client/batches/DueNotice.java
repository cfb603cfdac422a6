package cn.cqs.client.batches;

import cn.cqs.contract.batches.NotificationDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification that needs the plant's attention (待告知):
 * <ul>
 *   <li>{@link Source#UNSENT}: made here but not yet received by the server (offline); its hour runs
 *       from the event;</li>
 *   <li>{@link Source#PLANNED}: the planned start has passed and no start notification was made;
 *       the hour is counted from the planned start (an estimate: production may start later).</li>
 *   <li>{@link Source#DISPATCHED}: no end notification was made, but the delivery tickets cover the
 *       planned volume; the hour is counted from the departure that completed it, as the server
 *       counts it ({@link NotificationDeadline#judgeEnd}): the server's moment, or, until it sends one,
 *       the moment worked out on this desk from the tickets recorded here, offline too
 *       ({@link cn.cqs.contract.batches.DispatchRule}, {@link PlantCache}).</li>
 * </ul>
 *
 * @param judgement the contract's verdict as of now ({@code DUE} or {@code MISSING})
 */
public record DueNotice(String batchId, String serialNumber, String pourLocation, Source source,
                        NotificationDeadline.Judgement judgement) {
    /** Why the notice is listed. */
    public enum Source { UNSENT, PLANNED, DISPATCHED }

    public DueNotice {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(judgement, "judgement");
    }

    public NotificationDeadline.Event event() {
        return judgement.event();
    }

    public Instant eventAt() {
        return judgement.eventAt();
    }

    /** Whole minutes left until the deadline (rounded down), or a negative number of minutes overdue. */
    public long minutesLeft() {
        Duration left = Duration.between(judgement.now(), judgement.deadline());
        return left.isNegative() ? -Math.max(1, left.negated().toMinutes()) : left.toMinutes();
    }

    public boolean overdue() {
        return judgement.status() == NotificationDeadline.Status.MISSING;
    }

    /** A stable key of the notice (for remembering reminders given). */
    public String key() {
        return batchId + "|" + judgement.event() + "|" + judgement.eventAt().toEpochMilli();
    }
}
