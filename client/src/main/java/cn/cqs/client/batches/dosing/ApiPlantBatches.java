package cn.cqs.client.batches.dosing;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiProblemException;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.ProductionBatch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link PlantBatches} over the server's batch record. */
public final class ApiPlantBatches implements PlantBatches {
    private final ApiClient api;

    public ApiPlantBatches(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public Optional<String> batchId(String serialNumber) {
        try {
            return Optional.of(api.get(ApiVersion.BASE_PATH + "/batches/" + URLEncoder.encode(serialNumber,
                    StandardCharsets.UTF_8), ProductionBatch.class, Map.of()).batchId());
        } catch (ApiProblemException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
