package cn.cqs.server.pki;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.pki.CertificateRegistration;
import cn.cqs.contract.pki.CertificateRevocation;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Routes of the PKI: the public trust bundle ({@code GET /api/v1/pki/trust}, cacheable with
 * {@code ETag}/{@code If-None-Match}), certificate registration and revocation.
 */
public final class PkiRoutes {
    private final PkiService pki;
    private final Authenticator authenticator;
    private final JsonBodies json;
    private final Supplier<String> verifyBaseUrl;

    /** @param verifyBaseUrl the base URL of QR verification links, published in the bundle */
    public PkiRoutes(PkiService pki, Authenticator authenticator, JsonBodies json, Supplier<String> verifyBaseUrl) {
        this.pki = pki;
        this.authenticator = authenticator;
        this.json = json;
        this.verifyBaseUrl = verifyBaseUrl;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH;
        routes.get(base + "/pki/trust", this::trust);
        routes.post(base + "/organisations/{id}/certificates", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID org = Ids.pathId(ctx, "id", "Organisation");
            CertificateRegistration request = json.read(ctx, CertificateRegistration.class);
            ctx.status(201).json(pki.register(p, org, request));
        });
        routes.post(base + "/organisations/{id}/certificates/{keyId}/revoke", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID org = Ids.pathId(ctx, "id", "Organisation");
            String keyId = PkiService.normaliseKeyId(ctx.pathParam("keyId"));
            CertificateRevocation request = json.read(ctx, CertificateRevocation.class);
            ctx.json(pki.revoke(p, org, keyId, request));
        });
    }

    private void trust(Context ctx) {
        TrustBundle bundle = pki.trustBundle(verifyBaseUrl.get());
        String body = json.write(bundle);
        String etag = "\"" + sha256(body) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(body);
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
