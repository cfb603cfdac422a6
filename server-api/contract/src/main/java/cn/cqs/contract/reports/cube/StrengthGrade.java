package cn.cqs.contract.reports.cube;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A concrete strength grade (混凝土强度等级), such as {@code C30}: the letter C and the
 * characteristic cube strength fcu,k (立方体抗压强度标准值) in MPa. The grades accepted are C7.5
 * and C10 to C100 in steps of 5. In JSON a grade is its code ({@code "C30"}).
 *
 * @param characteristicStrengthMpa fcu,k in MPa, e.g. {@code 30}
 */
public record StrengthGrade(BigDecimal characteristicStrengthMpa) implements Comparable<StrengthGrade> {
    private static final Pattern SHAPE = Pattern.compile("C(\\d{1,3}(?:\\.\\d+)?)");
    private static final BigDecimal C7_5 = new BigDecimal("7.5");
    private static final BigDecimal STEP = new BigDecimal("5");
    private static final BigDecimal LOWEST_STEPPED = new BigDecimal("10");
    private static final BigDecimal HIGHEST = new BigDecimal("100");
    private static final BigDecimal C30 = new BigDecimal("30");
    private static final BigDecimal C60 = new BigDecimal("60");

    private static final LoadingRate BELOW_C30 = new LoadingRate(new BigDecimal("0.3"), new BigDecimal("0.5"));
    private static final LoadingRate C30_TO_BELOW_C60 = new LoadingRate(new BigDecimal("0.5"), new BigDecimal("0.8"));
    private static final LoadingRate C60_AND_ABOVE = new LoadingRate(new BigDecimal("0.8"), new BigDecimal("1.0"));

    public StrengthGrade {
        Objects.requireNonNull(characteristicStrengthMpa, "characteristicStrengthMpa");
        if (!isAllowed(characteristicStrengthMpa)) {
            throw new IllegalArgumentException("No strength grade C"
                    + characteristicStrengthMpa.stripTrailingZeros().toPlainString()
                    + "; grades are C7.5 and C10 to C100 in steps of 5");
        }
        characteristicStrengthMpa = plain(characteristicStrengthMpa);
    }

    /**
     * Parses a grade as written on a form: {@code C30}, {@code c30} or {@code  C7.5 }.
     *
     * @throws IllegalArgumentException saying why the text is not a grade
     */
    @JsonCreator
    public static StrengthGrade parse(String text) {
        Optional<FieldError> error = check("designGrade", text);
        if (error.isPresent()) {
            throw new IllegalArgumentException(error.get().message());
        }
        return new StrengthGrade(numberPart(text));
    }

    /**
     * Checks a grade as entered, reporting against {@code field}: {@code required} when blank,
     * {@code format} when it is not C followed by a number, {@code not_allowed} when the number is
     * not a grade (C33, C105).
     */
    public static Optional<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        Matcher m = SHAPE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.of(new FieldError(field, ErrorCodes.FORMAT,
                    "A strength grade is C followed by fcu,k in MPa, e.g. C30; got '" + text.strip() + "'"));
        }
        if (!isAllowed(new BigDecimal(m.group(1)))) {
            return Optional.of(new FieldError(field, ErrorCodes.NOT_ALLOWED,
                    "No strength grade " + text.strip().toUpperCase(Locale.ROOT)
                            + "; grades are C7.5 and C10 to C100 in steps of 5"));
        }
        return Optional.empty();
    }

    /** The grade's code, e.g. {@code C30} or {@code C7.5}. */
    @JsonValue
    public String code() {
        return "C" + characteristicStrengthMpa.toPlainString();
    }

    /** Whether this is C60 or above (高强混凝土), where non-standard cubes need a tested size factor. */
    public boolean isHighStrength() {
        return characteristicStrengthMpa.compareTo(C60) >= 0;
    }

    /**
     * The loading rate GB/T 50081-2019 prescribes: below C30 0.3-0.5 MPa/s; C30 up to but not
     * including C60 0.5-0.8 MPa/s; C60 and above 0.8-1.0 MPa/s.
     */
    public LoadingRate loadingRate() {
        if (characteristicStrengthMpa.compareTo(C30) < 0) {
            return BELOW_C30;
        }
        return isHighStrength() ? C60_AND_ABOVE : C30_TO_BELOW_C60;
    }

    @Override
    public int compareTo(StrengthGrade other) {
        return characteristicStrengthMpa.compareTo(other.characteristicStrengthMpa);
    }

    @Override
    public String toString() {
        return code();
    }

    private static BigDecimal numberPart(String text) {
        Matcher m = SHAPE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalStateException("checked before");
        }
        return new BigDecimal(m.group(1));
    }

    private static boolean isAllowed(BigDecimal fcuK) {
        if (fcuK.compareTo(C7_5) == 0) {
            return true;
        }
        return fcuK.compareTo(LOWEST_STEPPED) >= 0 && fcuK.compareTo(HIGHEST) <= 0
                && fcuK.remainder(STEP).signum() == 0;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
