package cn.cqs.server.testing;

import cn.cqs.contract.orgs.Uscc;
import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.qr.KeyFieldsDigest;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.server.db.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Ready-mix rows written straight into the database, for tests and benchmarks that need many
 * batches with chosen times and states (the API registers batches "now" and checks every field;
 * that path has its own tests): plants with a mix design, projects, and production batches. The
 * rows satisfy every constraint of the tables; the QR token decodes (BatchStore turns it into the
 * QR text) but its signature is zeros: these batches are never verified.
 */
public final class ReadyMixSeed {
    /** The marking every seeded batch carries. */
    public static final String MARKING = "A-C30-180(S4)-GB/T 14902";
    private final Random random;

    /** @param seed the seed of the random organisation codes (fixed: the same rows each run) */
    public ReadyMixSeed(long seed) {
        this.random = new Random(seed);
    }

    /** A seeded plant and the id of its one mix design. */
    public record Plant(UUID id, String name, String uscc, UUID mixDesignId) {
    }

    /** Inserts a ready-mix plant in {@code regionCode} with one C30 mix design valid since 2020. */
    public Plant plant(Handle h, String name, String regionCode) {
        UUID id = UUID.randomUUID();
        String uscc = freshUscc(h);
        Instant now = Instant.now();
        h.createUpdate("""
                        insert into organisation (id, name, kind, uscc, region_code, created_at, updated_at)
                        values (:id, :name, 'READY_MIX_PLANT', :uscc, :region, :now, :now)""")
                .bind("id", id).bind("name", name).bind("uscc", uscc).bind("region", regionCode)
                .bind("now", Sql.ts(now)).execute();
        UUID mix = UUID.randomUUID();
        h.createUpdate("""
                        insert into mix_design (id, organisation_id, plant_mix_design_id, marking, strength_class,
                                                valid_from, registered_at, updated_at)
                        values (:id, :org, 'SEED-C30', :marking, 'C30', :from, :now, :now)""")
                .bind("id", mix).bind("org", id).bind("marking", MARKING).bind("from", LocalDate.of(2020, 1, 1))
                .bind("now", Sql.ts(now)).execute();
        return new Plant(id, name, uscc, mix);
    }

    /** Inserts a project in {@code regionCode}, created by {@code creator}. */
    public UUID project(Handle h, String name, String regionCode, UUID creator) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        h.createUpdate("""
                        insert into project (id, name, region_code, address, created_by_organisation_id, created_at, updated_at)
                        values (:id, :name, :region, '福建省', :creator, :now, :now)""")
                .bind("id", id).bind("name", name).bind("region", regionCode).bind("creator", creator)
                .bind("now", Sql.ts(now)).execute();
        return id;
    }

    /**
     * A batch's stored times and dosing state; null times are absent. {@code serialNumber} must be
     * unique and of the form {@code yyyyMMdd-<9>-<6>}.
     */
    public record Batch(String serialNumber, String plantBatchId, Instant plannedStart, Instant startedAt,
                        Instant startNotifiedAt, Instant endedAt, Instant endNotifiedAt, Instant dispatchedAt,
                        String dosingState) {
    }

    /** Inserts {@code b} for {@code plant} and {@code project} (in {@code regionCode}). */
    public void batch(Handle h, Plant plant, UUID project, String regionCode, Batch b) {
        h.createUpdate("""
                        insert into production_batch (id, serial_number, organisation_id, plant_batch_id, project_id,
                               region_code, buyer, pour_location, marking, volume_m3, mix_design_id, planned_start,
                               qr_token, registered_at, started_at, start_notified_at, ended_at, end_notified_at,
                               produced_volume_m3, dispatched_at, dosing_state)
                        values (:id, :serial, :org, :plantBatch, :project, :region, '福建建工集团', '3#楼 梁板', :marking,
                                12, :mix, :planned, :token, :planned, :started, :startNotified, :ended, :endNotified,
                                :produced, :dispatched, :dosing)""")
                .bind("id", UUID.randomUUID()).bind("serial", b.serialNumber()).bind("org", plant.id())
                .bind("plantBatch", b.plantBatchId()).bind("project", project).bind("region", regionCode)
                .bind("marking", MARKING).bind("mix", plant.mixDesignId()).bind("planned", Sql.ts(b.plannedStart()))
                .bind("token", token(plant.uscc(), b.serialNumber())).bind("started", Sql.ts(b.startedAt()))
                .bind("startNotified", Sql.ts(b.startNotifiedAt())).bind("ended", Sql.ts(b.endedAt()))
                .bind("endNotified", Sql.ts(b.endNotifiedAt()))
                .bind("produced", b.endedAt() == null ? null : new BigDecimal("12"))
                .bind("dispatched", Sql.ts(b.dispatchedAt())).bind("dosing", b.dosingState()).execute();
    }

    /** A token that decodes, issued by {@code uscc} for {@code serialNumber}, with a zero signature. */
    public static String token(String uscc, String serialNumber) {
        return new QrToken(QrToken.FORMAT_VERSION, TokenKind.BATCH, uscc, serialNumber,
                KeyFieldsDigest.of(new byte[KeyFieldsDigest.LENGTH]), Instant.parse("2026-01-01T00:00:00Z"),
                KeyId.of(new byte[KeyId.LENGTH]), new byte[QrToken.SIGNATURE_LENGTH]).encode();
    }

    /** A valid code of a Fujian enterprise not in the database yet (organisation code and both check digits). */
    private String freshUscc(Handle h) {
        while (true) {
            StringBuilder org = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                org.append((char) ('0' + random.nextInt(10)));
            }
            int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (org.charAt(i) - '0') * weights[i];
            }
            int c9 = 11 - sum % 11;
            String first17 = "91350206" + org + (c9 == 10 ? "X" : c9 == 11 ? "0" : Integer.toString(c9));
            String uscc = first17 + Uscc.checkDigit(first17);
            boolean taken = h.createQuery("select exists (select 1 from organisation where uscc = :u)").bind("u", uscc)
                    .mapTo(Boolean.class).one();
            if (!taken) {
                return uscc;
            }
        }
    }
}
