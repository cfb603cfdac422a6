package cn.cqs.client.verify;

/**
 * One line of the side-by-side comparison (纸面 vs 系统记录).
 *
 * @param label  the field's name, localised
 * @param paper  what the code says, or "" when the code does not carry this field
 * @param record what the system's record says, or "" when there is no record
 * @param state  how the two relate, for highlighting
 */
public record ComparisonRow(String label, String paper, String record, State state) {

    /** How a row is highlighted. */
    public enum State {
        /** Both sides carry the field and agree. */
        SAME,
        /** Both sides carry the field and differ: highlighted as a difference. */
        DIFFERENT,
        /** Only the code carries it. */
        PAPER_ONLY,
        /** Only the record carries it: compare it with the printed paper. */
        RECORD_ONLY,
        /**
         * A record value that needs a look: a key field when the record no longer matches the
         * code's digest, a late upload, or a superseded or withdrawn report.
         */
        ATTENTION
    }

    /** Whether the row is highlighted as a problem. */
    public boolean highlighted() {
        return state == State.DIFFERENT || state == State.ATTENTION;
    }
}
