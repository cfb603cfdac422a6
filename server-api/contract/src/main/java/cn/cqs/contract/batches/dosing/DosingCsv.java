package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.SerialNumber;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.time.ChinaTime;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the dosing-data export of a batching control system (搅拌站生产控制系统投料数据导出), one plate
 * per row, and reports <em>every</em> bad row rather than stopping at the first. The format (see
 * {@code docs/rules/dosing.md}):
 * <ul>
 *   <li>UTF-8, with or without a byte-order mark; comma-separated; fields may be double-quoted
 *       ({@code ""} inside quotes is a quote); blank lines are skipped;</li>
 *   <li>a header row is required; columns are found by name (case-insensitive), in any order:
 *       {@code serialNumber}, {@code plateNo}, {@code time}, {@code volumeM3} (all required) and
 *       material columns {@code cement}, {@code flyAsh}, {@code slagPowder}, {@code sand},
 *       {@code stone}, {@code admixture}, {@code water} (at least one); a material weighed from
 *       several bins may have several columns, {@code <name>_<n>} (e.g. {@code stone_1},
 *       {@code stone_2}), summed per material;</li>
 *   <li>{@code time}: ISO local date-time ({@code 2026-11-24T08:15:30} or with a space), read as
 *       China time ({@link #ZONE}); or an ISO date-time with an offset ({@code …+08:00}), taken as is;</li>
 *   <li>numbers: plain decimals with a point, no thousands separators; masses in kg from 0
 *       (at most 3 decimals), volume in m³ more than 0 (at most 3 decimals); an empty material cell
 *       means not weighed;</li>
 *   <li>at most {@link #MAX_PLATES} plates per file; each (serial number, plate number) once.</li>
 * </ul>
 */
public final class DosingCsv {
    /** The time zone of local date-times in the file: China Standard Time. */
    public static final ZoneId ZONE = ChinaTime.ZONE;
    /** The most plates (data rows) in one file. */
    public static final int MAX_PLATES = 10_000;
    /** The largest file accepted, bytes (10,000 rows of about 150 characters, with room). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    public static final String SERIAL_NUMBER = "serialNumber";
    public static final String PLATE_NO = "plateNo";
    public static final String TIME = "time";
    public static final String VOLUME = "volumeM3";
    private static final List<String> REQUIRED = List.of(SERIAL_NUMBER, PLATE_NO, TIME, VOLUME);

    /** The header name of each material column. */
    public static final Map<MaterialKind, String> MATERIAL_COLUMNS = materialColumns();

    private static final Pattern BIN_SUFFIX = Pattern.compile("_(\\d{1,2})$");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,6}");
    private static final int MAX_PLATE_NO = 99_999;
    private static final int MAX_ERRORS = 1_000;

    private DosingCsv() {
    }

    /**
     * The outcome of reading a file.
     *
     * @param plates the rows read without a problem, in file order (a file with errors should be
     *               refused as a whole; the good rows are given for display)
     * @param errors every problem, in file order (the first 1,000, then one saying there are more)
     */
    public record Parsed(List<DosingRecord> plates, List<DosingCsvError> errors) {
        public Parsed {
            plates = List.copyOf(plates);
            errors = List.copyOf(errors);
        }

        /** True when the file had no problem at all. */
        public boolean valid() {
            return errors.isEmpty();
        }

        /** The plates grouped by serial number, in order of first appearance. */
        public Map<String, List<DosingRecord>> bySerialNumber() {
            Map<String, List<DosingRecord>> map = new LinkedHashMap<>();
            plates.forEach(p -> map.computeIfAbsent(p.serialNumber(), k -> new ArrayList<>()).add(p));
            map.replaceAll((k, v) -> List.copyOf(v));
            return Collections.unmodifiableMap(map);
        }
    }

    /** Reads a file's bytes (UTF-8, optional BOM), at most {@link #MAX_BYTES}. */
    public static Parsed parse(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return fileError(ErrorCodes.TOO_LONG, "The file is larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fileError(ErrorCodes.FORMAT, "The file is not UTF-8 text (" + e.getMessage() + ")");
        }
        return parse(text);
    }

    /** Reads a file's text; a leading BOM is ignored. */
    public static Parsed parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Reader(text.startsWith("\uFEFF") ? text.substring(1) : text).read();
    }

    private static Parsed fileError(String code, String message) {
        return new Parsed(List.of(), List.of(new DosingCsvError(0, null, code, message)));
    }

    private static Map<MaterialKind, String> materialColumns() {
        Map<MaterialKind, String> map = new EnumMap<>(MaterialKind.class);
        for (MaterialKind kind : MaterialKind.values()) {
            StringBuilder name = new StringBuilder();
            boolean upper = false;
            for (char c : kind.name().toLowerCase(Locale.ROOT).toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    name.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            map.put(kind, name.toString());
        }
        return Collections.unmodifiableMap(map);
    }

    /** One pass over the text. */
    private static final class Reader {
        private final String text;
        private final List<DosingRecord> plates = new ArrayList<>();
        private final List<DosingCsvError> errors = new ArrayList<>();
        private final Set<String> seenPlates = new HashSet<>();
        private int pos;
        /** Every problem found, including those beyond the listing cap. */
        private int problems;
        private int line;
        private int recordLine;
        private boolean truncated;

        private String[] headerNames;
        private final Map<String, Integer> fixedColumns = new HashMap<>();
        private final Map<Integer, MaterialKind> materialColumns = new LinkedHashMap<>();

        Reader(String text) {
            this.text = text;
        }

        Parsed read() {
            List<String> header = nextRecord();
            while (header != null && isBlank(header)) {
                header = nextRecord();
            }
            if (header == null) {
                error(0, null, ErrorCodes.REQUIRED, "The file is empty: a header row is required");
                return result();
            }
            int headerRow = recordLine;
            if (!readHeader(header, headerRow)) {
                return result();
            }
            int dataRows = 0;
            List<String> fields;
            while ((fields = nextRecord()) != null && !truncated) {
                if (isBlank(fields)) {
                    continue;
                }
                dataRows++;
                if (dataRows > MAX_PLATES) {
                    error(recordLine, null, ErrorCodes.WRONG_COUNT, "At most " + MAX_PLATES
                            + " plates per file; this row and the rest were not read");
                    break;
                }
                readRow(recordLine, fields);
            }
            if (dataRows == 0 && problems == 0) {
                error(0, null, ErrorCodes.REQUIRED, "The file has a header but no plates");
            }
            return result();
        }

        private Parsed result() {
            return new Parsed(plates, errors);
        }

        private boolean readHeader(List<String> header, int row) {
            headerNames = new String[header.size()];
            boolean ok = true;
            Map<String, String> canonical = new HashMap<>();
            REQUIRED.forEach(n -> canonical.put(n.toLowerCase(Locale.ROOT), n));
            Map<String, MaterialKind> materials = new HashMap<>();
            MATERIAL_COLUMNS.forEach((k, n) -> materials.put(n.toLowerCase(Locale.ROOT), k));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < header.size(); i++) {
                String raw = header.get(i).strip();
                String key = raw.toLowerCase(Locale.ROOT);
                headerNames[i] = raw;
                if (raw.isEmpty()) {
                    error(row, "#" + (i + 1), ErrorCodes.REQUIRED, "Column " + (i + 1) + " has no name");
                    ok = false;
                    continue;
                }
                if (!seen.add(key)) {
                    error(row, raw, ErrorCodes.NOT_ALLOWED, "Column '" + raw + "' appears twice");
                    ok = false;
                    continue;
                }
                if (canonical.containsKey(key)) {
                    headerNames[i] = canonical.get(key);
                    fixedColumns.put(canonical.get(key), i);
                    continue;
                }
                String base = BIN_SUFFIX.matcher(key).replaceFirst("");
                MaterialKind kind = materials.get(base);
                if (kind != null) {
                    materialColumns.put(i, kind);
                    continue;
                }
                error(row, raw, ErrorCodes.NOT_ALLOWED, "Unknown column '" + raw + "'; columns are "
                        + String.join(", ", REQUIRED) + " and the materials "
                        + String.join(", ", MATERIAL_COLUMNS.values()) + " (bins as e.g. stone_1, stone_2)");
                ok = false;
            }
            for (String name : REQUIRED) {
                if (!fixedColumns.containsKey(name)) {
                    error(row, name, ErrorCodes.REQUIRED, "The header has no column '" + name + "'");
                    ok = false;
                }
            }
            if (materialColumns.isEmpty()) {
                error(row, null, ErrorCodes.REQUIRED, "The header has no material column ("
                        + String.join(", ", MATERIAL_COLUMNS.values()) + ")");
                ok = false;
            }
            return ok;
        }

        private void readRow(int row, List<String> fields) {
            int before = problems;
            if (fields.size() != headerNames.length) {
                error(row, null, ErrorCodes.WRONG_COUNT, "Expected " + headerNames.length + " fields as in the header, got "
                        + fields.size());
                return;
            }
            String serial = fields.get(fixedColumns.get(SERIAL_NUMBER)).strip();
            if (serial.isEmpty()) {
                error(row, SERIAL_NUMBER, ErrorCodes.REQUIRED, "Required");
            } else if (!SerialNumber.isValid(serial)) {
                error(row, SERIAL_NUMBER, ErrorCodes.FORMAT, "A serial number looks like " + SerialNumber.EXAMPLE
                        + ", got '" + serial + "'");
            }
            Integer plateNo = plateNo(row, fields.get(fixedColumns.get(PLATE_NO)).strip());
            Instant time = time(row, fields.get(fixedColumns.get(TIME)).strip());
            BigDecimal volume = decimal(row, VOLUME, fields.get(fixedColumns.get(VOLUME)).strip(), true);
            if (volume != null && (volume.signum() <= 0 || volume.compareTo(DosingRecord.MAX_VOLUME_M3) > 0)) {
                error(row, VOLUME, ErrorCodes.OUT_OF_RANGE, "A plate volume must be more than 0 and at most "
                        + DosingRecord.MAX_VOLUME_M3.toPlainString() + " m³, got " + volume.toPlainString());
            }
            Map<MaterialKind, BigDecimal> kg = new EnumMap<>(MaterialKind.class);
            materialColumns.forEach((index, kind) -> {
                String column = headerNames[index];
                BigDecimal value = decimal(row, column, fields.get(index).strip(), false);
                if (value != null) {
                    kg.merge(kind, value, BigDecimal::add);
                }
            });
            kg.forEach((kind, sum) -> {
                if (sum.compareTo(DosingRecord.MAX_KG) > 0) {
                    error(row, MATERIAL_COLUMNS.get(kind), ErrorCodes.OUT_OF_RANGE, "At most "
                            + DosingRecord.MAX_KG.toPlainString() + " kg of one material in a plate, got "
                            + sum.toPlainString());
                }
            });
            if (kg.isEmpty() && problems == before) {
                error(row, null, ErrorCodes.REQUIRED, "No material was weighed in this plate");
            }
            if (plateNo != null && !serial.isEmpty() && !seenPlates.add(serial + "#" + plateNo)) {
                error(row, PLATE_NO, ErrorCodes.NOT_ALLOWED, "Plate " + plateNo + " of " + serial
                        + " appears twice in the file");
            }
            if (problems == before) {
                plates.add(new DosingRecord(serial, plateNo, time, volume, kg));
            }
        }

        private Integer plateNo(int row, String value) {
            if (value.isEmpty()) {
                error(row, PLATE_NO, ErrorCodes.REQUIRED, "Required");
                return null;
            }
            if (!INTEGER.matcher(value).matches()) {
                error(row, PLATE_NO, ErrorCodes.FORMAT, "A plate number is a whole number from 1, got '" + value + "'");
                return null;
            }
            int n = Integer.parseInt(value);
            if (n < 1 || n > MAX_PLATE_NO) {
                error(row, PLATE_NO, ErrorCodes.OUT_OF_RANGE, "A plate number is from 1 to " + MAX_PLATE_NO + ", got " + n);
                return null;
            }
            return n;
        }

        private Instant time(int row, String value) {
            if (value.isEmpty()) {
                error(row, TIME, ErrorCodes.REQUIRED, "Required");
                return null;
            }
            String iso = value.length() > 10 && value.charAt(10) == ' '
                    ? value.substring(0, 10) + 'T' + value.substring(11) : value;
            try {
                return LocalDateTime.parse(iso).atZone(ZONE).toInstant();
            } catch (DateTimeParseException local) {
                try {
                    return OffsetDateTime.parse(iso).toInstant();
                } catch (DateTimeException offset) {
                    error(row, TIME, ErrorCodes.FORMAT, "A time is an ISO date-time such as 2026-11-24T08:15:30 "
                            + "(China time) or 2026-11-24T08:15:30+08:00, got '" + value + "'");
                    return null;
                }
            }
        }

        /** A non-negative decimal with at most 3 decimals; empty gives null (an error if required). */
        private BigDecimal decimal(int row, String column, String value, boolean required) {
            if (value.isEmpty()) {
                if (required) {
                    error(row, column, ErrorCodes.REQUIRED, "Required");
                }
                return null;
            }
            if (!DECIMAL.matcher(value).matches()) {
                error(row, column, ErrorCodes.FORMAT, "Expected a number from 0 with at most 3 decimals and a "
                        + "decimal point (no sign, no thousands separator), got '" + value + "'");
                return null;
            }
            return new BigDecimal(value);
        }

        /** The next record's fields, or null at the end. Quoted fields may contain commas and line breaks. */
        private List<String> nextRecord() {
            if (pos >= text.length()) {
                return null;
            }
            line++;
            int startLine = line;
            recordLine = startLine;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n') {
                    break;
                } else if (c == '\r') {
                    if (pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    break;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                error(startLine, null, ErrorCodes.FORMAT, "A quoted field is not closed before the end of the file");
                truncated = true;
            }
            fields.add(field.toString());
            return fields;
        }

        private static boolean isBlank(List<String> fields) {
            return fields.size() == 1 && fields.get(0).isBlank();
        }

        private void error(int row, String column, String code, String message) {
            problems++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new DosingCsvError(row, column, code, message));
            } else if (errors.size() == MAX_ERRORS) {
                errors.add(new DosingCsvError(row, null, ErrorCodes.WRONG_COUNT, "More than " + MAX_ERRORS
                        + " problems; the rest are not listed"));
            }
        }
    }
}
