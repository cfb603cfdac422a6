package cn.cqs.contract.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.dosing.DosingComparison;
import cn.cqs.contract.batches.dosing.DosingRecord;
import cn.cqs.contract.batches.dosing.DosingReport;
import cn.cqs.contract.batches.evaluation.StrengthEvaluation;
import cn.cqs.contract.batches.evaluation.StrengthEvaluationResult;
import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules' results travel between server and client as JSON: they must come back equal. */
class RuleResultsJsonTest {
    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void aDosingReportRoundTrips() throws Exception {
        DosingRecord plate = new DosingRecord("20261124-776049653-000017", 1, Instant.parse("2026-11-24T00:15:00Z"),
                new BigDecimal("2.0"), Map.of(MaterialKind.CEMENT, new BigDecimal("612.5"),
                MaterialKind.WATER, new BigDecimal("340")));
        DosingReport report = DosingComparison.compare(Map.of(MaterialKind.CEMENT, new BigDecimal("300"),
                MaterialKind.WATER, new BigDecimal("170"), MaterialKind.SAND, new BigDecimal("760")), List.of(plate), true);
        String json = mapper.writeValueAsString(report);
        assertThat(json).contains("\"state\":\"OUT_OF_TOLERANCE\"").contains("\"verdict\":\"MISSING\"");
        assertThat(mapper.readValue(json, DosingReport.class)).isEqualTo(report);
    }

    @Test
    void aStrengthEvaluationRoundTrips() throws Exception {
        StrengthEvaluationResult result = StrengthEvaluation.evaluate(new BigDecimal("30"),
                List.of(new BigDecimal("28.5"), new BigDecimal("34.5"), new BigDecimal("40.5")), Optional.empty());
        String json = mapper.writeValueAsString(result);
        assertThat(json).contains("\"conclusion\":\"QUALIFIED\"").contains("mfcu ≥ λ3·fcu,k");
        assertThat(mapper.readValue(json, StrengthEvaluationResult.class)).isEqualTo(result);
    }
}
