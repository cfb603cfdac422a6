package cn.cqs.client.batches;

import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.contract.batches.DeliveryTicketRequest;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialLot;
import cn.cqs.contract.batches.MixDesign;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * 登记服务: every write of the plant office goes through here — into the outbox (so it survives
 * being offline and is sent with one idempotency key however often it is retried) and, in the same
 * transaction, into the local tables (so lists show it at once, marked as waiting). Ids are the
 * plant's own ({@link PlantIds}); the PUTs are idempotent on the server too. No JavaFX.
 */
public final class PlantRegistrar {
    /** Outbox kinds of the plant's writes. */
    public static final String KIND_LOT = "batches.material-lot";
    public static final String KIND_MIX_DESIGN = "batches.mix-design";
    public static final String KIND_BATCH = "batches.batch";
    public static final String KIND_START = "batches.start";
    public static final String KIND_END = "batches.end";
    public static final String KIND_TICKET = "batches.ticket";

    private final PlantCache cache;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper mapper = Json.newMapper();

    public PlantRegistrar(PlantCache cache, Outbox outbox, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PlantCache cache() {
        return cache;
    }

    public Clock clock() {
        return clock;
    }

    /** 原材料进厂登记: queues {@code PUT /plant/material-lots/{lotId}}. */
    public OutboxEntry registerLot(String lotId, MaterialIntakeRequest r) {
        return cache.store().inTransaction(c -> {
            OutboxEntry e = outbox.enqueue(KIND_LOT, "进厂 " + lotId, new OutboxTarget("PUT", PlantPaths.materialLot(lotId)), r);
            cache.saveLocalLot(c, lotId, r, e.id().toString());
            return e;
        });
    }

    /** 配合比: queues {@code PUT /plant/mix-designs/{id}}. */
    public OutboxEntry registerMixDesign(String id, MixDesignRequest r, String strengthClass) {
        return cache.store().inTransaction(c -> {
            OutboxEntry e = outbox.enqueue(KIND_MIX_DESIGN, "配合比 " + id, new OutboxTarget("PUT", PlantPaths.mixDesign(id)), r);
            cache.saveLocalMixDesign(c, id, r, strengthClass, e.id().toString());
            return e;
        });
    }

    /** 生产信息登记: queues {@code PUT /plant/batches/{batchId}}; the answer carries the serial number. */
    public OutboxEntry registerBatch(String batchId, ProductionRequest r, String projectName) {
        return cache.store().inTransaction(c -> {
            OutboxEntry e = outbox.enqueue(KIND_BATCH, "生产 " + batchId, new OutboxTarget("PUT", PlantPaths.batch(batchId)), r);
            cache.saveLocalBatch(c, batchId, r, projectName, e.id().toString());
            return e;
        });
    }

    /**
     * 开盘/完成告知: queues {@code POST /plant/batches/{batchId}/start|end} and records it here, judged
     * by the contract's rule as if it arrived now (the server judges on receipt).
     */
    public OutboxEntry notify(String batchId, NotificationDeadline.Event event, NotificationRequest r) {
        boolean start = event == NotificationDeadline.Event.START;
        Instant now = clock.instant();
        NotificationDeadline.Judgement j = NotificationDeadline.judge(event, r.eventAt(), now, now);
        if (j.status() == NotificationDeadline.Status.BEFORE_EVENT) {
            throw new IllegalArgumentException("eventAt: in the future (" + r.eventAt() + ")");
        }
        NotificationState state = j.status() == NotificationDeadline.Status.LATE ? NotificationState.LATE
                : NotificationState.ON_TIME;
        return cache.store().inTransaction(c -> {
            OutboxEntry e = outbox.enqueue(start ? KIND_START : KIND_END, event.chineseName() + " " + batchId,
                    OutboxTarget.post(PlantPaths.notification(batchId, start)), r);
            cache.saveLocalNotification(c, batchId, start, r.eventAt(), now, state, r.producedVolumeM3());
            return e;
        });
    }

    /** 发货单: queues {@code PUT /plant/batches/{batchId}/tickets/{ticketNumber}}. */
    public OutboxEntry recordTicket(String batchId, String ticketNumber, DeliveryTicketRequest r) {
        return cache.store().inTransaction(c -> {
            OutboxEntry e = outbox.enqueue(KIND_TICKET, "发货单 " + ticketNumber,
                    new OutboxTarget("PUT", PlantPaths.ticket(batchId, ticketNumber)), r);
            cache.saveTicket(c, batchId, ticketNumber, r.truckNumber(), r.volumeM3(), r.departedAt(), r.deliveryPlace(),
                    e.id().toString());
            return e;
        });
    }

    /**
     * Waits up to {@code timeout} for the entry to be delivered or refused (the drainer sends it);
     * a delivered registration's answer is stored at once, so lists show the server's copy.
     */
    public SendOutcome await(UUID entryId, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            OutboxEntry e = outbox.find(entryId).orElseThrow(() ->
                    new IllegalStateException("outbox entry " + entryId + " vanished"));
            if (e.state() == OutboxState.DONE) {
                applyReceipt(e);
                return new SendOutcome.Delivered(e.receipt());
            }
            if (e.state() == OutboxState.FAILED_PERMANENT || e.state() == OutboxState.DISMISSED) {
                return new SendOutcome.Refused(e.lastError(), e.problem());
            }
            if (!Instant.now().isBefore(until)) {
                return new SendOutcome.Waiting(e.lastError());
            }
            Thread.sleep(50);
        }
    }

    /** The outbox entry's state as it stands (for a row waiting to be sent or refused). */
    public Optional<OutboxEntry> entry(String outboxId) {
        return outbox.find(UUID.fromString(outboxId));
    }

    /** Gives up a refused registration (its local row stays, marked refused, until replaced). */
    public void dismiss(UUID entryId) {
        outbox.dismiss(entryId);
    }

    /**
     * Stores the answers of delivered registrations whose rows are still the local copies (the user
     * left the form before the answer came); returns how many rows were updated.
     */
    public int applyReceipts() {
        List<String[]> waiting = cache.store().read(c -> {
            List<String[]> out = new ArrayList<>();
            for (String table : new String[] {"plant_batch", "plant_material_lot", "plant_mix_design"}) {
                try (PreparedStatement ps = c.prepareStatement("SELECT outbox_id FROM " + table
                        + " WHERE version = 0 AND outbox_id IS NOT NULL");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {table, rs.getString(1)});
                    }
                }
            }
            return out;
        });
        int applied = 0;
        for (String[] w : waiting) {
            Optional<OutboxEntry> e = entry(w[1]);
            if (e.isPresent() && e.get().state() == OutboxState.DONE && applyReceipt(e.get())) {
                applied++;
            }
        }
        return applied;
    }

    private boolean applyReceipt(OutboxEntry e) {
        if (e.receipt() == null || e.receipt().isBlank()) {
            return false;
        }
        try {
            switch (e.kind()) {
                case KIND_BATCH -> {
                    ProductionBatch b = mapper.readValue(e.receipt(), ProductionBatch.class);
                    cache.store().inTransaction(c -> {
                        cache.upsertBatch(c, b, e.id().toString());
                        return null;
                    });
                }
                case KIND_START, KIND_END -> {
                    ProductionBatch b = mapper.readValue(e.receipt(), ProductionBatch.class);
                    cache.store().inTransaction(c -> {
                        cache.upsertBatch(c, b, null);
                        return null;
                    });
                }
                case KIND_LOT -> {
                    MaterialLot lot = mapper.readValue(e.receipt(), MaterialLot.class);
                    cache.store().inTransaction(c -> {
                        cache.upsertLot(c, lot);
                        return null;
                    });
                }
                case KIND_MIX_DESIGN -> {
                    MixDesign d = mapper.readValue(e.receipt(), MixDesign.class);
                    cache.store().inTransaction(c -> {
                        cache.upsertMixDesign(c, d);
                        return null;
                    });
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("The server's answer to " + e.kind() + " " + e.label()
                    + " is not readable: " + ex.getOriginalMessage(), ex);
        }
    }
}
