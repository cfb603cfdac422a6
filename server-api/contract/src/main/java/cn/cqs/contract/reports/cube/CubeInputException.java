package cn.cqs.contract.reports.cube;

import cn.cqs.contract.problem.Problem.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The input to the cube strength rule is unusable. Carries every failing field, so a server can
 * answer with a validation problem and a client can mark each field.
 */
public class CubeInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public CubeInputException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A CubeInputException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The failing fields, in input order. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return "Invalid cube strength input: " + errors.stream()
                .map(e -> e.field() + " " + e.code() + ": " + e.message())
                .collect(Collectors.joining("; "));
    }
}
