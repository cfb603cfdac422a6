package cn.cqs.client.batches;

import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxItem;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 告知提醒: what is due (待告知) and when to remind the plant, judged with the contract's
 * {@link NotificationDeadline} (1 hour after the event): notifications made here and not yet uploaded,
 * planned starts without a start notification, and ends without an end notification whose delivery
 * tickets already cover the planned volume ({@link BatchRow#dispatchedAt()}), all from the local
 * database, so they become due and overdue as the clock runs, without asking the server. Reminders are given once per notice at
 * {@link #REMINDERS} — 15 and 5 minutes before the hour runs out (at 45 and 55 minutes) — and once
 * when it has run out. The clock is passed in, so tests drive it. No JavaFX.
 */
public final class NotificationWatch {
    /** Time left at which a reminder is given: at 45 and at 55 minutes of the hour. */
    public static final List<Duration> REMINDERS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(5));
    /** Planned starts further back than this are not listed (long forgotten registrations). */
    static final Duration PLANNED_HORIZON = Duration.ofDays(2);

    /** One reminder to give: the notice and the time left it was given at (zero when overdue). */
    public record Reminder(DueNotice notice, Duration at) {
    }

    private final PlantCache cache;
    private final Outbox outbox;
    private final ObjectMapper mapper = Json.newMapper();
    private final Set<String> reminded = new HashSet<>();

    public NotificationWatch(PlantCache cache, Outbox outbox) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Everything due as of {@code now}, the least time left first. */
    public List<DueNotice> due(Instant now) {
        List<DueNotice> out = new ArrayList<>();
        Set<String> unsentStarts = new HashSet<>();
        Set<String> unsentEnds = new HashSet<>();
        for (OutboxItem item : outbox.items(Set.of(OutboxState.PENDING, OutboxState.SENDING), 10_000)) {
            boolean start = PlantRegistrar.KIND_START.equals(item.kind());
            if (!start && !PlantRegistrar.KIND_END.equals(item.kind())) {
                continue;
            }
            OutboxEntry e = outbox.find(item.id()).orElse(null);
            if (e == null) {
                continue;
            }
            String batchId = batchIdOf(e.target().path());
            NotificationRequest r = read(e.payload());
            NotificationDeadline.Event event = start ? NotificationDeadline.Event.START : NotificationDeadline.Event.END;
            BatchRow row = cache.batch(batchId).orElse(null);
            out.add(new DueNotice(batchId, row == null ? null : row.serialNumber(), row == null ? null : row.pourLocation(),
                    DueNotice.Source.UNSENT, NotificationDeadline.judge(event, r.eventAt(), null, now)));
            (start ? unsentStarts : unsentEnds).add(batchId);
        }
        for (BatchRow row : cache.openNotifications(now, now.minus(PLANNED_HORIZON))) {
            if (row.endedAt() == null && row.dispatchedAt() != null && !unsentEnds.contains(row.batchId())) {
                // the trucks carried the planned volume: the end's hour runs from the last departure
                NotificationDeadline.judgeEnd(null, null, row.dispatchedAt(), now).ifPresent(j -> out.add(
                        new DueNotice(row.batchId(), row.serialNumber(), row.pourLocation(), DueNotice.Source.DISPATCHED, j)));
            }
            if (row.startedAt() != null || unsentStarts.contains(row.batchId())) {
                continue;
            }
            NotificationDeadline.judgeStart(row.plannedStart(), null, null, now).ifPresent(j -> out.add(
                    new DueNotice(row.batchId(), row.serialNumber(), row.pourLocation(), DueNotice.Source.PLANNED, j)));
        }
        out.sort(Comparator.comparing((DueNotice d) -> d.judgement().deadline()));
        return out;
    }

    /**
     * The reminders to give now: each notice once when its time left first falls to or below each
     * of {@link #REMINDERS}, and once when it is overdue. Remembers what it returned.
     */
    public synchronized List<Reminder> reminders(List<DueNotice> due) {
        List<Reminder> out = new ArrayList<>();
        for (DueNotice d : due) {
            if (d.overdue()) {
                if (reminded.add(d.key() + "|overdue")) {
                    out.add(new Reminder(d, Duration.ZERO));
                }
                continue;
            }
            Duration left = d.judgement().remaining();
            Duration crossed = null;
            for (Duration at : REMINDERS) {
                if (left.compareTo(at) <= 0 && reminded.add(d.key() + "|" + at.toMinutes())) {
                    crossed = at;
                }
            }
            if (crossed != null) {
                out.add(new Reminder(d, crossed));
            }
        }
        return out;
    }

    static String batchIdOf(String path) {
        String p = path.substring(0, path.lastIndexOf('/'));
        return URLDecoder.decode(p.substring(p.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    private NotificationRequest read(String payload) {
        try {
            return mapper.readValue(payload, NotificationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A queued notification is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
