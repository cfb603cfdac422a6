package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationRequest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 完成告知 offline: a batch whose delivery tickets covered its planned volume (the server's
 * {@code dispatchedAt}, cached at the last sync) becomes due, is reminded at 45 and 55 minutes, and is
 * overdue after the hour, as a hand-moved clock runs, with no server anywhere: the watch judges it
 * from the local database with the contract's rule. An end notified here replaces it.
 */
class NotificationWatchTest {

    @Test
    void anEndDueFromItsTicketsBecomesDueThenOverdueAsTheClockRuns() throws Exception {
        Path dir = Files.createTempDirectory("watch");
        Instant dispatched = PlantFixture.T0.plus(Duration.ofHours(4));
        TestClock clock = new TestClock(dispatched.plus(Duration.ofMinutes(20)), PlantFixture.CHINA);
        try (LocalStore store = LocalStore.open(dir.resolve("p.db"))) {
            PlantCache cache = new PlantCache(store, clock, PlantFixture.CHINA);
            Outbox outbox = new Outbox(store, clock);
            // the server's copy as the last sync brought it (its end then judged DUE)
            cache.upsertBatches(List.of(PlantCacheTest.dispatchedBatch("ERP-E", clock.instant(), dispatched)));
            NotificationWatch watch = new NotificationWatch(cache, outbox);

            List<DueNotice> due = watch.due(clock.instant());
            assertThat(due).singleElement().satisfies(d -> {
                assertThat(d.batchId()).isEqualTo("ERP-E");
                assertThat(d.event()).isEqualTo(NotificationDeadline.Event.END);
                assertThat(d.source()).isEqualTo(DueNotice.Source.DISPATCHED);
                assertThat(d.eventAt()).isEqualTo(dispatched);
                assertThat(d.judgement().status()).isEqualTo(NotificationDeadline.Status.DUE);
                assertThat(d.minutesLeft()).isEqualTo(40);
            });
            assertThat(watch.reminders(due)).isEmpty();

            clock.set(dispatched.plus(Duration.ofMinutes(45)));
            assertThat(watch.reminders(watch.due(clock.instant()))).singleElement()
                    .satisfies(r -> assertThat(r.at()).isEqualTo(Duration.ofMinutes(15)));
            clock.set(dispatched.plus(Duration.ofMinutes(55)));
            assertThat(watch.reminders(watch.due(clock.instant()))).singleElement()
                    .satisfies(r -> assertThat(r.at()).isEqualTo(Duration.ofMinutes(5)));

            // exactly the hour: still due (the contract's edge), nothing more to remind
            clock.set(dispatched.plus(NotificationDeadline.WINDOW));
            due = watch.due(clock.instant());
            assertThat(due).singleElement().satisfies(d -> {
                assertThat(d.overdue()).isFalse();
                assertThat(d.minutesLeft()).isZero();
            });
            assertThat(watch.reminders(due)).isEmpty();

            // a second later it is overdue (未告知), reminded once
            clock.set(dispatched.plus(NotificationDeadline.WINDOW).plusSeconds(1));
            due = watch.due(clock.instant());
            assertThat(due).singleElement().satisfies(d -> {
                assertThat(d.overdue()).isTrue();
                assertThat(d.judgement().status()).isEqualTo(NotificationDeadline.Status.MISSING);
            });
            assertThat(watch.reminders(due)).singleElement().satisfies(r -> assertThat(r.at()).isZero());
            assertThat(watch.reminders(watch.due(clock.instant()))).as("once").isEmpty();
            assertThat(outbox.all()).as("no server contact: nothing was sent or queued").isEmpty();

            // the plant notifies the end here (offline: it waits in the outbox); the inferred notice gives way
            Instant ended = dispatched.minus(Duration.ofMinutes(5));
            new PlantRegistrar(cache, outbox, clock).notify("ERP-E", NotificationDeadline.Event.END,
                    new NotificationRequest(ended, new BigDecimal("36")));
            assertThat(watch.due(clock.instant())).singleElement().satisfies(d -> {
                assertThat(d.source()).isEqualTo(DueNotice.Source.UNSENT);
                assertThat(d.eventAt()).isEqualTo(ended);
            });
        }
    }
}
