package cn.cqs.contract.batches;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A production serial number (生产流水号, R8): assigned by the platform to each registered batch,
 * unique in the province, never reused. This project fixes one format, checked here and nowhere else:
 *
 * <pre>{@code <day>-<plant code>-<sequence>}   e.g.  20261124-776049653-000017</pre>
 * <ul>
 *   <li>{@code day}: {@code yyyyMMdd}, the day (China time) the batch was registered;</li>
 *   <li>{@code plant code}: characters 9-17 of the plant's unified social credit code (its
 *       主体标识码, the former organisation code), nine letters or digits;</li>
 *   <li>{@code sequence}: six digits, 000001-999999, consecutive per plant and day.</li>
 * </ul>
 *
 * @param day       the registration day
 * @param plantCode the plant's nine-character code
 * @param sequence  the number within the plant's day, 1-999999
 */
public record SerialNumber(LocalDate day, String plantCode, int sequence) {
    /** The accepted shape, as a regular expression. */
    public static final String PATTERN = "(\\d{8})-([0-9A-Z]{9})-(\\d{6})";
    /** An example, for messages and documentation. */
    public static final String EXAMPLE = "20261124-776049653-000017";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{9}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public SerialNumber {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(plantCode, "plantCode");
        if (day.getYear() < 2000 || day.getYear() > 2099) {
            throw new IllegalArgumentException("Serial number day must be in 2000-2099, got " + day);
        }
        if (!CODE.matcher(plantCode).matches()) {
            throw new IllegalArgumentException("Serial number plant code must be 9 upper-case letters or digits, got '"
                    + plantCode + "'");
        }
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("Serial number sequence must be 1-999999, got " + sequence);
        }
    }

    /**
     * The serial number of a plant's {@code sequence}-th batch registered on {@code day}.
     *
     * @param plantUscc the plant's 18-character unified social credit code
     */
    public static SerialNumber of(LocalDate day, String plantUscc, int sequence) {
        if (plantUscc == null || plantUscc.length() != 18) {
            throw new IllegalArgumentException("plantUscc: 18 characters expected, got '" + plantUscc + "'");
        }
        return new SerialNumber(day, plantUscc.substring(8, 17), sequence);
    }

    /**
     * Parses a serial number.
     *
     * @throws IllegalArgumentException saying what the expected format is
     */
    public static SerialNumber parse(String text) {
        Matcher m = text == null ? null : SHAPE.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("A serial number looks like " + EXAMPLE + " (day-plant code-sequence), got '"
                    + text + "'");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(m.group(1), DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Serial number day " + m.group(1) + " is not a date", e);
        }
        return new SerialNumber(day, m.group(2), Integer.parseInt(m.group(3)));
    }

    /** Whether {@code text} is a well-formed serial number. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return DAY.format(day) + "-" + plantCode + "-" + String.format("%06d", sequence);
    }
}
