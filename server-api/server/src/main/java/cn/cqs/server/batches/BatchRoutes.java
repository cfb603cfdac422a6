package cn.cqs.server.batches;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.DeliveryTicket;
import cn.cqs.contract.batches.DeliveryTicketRequest;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MaterialLot;
import cn.cqs.contract.batches.MixDesign;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Ids;
import cn.cqs.server.http.JsonBodies;
import cn.cqs.server.http.QueryParams;
import cn.cqs.server.http.Validation;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Routes of the ready-mix subsystem. The plant's side (users and API keys with BATCHES_REGISTER,
 * e.g. its ERP) registers under its own ids with idempotent PUTs, answering 201 the first time and
 * 200 for the same values again:
 * <ul>
 *   <li>{@code PUT /api/v1/plant/material-lots/{lotId}} (原材料进厂登记)</li>
 *   <li>{@code PUT /api/v1/plant/mix-designs/{mixDesignId}} (配合比)</li>
 *   <li>{@code PUT /api/v1/plant/batches/{batchId}} (生产信息登记: serial number + QR)</li>
 *   <li>{@code POST /api/v1/plant/batches/{batchId}/start} and {@code .../end} (开盘/完成告知, 200)</li>
 *   <li>{@code PUT /api/v1/plant/batches/{batchId}/tickets/{ticketNumber}} (发货单)</li>
 * </ul>
 * Reads (the plant its own, regulators with BATCHES_SUPERVISE their jurisdiction):
 * {@code GET /api/v1/material-lots}, {@code /mix-designs}, {@code /batches} (filters in
 * {@link BatchQuery}), {@code /batches/{serialNumber}} (with ETag) and {@code .../tickets}.
 */
public final class BatchRoutes {
    /** How many batches match a list request: exact, or a lower bound when {@link #TOTAL_COUNT_EXACT} is false. */
    public static final String TOTAL_COUNT = "X-Total-Count";
    /**
     * {@code true} when {@link #TOTAL_COUNT} is the exact number of matches; {@code false} when counting
     * stopped at the bound ({@link BatchQuery#countBound()}): more match, at least that many.
     */
    public static final String TOTAL_COUNT_EXACT = "X-Total-Count-Exact";
    private final MaterialLotService lots;
    private final MixDesignService mixDesigns;
    private final BatchService batches;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public BatchRoutes(MaterialLotService lots, MixDesignService mixDesigns, BatchService batches,
                       Authenticator authenticator, JsonBodies json) {
        this.lots = lots;
        this.mixDesigns = mixDesigns;
        this.batches = batches;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        String plant = ApiVersion.BASE_PATH + "/plant";
        routes.put(plant + "/material-lots/{lotId}", ctx -> {
            Principal p = authenticator.require(ctx);
            String lotId = PlantIds.path(ctx, "lotId");
            Registered<MaterialLot> r = lots.register(p, lotId, json.read(ctx, MaterialIntakeRequest.class));
            answer(ctx, r, r.value().version());
        });
        routes.put(plant + "/mix-designs/{mixDesignId}", ctx -> {
            Principal p = authenticator.require(ctx);
            String id = PlantIds.path(ctx, "mixDesignId");
            Registered<MixDesign> r = mixDesigns.register(p, id, json.read(ctx, MixDesignRequest.class));
            answer(ctx, r, r.value().version());
        });
        routes.put(plant + "/batches/{batchId}", ctx -> {
            Principal p = authenticator.require(ctx);
            String id = PlantIds.path(ctx, "batchId");
            Registered<ProductionBatch> r = batches.register(p, id, json.read(ctx, ProductionRequest.class));
            ctx.header("Location", batchPath(r.value().serialNumber()));
            answer(ctx, r, r.value().version());
        });
        routes.post(plant + "/batches/{batchId}/start", ctx -> {
            Principal p = authenticator.require(ctx);
            String id = PlantIds.path(ctx, "batchId");
            batch(ctx, batches.start(p, id, json.read(ctx, NotificationRequest.class)));
        });
        routes.post(plant + "/batches/{batchId}/end", ctx -> {
            Principal p = authenticator.require(ctx);
            String id = PlantIds.path(ctx, "batchId");
            batch(ctx, batches.end(p, id, json.read(ctx, NotificationRequest.class)));
        });
        routes.put(plant + "/batches/{batchId}/tickets/{ticketNumber}", ctx -> {
            Principal p = authenticator.require(ctx);
            String id = PlantIds.path(ctx, "batchId");
            String number = PlantIds.path(ctx, "ticketNumber");
            Registered<DeliveryTicket> r = batches.ticket(p, id, number, json.read(ctx, DeliveryTicketRequest.class));
            ctx.status(r.created() ? 201 : 200).json(r.value());
        });

        String base = ApiVersion.BASE_PATH;
        routes.get(base + "/material-lots", ctx -> {
            Principal p = authenticator.require(ctx);
            Validation v = new Validation();
            QueryParams q = new QueryParams(ctx, v);
            UUID plantId = plantId(ctx, v);
            MaterialKind kind = q.enumValue("kind", MaterialKind.class);
            int limit = q.limit(BatchQuery.DEFAULT_LIMIT, BatchQuery.MAX_LIMIT);
            int offset = q.offset();
            v.throwIfInvalid();
            ctx.json(lots.list(p, plantId, kind, limit, offset));
        });
        routes.get(base + "/mix-designs", ctx -> {
            Principal p = authenticator.require(ctx);
            Validation v = new Validation();
            QueryParams q = new QueryParams(ctx, v);
            UUID plantId = plantId(ctx, v);
            LocalDate validOn = q.date("validOn");
            int limit = q.limit(BatchQuery.DEFAULT_LIMIT, BatchQuery.MAX_LIMIT);
            int offset = q.offset();
            v.throwIfInvalid();
            ctx.json(mixDesigns.list(p, plantId, validOn, limit, offset));
        });
        routes.get(base + "/batches", ctx -> {
            Principal p = authenticator.require(ctx);
            BatchService.BatchPage page = batches.list(p, BatchQuery.from(ctx));
            ctx.header(TOTAL_COUNT, Long.toString(page.total()));
            ctx.header(TOTAL_COUNT_EXACT, Boolean.toString(page.exact()));
            ctx.json(page.items());
        });
        routes.get(base + "/batches/{serialNumber}", ctx ->
                batch(ctx, batches.get(authenticator.require(ctx), ctx.pathParam("serialNumber"))));
        routes.get(base + "/batches/{serialNumber}/tickets", ctx ->
                ctx.json(batches.tickets(authenticator.require(ctx), ctx.pathParam("serialNumber"))));
    }

    private static UUID plantId(Context ctx, Validation v) {
        String value = ctx.queryParam("plantId");
        if (value == null || value.isBlank()) {
            return null;
        }
        return Ids.parse(value.trim()).orElseGet(() -> {
            v.add("plantId", "malformed", "plantId must be an organisation id (UUID), was '" + value + "'");
            return null;
        });
    }

    static String batchPath(String serialNumber) {
        return ApiVersion.BASE_PATH + "/batches/" + URLEncoder.encode(serialNumber, StandardCharsets.UTF_8);
    }

    private static void answer(Context ctx, Registered<?> r, long version) {
        Etags.set(ctx, version);
        ctx.status(r.created() ? 201 : 200).json(r.value());
    }

    private static void batch(Context ctx, ProductionBatch batch) {
        Etags.set(ctx, batch.version());
        ctx.json(batch);
    }
}
