package cn.cqs.contract.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The shape of a contract record as OpenAPI 3.0 schemas: one per record and enum it reaches, named by
 * the simple class name (a nested record {@code RebarReport.TensileSpecimen} becomes
 * {@code RebarReportTensileSpecimen}). Property names and types only, no descriptions: it is what
 * the hand-written document's content schemas are checked against.
 */
final class RecordSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordSchemas() {
    }

    /** Every schema {@code root} reaches, by name. */
    static Map<String, ObjectNode> of(Class<?> root) {
        Map<String, ObjectNode> schemas = new TreeMap<>();
        add(root, schemas);
        return schemas;
    }

    static String name(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + type.getSimpleName();
    }

    private static void add(Class<?> type, Map<String, ObjectNode> schemas) {
        String name = name(type);
        if (schemas.containsKey(name)) {
            return;
        }
        ObjectNode schema = NODES.objectNode();
        schemas.put(name, schema);
        if (type.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return;
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is neither a record nor an enum");
        }
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent c : type.getRecordComponents()) {
            properties.set(c.getName(), property(c.getGenericType(), schemas));
        }
        schema.put("additionalProperties", false);
    }

    private static ObjectNode property(Type type, Map<String, ObjectNode> schemas) {
        ObjectNode p = NODES.objectNode();
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            p.put("type", "array");
            p.set("items", property(list.getActualTypeArguments()[0], schemas));
            return p;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            p.put("type", "string");
        } else if (c == Integer.class || c == int.class) {
            p.put("type", "integer");
        } else if (c == Long.class || c == long.class) {
            p.put("type", "integer").put("format", "int64");
        } else if (c == BigDecimal.class) {
            p.put("type", "number");
        } else if (c == Boolean.class || c == boolean.class) {
            p.put("type", "boolean");
        } else if (c == LocalDate.class) {
            p.put("type", "string").put("format", "date");
        } else if (c == Instant.class) {
            p.put("type", "string").put("format", "date-time");
        } else if (c == UUID.class) {
            p.put("type", "string").put("format", "uuid");
        } else {
            add(c, schemas);
            p.put("$ref", "#/components/schemas/" + name(c));
        }
        return p;
    }
}
