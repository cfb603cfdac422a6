package cn.cqs.contract.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.dosing.BatchDosing;
import cn.cqs.contract.batches.dosing.DosingPlateInput;
import cn.cqs.contract.batches.dosing.DosingReport;
import cn.cqs.contract.batches.dosing.DosingUpload;
import cn.cqs.contract.batches.dosing.MaterialCheck;
import cn.cqs.contract.batches.dosing.PlateCheck;
import cn.cqs.contract.batches.evaluation.EvaluatedGroup;
import cn.cqs.contract.batches.evaluation.InspectionLotEvaluation;
import cn.cqs.contract.batches.evaluation.StrengthCriterion;
import cn.cqs.contract.batches.evaluation.StrengthEvaluationResult;
import cn.cqs.contract.batches.supervision.DosingSeriesPoint;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import cn.cqs.contract.batches.trace.BatchTrace;
import cn.cqs.contract.batches.trace.CubeReportCandidate;
import cn.cqs.contract.batches.trace.TracedBatch;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import cn.cqs.contract.batches.trace.TracedLot;
import cn.cqs.contract.batches.trace.TracedMixDesign;
import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written schemas of the ready-mix quality answers (dosing reports, trace, strength
 * evaluation, the regulators' plant figures) name exactly the properties of their records.
 */
class OpenApiReadyMixQualitySchemasTest {

    @ParameterizedTest
    @ValueSource(classes = {BatchDosing.class, DosingUpload.class, DosingPlateInput.class, DosingReport.class,
            PlateCheck.class, MaterialCheck.class, PlantDosingOverview.class, PlantDosingRow.class, DosingSeriesPoint.class,
            SupervisedBatch.class, BatchTrace.class, TracedBatch.class, TracedMixDesign.class, TracedLot.class,
            TracedCubeReport.class, CubeReportCandidate.class, InspectionLotEvaluation.class, EvaluatedGroup.class,
            StrengthEvaluationResult.class, StrengthCriterion.class})
    void schemaPropertiesAreTheRecordsComponents(Class<?> record) throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/cn/cqs/contract/openapi.json")) {
            schema = Json.newMapper().readTree(in).at("/components/schemas/" + record.getSimpleName());
        }
        assertThat(schema.isMissingNode()).as("schema %s", record.getSimpleName()).isFalse();
        List<String> documented = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(documented).as(record.getSimpleName()).containsExactlyInAnyOrderElementsOf(components);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }
}
