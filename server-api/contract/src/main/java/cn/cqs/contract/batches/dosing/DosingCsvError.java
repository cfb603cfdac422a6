package cn.cqs.contract.batches.dosing;

import cn.cqs.contract.problem.Problem.FieldError;
import java.util.Objects;

/**
 * One problem in a dosing CSV file (投料数据文件): where it is and why.
 *
 * @param row     the line number in the file, from 1 (the header is row 1); 0 for the whole file
 * @param column  the column's header name, or null when the problem concerns the whole row or file
 * @param code    a stable code ({@code required}, {@code format}, {@code out_of_range},
 *                {@code not_allowed}, {@code wrong_count}, {@code too_long})
 * @param message the reason in plain English
 */
public record DosingCsvError(int row, String column, String code, String message) {
    public DosingCsvError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** As a field error: field {@code rows[<row>].<column>} (or {@code rows[<row>]}, or {@code file}). */
    public FieldError toFieldError() {
        String field = row == 0 ? "file" : "rows[" + row + "]" + (column == null ? "" : "." + column);
        return new FieldError(field, code, message);
    }

    @Override
    public String toString() {
        return (row == 0 ? "file" : "row " + row) + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
