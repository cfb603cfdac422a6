package cn.cqs.server.http;

import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served, turned into an RFC 9457 problem by {@link ProblemHandler}.
 * Services throw it with the status, the problem code (see {@link ProblemTypes}) and a plain-words
 * detail that never contains internals.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String detail, List<Problem.FieldError> errors,
                        Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, List.of(), Map.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, ProblemTypes.NOT_FOUND, what + " was not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, ProblemTypes.FORBIDDEN, detail);
    }

    public static ApiException unauthenticated(String detail) {
        return new ApiException(401, ProblemTypes.UNAUTHENTICATED, detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"cqs\""));
    }

    /**
     * 429 with {@code Retry-After} in whole seconds (at least 1): the caller is asking too often.
     */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ApiException(429, ProblemTypes.TOO_MANY_REQUESTS, detail, List.of(),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    public static ApiException malformed(String detail, String field) {
        List<Problem.FieldError> errors = field == null ? List.of()
                : List.of(new Problem.FieldError(field, "malformed", detail));
        return new ApiException(400, ProblemTypes.MALFORMED_REQUEST, detail, errors, Map.of());
    }

    public static ApiException validation(List<Problem.FieldError> errors) {
        return new ApiException(422, ProblemTypes.VALIDATION,
                errors.size() == 1 ? errors.get(0).message() : "The request has " + errors.size() + " invalid fields",
                errors, Map.of());
    }

    public static ApiException validation(String field, String code, String message) {
        return validation(List.of(new Problem.FieldError(field, code, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
