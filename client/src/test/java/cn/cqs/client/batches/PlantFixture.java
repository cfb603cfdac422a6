package cn.cqs.client.batches;

import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxDrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * A plant office on a real profile database, outbox and drainer, sending to a {@link FakePlantServer},
 * with a hand-moved clock, a recording dialog service and a recording print preview.
 */
public final class PlantFixture implements AutoCloseable {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z"); // 09:00 in Xiamen
    public static final ProjectChoice PROJECT = new ProjectChoice(UUID.fromString("00000000-0000-0000-0000-000000000042"),
            "厦门市翔安区保障性住房二期工程");

    public record Shown(String jobName, byte[] pdf) {
    }

    private static ReportPdfRenderer renderer;

    public final Path dir;
    public final TestClock clock = new TestClock(T0, CHINA);
    public final LocalStore store;
    public final Outbox outbox;
    public final FakePlantServer server = new FakePlantServer(clock, CHINA);
    public final OutboxDrainer drainer;
    public final PlantCache cache;
    public final PlantRegistrar registrar;
    public final RecordingDialogService dialogs = new RecordingDialogService();
    public final List<Shown> previews = new CopyOnWriteArrayList<>();
    public final PlantEnvironment env;

    public PlantFixture(Executor background, Executor ui, Duration sendWait) throws Exception {
        dir = Files.createTempDirectory("plant");
        store = LocalStore.open(dir.resolve("p.db"));
        outbox = new Outbox(store, clock);
        drainer = new OutboxDrainer(outbox, server, new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 0));
        drainer.start();
        cache = new PlantCache(store, clock, CHINA);
        registrar = new PlantRegistrar(cache, outbox, clock);
        env = new PlantEnvironment(registrar, new NotificationWatch(cache, outbox),
                new PlantPrints(PlantFixture::renderer, "厦门华信预拌混凝土有限公司", clock, CHINA), () -> List.of(PROJECT),
                dialogs, background, ui, clock, CHINA, drainer::drainNow, sendWait,
                (job, pdf) -> previews.add(new Shown(job, pdf)));
    }

    static synchronized ReportPdfRenderer renderer() {
        if (renderer == null) {
            renderer = new ReportPdfRenderer();
        }
        return renderer;
    }

    @Override
    public void close() {
        drainer.close();
        store.close();
    }
}
