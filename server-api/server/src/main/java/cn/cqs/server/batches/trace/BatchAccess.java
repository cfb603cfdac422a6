package cn.cqs.server.batches.trace;

import cn.cqs.contract.batches.SerialNumber;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Finds a production batch by its serial number (生产流水号) and says who may read what about it,
 * for the dosing report, the trace and the cube-report links:
 * <ul>
 *   <li>the batch's plant (any user or key of it);</li>
 *   <li>regulators holding {@link Permission#BATCHES_SUPERVISE} whose jurisdiction contains the
 *       region of the batch's project;</li>
 *   <li>for the trace only, also the labs that issued a cube report linked to the batch.</li>
 * </ul>
 * Anyone else gets 404, as if the serial number did not exist; so does a malformed serial number.
 */
public final class BatchAccess {

    /** The columns of a batch the dosing, trace and link code need. */
    public record BatchRef(UUID id, String serialNumber, String batchId, UUID plantId, UUID projectId,
                           String regionCode, UUID mixDesignId) {
    }

    private BatchAccess() {
    }

    /** The batch with this serial number, whoever asks; empty when there is none. */
    public static Optional<BatchRef> find(Handle h, String serialNumber) {
        if (!SerialNumber.isValid(serialNumber)) {
            return Optional.empty();
        }
        return h.createQuery("""
                        select b.id, b.serial_number, b.plant_batch_id, b.organisation_id, b.project_id, b.region_code, b.mix_design_id
                          from production_batch b
                         where b.serial_number = :serial""")
                .bind("serial", serialNumber.strip())
                .map((rs, c) -> new BatchRef(Sql.uuid(rs, "id"), rs.getString("serial_number"), rs.getString("plant_batch_id"),
                        Sql.uuid(rs, "organisation_id"), Sql.uuid(rs, "project_id"), rs.getString("region_code").trim(),
                        Sql.uuid(rs, "mix_design_id")))
                .findOne();
    }

    /** The batch of one plant by the plant's own id for it; empty when there is none. */
    public static Optional<BatchRef> findByPlantId(Handle h, UUID plantId, String batchId) {
        return h.createQuery("""
                        select b.id, b.serial_number, b.plant_batch_id, b.organisation_id, b.project_id, b.region_code, b.mix_design_id
                          from production_batch b
                         where b.organisation_id = :plant and b.plant_batch_id = :batch""")
                .bind("plant", plantId).bind("batch", batchId)
                .map((rs, c) -> new BatchRef(Sql.uuid(rs, "id"), rs.getString("serial_number"), rs.getString("plant_batch_id"),
                        Sql.uuid(rs, "organisation_id"), Sql.uuid(rs, "project_id"), rs.getString("region_code").trim(),
                        Sql.uuid(rs, "mix_design_id")))
                .findOne();
    }

    /** Whether a regulator's jurisdiction contains {@code regionCode}. */
    public static boolean inJurisdiction(Handle h, Principal p, String regionCode) {
        return p.isRegulator() && h.createQuery("select exists (select 1 from region_subtree(:root) where code = :code)")
                .bind("root", p.organisationRegionCode()).bind("code", regionCode).mapTo(Boolean.class).one();
    }

    /** Whether {@code p} is the batch's plant or a supervising regulator of its region. */
    public static boolean plantOrRegulator(Handle h, Principal p, BatchRef batch) {
        if (p.organisationId().equals(batch.plantId())) {
            return true;
        }
        return p.has(Permission.BATCHES_SUPERVISE) && inJurisdiction(h, p, batch.regionCode());
    }

    /** The batch, when {@code p} is its plant or a supervising regulator of its region; else 404. */
    public static BatchRef requirePlantOrRegulator(Handle h, Principal p, String serialNumber) {
        return find(h, serialNumber).filter(b -> plantOrRegulator(h, p, b))
                .orElseThrow(() -> ApiException.notFound("Batch " + serialNumber));
    }
}
