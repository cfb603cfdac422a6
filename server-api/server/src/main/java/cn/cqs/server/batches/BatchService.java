package cn.cqs.server.batches;

import cn.cqs.contract.batches.BatchKeyFields;
import cn.cqs.contract.batches.DeliveryTicket;
import cn.cqs.contract.batches.DeliveryTicketRequest;
import cn.cqs.contract.batches.DispatchRule;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MaterialLot;
import cn.cqs.contract.batches.MixDesign;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.batches.SerialNumber;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import cn.cqs.server.pki.PlatformSigner;
import cn.cqs.server.projects.ProjectService;
import cn.cqs.contract.projects.Project;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 生产信息登记 (production registration, R6), the serial number with its platform-signed QR token
 * (R8), the start and end notifications (开盘/完成告知, R7) and delivery tickets (发货单).
 *
 * <p>Everything a plant sends is keyed by its own ids and idempotent: the same registration again
 * answers the same batch (same serial number); a different one for an existing batch id is a 409
 * naming the differing fields: a batch is never changed after registration. A repeated start or end
 * with the same time changes nothing; another time is a 409.
 */
public final class BatchService {
    static final BigDecimal MAX_VOLUME = new BigDecimal("10000");
    static final BigDecimal MAX_TICKET_VOLUME = new BigDecimal("20");
    private final Jdbi jdbi;
    private final BatchStore store;
    private final ProjectService projects;
    private final PlatformSigner platform;
    private final AuditLog audit;
    private final Clock clock;

    public BatchService(Jdbi jdbi, BatchStore store, ProjectService projects, PlatformSigner platform, AuditLog audit,
                        Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.projects = projects;
        this.platform = platform;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers the plant's batch {@code batchId}, or answers the one already registered with the same values. */
    public Registered<ProductionBatch> register(Principal p, String batchId, ProductionRequest r) {
        PlantAccess.requirePlant(p);
        PlantIds.check("batchId", batchId);
        Validation v = new Validation();
        BatchRules.Marking marking = BatchRules.marking(v, "marking", r.marking());
        validate(v, r);
        v.throwIfInvalid();
        TokenSigner signer = platform.require();
        return ConcurrentRegistration.retried(() -> jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Optional<ProductionBatch> existing = findOwn(h, p, batchId, false, now);
            if (existing.isPresent()) {
                Differences d = differences(existing.get(), marking, r);
                if (d.none()) {
                    return new Registered<>(existing.get(), false);
                }
                throw d.conflict("Batch " + batchId, "a batch is never changed after registration; register "
                        + "another batch under a new id");
            }
            Checked checked = check(h, p, marking, r);
            String plantUscc = h.createQuery("select uscc from organisation where id = :id")
                    .bind("id", p.organisationId()).mapTo(String.class).findOne().orElse(null);
            if (plantUscc == null) {
                throw new ApiException(409, ProblemTypes.CONFLICT, "Your plant has no unified social credit code "
                        + "registered, so no serial number can be assigned; ask the platform operator");
            }
            LocalDate day = LocalDate.ofInstant(now, UploadDeadline.REPORT_ZONE);
            String serial = SerialNumber.of(day, plantUscc, nextSequence(h, p.organisationId(), day)).toString();
            String pourLocation = r.pourLocation().strip();
            String buyer = r.buyer().strip();
            QrToken token = signer.sign(TokenKind.BATCH, serial, BatchKeyFields.of(serial, plantUscc, r.projectId(),
                    marking.canonical(), r.volumeM3(), pourLocation, buyer), now);
            UUID id = UUID.randomUUID();
            int inserted = h.createUpdate("""
                            insert into production_batch (id, serial_number, organisation_id, plant_batch_id, project_id,
                                                          region_code, buyer, pour_location, marking, volume_m3,
                                                          mix_design_id, planned_start, contract_number, qr_token,
                                                          registered_at, version)
                            values (:id, :serial, :org, :batchId, :project, :region, :buyer, :pour, :marking, :volume,
                                    :mix, :planned, :contract, :token, :now, 1)
                            on conflict (organisation_id, plant_batch_id) do nothing""")
                    .bind("id", id).bind("serial", serial).bind("org", p.organisationId()).bind("batchId", batchId)
                    .bind("project", checked.project().id()).bind("region", checked.project().regionCode())
                    .bind("buyer", buyer).bind("pour", pourLocation).bind("marking", marking.canonical())
                    .bind("volume", r.volumeM3()).bind("mix", checked.mixDesign().id())
                    .bind("planned", Sql.ts(Micros.of(r.plannedStart()))).bind("contract", Validation.trim(r.contractNumber()))
                    .bind("token", token.encode()).bind("now", Sql.ts(now)).execute();
            if (inserted == 0) {
                throw new ConcurrentRegistration();
            }
            var lots = h.prepareBatch("insert into production_batch_lot (batch_id, position, lot_id) values (:b, :pos, :l)");
            for (int i = 0; i < checked.lots().size(); i++) {
                lots.bind("b", id).bind("pos", i).bind("l", checked.lots().get(i).id()).add();
            }
            lots.execute();
            ProductionBatch batch = find(h, id, now);
            audit.record(h, p, now, "batch.register", "production_batch", id, batch.projectId(), null, batch);
            return new Registered<>(batch, true);
        }));
    }

    /** 开盘告知: production of the batch started at {@code eventAt}. */
    public ProductionBatch start(Principal p, String batchId, NotificationRequest r) {
        PlantAccess.requirePlant(p);
        PlantIds.check("batchId", batchId);
        Instant received = clock.instant();
        Validation v = new Validation().required("eventAt", r.eventAt());
        eventNotAfter(v, r.eventAt(), received);
        if (r.producedVolumeM3() != null) {
            v.add("producedVolumeM3", "not_allowed", "producedVolumeM3 belongs to the end notification, not the start");
        }
        v.throwIfInvalid();
        return jdbi.inTransaction(h -> {
            ProductionBatch before = findOwn(h, p, batchId, true, received)
                    .orElseThrow(() -> ApiException.notFound("Batch " + batchId));
            if (before.startedAt() != null) {
                Differences d = new Differences().value("eventAt", before.startedAt(), r.eventAt());
                if (d.none()) {
                    return before;
                }
                throw d.conflict("The start of batch " + batchId, "a start is notified once");
            }
            if (r.eventAt().isBefore(before.registeredAt().minus(MaterialLotService.SKEW))) {
                throw ApiException.validation("eventAt", "before_registration", "eventAt (" + r.eventAt()
                        + ") is before the batch was registered (" + before.registeredAt()
                        + "): production is registered before it starts");
            }
            h.createUpdate("""
                            update production_batch set started_at = :at, start_notified_at = :now, version = version + 1
                             where id = :id""")
                    .bind("at", Sql.ts(Micros.of(r.eventAt()))).bind("now", Sql.ts(received)).bind("id", before.id()).execute();
            ProductionBatch after = find(h, before.id(), received);
            audit.record(h, p, received, "batch.start", "production_batch", before.id(), before.projectId(), before, after);
            return after;
        });
    }

    /** 完成告知: production of the batch ended at {@code eventAt} with the volume produced. */
    public ProductionBatch end(Principal p, String batchId, NotificationRequest r) {
        PlantAccess.requirePlant(p);
        PlantIds.check("batchId", batchId);
        Instant received = clock.instant();
        Validation v = new Validation().required("eventAt", r.eventAt());
        eventNotAfter(v, r.eventAt(), received);
        Quantities.positive(v, "producedVolumeM3", r.producedVolumeM3(), MAX_VOLUME, 3);
        v.throwIfInvalid();
        return jdbi.inTransaction(h -> {
            ProductionBatch before = findOwn(h, p, batchId, true, received)
                    .orElseThrow(() -> ApiException.notFound("Batch " + batchId));
            if (before.endedAt() != null) {
                Differences d = new Differences().value("eventAt", before.endedAt(), r.eventAt())
                        .number("producedVolumeM3", before.producedVolumeM3(), r.producedVolumeM3());
                if (d.none()) {
                    return before;
                }
                throw d.conflict("The end of batch " + batchId, "an end is notified once");
            }
            if (before.startedAt() == null) {
                throw ApiException.validation("eventAt", "not_started", "Batch " + batchId
                        + " has no start notification; notify the start first (POST .../start)");
            }
            if (Micros.of(r.eventAt()).isBefore(before.startedAt())) {
                throw ApiException.validation("eventAt", "before_start", "eventAt (" + r.eventAt()
                        + ") is before the start (" + before.startedAt() + ")");
            }
            h.createUpdate("""
                            update production_batch set ended_at = :at, end_notified_at = :now, produced_volume_m3 = :volume,
                                   version = version + 1
                             where id = :id""")
                    .bind("at", Sql.ts(Micros.of(r.eventAt()))).bind("now", Sql.ts(received)).bind("volume", r.producedVolumeM3())
                    .bind("id", before.id()).execute();
            ProductionBatch after = find(h, before.id(), received);
            audit.record(h, p, received, "batch.end", "production_batch", before.id(), before.projectId(), before, after);
            return after;
        });
    }

    /** Records a delivery ticket (发货单) of the plant's batch; the same ticket again answers the stored one. */
    public Registered<DeliveryTicket> ticket(Principal p, String batchId, String ticketNumber, DeliveryTicketRequest r) {
        PlantAccess.requirePlant(p);
        PlantIds.check("batchId", batchId);
        PlantIds.check("ticketNumber", ticketNumber);
        Instant now = clock.instant();
        Validation v = new Validation().text("truckNumber", r.truckNumber(), 32)
                .text("deliveryPlace", r.deliveryPlace(), 200).required("departedAt", r.departedAt());
        Quantities.positive(v, "volumeM3", r.volumeM3(), MAX_TICKET_VOLUME, 3);
        notInFuture(v, "departedAt", r.departedAt(), now);
        v.throwIfInvalid();
        return ConcurrentRegistration.retried(() -> jdbi.inTransaction(h -> {
            ProductionBatch batch = findOwn(h, p, batchId, false, now)
                    .orElseThrow(() -> ApiException.notFound("Batch " + batchId));
            Optional<DeliveryTicket> existing = h.createQuery(TICKETS + " where t.organisation_id = :org and t.ticket_number = :n")
                    .bind("org", p.organisationId()).bind("n", ticketNumber).map((rs, c) -> ticket(rs)).findOne();
            if (existing.isPresent()) {
                DeliveryTicket t = existing.get();
                Differences d = new Differences().value("batchId", t.batchUuid().equals(batch.id()) ? batchId
                                : "another batch (" + t.serialNumber() + ")", batchId)
                        .text("truckNumber", t.truckNumber(), r.truckNumber())
                        .number("volumeM3", t.volumeM3(), r.volumeM3())
                        .value("departedAt", t.departedAt(), r.departedAt())
                        .text("deliveryPlace", t.deliveryPlace(), r.deliveryPlace());
                if (d.none()) {
                    return new Registered<>(t, false);
                }
                throw d.conflict("Delivery ticket " + ticketNumber, "a recorded ticket is never changed");
            }
            UUID id = UUID.randomUUID();
            int inserted = h.createUpdate("""
                            insert into delivery_ticket (id, organisation_id, batch_id, ticket_number, truck_number, volume_m3,
                                                         departed_at, delivery_place, recorded_at)
                            values (:id, :org, :batch, :n, :truck, :volume, :departed, :place, :now)
                            on conflict (organisation_id, ticket_number) do nothing""")
                    .bind("id", id).bind("org", p.organisationId()).bind("batch", batch.id()).bind("n", ticketNumber)
                    .bind("truck", r.truckNumber().strip()).bind("volume", r.volumeM3())
                    .bind("departed", Sql.ts(Micros.of(r.departedAt()))).bind("place", r.deliveryPlace().strip())
                    .bind("now", Sql.ts(now)).execute();
            if (inserted == 0) {
                throw new ConcurrentRegistration();
            }
            markDispatched(h, batch.id());
            DeliveryTicket ticket = h.createQuery(TICKETS + " where t.id = :id").bind("id", id).map((rs, c) -> ticket(rs)).one();
            audit.record(h, p, now, "batch.ticket", "delivery_ticket", id, batch.projectId(), null, ticket);
            return new Registered<>(ticket, true);
        }));
    }

    /**
     * Sets the batch's {@code dispatched_at} by the contract's {@link DispatchRule} over every ticket of
     * the batch: the departure with which the tickets' volumes first reach the planned volume (null while
     * they do not). The batch row is locked first, so tickets of one batch recorded at the same time are
     * counted together (the second waits and then reads the first's ticket). FOR NO KEY UPDATE, not FOR
     * UPDATE: the ticket just inserted holds FOR KEY SHARE on this row through its foreign key, as does the
     * other transaction's, and FOR UPDATE would wait on each other's (a deadlock).
     */
    private static void markDispatched(Handle h, UUID batchId) {
        BigDecimal planned = h.createQuery("select volume_m3 from production_batch where id = :id for no key update")
                .bind("id", batchId).mapTo(BigDecimal.class).one();
        List<DispatchRule.Departure> tickets = h.createQuery(
                        "select departed_at, volume_m3 from delivery_ticket where batch_id = :id")
                .bind("id", batchId)
                .map((rs, c) -> new DispatchRule.Departure(Sql.instant(rs, "departed_at"), rs.getBigDecimal("volume_m3")))
                .list();
        Instant at = DispatchRule.dispatchedAt(planned, tickets).orElse(null);
        h.createUpdate("""
                        update production_batch set dispatched_at = cast(:at as timestamptz), version = version + 1
                         where id = :id and dispatched_at is distinct from cast(:at as timestamptz)""")
                .bind("at", Sql.ts(at)).bind("id", batchId).execute();
    }

    /** The batch of {@code serialNumber} if the caller sees it, else 404. */
    public ProductionBatch get(Principal p, String serialNumber) {
        PlantAccess.requireReader(p);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> findVisible(h, p, serialNumber, now))
                .orElseThrow(() -> ApiException.notFound("Batch " + serialNumber));
    }

    /** The delivery tickets of a batch the caller sees, in departure order. */
    public List<DeliveryTicket> tickets(Principal p, String serialNumber) {
        PlantAccess.requireReader(p);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            ProductionBatch batch = findVisible(h, p, serialNumber, now)
                    .orElseThrow(() -> ApiException.notFound("Batch " + serialNumber));
            return h.createQuery(TICKETS + " where t.batch_id = :b order by t.departed_at, t.ticket_number")
                    .bind("b", batch.id()).map((rs, c) -> ticket(rs)).list();
        });
    }

    /**
     * One page of the batches the caller sees, and how many match: all of them with
     * {@link BatchQuery.CountMode#EXACT}, else counted up to {@link BatchQuery#countBound()}
     * ({@link BatchListing}).
     */
    public BatchPage list(Principal p, BatchQuery q) {
        PlantAccess.requireReader(p);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Sql.planForTheseValues(h);
            BatchListing listing = BatchListing.of(h, p, q, now);
            long total = listing.count(h, "").mapTo(Long.class).one();
            List<ProductionBatch> items = listing.page(h, "").map((rs, c) -> store.row(rs, now)).list();
            return new BatchPage(items, total, listing.exactCount() || total < q.countBound());
        });
    }

    /**
     * A page of batches and how many match in all: {@code total} is exact when {@code exact}, else a
     * lower bound (the count stopped at {@link BatchQuery#countBound()}).
     */
    public record BatchPage(List<ProductionBatch> items, long total, boolean exact) {
    }

    private record Checked(Project project, MixDesign mixDesign, List<MaterialLot> lots) {
    }

    /** The references of a new registration: project, mix design, lots; every problem at once (422). */
    private Checked check(Handle h, Principal p, BatchRules.Marking marking, ProductionRequest r) {
        Validation v = new Validation();
        Project project = projects.findVisible(h, p, r.projectId()).orElse(null);
        if (project == null) {
            v.add("projectId", "unknown", "No registered project " + r.projectId() + " is visible to your plant; "
                    + "the project's contractor links your plant to it");
        }
        MixDesign design = MixDesignService.findOwn(h, p, r.mixDesignId(), false).orElse(null);
        if (design == null) {
            v.add("mixDesignId", "not_registered", "Mix design " + r.mixDesignId() + " is not registered; "
                    + "register it first (PUT /api/v1/plant/mix-designs/{mixDesignId})");
        } else {
            if (!design.marking().equals(marking.canonical())) {
                v.add("marking", "differs_from_mix_design", "marking " + marking.canonical()
                        + " is not the marking of mix design " + design.mixDesignId() + " (" + design.marking() + ")");
            }
            LocalDate day = LocalDate.ofInstant(r.plannedStart(), UploadDeadline.REPORT_ZONE);
            if (day.isBefore(design.validFrom()) || design.validTo() != null && day.isAfter(design.validTo())) {
                v.add("mixDesignId", "not_valid_on_day", "Mix design " + design.mixDesignId() + " is valid "
                        + design.validFrom() + " to " + (design.validTo() == null ? "open end" : design.validTo())
                        + ", not on the planned start day " + day);
            }
        }
        List<MaterialLot> lots = new ArrayList<>();
        Set<MaterialKind> designKinds = design == null ? null : EnumSet.noneOf(MaterialKind.class);
        if (design != null) {
            design.quantities().stream().map(MixQuantity::kind).forEach(designKinds::add);
        }
        Set<MaterialKind> covered = EnumSet.noneOf(MaterialKind.class);
        for (int i = 0; i < r.materialLotIds().size(); i++) {
            String lotId = r.materialLotIds().get(i);
            String field = "materialLotIds[" + i + "]";
            Optional<MaterialLot> lot = MaterialLotService.findOwn(h, p, lotId, false);
            if (lot.isEmpty()) {
                v.add(field, "lot_not_registered", "Material lot " + lotId + " is not registered: a material lot "
                        + "that is not registered cannot be used in production (register it first, "
                        + "PUT /api/v1/plant/material-lots/{lotId})");
                continue;
            }
            lots.add(lot.get());
            covered.add(lot.get().kind());
            if (designKinds != null && !designKinds.contains(lot.get().kind())) {
                v.add(field, "kind_not_in_mix_design", "Material lot " + lotId + " is " + lot.get().kind()
                        + ", which mix design " + design.mixDesignId() + " does not use");
            }
        }
        if (designKinds != null) {
            for (MaterialKind kind : designKinds) {
                if (kind.registeredByLot() && !covered.contains(kind)) {
                    v.add("materialLotIds", "missing_kind", "Mix design " + design.mixDesignId() + " uses " + kind
                            + " but no lot of it is listed");
                }
            }
        }
        v.throwIfInvalid();
        return new Checked(project, design, lots);
    }

    private static void validate(Validation v, ProductionRequest r) {
        v.required("projectId", r.projectId()).text("buyer", r.buyer(), 200).text("pourLocation", r.pourLocation(), 200)
                .required("plannedStart", r.plannedStart()).optionalText("contractNumber", r.contractNumber(), 64);
        Quantities.positive(v, "volumeM3", r.volumeM3(), MAX_VOLUME, 3);
        String mixProblem = PlantIds.problem(r.mixDesignId());
        if (mixProblem != null) {
            v.add("mixDesignId", r.mixDesignId() == null ? "required" : "invalid_id", "mixDesignId " + mixProblem);
        }
        if (r.materialLotIds() == null || r.materialLotIds().isEmpty()) {
            v.add("materialLotIds", "required", "materialLotIds is required: the registered lots to be used");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.materialLotIds().size(); i++) {
                String id = r.materialLotIds().get(i);
                String problem = PlantIds.problem(id);
                if (problem != null) {
                    v.add("materialLotIds[" + i + "]", id == null ? "required" : "invalid_id", "materialLotIds[" + i
                            + "] " + problem);
                } else if (!seen.add(id)) {
                    v.add("materialLotIds[" + i + "]", "duplicate", "Material lot " + id + " is listed twice");
                }
            }
        }
    }

    private static Differences differences(ProductionBatch b, BatchRules.Marking marking, ProductionRequest r) {
        return new Differences().value("projectId", b.projectId(), r.projectId())
                .text("buyer", b.buyer(), r.buyer())
                .text("pourLocation", b.pourLocation(), r.pourLocation())
                .value("marking", b.marking(), marking.canonical())
                .number("volumeM3", b.volumeM3(), r.volumeM3())
                .value("mixDesignId", b.mixDesignId(), r.mixDesignId())
                .value("materialLotIds", b.materialLotIds(), r.materialLotIds())
                .value("plannedStart", b.plannedStart(), r.plannedStart())
                .text("contractNumber", b.contractNumber(), r.contractNumber());
    }

    /** The deadline rule refuses a notification received more than the clock skew before its event. */
    private static void eventNotAfter(Validation v, Instant eventAt, Instant received) {
        if (eventAt != null && BatchRules.beforeEvent(eventAt, received)) {
            v.add("eventAt", "in_future", "eventAt must not be in the future (it was " + eventAt
                    + ", the server's time is " + received + ")");
        }
    }

    private static void notInFuture(Validation v, String field, Instant at, Instant now) {
        if (at != null && at.isAfter(now.plus(MaterialLotService.SKEW))) {
            v.add(field, "in_future", field + " must not be in the future (it was " + at + ", the server's time is "
                    + now + ")");
        }
    }

    /** Draws the plant's next sequence of the day; the counter row stays locked until the transaction ends. */
    private static int nextSequence(Handle h, UUID plant, LocalDate day) {
        int next = h.createQuery("""
                        insert into batch_serial_counter (organisation_id, day, last) values (:org, :day, 1)
                        on conflict (organisation_id, day) do update set last = batch_serial_counter.last + 1
                        returning last""")
                .bind("org", plant).bind("day", day).mapTo(Integer.class).one();
        return next;
    }

    private Optional<ProductionBatch> findOwn(Handle h, Principal p, String batchId, boolean forUpdate, Instant now) {
        if (forUpdate) {
            h.createQuery("select id from production_batch where organisation_id = :org and plant_batch_id = :b for update")
                    .bind("org", p.organisationId()).bind("b", batchId).mapTo(UUID.class).findOne();
        }
        return h.createQuery(BatchStore.SELECT + " where b.organisation_id = :org and b.plant_batch_id = :b")
                .bind("org", p.organisationId()).bind("b", batchId).map((rs, c) -> store.row(rs, now)).findOne();
    }

    private Optional<ProductionBatch> findVisible(Handle h, Principal p, String serialNumber, Instant now) {
        return PlantAccess.scoped(h.createQuery(BatchStore.SELECT + " where b.serial_number = :serial and "
                        + BatchStore.VISIBLE), p)
                .bind("serial", serialNumber).map((rs, c) -> store.row(rs, now)).findOne();
    }

    private ProductionBatch find(Handle h, UUID id, Instant now) {
        return h.createQuery(BatchStore.SELECT + " where b.id = :id").bind("id", id).map((rs, c) -> store.row(rs, now))
                .findOne().orElseThrow(() -> new IllegalStateException("batch " + id + " vanished"));
    }

    static final String TICKETS = """
            select t.*, b.serial_number from delivery_ticket t join production_batch b on b.id = t.batch_id""";

    static DeliveryTicket ticket(ResultSet rs) throws SQLException {
        return new DeliveryTicket(Sql.uuid(rs, "id"), Sql.uuid(rs, "batch_id"), rs.getString("serial_number"),
                rs.getString("ticket_number"), rs.getString("truck_number"), rs.getBigDecimal("volume_m3"),
                Sql.instant(rs, "departed_at"), rs.getString("delivery_place"), Sql.instant(rs, "recorded_at"));
    }
}
