package cn.cqs.contract.reports.validation;

/**
 * The stable {@code code}s of {@link cn.cqs.contract.problem.Problem.FieldError}s raised by the
 * report rules. Clients pick their localised message by these codes, so they never change meaning.
 */
public final class ErrorCodes {
    /** The field is missing or blank. */
    public static final String REQUIRED = "required";
    /** The text is longer than allowed. */
    public static final String TOO_LONG = "too_long";
    /** The number is outside the allowed range. */
    public static final String OUT_OF_RANGE = "out_of_range";
    /** The text does not have the required shape (e.g. a strength grade or report number). */
    public static final String FORMAT = "format";
    /** The value is well-formed but not one of the allowed values (e.g. a 120 mm cube). */
    public static final String NOT_ALLOWED = "not_allowed";
    /** A value was given where the rule does not use one (e.g. a tested size factor for C30). */
    public static final String NOT_APPLICABLE = "not_applicable";
    /** A list has the wrong number of entries (e.g. not three cubes in a group). */
    public static final String WRONG_COUNT = "wrong_count";
    /** A date lies before the date it must follow (e.g. testing before sampling). */
    public static final String BEFORE_SAMPLING = "before_sampling";

    private ErrorCodes() {
    }
}
