package cn.cqs.contract.batches;

import cn.cqs.contract.time.ClaimedTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * 开盘/完成告知时限 (mission R7): for every batch the plant notifies the start (开盘告知) and the end
 * (完成告知) of production, each within 1 hour after it happens. Exactly 1 hour is on time, as with
 * the 24-hour upload rule ({@link cn.cqs.contract.time.UploadDeadline}).
 *
 * <p>Times: {@code eventAt} is the production start or end the plant states; {@code notifiedAt} is
 * the server's receipt time of the notification (time rules are judged on receipt, see
 * {@link ClaimedTime}); {@code now} is the server's clock. A notification received more than
 * {@link #CLOCK_SKEW} before the event it reports is refused as implausible
 * ({@link Status#BEFORE_EVENT}): a plant cannot report a start that has not happened; up to
 * {@link #CLOCK_SKEW} early is tolerated as clock skew between the plant and the server, the same
 * 5 minutes {@link ClaimedTime#MAX_FUTURE_SKEW} allows.
 *
 * <p>A planned start (from the production registration, 生产信息登记) with no start notification 1
 * hour after it is {@link PlannedStart#OVERDUE}: a warning to follow up, not a proven violation,
 * since production may have been postponed ({@link #judgePlannedStart}).
 */
public final class NotificationDeadline {
    /** How long after the event the notification may arrive. */
    public static final Duration WINDOW = Duration.ofHours(1);
    /** How far before the event a notification may arrive and still count (clock skew). */
    public static final Duration CLOCK_SKEW = ClaimedTime.MAX_FUTURE_SKEW;

    private NotificationDeadline() {
    }

    /** Which notification. */
    public enum Event {
        /** 开盘告知: production of the batch started. */
        START("开盘告知"),
        /** 完成告知: production of the batch ended. */
        END("完成告知");

        private final String chineseName;

        Event(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** The state of one notification. */
    public enum Status {
        /** Received at most 1 hour after the event (and not more than the skew before it). 按时. */
        ON_TIME,
        /** Received more than 1 hour after the event. 逾期告知. */
        LATE,
        /** Not received yet and the hour has not run out. 待告知. */
        DUE,
        /** Not received and the hour has run out. 未告知. */
        MISSING,
        /** Received more than {@link #CLOCK_SKEW} before the event: implausible, refused. 告知早于事件. */
        BEFORE_EVENT
    }

    /** The state of a planned start without regard to lateness of other notifications. */
    public enum PlannedStart {
        /** A start notification has been received. */
        NOTIFIED,
        /** None yet, and now is at most 1 hour after the planned start (or before it). */
        PENDING,
        /** None, and now is more than 1 hour after the planned start: follow up (warning). */
        OVERDUE
    }

    /**
     * The judgement of one notification.
     *
     * @param event      which notification
     * @param eventAt    when the event happened (the plant's statement)
     * @param notifiedAt when the notification was received, or null if it has not been
     * @param now        the server time the judgement was made at
     * @param status     the verdict
     */
    public record Judgement(Event event, Instant eventAt, Instant notifiedAt, Instant now, Status status) {
        public Judgement {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(eventAt, "eventAt");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(status, "status");
        }

        /** The last on-time moment: the event plus 1 hour. */
        public Instant deadline() {
            return eventAt.plus(WINDOW);
        }

        /** How long after the event the notification arrived (negative if before), or null if none. */
        public Duration elapsed() {
            return notifiedAt == null ? null : Duration.between(eventAt, notifiedAt);
        }

        /** For {@link Status#DUE}: the time left until the deadline (zero at the deadline); else null. */
        public Duration remaining() {
            return status == Status.DUE ? Duration.between(now, deadline()) : null;
        }

        /**
         * For {@link Status#LATE}: how long after the deadline it arrived; for
         * {@link Status#MISSING}: how long the deadline has passed; else null.
         */
        public Duration overdueBy() {
            return switch (status) {
                case LATE -> Duration.between(deadline(), notifiedAt);
                case MISSING -> Duration.between(deadline(), now);
                default -> null;
            };
        }

        /** Whether the rule was broken (late, missing) or the notification refused (before the event). */
        public boolean violation() {
            return status == Status.LATE || status == Status.MISSING || status == Status.BEFORE_EVENT;
        }
    }

    /**
     * Judges one notification.
     *
     * @param event      start or end
     * @param eventAt    when production started or ended
     * @param notifiedAt the receipt time of the notification, or null if none has been received
     * @param now        the server's clock; used only when there is no notification
     */
    public static Judgement judge(Event event, Instant eventAt, Instant notifiedAt, Instant now) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventAt, "eventAt");
        Objects.requireNonNull(now, "now");
        Instant deadline = eventAt.plus(WINDOW);
        Status status;
        if (notifiedAt != null) {
            if (notifiedAt.isBefore(eventAt.minus(CLOCK_SKEW))) {
                status = Status.BEFORE_EVENT;
            } else {
                status = notifiedAt.isAfter(deadline) ? Status.LATE : Status.ON_TIME;
            }
        } else {
            status = now.isAfter(deadline) ? Status.MISSING : Status.DUE;
        }
        return new Judgement(event, eventAt, notifiedAt, now, status);
    }

    /**
     * The state a batch shows for one notification ({@link NotificationState}), from what the server
     * stored: {@link NotificationState#NOT_DUE} while the event has not been reported
     * ({@code eventAt} null), otherwise the {@link #judge} verdict.
     *
     * @throws IllegalArgumentException when the stored notification lies more than
     *                                  {@link #CLOCK_SKEW} before its event: such a notification is
     *                                  refused and must not have been stored
     */
    public static NotificationState state(Event event, Instant eventAt, Instant notifiedAt, Instant now) {
        if (eventAt == null) {
            return NotificationState.NOT_DUE;
        }
        return stateOf(judge(event, eventAt, notifiedAt, now));
    }

    /**
     * The start notification of a batch (开盘告知) at {@code now}, as every side judges it: with a
     * start notified, the verdict on the stated start; without one, the planned start stands in for
     * the event, so the notification is DUE from the planned start for {@link #WINDOW} and MISSING
     * after it (the server's list and the client's offline list agree on this). Empty before the
     * planned start: nothing is due yet ({@link NotificationState#NOT_DUE}).
     *
     * @param plannedStart    the planned start from the production registration
     * @param startedAt       the start as notified, or null
     * @param startNotifiedAt the receipt time of the start notification, or null
     */
    public static Optional<Judgement> judgeStart(Instant plannedStart, Instant startedAt, Instant startNotifiedAt,
                                                 Instant now) {
        Objects.requireNonNull(plannedStart, "plannedStart");
        Objects.requireNonNull(now, "now");
        if (startedAt != null) {
            return Optional.of(judge(Event.START, startedAt, startNotifiedAt, now));
        }
        if (now.isBefore(plannedStart)) {
            return Optional.empty();
        }
        return Optional.of(judge(Event.START, plannedStart, null, now));
    }

    /**
     * The end notification of a batch (完成告知) at {@code now}, as every side judges it: with an end
     * notified, the verdict on the stated end; without one but with the delivery tickets covering
     * the planned volume ({@code dispatchedAt}, see {@link ProductionBatch#dispatchedAt()}),
     * production evidently ended when the truck completing it departed, so the notification is DUE
     * for {@link #WINDOW} after that and MISSING then. Empty when nothing shows the end has happened
     * ({@link NotificationState#NOT_DUE}).
     *
     * @param endedAt       the end as notified, or null
     * @param endNotifiedAt the receipt time of the end notification, or null
     * @param dispatchedAt  when the tickets first covered the planned volume ({@link DispatchRule}), or null
     */
    public static Optional<Judgement> judgeEnd(Instant endedAt, Instant endNotifiedAt, Instant dispatchedAt,
                                               Instant now) {
        Objects.requireNonNull(now, "now");
        if (endedAt != null) {
            return Optional.of(judge(Event.END, endedAt, endNotifiedAt, now));
        }
        if (dispatchedAt != null) {
            return Optional.of(judge(Event.END, dispatchedAt, null, now));
        }
        return Optional.empty();
    }

    /** {@link #judgeStart} as the state a batch shows. */
    public static NotificationState startState(Instant plannedStart, Instant startedAt, Instant startNotifiedAt,
                                               Instant now) {
        return judgeStart(plannedStart, startedAt, startNotifiedAt, now).map(NotificationDeadline::stateOf)
                .orElse(NotificationState.NOT_DUE);
    }

    /** {@link #judgeEnd} as the state a batch shows. */
    public static NotificationState endState(Instant endedAt, Instant endNotifiedAt, Instant dispatchedAt, Instant now) {
        return judgeEnd(endedAt, endNotifiedAt, dispatchedAt, now).map(NotificationDeadline::stateOf)
                .orElse(NotificationState.NOT_DUE);
    }

    private static NotificationState stateOf(Judgement j) {
        return switch (j.status()) {
            case ON_TIME -> NotificationState.ON_TIME;
            case LATE -> NotificationState.LATE;
            case DUE -> NotificationState.DUE;
            case MISSING -> NotificationState.MISSING;
            case BEFORE_EVENT -> throw new IllegalArgumentException("A " + j.event().chineseName() + " received at "
                    + j.notifiedAt() + " lies more than " + CLOCK_SKEW.toMinutes() + " minutes before its event at "
                    + j.eventAt() + "; it is refused, not stored");
        };
    }

    /**
     * Whether a planned start still lacks its start notification 1 hour after the plan. The plant
     * clears {@link PlannedStart#OVERDUE} by notifying the real start (judged by {@link #judge} on
     * the real start time) or by changing its planned start.
     *
     * @param plannedStart      the planned start from the production registration
     * @param startNotifiedAt   the receipt time of the start notification, or null
     * @param now               the server's clock
     */
    public static PlannedStart judgePlannedStart(Instant plannedStart, Instant startNotifiedAt, Instant now) {
        Objects.requireNonNull(plannedStart, "plannedStart");
        Objects.requireNonNull(now, "now");
        if (startNotifiedAt != null) {
            return PlannedStart.NOTIFIED;
        }
        return now.isAfter(plannedStart.plus(WINDOW)) ? PlannedStart.OVERDUE : PlannedStart.PENDING;
    }
}
