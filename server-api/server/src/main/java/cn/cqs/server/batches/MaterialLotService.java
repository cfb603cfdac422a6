package cn.cqs.server.batches;

import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MaterialLot;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.Validation;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 原材料进厂登记 (material intake, R5). {@code PUT /api/v1/plant/material-lots/{lotId}} registers a
 * delivery under the plant's own id: the same values again answer the stored lot (200); different
 * values replace it (200, version + 1) as long as no batch uses the lot, and are a 409 naming the
 * differing fields once one does (what a batch was produced from never changes).
 *
 * <p>Visibility: the plant sees its lots; a regulator with BATCHES_SUPERVISE sees the lots of plants
 * registered in its jurisdiction and the lots used by batches for projects there.
 */
public final class MaterialLotService {
    /** Largest intake in tonnes. */
    static final BigDecimal MAX_TONNES = new BigDecimal("100000");
    /** Clock skew allowed for times that must not be in the future. */
    static final Duration SKEW = cn.cqs.contract.time.ClaimedTime.MAX_FUTURE_SKEW;
    static final String SELECT = """
            select l.*, o.name as plant_name from material_lot l join organisation o on o.id = l.organisation_id""";
    static final String VISIBLE = """
            (l.organisation_id = :org
             or (:regulator and (o.region_code\s""" + PlantAccess.IN_JURISDICTION + """
                 or exists (select 1 from production_batch_lot bl join production_batch b on b.id = bl.batch_id
                             where bl.lot_id = l.id and b.region_code\s""" + PlantAccess.IN_JURISDICTION + "))))";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final ReportLinks links;

    /** @param tokens verifies a report's scanned QR text before it is linked ({@link ReportLinks}) */
    public MaterialLotService(Jdbi jdbi, AuditLog audit, Clock clock, ReportTokenVerifier tokens) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.links = new ReportLinks(tokens);
    }

    /** Registers (or re-sends, or replaces) the plant's lot {@code lotId}. */
    public Registered<MaterialLot> register(Principal p, String lotId, MaterialIntakeRequest r) {
        PlantAccess.requirePlant(p);
        PlantIds.check("lotId", lotId);
        Instant now = clock.instant();
        ReportLinks.Named report = validate(r, now);
        return ConcurrentRegistration.retried(() -> jdbi.inTransaction(h -> {
            Optional<MaterialLot> existing = findOwn(h, p, lotId, true);
            UUID reportId = links.link(h, p, "testReportToken", report,
                    existing.map(MaterialLot::testReportToken).orElse(null),
                    existing.map(MaterialLot::testReportId).orElse(null));
            if (existing.isEmpty()) {
                UUID id = UUID.randomUUID();
                int inserted = h.createUpdate("""
                                insert into material_lot (id, organisation_id, plant_lot_id, kind, specification, supplier,
                                                          manufacturer, lot_number, quantity_tonnes, arrived_at,
                                                          test_report_number, test_report_id, test_report_token,
                                                          registered_at, updated_at, version)
                                values (:id, :org, :lotId, :kind, :spec, :supplier, :maker, :lotNumber, :tonnes, :arrived,
                                        :reportNumber, cast(:reportId as uuid), :reportToken, :now, :now, 1)
                                on conflict (organisation_id, plant_lot_id) do nothing""")
                        .bind("id", id).bind("org", p.organisationId()).bind("lotId", lotId)
                        .bindMap(values(r, report)).bind("reportId", reportId).bind("now", Sql.ts(now)).execute();
                if (inserted == 0) {
                    throw new ConcurrentRegistration();
                }
                MaterialLot lot = find(h, id);
                audit.record(h, p, now, "material_lot.register", "material_lot", id, null, null, lot);
                return new Registered<>(lot, true);
            }
            MaterialLot before = existing.get();
            Differences d = differences(before, r, report);
            if (d.none()) {
                return new Registered<>(before, false);
            }
            if (usedByBatch(h, before.id())) {
                throw d.conflict("Material lot " + lotId, "a batch uses it, so it cannot change any more");
            }
            h.createUpdate("""
                            update material_lot set kind = :kind, specification = :spec, supplier = :supplier,
                                   manufacturer = :maker, lot_number = :lotNumber, quantity_tonnes = :tonnes,
                                   arrived_at = :arrived, test_report_number = :reportNumber, test_report_id = cast(:reportId as uuid),
                                   test_report_token = :reportToken,
                                   updated_at = :now, version = version + 1
                             where id = :id""")
                    .bindMap(values(r, report)).bind("reportId", reportId).bind("now", Sql.ts(now)).bind("id", before.id())
                    .execute();
            MaterialLot after = find(h, before.id());
            audit.record(h, p, now, "material_lot.replace", "material_lot", before.id(), null, before, after);
            return new Registered<>(after, false);
        }));
    }

    /** The lots the caller sees, newest arrival first, optionally one plant's or one kind's. */
    public List<MaterialLot> list(Principal p, UUID plantId, MaterialKind kind, int limit, int offset) {
        PlantAccess.requireReader(p);
        return jdbi.withHandle(h -> PlantAccess.scoped(h.createQuery(SELECT + " where " + VISIBLE + """
                         and (cast(:plant as uuid) is null or l.organisation_id = cast(:plant as uuid))
                         and (cast(:kind as text) is null or l.kind = cast(:kind as text))
                        order by l.arrived_at desc, l.id limit :limit offset :offset"""), p)
                .bind("plant", plantId).bind("kind", kind == null ? null : kind.name())
                .bind("limit", limit).bind("offset", offset)
                .map((rs, c) -> lot(rs)).list());
    }

    private static ReportLinks.Named validate(MaterialIntakeRequest r, Instant now) {
        Validation v = new Validation().required("kind", r.kind())
                .text("specification", r.specification(), 100)
                .text("supplier", r.supplier(), 200)
                .text("manufacturer", r.manufacturer(), 200)
                .text("lotNumber", r.lotNumber(), 64)
                .optionalText("testReportNumber", r.testReportNumber(), 64)
                .required("arrivedAt", r.arrivedAt());
        if (r.kind() != null && !r.kind().registeredByLot()) {
            v.add("kind", "not_by_lot", r.kind() + " is not registered by lot");
        }
        Quantities.positive(v, "quantityTonnes", r.quantityTonnes(), MAX_TONNES, 3);
        if (r.arrivedAt() != null && r.arrivedAt().isAfter(now.plus(SKEW))) {
            v.add("arrivedAt", "in_future", "arrivedAt must not be in the future (it was " + r.arrivedAt() + ")");
        }
        ReportLinks.Named report = ReportLinks.named(v, "testReportNumber", r.testReportNumber(), "testReportToken",
                r.testReportToken());
        v.throwIfInvalid();
        return report;
    }

    private static java.util.Map<String, Object> values(MaterialIntakeRequest r, ReportLinks.Named report) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("kind", r.kind().name());
        m.put("spec", r.specification().strip());
        m.put("supplier", r.supplier().strip());
        m.put("maker", r.manufacturer().strip());
        m.put("lotNumber", r.lotNumber().strip());
        m.put("tonnes", r.quantityTonnes());
        m.put("arrived", Sql.ts(Micros.of(r.arrivedAt())));
        m.put("reportNumber", report.number());
        m.put("reportToken", report.token());
        return m;
    }

    private static Differences differences(MaterialLot l, MaterialIntakeRequest r, ReportLinks.Named report) {
        return new Differences().value("kind", l.kind(), r.kind())
                .text("specification", l.specification(), r.specification())
                .text("supplier", l.supplier(), r.supplier())
                .text("manufacturer", l.manufacturer(), r.manufacturer())
                .text("lotNumber", l.lotNumber(), r.lotNumber())
                .number("quantityTonnes", l.quantityTonnes(), r.quantityTonnes())
                .value("arrivedAt", l.arrivedAt(), r.arrivedAt())
                .text("testReportNumber", l.testReportNumber(), report.number())
                .text("testReportToken", l.testReportToken(), report.token());
    }

    private static boolean usedByBatch(Handle h, UUID lotId) {
        return h.createQuery("select exists (select 1 from production_batch_lot where lot_id = :id)")
                .bind("id", lotId).mapTo(Boolean.class).one();
    }

    /** The caller's own lot by its id ({@code forUpdate} locks it for the transaction). */
    static Optional<MaterialLot> findOwn(Handle h, Principal p, String lotId, boolean forUpdate) {
        return h.createQuery(SELECT + " where l.organisation_id = :org and l.plant_lot_id = :lotId"
                        + (forUpdate ? " for update of l" : ""))
                .bind("org", p.organisationId()).bind("lotId", lotId).map((rs, c) -> lot(rs)).findOne();
    }

    static MaterialLot find(Handle h, UUID id) {
        return h.createQuery(SELECT + " where l.id = :id").bind("id", id).map((rs, c) -> lot(rs)).findOne()
                .orElseThrow(() -> new IllegalStateException("material lot " + id + " vanished"));
    }

    static MaterialLot lot(ResultSet rs) throws SQLException {
        return new MaterialLot(Sql.uuid(rs, "id"), Sql.uuid(rs, "organisation_id"), rs.getString("plant_name"),
                rs.getString("plant_lot_id"), MaterialKind.valueOf(rs.getString("kind")), rs.getString("specification"),
                rs.getString("supplier"), rs.getString("manufacturer"), rs.getString("lot_number"),
                rs.getBigDecimal("quantity_tonnes"), Sql.instant(rs, "arrived_at"), rs.getString("test_report_number"),
                Sql.uuid(rs, "test_report_id"), rs.getString("test_report_token"), Sql.instant(rs, "registered_at"), rs.getLong("version"));
    }
}
