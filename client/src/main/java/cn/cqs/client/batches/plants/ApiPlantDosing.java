package cn.cqs.client.batches.plants;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import cn.cqs.contract.supervision.StatisticsPeriod;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** {@link PlantDosingSource} over the server's supervision endpoints. */
public final class ApiPlantDosing implements PlantDosingSource {
    private final ApiClient api;

    public ApiPlantDosing(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public PlantDosingOverview overview(StatisticsPeriod period) {
        return api.get(ApiVersion.BASE_PATH + "/supervision/plants/dosing?from=" + period.from() + "&to=" + period.to(),
                PlantDosingOverview.class, Map.of());
    }

    @Override
    public List<SupervisedBatch> batches(UUID plantId, StatisticsPeriod period, DosingState state) {
        return api.get(ApiVersion.BASE_PATH + "/supervision/plants/" + plantId + "/batches?from=" + period.from() + "&to="
                + period.to() + (state == null ? "" : "&dosingState=" + state.name()),
                new TypeReference<List<SupervisedBatch>>() { }, Map.of());
    }
}
