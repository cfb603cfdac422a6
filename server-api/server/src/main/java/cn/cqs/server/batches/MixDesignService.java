package cn.cqs.server.batches;

import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixDesign;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.Validation;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 配合比 (mix designs). {@code PUT /api/v1/plant/mix-designs/{mixDesignId}} registers one under the
 * plant's own id, idempotently: the same values answer the stored design (200); different values
 * replace it (200, version + 1) while no batch uses it and are a 409 naming the differing fields
 * once one does. Visibility as for material lots ({@link MaterialLotService}).
 */
public final class MixDesignService {
    /** Largest quantity of one material, kg per m³ (concrete weighs about 2400 kg/m³). */
    static final BigDecimal MAX_KG_PER_M3 = new BigDecimal("3000");
    static final String SELECT = """
            select m.*, o.name as plant_name from mix_design m join organisation o on o.id = m.organisation_id""";
    static final String VISIBLE = """
            (m.organisation_id = :org
             or (:regulator and (o.region_code\s""" + PlantAccess.IN_JURISDICTION + """
                 or exists (select 1 from production_batch b where b.mix_design_id = m.id
                               and b.region_code\s""" + PlantAccess.IN_JURISDICTION + "))))";
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final ReportLinks links;

    /** @param tokens verifies a trial-mix report's scanned QR text before it is linked ({@link ReportLinks}) */
    public MixDesignService(Jdbi jdbi, AuditLog audit, Clock clock, ReportTokenVerifier tokens) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.links = new ReportLinks(tokens);
    }

    public Registered<MixDesign> register(Principal p, String mixDesignId, MixDesignRequest r) {
        PlantAccess.requirePlant(p);
        PlantIds.check("mixDesignId", mixDesignId);
        Validation v = new Validation();
        BatchRules.Marking marking = BatchRules.marking(v, "marking", r.marking());
        validate(v, r);
        ReportLinks.Named report = ReportLinks.named(v, "trialReportNumber", r.trialReportNumber(), "trialReportToken",
                r.trialReportToken());
        v.throwIfInvalid();
        Instant now = clock.instant();
        return ConcurrentRegistration.retried(() -> jdbi.inTransaction(h -> {
            Optional<MixDesign> existing = findOwn(h, p, mixDesignId, true);
            UUID reportId = links.link(h, p, "trialReportToken", report,
                    existing.map(MixDesign::trialReportToken).orElse(null),
                    existing.map(MixDesign::trialReportId).orElse(null));
            if (existing.isEmpty()) {
                UUID id = UUID.randomUUID();
                int inserted = h.createUpdate("""
                                insert into mix_design (id, organisation_id, plant_mix_design_id, marking, strength_class,
                                                        trial_report_number, trial_report_id, trial_report_token,
                                                        valid_from, valid_to, registered_at, updated_at, version)
                                values (:id, :org, :mixId, :marking, :strength, :reportNumber, cast(:reportId as uuid),
                                        :reportToken, :from, cast(:to as date),
                                        :now, :now, 1)
                                on conflict (organisation_id, plant_mix_design_id) do nothing""")
                        .bind("id", id).bind("org", p.organisationId()).bind("mixId", mixDesignId)
                        .bind("marking", marking.canonical()).bind("strength", marking.strengthClass())
                        .bind("reportNumber", report.number()).bind("reportId", reportId)
                        .bind("reportToken", report.token())
                        .bind("from", r.validFrom()).bind("to", r.validTo()).bind("now", Sql.ts(now)).execute();
                if (inserted == 0) {
                    throw new ConcurrentRegistration();
                }
                insertQuantities(h, id, r.quantities());
                MixDesign design = find(h, id);
                audit.record(h, p, now, "mix_design.register", "mix_design", id, null, null, design);
                return new Registered<>(design, true);
            }
            MixDesign before = existing.get();
            Differences d = differences(before, marking, r, report);
            if (d.none()) {
                return new Registered<>(before, false);
            }
            boolean used = h.createQuery("select exists (select 1 from production_batch where mix_design_id = :id)")
                    .bind("id", before.id()).mapTo(Boolean.class).one();
            if (used) {
                throw d.conflict("Mix design " + mixDesignId, "a batch uses it, so it cannot change any more; "
                        + "register the changed design under a new id");
            }
            h.createUpdate("""
                            update mix_design set marking = :marking, strength_class = :strength,
                                   trial_report_number = :reportNumber, trial_report_id = cast(:reportId as uuid),
                                   trial_report_token = :reportToken, valid_from = :from,
                                   valid_to = cast(:to as date), updated_at = :now, version = version + 1
                             where id = :id""")
                    .bind("marking", marking.canonical()).bind("strength", marking.strengthClass())
                    .bind("reportNumber", report.number()).bind("reportId", reportId)
                        .bind("reportToken", report.token())
                    .bind("from", r.validFrom()).bind("to", r.validTo()).bind("now", Sql.ts(now))
                    .bind("id", before.id()).execute();
            h.createUpdate("delete from mix_design_quantity where mix_design_id = :id").bind("id", before.id()).execute();
            insertQuantities(h, before.id(), r.quantities());
            MixDesign after = find(h, before.id());
            audit.record(h, p, now, "mix_design.replace", "mix_design", before.id(), null, before, after);
            return new Registered<>(after, false);
        }));
    }

    /** The mix designs the caller sees, optionally one plant's, or only those valid on {@code validOn}. */
    public List<MixDesign> list(Principal p, UUID plantId, LocalDate validOn, int limit, int offset) {
        PlantAccess.requireReader(p);
        return jdbi.withHandle(h -> {
            List<MixDesign> designs = PlantAccess.scoped(h.createQuery(SELECT + " where " + VISIBLE + """
                             and (cast(:plant as uuid) is null or m.organisation_id = cast(:plant as uuid))
                             and (cast(:day as date) is null or (m.valid_from <= cast(:day as date)
                                  and (m.valid_to is null or m.valid_to >= cast(:day as date))))
                            order by m.registered_at desc, m.id limit :limit offset :offset"""), p)
                    .bind("plant", plantId).bind("day", validOn).bind("limit", limit).bind("offset", offset)
                    .map((rs, c) -> design(rs, List.of())).list();
            return withQuantities(h, designs);
        });
    }

    private static void validate(Validation v, MixDesignRequest r) {
        v.optionalText("trialReportNumber", r.trialReportNumber(), 64).required("validFrom", r.validFrom());
        if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            v.add("validTo", "before_valid_from", "validTo (" + r.validTo() + ") is before validFrom (" + r.validFrom() + ")");
        }
        if (r.quantities() == null || r.quantities().isEmpty()) {
            v.add("quantities", "required", "quantities is required: kg per m³ of each material, cement and water at least");
            return;
        }
        Set<MaterialKind> seen = EnumSet.noneOf(MaterialKind.class);
        for (int i = 0; i < r.quantities().size(); i++) {
            MixQuantity q = r.quantities().get(i);
            String field = "quantities[" + i + "]";
            if (q == null) {
                v.add(field, "required", field + " must not be null");
                continue;
            }
            if (q.kind() == null) {
                v.add(field + ".kind", "required", field + ".kind is required");
            } else if (!seen.add(q.kind())) {
                v.add(field + ".kind", "duplicate", q.kind() + " is listed twice; give one line per material");
            }
            Quantities.positive(v, field + ".kgPerM3", q.kgPerM3(), MAX_KG_PER_M3, 3);
        }
        for (MaterialKind required : List.of(MaterialKind.CEMENT, MaterialKind.WATER)) {
            if (!seen.contains(required)) {
                v.add("quantities", "missing_" + required.name().toLowerCase(), "A mix design needs a quantity of " + required);
            }
        }
    }

    private static Differences differences(MixDesign m, BatchRules.Marking marking, MixDesignRequest r,
                                           ReportLinks.Named report) {
        return new Differences().value("marking", m.marking(), marking.canonical())
                .value("quantities", quantityText(m.quantities()), quantityText(r.quantities()))
                .text("trialReportNumber", m.trialReportNumber(), report.number())
                .text("trialReportToken", m.trialReportToken(), report.token())
                .value("validFrom", m.validFrom(), r.validFrom())
                .value("validTo", m.validTo(), r.validTo());
    }

    /** A comparable text of quantities: kind=kg per line, in material order, numbers by value. */
    private static String quantityText(List<MixQuantity> quantities) {
        return quantities.stream().sorted(Comparator.comparing(MixQuantity::kind))
                .map(q -> q.kind() + "=" + q.kgPerM3().stripTrailingZeros().toPlainString())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static void insertQuantities(Handle h, UUID id, List<MixQuantity> quantities) {
        var batch = h.prepareBatch("insert into mix_design_quantity (mix_design_id, kind, kg_per_m3) values (:id, :kind, :kg)");
        for (MixQuantity q : quantities) {
            batch.bind("id", id).bind("kind", q.kind().name()).bind("kg", q.kgPerM3()).add();
        }
        batch.execute();
    }

    static Optional<MixDesign> findOwn(Handle h, Principal p, String mixDesignId, boolean forUpdate) {
        return h.createQuery(SELECT + " where m.organisation_id = :org and m.plant_mix_design_id = :mixId"
                        + (forUpdate ? " for update of m" : ""))
                .bind("org", p.organisationId()).bind("mixId", mixDesignId)
                .map((rs, c) -> design(rs, List.of())).findOne()
                .map(m -> withQuantities(h, List.of(m)).get(0));
    }

    static MixDesign find(Handle h, UUID id) {
        MixDesign m = h.createQuery(SELECT + " where m.id = :id").bind("id", id).map((rs, c) -> design(rs, List.of()))
                .findOne().orElseThrow(() -> new IllegalStateException("mix design " + id + " vanished"));
        return withQuantities(h, List.of(m)).get(0);
    }

    /** The designs with their quantity lines, read in one query. */
    static List<MixDesign> withQuantities(Handle h, List<MixDesign> designs) {
        if (designs.isEmpty()) {
            return designs;
        }
        Map<UUID, List<MixQuantity>> lines = new java.util.HashMap<>();
        h.createQuery("select * from mix_design_quantity where mix_design_id = any(:ids)")
                .bind("ids", designs.stream().map(MixDesign::id).toArray(UUID[]::new))
                .map((rs, c) -> Map.entry(Sql.uuid(rs, "mix_design_id"),
                        new MixQuantity(MaterialKind.valueOf(rs.getString("kind")), rs.getBigDecimal("kg_per_m3"))))
                .forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return designs.stream().map(m -> new MixDesign(m.id(), m.plantId(), m.plantName(), m.mixDesignId(), m.marking(),
                m.strengthClass(), lines.getOrDefault(m.id(), List.of()).stream()
                .sorted(Comparator.comparing(MixQuantity::kind)).toList(), m.trialReportNumber(), m.trialReportId(), m.trialReportToken(),
                m.validFrom(), m.validTo(), m.registeredAt(), m.version())).toList();
    }

    static MixDesign design(ResultSet rs, List<MixQuantity> quantities) throws SQLException {
        return new MixDesign(Sql.uuid(rs, "id"), Sql.uuid(rs, "organisation_id"), rs.getString("plant_name"),
                rs.getString("plant_mix_design_id"), rs.getString("marking"), rs.getString("strength_class"),
                quantities, rs.getString("trial_report_number"), Sql.uuid(rs, "trial_report_id"),
                rs.getString("trial_report_token"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                Sql.instant(rs, "registered_at"), rs.getLong("version"));
    }
}
