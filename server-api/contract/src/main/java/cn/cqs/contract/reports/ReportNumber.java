package cn.cqs.contract.reports;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab's report number (报告编号). Order 57 requires reports to be numbered consecutively within
 * each year (按年度统一编号、连续编号); no national format exists and labs use their own. This
 * project fixes one format, checked here and nowhere else:
 *
 * <pre>{@code <year>-<prefix>-<sequence>}   e.g.  2024-HNT-000123</pre>
 * <ul>
 *   <li>{@code year}: four digits, 2000-2099, the year the number belongs to;</li>
 *   <li>{@code prefix}: 1-8 upper-case letters or digits starting with a letter, the lab's series
 *       (e.g. HNT for 混凝土, concrete);</li>
 *   <li>{@code sequence}: six digits, 000001-999999, consecutive within year and prefix.</li>
 * </ul>
 * The number as a whole is 8-20 characters long.
 *
 * @param year     the year, 2000-2099
 * @param prefix   the series prefix
 * @param sequence the consecutive number within the year, 1-999999
 */
public record ReportNumber(int year, String prefix, int sequence) {
    /** The accepted shape, as a regular expression. */
    public static final String PATTERN = "(20\\d{2})-([A-Z][A-Z0-9]{0,7})-(\\d{6})";
    /** An example, for messages and documentation. */
    public static final String EXAMPLE = "2024-HNT-000123";

    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,7}");

    public ReportNumber {
        Objects.requireNonNull(prefix, "prefix");
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("Report number year must be 2000-2099, got " + year);
        }
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Report number prefix must be 1-8 upper-case letters or digits"
                    + " starting with a letter, got '" + prefix + "'");
        }
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("Report number sequence must be 1-999999, got " + sequence);
        }
    }

    /**
     * Parses a report number.
     *
     * @throws IllegalArgumentException saying what the expected format is
     */
    public static ReportNumber parse(String text) {
        Optional<FieldError> error = check("reportNumber", text);
        if (error.isPresent()) {
            throw new IllegalArgumentException(error.get().message());
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalStateException("checked before");
        }
        return new ReportNumber(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
    }

    /**
     * Checks a report number as entered, reporting against {@code field}: {@code required} when
     * blank, {@code format} when it does not have the shape above or its sequence is 000000.
     */
    public static Optional<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(3)) == 0) {
            return Optional.of(new FieldError(field, ErrorCodes.FORMAT,
                    "A report number is <year>-<prefix>-<6-digit sequence from 000001>, e.g. " + EXAMPLE
                            + "; got '" + text + "'"));
        }
        return Optional.empty();
    }

    /** The number as written: {@code 2024-HNT-000123}. */
    @Override
    public String toString() {
        return String.format("%04d-%s-%06d", year, prefix, sequence);
    }
}
