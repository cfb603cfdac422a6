package cn.cqs.contract.reports.validation;

import cn.cqs.contract.problem.Problem.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The input to a report rule is unusable. Carries every failing field (JSON path, stable code,
 * plain message), so a server can answer with a validation problem and a client can mark each
 * field. Every report type's {@code evaluate()} throws this (the cube's subclass keeps its older
 * name).
 */
public class ReportInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /**
     * @param subject what was being evaluated, for the message, e.g. {@code rebar tensile test}
     * @param errors  at least one failing field
     */
    public ReportInputException(String subject, List<FieldError> errors) {
        super(describe(subject, errors));
        this.errors = List.copyOf(errors);
    }

    /** The failing fields, in input order. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(String subject, List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("A ReportInputException needs at least one field error");
        }
        return "Invalid " + subject + " input: " + errors.stream()
                .map(e -> e.field() + " " + e.code() + ": " + e.message())
                .collect(Collectors.joining("; "));
    }
}
