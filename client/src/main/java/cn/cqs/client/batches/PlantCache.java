package cn.cqs.client.batches;

import cn.cqs.client.sync.ChangeSink;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.LocalStoreException;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.contract.batches.DispatchRule;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MaterialLot;
import cn.cqs.contract.batches.MixDesign;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.sync.Change;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 预拌混凝土本地库: the plant office's tables in the profile database (schema 7; 8 for the
 * batches' {@code dispatched_at}; 9 for the moment worked out here from this desk's own tickets): material lots,
 * mix designs, production batches and delivery tickets — the plant's own registrations while they
 * wait in the outbox, and the server's copies (registration answers and the change feed), which
 * replace them. The batch list is answered from here with SQL on indexed columns, for tens of
 * thousands of batches. No JavaFX; call it off the JavaFX thread.
 */
public final class PlantCache {
    /** Change-feed entity of production batches ({@link ProductionBatch} JSON). */
    public static final String BATCH_ENTITY = "batch";
    /** Change-feed entity of material lots ({@link MaterialLot} JSON). */
    public static final String LOT_ENTITY = "material_lot";
    /** Change-feed entity of mix designs ({@link MixDesign} JSON). */
    public static final String MIX_DESIGN_ENTITY = "mix_design";

    static final String BATCH_COLUMNS = "key, batch_id, serial_number, qr_text, project_id, project_name, buyer, "
            + "pour_location, marking, volume_m3, mix_design_id, material_lot_ids, planned_start, contract_number, day, "
            + "started_at, start_notified_at, start_state, ended_at, end_notified_at, end_state, produced_volume_m3, "
            + "dosing_state, version, dispatched_at";

    private static final String UPSERT_BATCH = """
            INSERT INTO plant_batch (batch_id, server_id, serial_number, qr_text, project_id, project_name, buyer,
              pour_location, marking, volume_m3, mix_design_id, material_lot_ids, planned_start, contract_number, day,
              registered_at, started_at, start_notified_at, start_state, ended_at, end_notified_at, end_state,
              produced_volume_m3, dosing_state, version, outbox_id, search_text, updated_at, dispatched_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (batch_id) DO UPDATE SET
              server_id = excluded.server_id, serial_number = excluded.serial_number, qr_text = excluded.qr_text,
              project_id = excluded.project_id, project_name = excluded.project_name, buyer = excluded.buyer,
              pour_location = excluded.pour_location, marking = excluded.marking, volume_m3 = excluded.volume_m3,
              mix_design_id = excluded.mix_design_id, material_lot_ids = excluded.material_lot_ids,
              planned_start = excluded.planned_start, contract_number = excluded.contract_number, day = excluded.day,
              registered_at = excluded.registered_at,
              started_at = COALESCE(excluded.started_at, plant_batch.started_at),
              start_notified_at = COALESCE(excluded.start_notified_at, plant_batch.start_notified_at),
              start_state = CASE WHEN excluded.started_at IS NULL AND plant_batch.started_at IS NOT NULL
                                 THEN plant_batch.start_state ELSE excluded.start_state END,
              ended_at = COALESCE(excluded.ended_at, plant_batch.ended_at),
              end_notified_at = COALESCE(excluded.end_notified_at, plant_batch.end_notified_at),
              end_state = CASE WHEN excluded.ended_at IS NULL AND plant_batch.ended_at IS NOT NULL
                               THEN plant_batch.end_state ELSE excluded.end_state END,
              produced_volume_m3 = COALESCE(excluded.produced_volume_m3, plant_batch.produced_volume_m3),
              dosing_state = excluded.dosing_state, version = excluded.version,
              outbox_id = plant_batch.outbox_id, search_text = excluded.search_text, updated_at = excluded.updated_at,
              dispatched_at = excluded.dispatched_at, dispatched_here = 0
            WHERE excluded.version > plant_batch.version
               OR (excluded.version = plant_batch.version AND excluded.dispatched_at IS NOT NULL
                   AND (plant_batch.dispatched_at IS NULL OR plant_batch.dispatched_here = 1))""";

    /*
     * The notification filters judge every batch by the contract's NotificationDeadline.startState and
     * endState at the query's clock, from the moments stored, never from the states stored at the last
     * sync, which go stale offline (a planned start passing, a dispatch worked out here):
     *  - start notified (started_at): its verdict as stored, ON_TIME or LATE (judged on receipt, fixed);
     *  - start not notified: from the planned start, NOT_DUE before it, DUE from it for the window,
     *    MISSING after;
     *  - end notified (ended_at): its verdict as stored, ON_TIME or LATE;
     *  - end not notified, dispatched_at known: DUE from it for the window, MISSING after;
     *  - neither: the verdict as stored (NOT_DUE from the current server; DUE or MISSING only on copies
     *    cached before schema 8, until the feed sends them again with the moment).
     * Arguments: now, and the cutoff (now minus the window; an event before it is overdue).
     */
    private static final String START_NOT_DUE = "(started_at IS NULL AND planned_start > ?)";
    private static final String START_DUE = "(started_at IS NULL AND planned_start <= ? AND planned_start >= ?)";
    private static final String START_MISSING = "(started_at IS NULL AND planned_start < ?)";
    private static final String END_DUE = "(ended_at IS NULL AND dispatched_at >= ?)";
    private static final String END_MISSING = "(ended_at IS NULL AND dispatched_at < ?)";
    private static final String END_DUE_AS_STORED = "(end_state = 'DUE' AND ended_at IS NULL AND dispatched_at IS NULL)";
    private static final String END_MISSING_AS_STORED =
            "(end_state = 'MISSING' AND ended_at IS NULL AND dispatched_at IS NULL)";

    // the conditions of the partial indexes (schema 7 and 9), written exactly as there, so SQLite reads the
    // few candidates in list order: _late the late ones; _unnotified those whose state the clock can
    // change (every batch a clock-judged state above can match); _flagged_now both
    private static final String LATE = "start_state = 'LATE' OR end_state = 'LATE'";
    private static final String UNNOTIFIED = "started_at IS NULL OR (ended_at IS NULL AND (dispatched_at IS NOT NULL"
            + " OR end_state IN ('DUE', 'MISSING')))";
    private static final String FLAGGED_NOW = "start_state = 'LATE' OR end_state = 'LATE' OR started_at IS NULL"
            + " OR (ended_at IS NULL AND (dispatched_at IS NOT NULL OR end_state IN ('DUE', 'MISSING')))";

    private final LocalStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper mapper = Json.newMapper();

    public PlantCache(LocalStore store, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public LocalStore store() {
        return store;
    }

    // ------------------------------------------------------------------ change feed

    /** The sink keeping the batch table in step with the feed's {@value #BATCH_ENTITY} changes. */
    public ChangeSink batchSink() {
        return (c, change) -> {
            if (change.deleted()) {
                deleteByServerId(c, "plant_batch", change);
            } else {
                upsertBatch(c, read(change, ProductionBatch.class), null);
            }
        };
    }

    /** The sink for {@value #LOT_ENTITY} changes. */
    public ChangeSink lotSink() {
        return (c, change) -> {
            if (change.deleted()) {
                deleteByServerId(c, "plant_material_lot", change);
            } else {
                upsertLot(c, read(change, MaterialLot.class));
            }
        };
    }

    /** The sink for {@value #MIX_DESIGN_ENTITY} changes. */
    public ChangeSink mixDesignSink() {
        return (c, change) -> {
            if (change.deleted()) {
                deleteByServerId(c, "plant_mix_design", change);
            } else {
                upsertMixDesign(c, read(change, MixDesign.class));
            }
        };
    }

    private <T> T read(Change change, Class<T> type) {
        try {
            return mapper.treeToValue(change.data(), type);
        } catch (JsonProcessingException e) {
            throw new LocalStoreException("The change feed's " + change.entity() + " " + change.id()
                    + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static void deleteByServerId(Connection c, String table, Change change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE server_id = ?")) {
            ps.setString(1, change.id().toString());
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ material lots

    /** Records a lot registered on this client (not yet confirmed); replaces an unconfirmed one of the same id. */
    public void saveLocalLot(Connection c, String lotId, MaterialIntakeRequest r, String outboxId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO plant_material_lot (lot_id, kind, specification, supplier, manufacturer, lot_number,
                  quantity_tonnes, arrived_at, test_report_number, version, outbox_id, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                ON CONFLICT (lot_id) DO UPDATE SET kind = excluded.kind, specification = excluded.specification,
                  supplier = excluded.supplier, manufacturer = excluded.manufacturer, lot_number = excluded.lot_number,
                  quantity_tonnes = excluded.quantity_tonnes, arrived_at = excluded.arrived_at,
                  test_report_number = excluded.test_report_number, outbox_id = excluded.outbox_id,
                  updated_at = excluded.updated_at""")) {
            ps.setString(1, lotId);
            ps.setString(2, r.kind().name());
            ps.setString(3, r.specification());
            ps.setString(4, r.supplier());
            ps.setString(5, r.manufacturer());
            ps.setString(6, r.lotNumber());
            ps.setString(7, r.quantityTonnes().toPlainString());
            ps.setLong(8, r.arrivedAt().toEpochMilli());
            ps.setString(9, r.testReportNumber());
            ps.setString(10, outboxId);
            ps.setLong(11, clock.millis());
            ps.executeUpdate();
        }
    }

    /** Stores the server's copy of a lot (newer versions only). */
    public void upsertLot(Connection c, MaterialLot lot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO plant_material_lot (lot_id, server_id, kind, specification, supplier, manufacturer,
                  lot_number, quantity_tonnes, arrived_at, test_report_number, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lot_id) DO UPDATE SET server_id = excluded.server_id, kind = excluded.kind,
                  specification = excluded.specification, supplier = excluded.supplier,
                  manufacturer = excluded.manufacturer, lot_number = excluded.lot_number,
                  quantity_tonnes = excluded.quantity_tonnes, arrived_at = excluded.arrived_at,
                  test_report_number = excluded.test_report_number, version = excluded.version,
                  updated_at = excluded.updated_at
                WHERE excluded.version > plant_material_lot.version""")) {
            ps.setString(1, lot.lotId());
            ps.setString(2, lot.id() == null ? null : lot.id().toString());
            ps.setString(3, lot.kind().name());
            ps.setString(4, lot.specification());
            ps.setString(5, lot.supplier());
            ps.setString(6, lot.manufacturer());
            ps.setString(7, lot.lotNumber());
            ps.setString(8, lot.quantityTonnes().toPlainString());
            ps.setLong(9, lot.arrivedAt().toEpochMilli());
            ps.setString(10, lot.testReportNumber());
            ps.setLong(11, Math.max(1, lot.version()));
            ps.setLong(12, clock.millis());
            ps.executeUpdate();
        }
    }

    /** The lots of {@code kind} (every kind when null), newest arrival first, at most {@code limit}. */
    public List<LocalLot> lots(MaterialKind kind, int limit) {
        return store.read(c -> {
            String sql = "SELECT lot_id, kind, specification, supplier, manufacturer, lot_number, quantity_tonnes, "
                    + "arrived_at, test_report_number, version FROM plant_material_lot"
                    + (kind == null ? "" : " WHERE kind = ?") + " ORDER BY arrived_at DESC, lot_id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (kind != null) {
                    ps.setString(i++, kind.name());
                }
                ps.setInt(i, limit);
                List<LocalLot> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LocalLot(rs.getString(1), new MaterialIntakeRequest(
                                MaterialKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), new BigDecimal(rs.getString(7)),
                                Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9)), rs.getLong(10) > 0));
                    }
                }
                return out;
            }
        });
    }

    /** Whether a lot with this id is known here (registered here or confirmed). */
    public boolean hasLot(String lotId) {
        return exists("plant_material_lot", "lot_id", lotId);
    }

    // ------------------------------------------------------------------ mix designs

    /** Records a mix design registered on this client (not yet confirmed). */
    public void saveLocalMixDesign(Connection c, String id, MixDesignRequest r, String strengthClass, String outboxId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO plant_mix_design (mix_design_id, marking, strength_class, quantities, trial_report_number,
                  valid_from, valid_to, version, outbox_id, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                ON CONFLICT (mix_design_id) DO UPDATE SET marking = excluded.marking,
                  strength_class = excluded.strength_class, quantities = excluded.quantities,
                  trial_report_number = excluded.trial_report_number, valid_from = excluded.valid_from,
                  valid_to = excluded.valid_to, outbox_id = excluded.outbox_id, updated_at = excluded.updated_at""")) {
            ps.setString(1, id);
            ps.setString(2, r.marking());
            ps.setString(3, strengthClass);
            ps.setString(4, json(r.quantities()));
            ps.setString(5, r.trialReportNumber());
            ps.setString(6, r.validFrom().toString());
            ps.setString(7, r.validTo() == null ? null : r.validTo().toString());
            ps.setString(8, outboxId);
            ps.setLong(9, clock.millis());
            ps.executeUpdate();
        }
    }

    /** Stores the server's copy of a mix design (newer versions only). */
    public void upsertMixDesign(Connection c, MixDesign d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO plant_mix_design (mix_design_id, server_id, marking, strength_class, quantities,
                  trial_report_number, valid_from, valid_to, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (mix_design_id) DO UPDATE SET server_id = excluded.server_id, marking = excluded.marking,
                  strength_class = excluded.strength_class, quantities = excluded.quantities,
                  trial_report_number = excluded.trial_report_number, valid_from = excluded.valid_from,
                  valid_to = excluded.valid_to, version = excluded.version, updated_at = excluded.updated_at
                WHERE excluded.version > plant_mix_design.version""")) {
            ps.setString(1, d.mixDesignId());
            ps.setString(2, d.id() == null ? null : d.id().toString());
            ps.setString(3, d.marking());
            ps.setString(4, d.strengthClass());
            ps.setString(5, json(d.quantities()));
            ps.setString(6, d.trialReportNumber());
            ps.setString(7, d.validFrom().toString());
            ps.setString(8, d.validTo() == null ? null : d.validTo().toString());
            ps.setLong(9, Math.max(1, d.version()));
            ps.setLong(10, clock.millis());
            ps.executeUpdate();
        }
    }

    /** Every mix design, by id. */
    public List<LocalMixDesign> mixDesigns() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT mix_design_id, marking, strength_class, quantities, "
                    + "trial_report_number, valid_from, valid_to, version FROM plant_mix_design ORDER BY mix_design_id");
                 ResultSet rs = ps.executeQuery()) {
                List<LocalMixDesign> out = new ArrayList<>();
                while (rs.next()) {
                    List<MixQuantity> q = readJson(rs.getString(4), new TypeReference<List<MixQuantity>>() { });
                    String to = rs.getString(7);
                    out.add(new LocalMixDesign(rs.getString(1), new MixDesignRequest(rs.getString(2), q,
                            rs.getString(5), LocalDate.parse(rs.getString(6)), to == null ? null : LocalDate.parse(to)),
                            rs.getString(3), rs.getLong(8) > 0));
                }
                return out;
            }
        });
    }

    public Optional<LocalMixDesign> mixDesign(String id) {
        return mixDesigns().stream().filter(d -> d.mixDesignId().equals(id)).findFirst();
    }

    // ------------------------------------------------------------------ batches

    /** Records a batch registered on this client: no serial number until the server answers. */
    public void saveLocalBatch(Connection c, String batchId, ProductionRequest r, String projectName, String outboxId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO plant_batch (batch_id, project_id, project_name, buyer, pour_location, marking, volume_m3,
                  mix_design_id, material_lot_ids, planned_start, contract_number, day, start_state, end_state,
                  dosing_state, version, outbox_id, search_text, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
                ON CONFLICT (batch_id) DO UPDATE SET project_id = excluded.project_id,
                  project_name = excluded.project_name, buyer = excluded.buyer, pour_location = excluded.pour_location,
                  marking = excluded.marking, volume_m3 = excluded.volume_m3, mix_design_id = excluded.mix_design_id,
                  material_lot_ids = excluded.material_lot_ids, planned_start = excluded.planned_start,
                  contract_number = excluded.contract_number, day = excluded.day, outbox_id = excluded.outbox_id,
                  search_text = excluded.search_text, updated_at = excluded.updated_at
                WHERE plant_batch.version = 0""")) {
            ps.setString(1, batchId);
            ps.setString(2, r.projectId() == null ? null : r.projectId().toString());
            ps.setString(3, projectName);
            ps.setString(4, r.buyer());
            ps.setString(5, r.pourLocation());
            ps.setString(6, r.marking());
            ps.setString(7, r.volumeM3().toPlainString());
            ps.setString(8, r.mixDesignId());
            ps.setString(9, json(r.materialLotIds()));
            ps.setLong(10, r.plannedStart().toEpochMilli());
            ps.setString(11, r.contractNumber());
            ps.setString(12, LocalDate.ofInstant(r.plannedStart(), zone).toString());
            ps.setString(13, NotificationState.NOT_DUE.name());
            ps.setString(14, NotificationState.NOT_DUE.name());
            ps.setString(15, DosingState.NO_DATA.name());
            ps.setString(16, outboxId);
            ps.setString(17, searchText(null, batchId, r.buyer(), r.pourLocation(), projectName, r.contractNumber()));
            ps.setLong(18, clock.millis());
            ps.executeUpdate();
        }
        applyLocalDispatch(c, batchId); // the planned volume may have changed before the server confirmed it
    }

    /**
     * Stores the server's copy of a batch (newer versions only; the same version when it brings a dispatch
     * moment the row lacks or only worked out here); a notification sent here and not yet echoed is kept,
     * and without the server's dispatch moment the one worked out here from this desk's tickets stands
     * ({@link #applyLocalDispatch}).
     */
    public void upsertBatch(Connection c, ProductionBatch b, String outboxId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_BATCH)) {
            bindBatch(ps, b, outboxId);
            ps.executeUpdate();
        }
        if (b.dispatchedAt() == null) {
            applyLocalDispatch(c, b.batchId());
        }
    }

    /** Stores many server batches in one transaction (a full reload, the benchmark). */
    public void upsertBatches(List<ProductionBatch> batches) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_BATCH)) {
                for (ProductionBatch b : batches) {
                    bindBatch(ps, b, null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Set<String> ticketed = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT batch_id FROM plant_ticket");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ticketed.add(rs.getString(1));
                }
            }
            for (ProductionBatch b : batches) {
                if (b.dispatchedAt() == null && ticketed.contains(b.batchId())) {
                    applyLocalDispatch(c, b.batchId());
                }
            }
            return null;
        });
    }

    private void bindBatch(PreparedStatement ps, ProductionBatch b, String outboxId) throws SQLException {
        Instant registered = b.registeredAt() != null ? b.registeredAt() : b.plannedStart();
        ps.setString(1, b.batchId());
        ps.setString(2, b.id() == null ? null : b.id().toString());
        ps.setString(3, b.serialNumber());
        ps.setString(4, b.qrText());
        ps.setString(5, b.projectId() == null ? null : b.projectId().toString());
        ps.setString(6, b.projectName());
        ps.setString(7, b.buyer());
        ps.setString(8, b.pourLocation());
        ps.setString(9, b.marking());
        ps.setString(10, b.volumeM3().toPlainString());
        ps.setString(11, b.mixDesignId());
        ps.setString(12, json(b.materialLotIds() == null ? List.of() : b.materialLotIds()));
        ps.setLong(13, b.plannedStart().toEpochMilli());
        ps.setString(14, b.contractNumber());
        ps.setString(15, LocalDate.ofInstant(registered, zone).toString());
        setInstant(ps, 16, b.registeredAt());
        setInstant(ps, 17, b.startedAt());
        setInstant(ps, 18, b.startNotifiedAt());
        ps.setString(19, Objects.requireNonNullElse(b.startNotification(), NotificationState.NOT_DUE).name());
        setInstant(ps, 20, b.endedAt());
        setInstant(ps, 21, b.endNotifiedAt());
        ps.setString(22, Objects.requireNonNullElse(b.endNotification(), NotificationState.NOT_DUE).name());
        ps.setString(23, b.producedVolumeM3() == null ? null : b.producedVolumeM3().toPlainString());
        ps.setString(24, Objects.requireNonNullElse(b.dosingState(), DosingState.NO_DATA).name());
        ps.setLong(25, Math.max(1, b.version()));
        ps.setString(26, outboxId);
        ps.setString(27, searchText(b.serialNumber(), b.batchId(), b.buyer(), b.pourLocation(), b.projectName(),
                b.contractNumber()));
        ps.setLong(28, clock.millis());
        setInstant(ps, 29, b.dispatchedAt());
    }

    /**
     * Records a start or end notification made here (waiting in the outbox or sent): the event time,
     * the notification time and the state the contract's rule gives.
     */
    public void saveLocalNotification(Connection c, String batchId, boolean start, Instant eventAt, Instant notifiedAt,
                                      NotificationState state, BigDecimal producedVolume) throws SQLException {
        String sql = start
                ? "UPDATE plant_batch SET started_at = ?, start_notified_at = ?, start_state = ?, updated_at = ? "
                + "WHERE batch_id = ?"
                : "UPDATE plant_batch SET ended_at = ?, end_notified_at = ?, end_state = ?, updated_at = ?, "
                + "produced_volume_m3 = COALESCE(?, produced_volume_m3) WHERE batch_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, eventAt.toEpochMilli());
            ps.setLong(2, notifiedAt.toEpochMilli());
            ps.setString(3, state.name());
            ps.setLong(4, clock.millis());
            int i = 5;
            if (!start) {
                ps.setString(i++, producedVolume == null ? null : producedVolume.toPlainString());
            }
            ps.setString(i, batchId);
            if (ps.executeUpdate() != 1) {
                throw new LocalStoreException("No batch " + batchId + " in the local database");
            }
        }
    }

    /**
     * The keys of the batches matching {@code filter}, newest day first, then latest planned start.
     *
     * @param now the clock the notification filters judge by (the contract's {@link NotificationDeadline}
     *            rule; see the conditions above), so they follow the clock offline, without a sync
     */
    public BatchPage query(BatchFilter filter, Instant now) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(filter, now.truncatedTo(ChronoUnit.MILLIS), where, args);
        String sql = "SELECT key FROM plant_batch" + where + " ORDER BY day DESC, planned_start DESC, batch_id";
        return store.read(c -> {
            long[] keys = new long[256];
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == keys.length) {
                            keys = Arrays.copyOf(keys, n * 2);
                        }
                        keys[n++] = rs.getLong(1);
                    }
                }
            }
            return new BatchPage(filter, Arrays.copyOf(keys, n));
        });
    }

    /** SQLite's plan of the query of {@code filter}, one line per step (for the benchmark and tests). */
    public List<String> plan(BatchFilter filter, Instant now) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(filter, now.truncatedTo(ChronoUnit.MILLIS), where, args);
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN SELECT key FROM plant_batch" + where
                    + " ORDER BY day DESC, planned_start DESC, batch_id")) {
                bind(ps, args);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(4));
                    }
                }
                return out;
            }
        });
    }

    /** The SQL condition of {@code filter} (visible to the tests that check the query plans). */
    static void where(BatchFilter f, Instant now, StringBuilder where, List<Object> args) {
        if (f.text() != null) {
            String t = f.text().toLowerCase(Locale.ROOT);
            if (t.indexOf('%') < 0 && t.indexOf('_') < 0) {
                // the trigram index answers LIKE '%text%' (case-insensitive) without reading every row
                where.append(" AND key IN (SELECT rowid FROM plant_batch_search WHERE search_text LIKE ?)");
                args.add("%" + t + "%");
            } else {
                where.append(" AND search_text LIKE ? ESCAPE '\\'");
                args.add("%" + escapeLike(t) + "%");
            }
        }
        if (f.dosing() != null) {
            where.append(" AND dosing_state = ?");
            args.add(f.dosing().name());
        }
        if (f.marking() != null) {
            where.append(" AND marking = ?");
            args.add(f.marking());
        }
        if (f.from() != null) {
            where.append(" AND day >= ?");
            args.add(f.from().toString());
        }
        if (f.to() != null) {
            where.append(" AND day <= ?");
            args.add(f.to().toString());
        }
        long at = now.toEpochMilli();
        long cut = now.minus(NotificationDeadline.WINDOW).toEpochMilli();
        switch (f.notice()) {
            case ALL -> { }
            case NOT_STARTED -> {
                where.append(" AND (" + UNNOTIFIED + ") AND " + START_NOT_DUE);
                args.add(at);
            }
            case DUE -> {
                where.append(" AND (" + UNNOTIFIED + ") AND (" + START_DUE + " OR " + END_DUE + " OR "
                        + END_DUE_AS_STORED + ")");
                args.add(at);
                args.add(cut);
                args.add(cut);
            }
            case LATE -> where.append(" AND (" + LATE + ")");
            case MISSING -> {
                where.append(" AND (" + UNNOTIFIED + ") AND (" + START_MISSING + " OR " + END_MISSING + " OR "
                        + END_MISSING_AS_STORED + ")");
                args.add(cut);
                args.add(cut);
            }
            case LATE_OR_MISSING -> {
                where.append(" AND (" + FLAGGED_NOW + ") AND (start_state = 'LATE' OR end_state = 'LATE' OR "
                        + START_MISSING + " OR " + END_MISSING + " OR " + END_MISSING_AS_STORED + ")");
                args.add(cut);
                args.add(cut);
            }
            default -> throw new IllegalArgumentException("notice filter " + f.notice());
        }
    }

    /** The rows of {@code keys} (as many as exist), in the order of {@code keys}. */
    public List<BatchRow> rows(long[] keys) {
        if (keys.length == 0) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        return store.read(c -> {
            Map<Long, BatchRow> byKey = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS
                    + " FROM plant_batch WHERE key IN (" + in + ")")) {
                for (int i = 0; i < keys.length; i++) {
                    ps.setLong(i + 1, keys[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BatchRow row = batchRow(rs);
                        byKey.put(row.key(), row);
                    }
                }
            }
            List<BatchRow> out = new ArrayList<>(keys.length);
            for (long k : keys) {
                BatchRow row = byKey.get(k);
                if (row != null) {
                    out.add(row);
                }
            }
            return out;
        });
    }

    /** One batch by the plant's id. */
    public Optional<BatchRow> batch(String batchId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS
                    + " FROM plant_batch WHERE batch_id = ?")) {
                ps.setString(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(batchRow(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Batches whose notifications may need attention: without a start notification and a planned start
     * between {@code since} and {@code plannedBefore} (whatever state the last sync stored: the planned
     * start may have passed since, offline), or without an end notification and with the tickets
     * covering the planned volume since {@code since} (the server's moment or the one worked out here);
     * at most 500, by planned start. {@link NotificationWatch} judges them with the contract's rule.
     */
    public List<BatchRow> openNotifications(Instant plannedBefore, Instant since) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS + " FROM plant_batch WHERE "
                    + "(started_at IS NULL AND planned_start <= ? AND planned_start >= ?)"
                    + " OR (ended_at IS NULL AND dispatched_at >= ?)"
                    + " ORDER BY planned_start LIMIT 500")) {
                ps.setLong(1, plannedBefore.toEpochMilli());
                ps.setLong(2, since.toEpochMilli());
                ps.setLong(3, since.toEpochMilli());
                List<BatchRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(batchRow(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Distinct markings of the batches (the list's marking filter), most used first, at most 200. */
    public List<String> batchMarkings() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT marking FROM plant_batch GROUP BY marking ORDER BY count(*) DESC, marking LIMIT 200");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    public long batchCount() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM plant_batch");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ------------------------------------------------------------------ tickets

    /** Records a delivery ticket made here. */
    public void saveTicket(Connection c, String batchId, String ticketNumber, String truck, BigDecimal volume,
                           Instant departedAt, String place, String outboxId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO plant_ticket (batch_id, ticket_number, truck_number, volume_m3, departed_at, delivery_place,
                  outbox_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (batch_id, ticket_number) DO UPDATE SET truck_number = excluded.truck_number,
                  volume_m3 = excluded.volume_m3, departed_at = excluded.departed_at,
                  delivery_place = excluded.delivery_place, outbox_id = excluded.outbox_id""")) {
            ps.setString(1, batchId);
            ps.setString(2, ticketNumber);
            ps.setString(3, truck);
            ps.setString(4, volume.toPlainString());
            ps.setLong(5, departedAt.toEpochMilli());
            ps.setString(6, place);
            ps.setString(7, outboxId);
            ps.setLong(8, clock.millis());
            ps.executeUpdate();
        }
        applyLocalDispatch(c, batchId);
    }

    /**
     * Works out again, for every open batch with tickets recorded here and no moment from the server, the
     * dispatch moment: a ticket the server has refused since no longer counts (the next server copy would
     * also do it), a refused ticket sent again counts again, and tickets recorded before schema 9 (which
     * did not work the moment out here) start the end's hour after the upgrade. Reads the tickets recorded
     * here; a row is written only when its moment changes.
     */
    public void recheckLocalDispatches() {
        List<String> local = store.read(c -> {
            // every open batch with tickets recorded here whose moment is not the server's: those worked out
            // here, and those without one yet (tickets recorded before schema 9, or a refused ticket retried)
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT t.batch_id FROM plant_ticket t"
                    + " JOIN plant_batch b ON b.batch_id = t.batch_id"
                    + " WHERE b.ended_at IS NULL AND (b.dispatched_at IS NULL OR b.dispatched_here = 1)");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
        if (local.isEmpty()) {
            return;
        }
        store.inTransaction(c -> {
            for (String batchId : local) {
                applyLocalDispatch(c, batchId);
            }
            return null;
        });
    }

    /**
     * 本机推算发运完成时间: unless the server has sent the batch's dispatch moment, works it out here with
     * the contract's {@link DispatchRule} over the tickets recorded on this desk for the batch (sent or
     * still waiting in the outbox; not those the server refused), so the end notification's hour
     * (完成告知) is tracked offline at once: by the 待告知 watch, its reminders and the list's filters.
     *
     * <p>Precedence of {@code dispatched_at}: the server's value, when it has one, always wins (it knows
     * every ticket of the batch, from every desk and the data interface) and marks the row
     * {@code dispatched_here = 0}; {@link #upsertBatch} stores it even over a moment worked out here
     * for the same version. While the server has none (its copy is older than the tickets sent from
     * here, or they still wait in the outbox), the moment worked out here stands
     * ({@code dispatched_here = 1}) and is worked out again whenever a ticket is recorded or a server
     * copy without a moment arrives.
     */
    void applyLocalDispatch(Connection c, String batchId) throws SQLException {
        BigDecimal planned;
        try (PreparedStatement ps = c.prepareStatement("SELECT volume_m3 FROM plant_batch WHERE batch_id = ?"
                + " AND (dispatched_at IS NULL OR dispatched_here = 1)")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return; // not cached here, or the server's moment stands
                }
                planned = new BigDecimal(rs.getString(1));
            }
        }
        List<DispatchRule.Departure> tickets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.departed_at, t.volume_m3 FROM plant_ticket t LEFT JOIN outbox o ON o.id = t.outbox_id
                 WHERE t.batch_id = ? AND (o.state IS NULL OR o.state NOT IN (?, ?))""")) {
            ps.setString(1, batchId);
            ps.setString(2, OutboxState.FAILED_PERMANENT.name());
            ps.setString(3, OutboxState.DISMISSED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tickets.add(new DispatchRule.Departure(Instant.ofEpochMilli(rs.getLong(1)),
                            new BigDecimal(rs.getString(2))));
                }
            }
        }
        Instant at = DispatchRule.dispatchedAt(planned, tickets).orElse(null);
        try (PreparedStatement ps = c.prepareStatement("UPDATE plant_batch SET dispatched_at = ?, dispatched_here = ?,"
                + " updated_at = ? WHERE batch_id = ? AND (dispatched_at IS NULL OR dispatched_here = 1)"
                + " AND dispatched_at IS NOT ?")) {
            setInstant(ps, 1, at);
            ps.setInt(2, at == null ? 0 : 1);
            ps.setLong(3, clock.millis());
            ps.setString(4, batchId);
            setInstant(ps, 5, at);
            ps.executeUpdate();
        }
    }

    /** How many tickets of the batch were recorded here (the next ticket's running number). */
    public int ticketCount(String batchId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM plant_ticket WHERE batch_id = ?")) {
                ps.setString(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private BatchRow batchRow(ResultSet rs) throws SQLException {
        return new BatchRow(rs.getLong("key"), rs.getString("batch_id"), rs.getString("serial_number"),
                rs.getString("qr_text"), rs.getString("project_id"), rs.getString("project_name"), rs.getString("buyer"),
                rs.getString("pour_location"), rs.getString("marking"), new BigDecimal(rs.getString("volume_m3")),
                rs.getString("mix_design_id"),
                readJson(rs.getString("material_lot_ids"), new TypeReference<List<String>>() { }),
                Instant.ofEpochMilli(rs.getLong("planned_start")), rs.getString("contract_number"),
                LocalDate.parse(rs.getString("day")), instant(rs, "started_at"), instant(rs, "start_notified_at"),
                NotificationState.valueOf(rs.getString("start_state")), instant(rs, "ended_at"),
                instant(rs, "end_notified_at"), NotificationState.valueOf(rs.getString("end_state")),
                instant(rs, "dispatched_at"), rs.getString("produced_volume_m3") == null ? null : new BigDecimal(rs.getString("produced_volume_m3")),
                DosingState.valueOf(rs.getString("dosing_state")), rs.getLong("version") > 0);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private boolean exists(String table, String column, String value) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + column + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    static String searchText(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(p.strip().toLowerCase(Locale.ROOT)).append('\u001f');
            }
        }
        return b.toString();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T readJson(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new LocalStoreException("A stored plant record's JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
