package cn.cqs.client.batches.trace;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.trace.BatchTrace;
import cn.cqs.contract.batches.trace.CubeReportCandidate;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** {@link BatchTraceSource} over the server's trace endpoints. */
public final class ApiBatchTrace implements BatchTraceSource {
    private final ApiClient api;

    public ApiBatchTrace(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public BatchTrace trace(String serialNumber) {
        return api.get(batch(serialNumber) + "/trace", BatchTrace.class, Map.of());
    }

    @Override
    public List<CubeReportCandidate> candidates(String serialNumber) {
        return api.get(batch(serialNumber) + "/cube-report-candidates", new TypeReference<List<CubeReportCandidate>>() { },
                Map.of());
    }

    @Override
    public TracedCubeReport link(String serialNumber, UUID reportId) {
        return api.put(batch(serialNumber) + "/cube-reports/" + Objects.requireNonNull(reportId, "reportId"), null,
                TracedCubeReport.class, Map.of());
    }

    @Override
    public void unlink(String serialNumber, UUID reportId) {
        api.delete(batch(serialNumber) + "/cube-reports/" + Objects.requireNonNull(reportId, "reportId"), Map.of());
    }

    private static String batch(String serialNumber) {
        return ApiVersion.BASE_PATH + "/batches/" + URLEncoder.encode(Objects.requireNonNull(serialNumber, "serialNumber")
                .strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
