package cn.cqs.client.batches.dosing;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.dosing.BatchDosing;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** {@link DosingReports} over the server's API. */
public final class ApiDosingReports implements DosingReports {
    private final ApiClient api;

    public ApiDosingReports(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public BatchDosing fetch(String serialNumber) {
        return api.get(ApiVersion.BASE_PATH + "/batches/" + URLEncoder.encode(serialNumber, StandardCharsets.UTF_8)
                + "/dosing", BatchDosing.class, Map.of());
    }
}
