package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.Replica;
import cn.cqs.contract.batches.DeliveryTicketRequest;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.contract.sync.Change;
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
 * from the local database with the contract's rule. An end notified here replaces it. The same from
 * tickets recorded here offline (the moment worked out with the contract's DispatchRule, at once), with
 * the precedence of the server's moment when a sync brings it, and without the tickets the server refused.
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

    @Test
    void aTicketRecordedOfflineThatCoversThePlanMakesTheEndDueAtOnceWithoutTheServer() throws Exception {
        Path dir = Files.createTempDirectory("watch-offline");
        Instant now = PlantFixture.T0.plus(Duration.ofHours(4));
        TestClock clock = new TestClock(now, PlantFixture.CHINA);
        try (LocalStore store = LocalStore.open(dir.resolve("p.db"))) {
            PlantCache cache = new PlantCache(store, clock, PlantFixture.CHINA);
            Outbox outbox = new Outbox(store, clock); // no drainer: nothing reaches a server
            PlantRegistrar registrar = new PlantRegistrar(cache, outbox, clock);
            // the server's copy from the last sync: started, 36 m³ planned, no tickets yet
            cache.upsertBatches(List.of(startedBatch("ERP-O", now, 3)));
            NotificationWatch watch = new NotificationWatch(cache, outbox);
            long key = cache.batch("ERP-O").orElseThrow().key();

            Instant first = now.minus(Duration.ofMinutes(40));
            registrar.recordTicket("ERP-O", "FH-1", ticket("18", first));
            assertThat(cache.batch("ERP-O").orElseThrow().dispatchedAt()).as("18 of 36 m³").isNull();
            assertThat(watch.due(clock.instant())).isEmpty();
            assertThat(keys(cache, NoticeFilter.DUE, clock.instant())).isEmpty();

            // the second truck completes the planned volume: its departure starts the end's hour, here
            Instant second = now.minus(Duration.ofMinutes(10));
            registrar.recordTicket("ERP-O", "FH-2", ticket("18", second));
            BatchRow row = cache.batch("ERP-O").orElseThrow();
            assertThat(row.dispatchedAt()).isEqualTo(second);
            assertThat(outbox.pending()).as("both tickets wait for the server").hasSize(2);
            assertThat(watch.due(clock.instant())).singleElement().satisfies(d -> {
                assertThat(d.event()).isEqualTo(NotificationDeadline.Event.END);
                assertThat(d.source()).isEqualTo(DueNotice.Source.DISPATCHED);
                assertThat(d.eventAt()).isEqualTo(second);
                assertThat(d.minutesLeft()).isEqualTo(50);
            });
            assertThat(keys(cache, NoticeFilter.DUE, clock.instant())).containsExactly(key);
            assertThat(keys(cache, NoticeFilter.MISSING, clock.instant())).isEmpty();

            // reminders at 45 and 55 minutes of the hour, then overdue: in the list's filters too
            clock.set(second.plus(Duration.ofMinutes(45)));
            assertThat(watch.reminders(watch.due(clock.instant()))).singleElement()
                    .satisfies(r -> assertThat(r.at()).isEqualTo(Duration.ofMinutes(15)));
            clock.set(second.plus(Duration.ofMinutes(55)));
            assertThat(watch.reminders(watch.due(clock.instant()))).singleElement()
                    .satisfies(r -> assertThat(r.at()).isEqualTo(Duration.ofMinutes(5)));
            clock.set(second.plus(NotificationDeadline.WINDOW));
            assertThat(keys(cache, NoticeFilter.DUE, clock.instant())).as("exactly the hour").containsExactly(key);
            clock.set(second.plus(NotificationDeadline.WINDOW).plusMillis(1));
            assertThat(keys(cache, NoticeFilter.DUE, clock.instant())).isEmpty();
            assertThat(keys(cache, NoticeFilter.MISSING, clock.instant())).containsExactly(key);
            assertThat(watch.reminders(watch.due(clock.instant()))).singleElement()
                    .satisfies(r -> assertThat(r.at()).isZero());
            // a third ticket (over-covering) does not move the moment
            registrar.recordTicket("ERP-O", "FH-3", ticket("6", clock.instant()));
            assertThat(cache.batch("ERP-O").orElseThrow().dispatchedAt()).isEqualTo(second);
        }
    }

    @Test
    void theServersMomentWinsAndWithoutOneTheMomentWorkedOutHereStands() throws Exception {
        Path dir = Files.createTempDirectory("watch-precedence");
        Instant now = PlantFixture.T0.plus(Duration.ofHours(4));
        TestClock clock = new TestClock(now, PlantFixture.CHINA);
        try (LocalStore store = LocalStore.open(dir.resolve("p.db"))) {
            PlantCache cache = new PlantCache(store, clock, PlantFixture.CHINA);
            Outbox outbox = new Outbox(store, clock);
            PlantRegistrar registrar = new PlantRegistrar(cache, outbox, clock);
            cache.upsertBatches(List.of(startedBatch("ERP-P", now, 3)));
            Instant covered = now.minus(Duration.ofMinutes(15));
            registrar.recordTicket("ERP-P", "FH-1", ticket("20", now.minus(Duration.ofMinutes(30))));
            registrar.recordTicket("ERP-P", "FH-2", ticket("16", covered));
            assertThat(cache.batch("ERP-P").orElseThrow().dispatchedAt()).isEqualTo(covered);

            // a newer server copy without the moment (e.g. the start's echo, sent before the tickets): kept
            store.inTransaction(c -> {
                cache.upsertBatch(c, startedBatch("ERP-P", now, 4), null);
                return null;
            });
            assertThat(cache.batch("ERP-P").orElseThrow().dispatchedAt()).isEqualTo(covered);
            // the same in a bulk reload
            cache.upsertBatches(List.of(startedBatch("ERP-P", now, 5)));
            assertThat(cache.batch("ERP-P").orElseThrow().dispatchedAt()).isEqualTo(covered);

            // the server's moment arrives with the next sync: it wins (here another desk's truck had completed
            // the volume earlier), in the filters and in 待告知
            Instant servers = now.minus(Duration.ofMinutes(50));
            Replica replica = new Replica(store, SessionWorkspace.indexers());
            replica.addSink(PlantCache.BATCH_ENTITY, cache.batchSink());
            ProductionBatch synced = withDispatch(startedBatch("ERP-P", now, 6), servers);
            assertThat(replica.apply(Change.upsert(PlantCache.BATCH_ENTITY, synced.id(), synced.version(), now,
                    Json.newMapper().valueToTree(synced)))).isTrue();
            BatchRow row = cache.batch("ERP-P").orElseThrow();
            assertThat(row.dispatchedAt()).isEqualTo(servers);
            assertThat(new NotificationWatch(cache, outbox).due(now)).singleElement()
                    .satisfies(d -> assertThat(d.eventAt()).isEqualTo(servers));
            // ... and a later ticket recorded here does not replace it
            registrar.recordTicket("ERP-P", "FH-3", ticket("5", now));
            assertThat(cache.batch("ERP-P").orElseThrow().dispatchedAt()).isEqualTo(servers);

            // the server's moment wins over one worked out here even in a copy of the same version
            cache.upsertBatches(List.of(startedBatch("ERP-Q", now, 2)));
            registrar.recordTicket("ERP-Q", "FQ-1", ticket("20", now.minus(Duration.ofMinutes(20))));
            registrar.recordTicket("ERP-Q", "FQ-2", ticket("20", now.minus(Duration.ofMinutes(5))));
            assertThat(cache.batch("ERP-Q").orElseThrow().dispatchedAt()).isEqualTo(now.minus(Duration.ofMinutes(5)));
            cache.upsertBatches(List.of(withDispatch(startedBatch("ERP-Q", now, 2), now.minus(Duration.ofMinutes(7)))));
            assertThat(cache.batch("ERP-Q").orElseThrow().dispatchedAt()).isEqualTo(now.minus(Duration.ofMinutes(7)));
        }
    }

    @Test
    void aTicketTheServerRefusedNoLongerCounts() throws Exception {
        try (PlantFixture f = new PlantFixture(Runnable::run, Runnable::run, Duration.ofSeconds(5))) {
            Instant now = f.clock.instant();
            f.cache.upsertBatches(List.of(startedBatch("ERP-R", now, 3)));
            var accepted = f.registrar.recordTicket("ERP-R", "FR-1", ticket("18", now.minus(Duration.ofMinutes(30))));
            f.drainer.drainNow();
            assertThat(f.registrar.await(accepted.id(), Duration.ofSeconds(5))).isInstanceOf(SendOutcome.Delivered.class);
            f.server.refuseWith = new Problem(ProblemTypes.BASE + ProblemTypes.CONFLICT, "Conflict", 409,
                    "Delivery ticket FR-2 is already recorded with other values", "/api/v1/plant/batches/ERP-R/tickets/FR-2",
                    ProblemTypes.CONFLICT, List.of(new Problem.FieldError("volumeM3", "differs", "Recorded as 12")));
            var refused = f.registrar.recordTicket("ERP-R", "FR-2", ticket("18", now.minus(Duration.ofMinutes(20))));
            assertThat(f.cache.batch("ERP-R").orElseThrow().dispatchedAt()).as("worked out when recorded")
                    .isEqualTo(now.minus(Duration.ofMinutes(20)));
            f.drainer.drainNow();
            assertThat(f.registrar.await(refused.id(), Duration.ofSeconds(5))).isInstanceOf(SendOutcome.Refused.class);
            // the list's next tick works the moment out again without the refused ticket
            f.cache.recheckLocalDispatches();
            assertThat(f.cache.batch("ERP-R").orElseThrow().dispatchedAt()).isNull();
            // the next server copy (without a moment: the server has 18 of 36 m³) and the tickets recorded here
            // that it did not refuse agree: no dispatch
            f.cache.upsertBatches(List.of(startedBatch("ERP-R", now, 4)));
            assertThat(f.cache.batch("ERP-R").orElseThrow().dispatchedAt()).isNull();
            assertThat(f.env.watch().due(now)).isEmpty();
        }
    }

    private static DeliveryTicketRequest ticket(String volume, Instant departed) {
        return new DeliveryTicketRequest("闽D·5K321", new BigDecimal(volume), departed, "3#楼");
    }

    private static List<Long> keys(PlantCache cache, NoticeFilter notice, Instant now) {
        return java.util.Arrays.stream(cache.query(BatchFilter.ALL.withNotice(notice), now).keys()).boxed().toList();
    }

    /** The server's copy of a started batch of 36 m³, end not notified, no dispatch moment, at {@code version}. */
    static ProductionBatch startedBatch(String batchId, Instant now, long version) {
        ProductionBatch b = PlantCacheTest.dispatchedBatch(batchId, now, now);
        return new ProductionBatch(b.id(), b.serialNumber(), b.qrText(), b.plantId(), b.plantName(), b.plantUscc(),
                b.batchId(), b.projectId(), b.projectName(), b.regionCode(), b.buyer(), b.pourLocation(), b.marking(),
                b.volumeM3(), b.mixDesignId(), b.materialLotIds(), now.minus(Duration.ofHours(2)), b.contractNumber(),
                b.registeredAt(), now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(2)).plusSeconds(300),
                NotificationState.ON_TIME, null, null, NotificationState.NOT_DUE, null, null, b.dosingState(), version);
    }

    static ProductionBatch withDispatch(ProductionBatch b, Instant dispatched) {
        return new ProductionBatch(b.id(), b.serialNumber(), b.qrText(), b.plantId(), b.plantName(), b.plantUscc(),
                b.batchId(), b.projectId(), b.projectName(), b.regionCode(), b.buyer(), b.pourLocation(), b.marking(),
                b.volumeM3(), b.mixDesignId(), b.materialLotIds(), b.plannedStart(), b.contractNumber(),
                b.registeredAt(), b.startedAt(), b.startNotifiedAt(), b.startNotification(), null, null,
                NotificationDeadline.endState(null, null, dispatched, b.registeredAt().plus(Duration.ofHours(4))),
                dispatched, null, b.dosingState(), b.version());
    }
}
