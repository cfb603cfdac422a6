package cn.cqs.contract.qr;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.text.Normalizer;

/**
 * 关键字段 (key fields): the ordered (name, value) pairs of a document that its QR token vouches
 * for, e.g. a report's number, sample, conclusion and dates; never the PDF bytes. Client and server
 * build the same list from the same record with the same code, so their {@link #digest()}s agree.
 *
 * <p>Values are normalised to canonical text: strings to Unicode NFC; {@link BigDecimal} via
 * {@code stripTrailingZeros().toPlainString()} (so 30.0 and 30.00 agree); integers in decimal;
 * dates, date-times and instants in ISO 8601 (offset date-times as the UTC instant); booleans as
 * {@code true}/{@code false}; enums by name; {@code null} as a distinct "absent" marker. There is
 * deliberately no {@code double}: measured values are BigDecimals.
 *
 * <p>Canonical encoding (all lengths unsigned 32-bit big-endian):
 * {@code "cn.cqs.key-fields.v1" 0x00, count, then per field: nameLength, name (ASCII),
 * present (0x00 or 0x01), [valueLength, value (UTF-8)]}; the digest is the first 16 bytes of its
 * SHA-256.
 *
 * <pre>{@code
 * KeyFieldsDigest d = KeyFields.builder()
 *         .add("reportNumber", "JC2024-HNT-000123")
 *         .add("strength", new BigDecimal("32.5"))
 *         .add("conclusion", "合格")
 *         .build().digest();
 * }</pre>
 */
public final class KeyFields {
    static final byte[] DOMAIN = "cn.cqs.key-fields.v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");

    /** One normalised pair; {@code value} is null when absent. */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;

    private KeyFields(List<Field> fields) {
        this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The normalised fields, in order. */
    public List<Field> fields() {
        return fields;
    }

    /** The canonical byte encoding that {@link #digest()} hashes. */
    public byte[] canonicalEncoding() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DOMAIN);
        writeInt(out, fields.size());
        for (Field field : fields) {
            writeBytes(out, field.name().getBytes(StandardCharsets.US_ASCII));
            if (field.value() == null) {
                out.write(0);
            } else {
                out.write(1);
                writeBytes(out, field.value().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** SHA-256 of the canonical encoding, first 16 bytes. */
    public KeyFieldsDigest digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalEncoding());
            return KeyFieldsDigest.of(Arrays.copyOf(hash, KeyFieldsDigest.LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    @Override
    public String toString() {
        return "KeyFields" + fields;
    }

    /** Collects fields in order. Names must be unique identifiers ({@code [A-Za-z][A-Za-z0-9_.]*}, at most 64). */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder() {
        }

        public Builder add(String name, String value) {
            return put(name, value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC));
        }

        public Builder add(String name, BigDecimal value) {
            return put(name, value == null ? null : value.stripTrailingZeros().toPlainString());
        }

        public Builder add(String name, long value) {
            return put(name, Long.toString(value));
        }

        public Builder add(String name, Long value) {
            return put(name, value == null ? null : value.toString());
        }

        public Builder add(String name, Integer value) {
            return put(name, value == null ? null : value.toString());
        }

        public Builder add(String name, Boolean value) {
            return put(name, value == null ? null : value.toString());
        }

        public Builder add(String name, LocalDate value) {
            return put(name, value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(value));
        }

        public Builder add(String name, LocalDateTime value) {
            return put(name, value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
        }

        public Builder add(String name, Instant value) {
            return put(name, value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value));
        }

        public Builder add(String name, OffsetDateTime value) {
            return add(name, value == null ? null : value.toInstant());
        }

        public Builder add(String name, Enum<?> value) {
            return put(name, value == null ? null : value.name());
        }

        /**
         * @throws IllegalStateException when no field was added
         */
        public KeyFields build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("keyFields: at least one field is required");
            }
            return new KeyFields(fields);
        }

        private Builder put(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("keyFields: field name '" + name
                        + "' must match [A-Za-z][A-Za-z0-9_.]* and have at most 64 characters");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("keyFields: field '" + name + "' was added twice");
            }
            fields.add(new Field(name, value));
            return this;
        }
    }
}
