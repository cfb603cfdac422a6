package cn.cqs.client.api;

import cn.cqs.contract.problem.Problem;
import java.util.List;

/**
 * The server answered with an error: an RFC 9457 {@link Problem} (status, code, detail and field
 * errors). When the server's answer was not {@code application/problem+json} (a proxy's HTML error
 * page, say), the problem is made from the status line and its code is {@code null}.
 */
public class ApiProblemException extends ApiException {
    private final Problem problem;

    public ApiProblemException(Problem problem) {
        super(problem.status() + " " + (problem.code() == null ? "" : problem.code() + ": ")
                + (problem.detail() != null ? problem.detail() : problem.title()), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** The problem's stable code, e.g. {@code validation}; {@code null} when the server sent none. */
    public String code() {
        return problem.code();
    }

    public List<Problem.FieldError> fieldErrors() {
        return problem.errors();
    }
}
