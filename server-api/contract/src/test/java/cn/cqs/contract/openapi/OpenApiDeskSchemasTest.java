package cn.cqs.contract.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.refusals.Refusal;
import cn.cqs.contract.refusals.RefusalCloseRequest;
import cn.cqs.contract.refusals.RefusalRequest;
import cn.cqs.contract.refusals.RefusalTakeRequest;
import cn.cqs.contract.verify.VerificationEntry;
import cn.cqs.contract.verify.VerificationRecordRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written schemas of the verification log and refusal reports name exactly the
 * properties of their records, so the document cannot drift from what the server sends and reads.
 */
class OpenApiDeskSchemasTest {

    @ParameterizedTest
    @ValueSource(classes = {VerificationRecordRequest.class, VerificationEntry.class, RefusalRequest.class,
            RefusalTakeRequest.class, RefusalCloseRequest.class, Refusal.class})
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
