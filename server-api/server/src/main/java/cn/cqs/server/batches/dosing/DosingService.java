package cn.cqs.server.batches.dosing;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.dosing.BatchDosing;
import cn.cqs.contract.batches.dosing.DosingComparison;
import cn.cqs.contract.batches.dosing.DosingRecord;
import cn.cqs.contract.batches.dosing.DosingReport;
import cn.cqs.contract.batches.dosing.DosingSource;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.validation.ReportInputException;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.batches.trace.BatchAccess;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 投料数据 (R20): stores a batch's dosing records and the deviation report the contract's
 * {@link DosingComparison} computes against the batch's mix design on arrival, and sets the
 * batch's dosing state.
 *
 * <p>Every distinct set is kept (table {@code dosing_set}, append-only, with its plates and its
 * report); the last one received is the batch's current set ({@code dosing_current}). A set equal
 * to the current one (same {@link DosingDigest}) is not stored again: the answer is the current set,
 * so a re-send after a lost response is harmless. A different set is a new revision.
 *
 * <p>Only the batch's plant sends ({@link Permission#BATCHES_REGISTER}); the plant and the
 * regulators of the batch's jurisdiction ({@link Permission#BATCHES_SUPERVISE}) read.
 */
public final class DosingService {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final AuditLog audit;
    private final Clock clock;

    public DosingService(Jdbi jdbi, ObjectMapper mapper, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    /** The result of an import: the batch's dosing now, and whether this call stored a new set. */
    public record Imported(BatchDosing dosing, boolean created) {
    }

    /** The caller is a plant user or key allowed to send dosing data. */
    public static void requirePlant(Principal p) {
        if (p.organisationKind() != OrganisationKind.READY_MIX_PLANT) {
            throw ApiException.forbidden("Only a ready-mixed concrete plant sends dosing records");
        }
        p.require(Permission.BATCHES_REGISTER);
    }

    /**
     * Checks and stores a set of plates for the plant's batch {@code plantBatchId}.
     *
     * @param fieldPrefix how the plates are named in errors ({@code rows} for CSV, {@code plates} for JSON)
     */
    public Imported importSet(Principal p, String plantBatchId, DosingSource source, boolean computerControlled,
                              List<DosingRecord> plates, String fieldPrefix) {
        requirePlant(p);
        return jdbi.inTransaction(h -> {
            BatchAccess.BatchRef batch = BatchAccess.findByPlantId(h, p.organisationId(), plantBatchId)
                    .orElseThrow(() -> ApiException.notFound("Batch " + plantBatchId));
            // one import per batch at a time: revisions stay consecutive and the state matches the current set
            h.createQuery("select id from production_batch where id = :id for update").bind("id", batch.id())
                    .mapTo(UUID.class).one();
            checkSerialNumbers(batch, plates, fieldPrefix);
            DosingReport report = compare(h, batch, plates, computerControlled, fieldPrefix);
            String digest = DosingDigest.of(computerControlled, plates);
            Optional<String> currentDigest = h.createQuery("""
                            select s.digest from dosing_current c join dosing_set s on s.id = c.set_id
                             where c.batch_id = :batch""")
                    .bind("batch", batch.id()).mapTo(String.class).findOne();
            if (currentDigest.isPresent() && currentDigest.get().equals(digest)) {
                return new Imported(read(h, batch), false);
            }
            store(h, p, batch, source, computerControlled, plates, report, digest);
            return new Imported(read(h, batch), true);
        });
    }

    /** The batch's current dosing, for its plant and the regulators of its jurisdiction. */
    public BatchDosing get(Principal p, String serialNumber) {
        return jdbi.withHandle(h -> read(h, BatchAccess.requirePlantOrRegulator(h, p, serialNumber)));
    }

    private static void checkSerialNumbers(BatchAccess.BatchRef batch, List<DosingRecord> plates, String prefix) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < plates.size(); i++) {
            if (!plates.get(i).serialNumber().equals(batch.serialNumber())) {
                errors.add(new Problem.FieldError(prefix + "[" + i + "].serialNumber", "other_batch",
                        "Plate " + plates.get(i).plateNo() + " is of serial number " + plates.get(i).serialNumber()
                                + ", not of this batch (" + batch.serialNumber() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private static DosingReport compare(Handle h, BatchAccess.BatchRef batch, List<DosingRecord> plates,
                                        boolean computerControlled, String prefix) {
        Map<MaterialKind, BigDecimal> design = new EnumMap<>(MaterialKind.class);
        h.createQuery("select kind, kg_per_m3 from mix_design_quantity where mix_design_id = :mix")
                .bind("mix", batch.mixDesignId())
                .map((rs, c) -> Map.entry(MaterialKind.valueOf(rs.getString("kind")), rs.getBigDecimal("kg_per_m3")))
                .forEach(e -> design.put(e.getKey(), e.getValue()));
        try {
            return DosingComparison.compare(design, plates, computerControlled);
        } catch (ReportInputException e) {
            // the rule names plates as plates[i]; the caller's rows are named by its own prefix
            throw ApiException.validation(e.errors().stream()
                    .map(f -> new Problem.FieldError(f.field().startsWith("plates") ? prefix + f.field().substring(6)
                            : f.field(), f.code(), f.message()))
                    .toList());
        }
    }

    private void store(Handle h, Principal p, BatchAccess.BatchRef batch, DosingSource source, boolean computerControlled,
                       List<DosingRecord> plates, DosingReport report, String digest) {
        Instant now = clock.instant();
        UUID setId = UUID.randomUUID();
        int revision = h.createQuery("select coalesce(max(revision), 0) + 1 from dosing_set where batch_id = :batch")
                .bind("batch", batch.id()).mapTo(Integer.class).one();
        h.createUpdate("""
                        insert into dosing_set (id, batch_id, revision, digest, source, computer_controlled, plate_count,
                                                state, report, received_at, organisation_id, user_id, api_key_id)
                        values (:id, :batch, :revision, :digest, :source, :cc, :plates, :state, cast(:report as jsonb),
                                :at, :org, cast(:user as uuid), cast(:key as uuid))""")
                .bind("id", setId).bind("batch", batch.id()).bind("revision", revision).bind("digest", digest)
                .bind("source", source.name()).bind("cc", computerControlled).bind("plates", plates.size())
                .bind("state", report.state().name()).bind("report", json(report)).bind("at", Sql.ts(now))
                .bind("org", p.organisationId()).bind("user", p.userId()).bind("key", p.apiKeyId())
                .execute();
        var plateRows = h.prepareBatch("""
                insert into dosing_plate (set_id, plate_number, mixed_at, volume_m3)
                values (:set, :no, :at, :volume)""");
        var quantityRows = h.prepareBatch("""
                insert into dosing_quantity (set_id, plate_number, kind, actual_kg) values (:set, :no, :kind, :kg)""");
        for (DosingRecord plate : plates) {
            plateRows.bind("set", setId).bind("no", plate.plateNo()).bind("at", Sql.ts(plate.time()))
                    .bind("volume", plate.volumeM3()).add();
            plate.weighedKg().forEach((kind, kg) -> quantityRows.bind("set", setId).bind("no", plate.plateNo())
                    .bind("kind", kind.name()).bind("kg", kg).add());
        }
        plateRows.execute();
        quantityRows.execute();
        h.createUpdate("""
                        insert into dosing_current (batch_id, set_id) values (:batch, :set)
                        on conflict (batch_id) do update set set_id = excluded.set_id""")
                .bind("batch", batch.id()).bind("set", setId).execute();
        String before = h.createQuery("select dosing_state from production_batch where id = :id").bind("id", batch.id())
                .mapTo(String.class).one();
        h.createUpdate("""
                        update production_batch set dosing_state = :state, version = version + 1 where id = :id""")
                .bind("state", report.state().name()).bind("id", batch.id()).execute();
        audit.record(h, p, now, "batch.dosing", "production_batch", batch.id(), batch.projectId(),
                Map.of("dosingState", before), Map.of("dosingState", report.state().name(), "revision", revision,
                        "plates", plates.size(), "source", source.name(), "computerControlled", computerControlled));
    }

    private BatchDosing read(Handle h, BatchAccess.BatchRef batch) {
        record Row(String plantName, String state) {
        }
        Row row = h.createQuery("""
                        select o.name, b.dosing_state from production_batch b join organisation o on o.id = b.organisation_id
                         where b.id = :id""")
                .bind("id", batch.id()).map((rs, c) -> new Row(rs.getString(1), rs.getString(2))).one();
        record Current(int revision, DosingSource source, Instant receivedAt, String report) {
        }
        Optional<Current> current = h.createQuery("""
                        select s.revision, s.source, s.received_at, s.report::text as report
                          from dosing_current c join dosing_set s on s.id = c.set_id where c.batch_id = :batch""")
                .bind("batch", batch.id())
                .map((rs, c) -> new Current(rs.getInt("revision"), DosingSource.valueOf(rs.getString("source")),
                        Sql.instant(rs, "received_at"), rs.getString("report")))
                .findOne();
        return new BatchDosing(batch.id(), batch.serialNumber(), batch.batchId(), batch.plantId(), row.plantName(),
                DosingState.valueOf(row.state()), current.map(Current::revision).orElse(0),
                current.map(Current::source).orElse(null), current.map(Current::receivedAt).orElse(null),
                current.map(c -> report(c.report())).orElse(null));
    }

    private String json(DosingReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A dosing report could not be written as JSON", e);
        }
    }

    private DosingReport report(String json) {
        try {
            return mapper.readValue(json, DosingReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dosing_set holds a report that does not read back", e);
        }
    }
}
