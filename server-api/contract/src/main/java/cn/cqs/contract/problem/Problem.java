package cn.cqs.contract.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). Every error the server returns
 * has this shape. {@code errors} lists field-level validation failures so the client can show each
 * message next to the field it concerns.
 *
 * @param type     a URI naming the kind of problem; see {@link ProblemTypes}
 * @param title    a short, human-readable summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong this time, in plain words
 * @param instance the request path the problem occurred on
 * @param code     a stable machine-readable code (the last segment of {@code type}), used by
 *                 clients to pick a localised message
 * @param errors   field-level validation errors, empty when the problem is not about fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * One field that failed validation.
     *
     * @param field   the JSON path of the field, e.g. {@code specimens[1].failureLoadKn}
     * @param code    a stable machine-readable reason, e.g. {@code required}, {@code too_long}
     * @param message the reason in plain words (English; clients localise by {@code code})
     */
    public record FieldError(String field, String code, String message) {
    }
}
