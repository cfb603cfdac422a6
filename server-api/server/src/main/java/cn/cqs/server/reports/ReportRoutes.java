package cn.cqs.server.reports;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.contract.reports.ReportWithdrawal;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.idempotency.IdempotencyStore;
import cn.cqs.server.blobs.Blob;
import cn.cqs.server.reports.pdf.ReportPdfs;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Routes of {@code /api/v1/reports}. The upload accepts an {@code Idempotency-Key}: a replay
 * answers the first response and creates nothing. The upload's body carries the signed PDF as
 * Base64, so it may be up to {@link #MAX_UPLOAD_BODY_BYTES}; other routes keep the server's
 * default JSON limit. {@code GET /api/v1/reports/{id}/pdf} serves the signed PDF, scoped like the report.
 * {@code POST /api/v1/reports/{id}/withdraw} withdraws (撤回) a valid report with a reason; a
 * correction is an upload naming the report it {@code supersedes}.
 */
public final class ReportRoutes {
    /** Largest upload body: the PDF ({@link ReportUpload#MAX_PDF_BYTES}) as Base64 plus the report. */
    public static final long MAX_UPLOAD_BODY_BYTES = 20L * 1024 * 1024 + 512 * 1024;
    private final ReportService reports;
    private final IdempotencyStore idempotency;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public ReportRoutes(ReportService reports, IdempotencyStore idempotency, Authenticator authenticator,
                        JsonBodies json) {
        this.reports = reports;
        this.idempotency = idempotency;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String base = ApiVersion.BASE_PATH + "/reports";
        routes.post(base, ctx -> {
            Principal p = authenticator.require(ctx);
            byte[] raw = json.rawJson(ctx, Math.max(MAX_UPLOAD_BODY_BYTES, json.maxBytes()));
            ReportUpload upload = json.parse(raw, ReportUpload.class);
            IdempotencyStore.StoredResponse response = idempotency.run(p, ctx.header(IdempotencyStore.HEADER), "POST",
                    base, raw, h -> {
                        ReportRecord record = reports.upload(h, p, upload);
                        return new IdempotencyStore.StoredResponse(201, Map.of("ETag", Etags.of(record.version()),
                                "Location", base + "/" + record.id()), json.write(record), false);
                    });
            response.headers().forEach(ctx::header);
            if (response.replayed()) {
                ctx.header(IdempotencyStore.REPLAYED_HEADER, "true");
            }
            ctx.status(response.status()).contentType("application/json").result(response.body());
        });
        routes.get(base, ctx -> {
            Principal p = authenticator.require(ctx);
            ctx.json(reports.list(p, ReportQuery.from(ctx)));
        });
        routes.get(base + "/{id}/pdf", ctx -> {
            UUID id = Ids.pathId(ctx, "id", "Report");
            Blob pdf = reports.pdf(authenticator.require(ctx), id);
            sendPdf(ctx, pdf, "report-" + id + ".pdf", "private, no-cache");
        });
        routes.post(base + "/{id}/withdraw", ctx -> {
            Principal p = authenticator.require(ctx);
            UUID id = Ids.pathId(ctx, "id", "Report");
            ReportRecord record = reports.withdraw(p, id, json.read(ctx, ReportWithdrawal.class));
            Etags.set(ctx, record.version());
            ctx.json(record);
        });
        routes.get(base + "/{id}", ctx -> {
            ReportRecord record = reports.get(authenticator.require(ctx), Ids.pathId(ctx, "id", "Report"));
            Etags.set(ctx, record.version());
            ctx.json(record);
        });
    }

    /** Answers a stored PDF inline (viewers open it in place), with its hash as the ETag. */
    public static void sendPdf(Context ctx, Blob pdf, String fileName, String cacheControl) {
        ctx.header("ETag", "\"" + pdf.key() + "\"");
        ctx.header("Cache-Control", cacheControl);
        ctx.header("X-Content-Type-Options", "nosniff");
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        ctx.header("Content-Disposition", "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(ReportPdfs.MEDIA_TYPE).result(pdf.content());
    }
}
