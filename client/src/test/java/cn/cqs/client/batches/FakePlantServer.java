package cn.cqs.client.batches;

import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxSender;
import cn.cqs.client.sync.SendResult;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialLot;
import cn.cqs.contract.batches.MixDesign;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.batches.SerialNumber;
import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the server's plant routes behind the outbox, for view-model and screen tests without
 * a server: answers registrations the way the contract describes (a batch gets the next serial
 * number and a QR text; notifications are judged on receipt with the contract's rule), can be taken
 * offline, and can refuse a request with a problem document and its field errors, as the real sender passes them.
 */
public final class FakePlantServer implements OutboxSender {
    private final ObjectMapper mapper = Json.newMapper();
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, ProductionBatch> batches = new ConcurrentHashMap<>();
    public final List<String> received = new CopyOnWriteArrayList<>();
    public volatile boolean offline;
    /** When set, every request is refused with this problem (as the real sender keeps it: summary and document). */
    public volatile cn.cqs.contract.problem.Problem refuseWith;

    public FakePlantServer(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public SendResult send(OutboxEntry e) throws IOException {
        if (offline) {
            throw new IOException("connection refused (test: offline)");
        }
        received.add(e.target().toString());
        if (refuseWith != null) {
            return new SendResult.Rejected(refuseWith.status(), refuseWith.detail(), refuseWith);
        }
        String path = e.target().path();
        String[] parts = path.split("/");
        String id = URLDecoder.decode(parts[parts.length - 1], StandardCharsets.UTF_8);
        long now = clock.millis();
        if (path.contains("/plant/material-lots/")) {
            MaterialIntakeRequest r = mapper.readValue(e.payload(), MaterialIntakeRequest.class);
            return json(new MaterialLot(UUID.nameUUIDFromBytes(id.getBytes()), UUID.randomUUID(), "厂", id, r.kind(),
                    r.specification(), r.supplier(), r.manufacturer(), r.lotNumber(), r.quantityTonnes(), r.arrivedAt(),
                    r.testReportNumber(), null, clock.instant(), 1));
        }
        if (path.contains("/plant/mix-designs/")) {
            MixDesignRequest r = mapper.readValue(e.payload(), MixDesignRequest.class);
            return json(new MixDesign(UUID.nameUUIDFromBytes(id.getBytes()), UUID.randomUUID(), "厂", id, r.marking(),
                    r.marking().split("-")[1], r.quantities(), r.trialReportNumber(), null, r.validFrom(), r.validTo(),
                    clock.instant(), 1));
        }
        if (path.endsWith("/start") || path.endsWith("/end")) {
            String batchId = URLDecoder.decode(parts[parts.length - 2], StandardCharsets.UTF_8);
            ProductionBatch b = batches.get(batchId);
            NotificationRequest r = mapper.readValue(e.payload(), NotificationRequest.class);
            boolean start = path.endsWith("/start");
            NotificationDeadline.Status s = NotificationDeadline.judge(start ? NotificationDeadline.Event.START
                    : NotificationDeadline.Event.END, r.eventAt(), clock.instant(), clock.instant()).status();
            NotificationState state = s == NotificationDeadline.Status.LATE ? NotificationState.LATE : NotificationState.ON_TIME;
            ProductionBatch n = start
                    ? copy(b, r.eventAt(), clock.instant(), state, b.endedAt(), b.endNotifiedAt(), b.endNotification(), null)
                    : copy(b, b.startedAt(), b.startNotifiedAt(), b.startNotification(), r.eventAt(), clock.instant(), state,
                    r.producedVolumeM3());
            batches.put(batchId, n);
            return json(n);
        }
        if (path.contains("/tickets/")) {
            return new SendResult.Delivered("{}");
        }
        if (path.contains("/plant/batches/")) {
            ProductionRequest r = mapper.readValue(e.payload(), ProductionRequest.class);
            ProductionBatch b = batches.computeIfAbsent(id, k -> {
                String serial = new SerialNumber(LocalDate.ofInstant(clock.instant(), zone), "776049653",
                        sequence.incrementAndGet()).toString();
                return new ProductionBatch(UUID.nameUUIDFromBytes(k.getBytes()), serial,
                        "https://cqs.example.cn/v/B1.test-" + serial, UUID.randomUUID(), "厦门华信预拌混凝土有限公司",
                        SampleBatches.USCC, k, r.projectId(), "工程", "350203", r.buyer(), r.pourLocation(), r.marking(),
                        r.volumeM3(), r.mixDesignId(), r.materialLotIds(), r.plannedStart(), r.contractNumber(),
                        clock.instant(), null, null, NotificationState.NOT_DUE, null, null, NotificationState.NOT_DUE, null,
                        null, DosingState.NO_DATA, 1);
            });
            return json(b);
        }
        return new SendResult.Rejected(404, "no route " + path + " at " + now);
    }

    private static ProductionBatch copy(ProductionBatch b, java.time.Instant started, java.time.Instant startNotified,
                                        NotificationState startState, java.time.Instant ended,
                                        java.time.Instant endNotified, NotificationState endState,
                                        java.math.BigDecimal produced) {
        return new ProductionBatch(b.id(), b.serialNumber(), b.qrText(), b.plantId(), b.plantName(), b.plantUscc(),
                b.batchId(), b.projectId(), b.projectName(), b.regionCode(), b.buyer(), b.pourLocation(), b.marking(),
                b.volumeM3(), b.mixDesignId(), b.materialLotIds(), b.plannedStart(), b.contractNumber(), b.registeredAt(),
                started, startNotified, startState, ended, endNotified, endState, b.dispatchedAt(),
                produced == null ? b.producedVolumeM3() : produced, b.dosingState(), b.version() + 1);
    }

    private SendResult json(Object o) throws IOException {
        return new SendResult.Delivered(mapper.writeValueAsString(o));
    }
}
