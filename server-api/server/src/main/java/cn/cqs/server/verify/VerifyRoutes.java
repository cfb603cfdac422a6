package cn.cqs.server.verify;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.server.blobs.Blob;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.reports.ReportRoutes;
import io.javalin.router.JavalinDefaultRoutingApi;


/**
 * Public verification routes (no authentication: holding the token is the authority):
 * {@code GET /api/v1/verify/{token}} answers JSON for programs, {@code GET /v/{token}} the page a
 * phone opens from the QR code, and {@code GET /api/v1/verify/{token}/pdf} (for programs and the verify
 * desk's 打开 PDF) and {@code GET /v/{token}/pdf} (the link on the phone page) the signed report PDF of
 * exactly the version the token names (only for a genuine token whose record was uploaded; 404 otherwise).
 */
public final class VerifyRoutes {
    private final VerifyService verify;

    public VerifyRoutes(VerifyService verify) {
        this.verify = verify;
    }

    /**
     * The PDF of exactly the report version the token names (the token is verified first; 404 unless
     * it is genuine and its record is in the system with matching key fields).
     */
    private void sendGenuinePdf(io.javalin.http.Context ctx, String token) {
        Blob pdf = verify.genuinePdf(token).orElseThrow(() -> ApiException.notFound("Report PDF"));
        String number = verify.verify(token).claims().documentNumber();
        ReportRoutes.sendPdf(ctx, pdf, number + ".pdf", "no-store");
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(ApiVersion.BASE_PATH + "/verify/{token}", ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.json(verify.verify(ctx.pathParam("token")));
        });
        routes.get(ApiVersion.BASE_PATH + "/verify/{token}/pdf", ctx -> sendGenuinePdf(ctx, ctx.pathParam("token")));
        routes.get(QrToken.URL_PATH + "{token}/pdf", ctx -> sendGenuinePdf(ctx, ctx.pathParam("token")));
        routes.get(QrToken.URL_PATH + "{token}", ctx -> {
            String token = ctx.pathParam("token");
            VerificationResponse response = verify.verify(token);
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            ctx.contentType("text/html; charset=utf-8").result(VerificationPage.render(response,
                    verify.genuinePdf(token).isPresent() ? QrToken.URL_PATH + token.strip() + "/pdf" : null));
        });
    }
}
