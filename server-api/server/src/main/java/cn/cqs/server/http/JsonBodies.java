package cn.cqs.server.http;

import cn.cqs.contract.problem.ProblemTypes;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies: checks the content type (415), the size (413) and the syntax and
 * types (400, naming the field), so handlers only ever see a well-formed object.
 */
public final class JsonBodies {
    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The body as raw bytes, within the size limit, after checking it was sent as JSON. */
    public byte[] rawJson(Context ctx) {
        return rawJson(ctx, maxBytes);
    }

    /**
     * The body as raw bytes within {@code limit} (a route that takes larger bodies than the default,
     * such as a report upload with its PDF), after checking it was sent as JSON.
     */
    public byte[] rawJson(Context ctx, long limit) {
        String contentType = ctx.contentType();
        if (contentType == null || !isJson(contentType)) {
            throw new ApiException(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as application/json (Content-Type was "
                            + (contentType == null ? "missing" : "'" + contentType + "'") + ")");
        }
        return readLimited(ctx, limit);
    }

    /**
     * The body as raw bytes within {@code limit}, whatever its content type (for routes that also
     * take another format, such as CSV); the caller checks the content type.
     */
    public byte[] rawBytes(Context ctx, long limit) {
        return readLimited(ctx, limit);
    }

    /** Parses the body into {@code type}; never returns null. */
    public <T> T read(Context ctx, Class<T> type) {
        return parse(rawJson(ctx), type);
    }

    public <T> T parse(byte[] bytes, Class<T> type) {
        if (bytes.length == 0) {
            throw ApiException.malformed("The request body is empty; a JSON object is required", null);
        }
        try {
            refuseStructuredTypeIds(bytes, type);
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw ApiException.malformed("The request body must be a JSON object, not null", null);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            throw ApiException.malformed("Unknown property '" + e.getPropertyName() + "'"
                    + (path.contains(".") || path.contains("[") ? " at " + path : ""), path);
        } catch (InvalidFormatException e) {
            String path = path(e);
            throw ApiException.malformed("Field '" + path + "' has an invalid value: expected "
                    + describe(e.getTargetType()), path);
        } catch (MismatchedInputException e) {
            String path = path(e);
            if (path.isEmpty()) {
                throw ApiException.malformed("The request body must be a JSON object of the documented shape", null);
            }
            throw ApiException.malformed("Field '" + path + "' has the wrong type: expected "
                    + describe(e.getTargetType()), path);
        } catch (JsonMappingException e) {
            String path = path(e);
            throw ApiException.malformed("Field '" + path + "' could not be read", path.isEmpty() ? null : path);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiException.malformed("The request body is not valid JSON" + where, null);
        } catch (IOException e) {
            throw ApiException.malformed("The request body could not be read", null);
        }
    }

    /**
     * A polymorphic value's type id property ({@code "type"} beside a report's {@code content}) is
     * read by Jackson as text, and an object or array there is skipped as if absent. Refuses that as
     * the wrong type, like any other wrongly typed field, before binding.
     */
    private void refuseStructuredTypeIds(byte[] bytes, Class<?> type) throws IOException {
        java.util.Set<String> typeIds = typeIdProperties(type);
        if (typeIds.isEmpty()) {
            return;
        }
        try (com.fasterxml.jackson.core.JsonParser p = mapper.getFactory().createParser(bytes)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return; // binding reports the body's shape
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                if (typeIds.contains(name) && (value == com.fasterxml.jackson.core.JsonToken.START_OBJECT
                        || value == com.fasterxml.jackson.core.JsonToken.START_ARRAY)) {
                    throw ApiException.malformed("Field '" + name + "' has the wrong type: expected a string", name);
                }
                p.skipChildren();
            }
        }
    }

    /** The type id properties of {@code type}'s external-property polymorphic components. */
    private static java.util.Set<String> typeIdProperties(Class<?> type) {
        if (!type.isRecord()) {
            return java.util.Set.of();
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            for (java.lang.annotation.Annotation a : c.getAnnotations()) {
                com.fasterxml.jackson.annotation.JsonTypeInfo info =
                        a instanceof com.fasterxml.jackson.annotation.JsonTypeInfo direct ? direct
                                : a.annotationType().getAnnotation(com.fasterxml.jackson.annotation.JsonTypeInfo.class);
                if (info != null && info.include() == com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXTERNAL_PROPERTY) {
                    names.add(info.property());
                }
            }
        }
        return names;
    }

    private byte[] readLimited(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            drainQuietly(ctx);
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, maxBytes)));
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    drainQuietly(ctx);
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.malformed("The request body could not be read completely", null);
        }
    }

    /**
     * Reads and discards what is left of an oversized body (up to {@link #MAX_DRAIN_BYTES}) before
     * the 413 goes out: a server that answers and closes while the client is still sending makes
     * the client's TCP stack reset the connection, and the client may never see the answer.
     */
    private static void drainQuietly(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[65536];
            long drained = 0;
            int n;
            while (drained < MAX_DRAIN_BYTES && (n = in.read(buffer)) != -1) {
                drained += n;
            }
        } catch (IOException e) {
            // the client stopped sending: nothing left to drain, and the 413 is still the answer
        }
    }

    /** The most of an oversized body read and thrown away so its sender reliably gets the 413. */
    static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, ProblemTypes.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + maxBytes + " bytes");
    }

    static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date/time string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of the documented type";
    }

    /** Serialises a response value with the one shared mapper. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
