package cn.cqs.client.batches.evaluation;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.evaluation.InspectionLotEvaluation;
import cn.cqs.contract.batches.evaluation.LotEvaluationMethod;
import cn.cqs.contract.projects.Project;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** {@link StrengthEvaluationSource} over the server's API. */
public final class ApiStrengthEvaluation implements StrengthEvaluationSource {
    private final ApiClient api;

    public ApiStrengthEvaluation(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public List<Project> projects() {
        return api.get(ApiVersion.BASE_PATH + "/projects", new TypeReference<List<Project>>() { }, Map.of());
    }

    @Override
    public InspectionLotEvaluation evaluate(UUID projectId, String strengthClass, String pourLocation, BigDecimal sigma0,
                                            LotEvaluationMethod method, boolean linkedOnly) {
        StringBuilder q = new StringBuilder("?strengthClass=").append(encode(strengthClass));
        if (pourLocation != null) {
            q.append("&pourLocation=").append(encode(pourLocation));
        }
        if (sigma0 != null) {
            q.append("&sigma0=").append(sigma0.toPlainString());
        }
        if (method != null) {
            q.append("&method=").append(method.name());
        }
        if (linkedOnly) {
            q.append("&linkedOnly=true");
        }
        return api.get(ApiVersion.BASE_PATH + "/projects/" + projectId + "/strength-evaluation" + q,
                InspectionLotEvaluation.class, Map.of());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
