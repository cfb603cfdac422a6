package cn.cqs.contract.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A report's {@code content} is read as the record of its {@code type}, for every type. */
class ReportContentJsonTest {
    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void everyTypeRoundTripsAsItsOwnContentRecord() throws Exception {
        for (ReportType type : ReportType.values()) {
            Object content = ReportTypesTest.VALID.get(type);
            ReportUpload upload = new ReportUpload(type, content, "token", Instant.parse("2026-11-24T01:02:03Z"),
                    "张三", "李四", "王五", "JVBERi0=");
            String json = mapper.writeValueAsString(upload);
            JsonNode tree = mapper.readTree(json);
            assertThat(tree.get("type").asText()).as(json).isEqualTo(type.name());
            assertThat(tree.get("content").isObject()).isTrue();
            ReportUpload back = mapper.readValue(json, ReportUpload.class);
            assertThat(back.type()).isEqualTo(type);
            assertThat(back.content()).isInstanceOf(ReportTypes.of(type).contentClass()).isEqualTo(content);
            assertThat(back).isEqualTo(upload);
        }
    }

    @Test
    void theTypeMayFollowTheContent() throws Exception {
        String json = mapper.writeValueAsString(new ReportUpload(ReportType.MORTAR,
                ReportTypesTest.VALID.get(ReportType.MORTAR), "t", null, "a", null, null, null));
        ObjectNode tree = (ObjectNode) mapper.readTree(json);
        JsonNode type = tree.remove("type");
        tree.set("type", type);
        assertThat(mapper.treeToValue(tree, ReportUpload.class).content())
                .isEqualTo(ReportTypesTest.VALID.get(ReportType.MORTAR));
    }

    @Test
    void anUnknownTypeAndAContentOfAnotherTypeAreRefused() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.valueToTree(new ReportUpload(ReportType.REBAR,
                ReportTypesTest.VALID.get(ReportType.REBAR), "t", null, "a", null, null, null));
        tree.put("type", "ASPHALT");
        assertThatThrownBy(() -> mapper.treeToValue(tree, ReportUpload.class)).isInstanceOf(InvalidTypeIdException.class)
                .hasMessageContaining("ASPHALT");
        tree.put("type", "CONCRETE_CUBE");
        assertThatThrownBy(() -> mapper.treeToValue(tree, ReportUpload.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("header");
    }

    @Test
    void aTypeWithoutContentAndAContentWithoutTypeAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"CEMENT\",\"qrToken\":\"t\"}", ReportUpload.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class)
                .hasMessageContaining("Missing property 'content'");
        assertThatThrownBy(() -> mapper.readValue("{\"content\":{},\"qrToken\":\"t\"}", ReportUpload.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class)
                .hasMessageContaining("'type'");
    }
}
