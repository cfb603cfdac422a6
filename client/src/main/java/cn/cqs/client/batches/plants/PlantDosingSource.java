package cn.cqs.client.batches.plants;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import cn.cqs.contract.supervision.StatisticsPeriod;
import java.util.List;
import java.util.UUID;

/** Where the regulators' plant screen gets its figures: the server (tests substitute it). Calls block. */
public interface PlantDosingSource {
    /** {@code GET /api/v1/supervision/plants/dosing}. */
    PlantDosingOverview overview(StatisticsPeriod period);

    /** {@code GET /api/v1/supervision/plants/{plantId}/batches}; {@code state} null for all. */
    List<SupervisedBatch> batches(UUID plantId, StatisticsPeriod period, DosingState state);
}
