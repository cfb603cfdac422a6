package cn.cqs.server.verify;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.verify.VerificationResponse;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Public verification routes (no authentication: holding the token is the authority):
 * {@code GET /api/v1/verify/{token}} answers JSON for programs, {@code GET /v/{token}} the page a
 * phone opens from the QR code.
 */
public final class VerifyRoutes {
    private final VerifyService verify;

    public VerifyRoutes(VerifyService verify) {
        this.verify = verify;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(ApiVersion.BASE_PATH + "/verify/{token}", ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.json(verify.verify(ctx.pathParam("token")));
        });
        routes.get(QrToken.URL_PATH + "{token}", ctx -> {
            VerificationResponse response = verify.verify(ctx.pathParam("token"));
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            ctx.contentType("text/html; charset=utf-8").result(VerificationPage.render(response));
        });
    }
}
