package cn.cqs.contract.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.DeliveryTicket;
import cn.cqs.contract.batches.DeliveryTicketRequest;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MaterialLot;
import cn.cqs.contract.batches.MixDesign;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.verify.VerificationResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written schemas of the ready-mix records name exactly the properties of their records
 * and the enums' constants, so the document cannot drift from what the server sends and reads.
 */
class OpenApiBatchSchemasTest {

    private static JsonNode schema(String name) throws Exception {
        try (InputStream in = OpenApiBatchSchemasTest.class.getResourceAsStream("/cn/cqs/contract/openapi.json")) {
            return Json.newMapper().readTree(in).at("/components/schemas/" + name);
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {MaterialIntakeRequest.class, MaterialLot.class, MixQuantity.class, MixDesignRequest.class,
            MixDesign.class, ProductionRequest.class, ProductionBatch.class, NotificationRequest.class,
            DeliveryTicketRequest.class, DeliveryTicket.class, VerificationResponse.class,
            VerificationResponse.PublicBatch.class})
    void schemaPropertiesAreTheRecordsComponents(Class<?> record) throws Exception {
        JsonNode schema = schema(record.getSimpleName());
        assertThat(schema.isMissingNode()).as("schema %s", record.getSimpleName()).isFalse();
        List<String> documented = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(documented).as(record.getSimpleName()).containsExactlyInAnyOrderElementsOf(components);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void enumsListEveryConstant() throws Exception {
        for (Class<? extends Enum<?>> type : List.of(MaterialKind.class, NotificationState.class, DosingState.class)) {
            List<String> documented = new ArrayList<>();
            schema(type.getSimpleName()).get("enum").forEach(e -> documented.add(e.asText()));
            assertThat(documented).as(type.getSimpleName()).containsExactlyElementsOf(
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }
}
