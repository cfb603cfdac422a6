package cn.cqs.contract.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.reports.ReportTypeDefinition;
import cn.cqs.contract.reports.ReportTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes every report type's content exactly as the records are: each
 * record and enum a content reaches has a schema with the same properties and types (descriptions
 * and limits are the document's own), and {@code ReportContent} offers every type's content.
 */
class OpenApiContentSchemasTest {

    @Test
    void everyReportContentSchemaMatchesItsRecord() throws Exception {
        JsonNode schemas = document().at("/components/schemas");
        List<String> mismatches = new ArrayList<>();
        for (ReportTypeDefinition<?, ?> d : ReportTypes.ALL) {
            for (Map.Entry<String, ObjectNode> e : RecordSchemas.of(d.contentClass()).entrySet()) {
                JsonNode written = schemas.get(e.getKey());
                if (written == null) {
                    mismatches.add(e.getKey() + ": missing; expected " + e.getValue());
                } else if (!shape(written).equals(shape(e.getValue()))) {
                    mismatches.add(e.getKey() + ": written " + shape(written) + " but the record is " + shape(e.getValue()));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void reportContentOffersEveryType() throws Exception {
        JsonNode oneOf = document().at("/components/schemas/ReportContent/oneOf");
        List<String> refs = new ArrayList<>();
        oneOf.forEach(n -> refs.add(n.get("$ref").asText()));
        assertThat(refs).containsExactlyElementsOf(ReportTypes.ALL.stream()
                .map(d -> "#/components/schemas/" + RecordSchemas.name(d.contentClass())).toList());
    }

    /** Type, format, enum values, $ref and items of each property; everything else is documentation. */
    private static JsonNode shape(JsonNode schema) {
        ObjectNode s = Json.newMapper().createObjectNode();
        copy(schema, s, "type", "format", "enum", "$ref");
        if (schema.has("properties")) {
            ObjectNode props = s.putObject("properties");
            Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                ObjectNode q = props.putObject(p.getKey());
                copy(p.getValue(), q, "type", "format", "$ref");
                if (p.getValue().has("items")) {
                    copy(p.getValue().get("items"), q.putObject("items"), "type", "format", "$ref");
                }
            }
        }
        return s;
    }

    private static void copy(JsonNode from, ObjectNode to, String... names) {
        for (String n : names) {
            if (from.has(n)) {
                to.set(n, from.get(n));
            }
        }
    }

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiContentSchemasTest.class.getResourceAsStream("/cn/cqs/contract/openapi.json")) {
            return Json.newMapper().readTree(in);
        }
    }
}
