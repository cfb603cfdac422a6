package cn.cqs.server.http;

import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} response. Unexpected
 * exceptions are logged with a reference id and answered with a 500 that leaks no internals.
 */
public final class ProblemHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private final JsonBodies json;

    public ProblemHandler(JsonBodies json) {
        this.json = json;
    }

    public void install(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(),
                e.errors(), e.headers()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(ctx, e));
        config.routes.exception(Exception.class, (e, ctx) -> {
            String reference = UUID.randomUUID().toString();
            LOG.error("Unexpected error {} on {} {}", reference, ctx.method(), ctx.path(), e);
            write(ctx, 500, ProblemTypes.INTERNAL,
                    "An internal error occurred; please report reference " + reference, List.of(), Map.of());
        });
        // Anything Javalin answers with an error status by itself (no exception): make it a problem too.
        for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
            config.routes.error(status, ctx -> {
                String ct = ctx.res().getContentType();
                if (ct == null || !ct.startsWith(Problem.MEDIA_TYPE)) {
                    fromStatus(ctx, ctx.statusCode(), null);
                }
            });
        }
    }

    private void fromJavalin(Context ctx, HttpResponseException e) {
        fromStatus(ctx, e.getStatus(), e.getMessage());
    }

    private void fromStatus(Context ctx, int status, String message) {
        switch (status) {
            case 404 -> write(ctx, 404, ProblemTypes.NOT_FOUND,
                    "No resource at " + ctx.method() + " " + ctx.path(), List.of(), Map.of());
            case 405 -> write(ctx, 405, ProblemTypes.METHOD_NOT_ALLOWED,
                    "Method " + ctx.method() + " is not allowed on " + ctx.path(), List.of(), Map.of());
            case 413 -> write(ctx, 413, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "The request body is too large", List.of(), Map.of());
            case 415 -> write(ctx, 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported content type", List.of(), Map.of());
            case 401 -> write(ctx, 401, ProblemTypes.UNAUTHENTICATED, "Authentication is required", List.of(),
                    Map.of());
            case 403 -> write(ctx, 403, ProblemTypes.FORBIDDEN, "Not allowed", List.of(), Map.of());
            default -> {
                if (status >= 500) {
                    LOG.error("Server error {} on {} {}: {}", status, ctx.method(), ctx.path(), message);
                    write(ctx, status, ProblemTypes.INTERNAL, "An internal error occurred", List.of(), Map.of());
                } else {
                    write(ctx, status, ProblemTypes.MALFORMED_REQUEST, "The request could not be processed",
                            List.of(), Map.of());
                }
            }
        }
    }

    private void write(Context ctx, int status, String code, String detail, List<Problem.FieldError> errors,
                       Map<String, String> headers) {
        Problem problem = new Problem(ProblemTypes.uri(code), title(status), status, detail, ctx.path(), code,
                errors);
        headers.forEach(ctx::header);
        ctx.status(status).contentType(Problem.MEDIA_TYPE + ";charset=utf-8").result(json.write(problem));
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Malformed request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 412 -> "Edit conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Validation failed";
            case 426 -> "Client too old";
            case 428 -> "Precondition required";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }
}
