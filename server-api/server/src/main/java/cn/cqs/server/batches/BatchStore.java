package cn.cqs.server.batches;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.qr.MalformedTokenException;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.server.db.Sql;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Reads of the {@code production_batch} table as {@link ProductionBatch} records: joins the plant,
 * project and mix design, lists the lots in the plant's order, computes the notification states at
 * {@code now} ({@link BatchRules}) and turns the stored token into the QR text with the server's
 * public base URL. Used by the batch routes, the change feed and verification.
 */
public final class BatchStore {
    /** Select list over alias {@code b}. */
    public static final String SELECT = select("production_batch");

    /**
     * The select list over alias {@code b} reading the batches from {@code batches}: a table name or a
     * parenthesised query of whole {@code production_batch} rows (e.g. one page of them, so the joins
     * and the lot list are made for that page only).
     */
    public static String select(String batches) {
        return """
                select b.*, o.name as plant_name, o.uscc as plant_uscc, p.name as project_name,
                       m.plant_mix_design_id,
                       array(select l.plant_lot_id from production_batch_lot bl join material_lot l on l.id = bl.lot_id
                              where bl.batch_id = b.id order by bl.position) as plant_lot_ids
                """ + "  from " + batches + " b" + """

                  join organisation o on o.id = b.organisation_id
                  join project p on p.id = b.project_id
                  join mix_design m on m.id = b.mix_design_id""";
    }

    /**
     * Visibility over alias {@code b}, binding :org, :regulator and :region: the plant its own
     * batches, a regulator the batches for projects in its jurisdiction.
     */
    public static final String VISIBLE = """
            ((not :regulator and b.organisation_id = :org)
             or (:regulator and b.region_code\s""" + PlantAccess.IN_JURISDICTION + "))";
    private final Supplier<String> publicBaseUrl;

    /** @param publicBaseUrl the base of QR verification links ({@code <base>/v/<token>}) */
    public BatchStore(Supplier<String> publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The batch of a serial number, whoever owns it (for verification). */
    public Optional<ProductionBatch> findBySerial(Handle h, String serialNumber, Instant now) {
        return h.createQuery(SELECT + " where b.serial_number = :serial").bind("serial", serialNumber)
                .map((rs, c) -> row(rs, now)).findOne();
    }

    /** Maps a row of {@link #SELECT}, with the notification states at {@code now}. */
    public ProductionBatch row(ResultSet rs, Instant now) throws SQLException {
        Instant planned = Sql.instant(rs, "planned_start");
        Instant started = Sql.instant(rs, "started_at");
        Instant startNotified = Sql.instant(rs, "start_notified_at");
        Instant ended = Sql.instant(rs, "ended_at");
        Instant endNotified = Sql.instant(rs, "end_notified_at");
        Instant dispatched = Sql.instant(rs, "dispatched_at");
        return new ProductionBatch(Sql.uuid(rs, "id"), rs.getString("serial_number"), qrText(rs.getString("qr_token")),
                Sql.uuid(rs, "organisation_id"), rs.getString("plant_name"), rs.getString("plant_uscc"),
                rs.getString("plant_batch_id"), Sql.uuid(rs, "project_id"), rs.getString("project_name"),
                Sql.trimmedChar(rs, "region_code"), rs.getString("buyer"), rs.getString("pour_location"),
                rs.getString("marking"), rs.getBigDecimal("volume_m3"), rs.getString("plant_mix_design_id"),
                texts(rs.getArray("plant_lot_ids")), planned, rs.getString("contract_number"),
                Sql.instant(rs, "registered_at"), started, startNotified,
                BatchRules.start(planned, started, startNotified, now), ended, endNotified,
                BatchRules.end(ended, endNotified, dispatched, now), dispatched, rs.getBigDecimal("produced_volume_m3"),
                DosingState.valueOf(rs.getString("dosing_state")), rs.getLong("version"));
    }

    private String qrText(String token) {
        try {
            return QrToken.decode(token).toUrl(publicBaseUrl.get());
        } catch (MalformedTokenException e) {
            throw new IllegalStateException("production_batch holds a damaged QR token", e);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
