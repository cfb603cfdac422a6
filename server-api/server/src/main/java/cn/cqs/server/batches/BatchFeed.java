package cn.cqs.server.batches;

import cn.cqs.contract.batches.MaterialLot;
import cn.cqs.contract.batches.MixDesign;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.server.auth.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * The ready-mix records in the change feed ({@code cn.cqs.server.sync}): batches ({@value #BATCH},
 * data = {@link ProductionBatch}), material lots ({@value #MATERIAL_LOT}, data = {@link MaterialLot})
 * and mix designs ({@value #MIX_DESIGN}, data = {@link MixDesign}), for the plant's users with
 * BATCHES_REGISTER and regulators with BATCHES_SUPERVISE, with the same visibility as the reads. A
 * batch's notification states are as of the moment the page was read; a DUE start or end may have
 * become MISSING since without a new change, so a client re-reads states it shows as DUE.
 */
public final class BatchFeed {
    public static final String BATCH = "batch";
    public static final String MATERIAL_LOT = "material_lot";
    public static final String MIX_DESIGN = "mix_design";
    private final BatchStore store;

    public BatchFeed(BatchStore store) {
        this.store = store;
    }

    /** One record of the feed with its change sequence. */
    public record Row(long seq, String entity, java.util.UUID id, long version, Instant changedAt, Object data) {
    }

    /** Up to {@code limit} rows of each entity after {@code since}, visible to {@code p} (none without the permission). */
    public List<Row> after(Handle h, Principal p, long since, int limit, Instant now) {
        List<Row> rows = new ArrayList<>();
        if (p.isRegulator() ? !p.has(Permission.BATCHES_SUPERVISE) : !p.has(Permission.BATCHES_REGISTER)) {
            return rows;
        }
        PlantAccess.scoped(h.createQuery(BatchStore.SELECT + " where b.change_seq > :since and " + BatchStore.VISIBLE
                        + " order by b.change_seq limit :n"), p)
                .bind("since", since).bind("n", limit + 1)
                .map((rs, c) -> {
                    ProductionBatch b = store.row(rs, now);
                    Instant changed = Stream.of(b.registeredAt(), b.startNotifiedAt(), b.endNotifiedAt())
                            .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(b.registeredAt());
                    return new Row(rs.getLong("change_seq"), BATCH, b.id(), b.version(), changed, b);
                }).forEach(rows::add);
        PlantAccess.scoped(h.createQuery(MaterialLotService.SELECT + " where l.change_seq > :since and "
                        + MaterialLotService.VISIBLE + " order by l.change_seq limit :n"), p)
                .bind("since", since).bind("n", limit + 1)
                .map((rs, c) -> {
                    MaterialLot l = MaterialLotService.lot(rs);
                    return new Row(rs.getLong("change_seq"), MATERIAL_LOT, l.id(), l.version(),
                            rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(), l);
                }).forEach(rows::add);
        List<Row> designs = new ArrayList<>();
        List<MixDesign> plain = new ArrayList<>();
        PlantAccess.scoped(h.createQuery(MixDesignService.SELECT + " where m.change_seq > :since and "
                        + MixDesignService.VISIBLE + " order by m.change_seq limit :n"), p)
                .bind("since", since).bind("n", limit + 1)
                .map((rs, c) -> {
                    MixDesign m = MixDesignService.design(rs, List.of());
                    plain.add(m);
                    return new Row(rs.getLong("change_seq"), MIX_DESIGN, m.id(), m.version(),
                            rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(), m);
                }).forEach(designs::add);
        List<MixDesign> complete = MixDesignService.withQuantities(h, plain);
        for (int i = 0; i < designs.size(); i++) {
            Row r = designs.get(i);
            rows.add(new Row(r.seq(), r.entity(), r.id(), r.version(), r.changedAt(), complete.get(i)));
        }
        return rows;
    }
}
