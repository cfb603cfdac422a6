package cn.cqs.client.reports.sections;

/**
 * One line of a section's live results panel: a computed value or a single-item conclusion.
 *
 * @param id      the value label's id, e.g. {@code methodValue}
 * @param caption what the line shows, localised
 * @param value   the value, localised
 * @param kind    how it is styled
 */
public record ResultLine(String id, String caption, String value, Kind kind) {
    /** The styling of a line. */
    public enum Kind {
        /** A computed value. */
        VALUE,
        /** A single-item conclusion that passed. */
        PASSED,
        /** A single-item conclusion that did not pass (unqualified, retest, invalid). */
        FAILED,
        /** A heading between groups of lines. */
        HEADING,
        /** A remark over the whole width (its caption), e.g. what is still missing. */
        NOTE
    }

    /** A computed value. */
    public static ResultLine value(String id, String caption, String value) {
        return new ResultLine(id, caption, value, Kind.VALUE);
    }
}
