package cn.cqs.contract.batches.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/supervision/plants/dosing?from&to}: every ready-mix plant with batches for
 * projects in the caller's jurisdiction in the period, most out-of-tolerance batches first, with the
 * jurisdiction's totals.
 *
 * @param from    first production day (China time), inclusive
 * @param to      last production day, inclusive
 * @param bucket  the length of one series point
 * @param plants  one row per plant
 * @param total   all plants together (plant id, name and code null)
 */
public record PlantDosingOverview(LocalDate from, LocalDate to, SeriesBucket bucket, List<PlantDosingRow> plants,
                                  PlantDosingRow total) {
    public PlantDosingOverview {
        plants = List.copyOf(plants);
    }
}
