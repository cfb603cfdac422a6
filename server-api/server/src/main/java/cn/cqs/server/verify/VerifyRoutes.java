package cn.cqs.server.verify;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.RateLimiter;
import cn.cqs.server.reports.ReportRoutes;
import io.javalin.router.JavalinDefaultRoutingApi;


/**
 * Public verification routes (no authentication: holding the token is the authority):
 * {@code GET /api/v1/verify/{token}} answers JSON for programs, {@code GET /v/{token}} the page a
 * phone opens from the QR code, and {@code GET /api/v1/verify/{token}/pdf} (for programs and the verify
 * desk's 打开 PDF) and {@code GET /v/{token}/pdf} (the link on the phone page) the signed report PDF of
 * exactly the version the token names (only for a genuine token whose record was uploaded; 404 otherwise).
 *
 * <p>Every route is rate-limited per client address ({@link VerifyRateLimiter}) before any work: the API
 * routes answer 429 {@code application/problem+json} with {@code Retry-After}; the {@code /v/} routes,
 * which a phone's browser opens, answer 429 with {@code Retry-After} and a short Chinese page
 * ({@link TooManyRequestsPage}).
 */
public final class VerifyRoutes {
    private final VerifyService verify;
    private final VerifyRateLimiter limiter;

    public VerifyRoutes(VerifyService verify, VerifyRateLimiter limiter) {
        this.verify = verify;
        this.limiter = limiter;
    }

    /** The API routes' refusal: a problem with {@code Retry-After}. */
    private static void requireAdmitted(RateLimiter.Admission admission, String what) {
        if (!admission.admitted()) {
            long seconds = admission.retryAfterSeconds();
            throw ApiException.tooManyRequests("Too many " + what + " requests from this address; try again in "
                    + seconds + " seconds", seconds);
        }
    }

    /** The phone routes' refusal: a readable page with {@code Retry-After}; false when refused. */
    private static boolean admittedOrPage(io.javalin.http.Context ctx, RateLimiter.Admission admission) {
        if (admission.admitted()) {
            return true;
        }
        long seconds = admission.retryAfterSeconds();
        ctx.status(429);
        ctx.header("Retry-After", Long.toString(seconds));
        phoneHeaders(ctx);
        ctx.contentType("text/html; charset=utf-8").result(TooManyRequestsPage.render(seconds));
        return false;
    }

    private static void phoneHeaders(io.javalin.http.Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }

    /**
     * The PDF of exactly the report version the token names (the token is verified first; 404 unless
     * it is genuine and its record is in the system with matching key fields).
     */
    private void sendGenuinePdf(io.javalin.http.Context ctx, String token) {
        VerifyService.GenuinePdf genuine = verify.genuinePdf(token).orElseThrow(() -> ApiException.notFound("Report PDF"));
        ReportRoutes.sendPdf(ctx, genuine.pdf(), genuine.reportNumber() + ".pdf", "no-store");
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(ApiVersion.BASE_PATH + "/verify/{token}", ctx -> {
            requireAdmitted(limiter.admitVerdict(ctx), "verification");
            ctx.header("Cache-Control", "no-store");
            ctx.json(verify.verify(ctx.pathParam("token")));
        });
        routes.get(ApiVersion.BASE_PATH + "/verify/{token}/pdf", ctx -> {
            requireAdmitted(limiter.admitPdf(ctx), "PDF");
            sendGenuinePdf(ctx, ctx.pathParam("token"));
        });
        routes.get(QrToken.URL_PATH + "{token}/pdf", ctx -> {
            if (admittedOrPage(ctx, limiter.admitPdf(ctx))) {
                sendGenuinePdf(ctx, ctx.pathParam("token"));
            }
        });
        routes.get(QrToken.URL_PATH + "{token}", ctx -> {
            if (!admittedOrPage(ctx, limiter.admitVerdict(ctx))) {
                return;
            }
            String token = ctx.pathParam("token");
            VerifyService.PageVerdict verdict = verify.verifyForPage(token);
            phoneHeaders(ctx);
            ctx.contentType("text/html; charset=utf-8").result(VerificationPage.render(verdict.response(),
                    verdict.pdfAvailable() ? QrToken.URL_PATH + token.strip() + "/pdf" : null));
        });
    }
}
