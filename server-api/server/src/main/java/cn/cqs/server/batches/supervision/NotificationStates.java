package cn.cqs.server.batches.supervision;

import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationState;
import java.time.Instant;

/**
 * The states of a batch's start and end notifications (开盘/完成告知) for the regulators' figures,
 * from the contract's {@link NotificationDeadline}: a known event is judged against its receipt
 * time; a start never notified 1 hour after its planned start counts as missing
 * ({@link NotificationDeadline.PlannedStart#OVERDUE}); an end is not due before it is known.
 */
final class NotificationStates {
    private NotificationStates() {
    }

    static NotificationState start(BatchTimes b, Instant now) {
        if (b.startedAt() != null) {
            return of(NotificationDeadline.judge(NotificationDeadline.Event.START, b.startedAt(), b.startNotifiedAt(), now));
        }
        return switch (NotificationDeadline.judgePlannedStart(b.plannedStart(), b.startNotifiedAt(), now)) {
            case OVERDUE -> NotificationState.MISSING;
            case PENDING -> NotificationState.NOT_DUE;
            case NOTIFIED -> NotificationState.ON_TIME;
        };
    }

    static NotificationState end(BatchTimes b, Instant now) {
        if (b.endedAt() == null) {
            return NotificationState.NOT_DUE;
        }
        return of(NotificationDeadline.judge(NotificationDeadline.Event.END, b.endedAt(), b.endNotifiedAt(), now));
    }

    private static NotificationState of(NotificationDeadline.Judgement j) {
        return switch (j.status()) {
            case ON_TIME -> NotificationState.ON_TIME;
            case LATE -> NotificationState.LATE;
            case DUE -> NotificationState.DUE;
            case MISSING -> NotificationState.MISSING;
            // the server refuses such notifications, so a stored one is never before its event
            case BEFORE_EVENT -> throw new IllegalStateException("A stored notification precedes its event ("
                    + j.event() + " at " + j.eventAt() + ", notified " + j.notifiedAt() + ")");
        };
    }
}
