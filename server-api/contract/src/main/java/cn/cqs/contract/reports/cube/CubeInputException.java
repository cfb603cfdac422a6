package cn.cqs.contract.reports.cube;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ReportInputException;
import java.util.List;

/**
 * The input to the cube strength rule is unusable. Carries every failing field, so a server can
 * answer with a validation problem and a client can mark each field. A
 * {@link ReportInputException}, like the other report types' input errors.
 */
public class CubeInputException extends ReportInputException {
    private static final long serialVersionUID = 1L;

    public CubeInputException(List<FieldError> errors) {
        super("cube strength", errors);
    }
}
