package cn.cqs.client.viewer;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.reports.ReportPrint;
import cn.cqs.contract.reports.ReportVersion;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link ReportDocuments} through the session's {@link ApiClient}. The report is read as JSON and only
 * its {@code history} is bound, so the viewer keeps working whatever report content type it is.
 */
public final class ApiReportDocuments implements ReportDocuments {
    private static final String REPORTS = ApiVersion.BASE_PATH + "/reports/";
    private final ApiClient api;
    private final ObjectMapper mapper = cn.cqs.contract.json.Json.newMapper();

    public ApiReportDocuments(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public byte[] pdf(UUID reportId) {
        return api.getBytes(REPORTS + reportId + "/pdf", "application/pdf");
    }

    @Override
    public List<ReportVersion> history(UUID reportId) {
        JsonNode report = api.get(REPORTS + reportId, JsonNode.class, Map.of());
        List<ReportVersion> out = new ArrayList<>();
        for (JsonNode v : report.path("history")) {
            out.add(mapper.convertValue(v, ReportVersion.class));
        }
        return out;
    }

    @Override
    public List<ReportPrint> prints(UUID reportId) {
        return api.get(REPORTS + reportId + "/prints", new TypeReference<List<ReportPrint>>() { }, Map.of());
    }
}
