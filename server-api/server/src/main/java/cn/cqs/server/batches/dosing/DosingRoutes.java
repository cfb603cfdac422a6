package cn.cqs.server.batches.dosing;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.dosing.DosingCsv;
import cn.cqs.contract.batches.dosing.DosingCsvError;
import cn.cqs.contract.batches.dosing.DosingPlateInput;
import cn.cqs.contract.batches.dosing.DosingRecord;
import cn.cqs.contract.batches.dosing.DosingSource;
import cn.cqs.contract.batches.dosing.DosingUpload;
import cn.cqs.contract.problem.Problem;
import cn.cqs.server.auth.Authenticator;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.JsonBodies;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Routes of the dosing records (投料数据, R20):
 * <ul>
 *   <li>{@code PUT /api/v1/plant/batches/{batchId}/dosing}: the plant sends the complete set of a
 *       batch's plates, either as the control system's CSV ({@code text/csv}, {@link DosingCsv};
 *       {@code computerControlled=true|false} as a query parameter) or as JSON ({@link DosingUpload}).
 *       Every bad row or plate is reported in one 422 ({@code rows[12].cement}, {@code plates[3].volumeM3});
 *       201 when a new set was stored, 200 when it equals the current set (nothing stored);</li>
 *   <li>{@code GET /api/v1/batches/{serialNumber}/dosing}: the current set's deviation report.</li>
 * </ul>
 */
public final class DosingRoutes {
    /** The plant's import. */
    public static final String IMPORT = ApiVersion.BASE_PATH + "/plant/batches/{batchId}/dosing";
    /** The batch's dosing report. */
    public static final String REPORT = ApiVersion.BASE_PATH + "/batches/{serialNumber}/dosing";
    private final DosingService dosing;
    private final Authenticator authenticator;
    private final JsonBodies json;

    public DosingRoutes(DosingService dosing, Authenticator authenticator, JsonBodies json) {
        this.dosing = dosing;
        this.authenticator = authenticator;
        this.json = json;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.put(IMPORT, ctx -> {
            Principal p = authenticator.require(ctx);
            DosingService.requirePlant(p);
            String batchId = ctx.pathParam("batchId");
            DosingService.Imported imported = isCsv(ctx.contentType()) ? importCsv(ctx, p, batchId) : importJson(ctx, p, batchId);
            ctx.status(imported.created() ? 201 : 200).json(imported.dosing());
        });
        routes.get(REPORT, ctx -> ctx.json(dosing.get(authenticator.require(ctx), ctx.pathParam("serialNumber"))));
    }

    private DosingService.Imported importCsv(Context ctx, Principal p, String batchId) {
        boolean computerControlled = flag(ctx.queryParam("computerControlled"));
        byte[] body = json.rawBytes(ctx, DosingCsv.MAX_BYTES);
        DosingCsv.Parsed parsed;
        try {
            parsed = DosingCsv.parse(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a request body held in memory failed", e);
        }
        if (!parsed.valid()) {
            throw ApiException.validation(parsed.errors().stream().map(DosingCsvError::toFieldError).toList());
        }
        return dosing.importSet(p, batchId, DosingSource.CSV, computerControlled, parsed.plates(), "rows");
    }

    private DosingService.Imported importJson(Context ctx, Principal p, String batchId) {
        DosingUpload upload = json.read(ctx, DosingUpload.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (upload.computerControlled() == null) {
            errors.add(new Problem.FieldError("computerControlled", "required",
                    "computerControlled (whether the plant doses under computer control) is required"));
        }
        List<DosingRecord> plates = new ArrayList<>();
        if (upload.plates() == null || upload.plates().isEmpty()) {
            errors.add(new Problem.FieldError("plates", "required", "plates must hold at least one plate"));
        } else if (upload.plates().size() > DosingUpload.MAX_PLATES) {
            errors.add(new Problem.FieldError("plates", "too_many", "At most " + DosingUpload.MAX_PLATES
                    + " plates per upload, got " + upload.plates().size()));
        } else {
            for (int i = 0; i < upload.plates().size(); i++) {
                DosingPlateInput input = upload.plates().get(i);
                if (input == null) {
                    errors.add(new Problem.FieldError("plates[" + i + "]", "required", "A plate is required, got null"));
                    continue;
                }
                DosingRecord record = input.toRecord("plates[" + i + "]", errors);
                if (record != null) {
                    plates.add(record);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return dosing.importSet(p, batchId, DosingSource.JSON, upload.computerControlled(), plates, "plates");
    }

    private static boolean isCsv(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("text/csv");
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation("computerControlled", "required",
                    "computerControlled=true or false (whether the plant doses under computer control) is required with CSV");
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.validation("computerControlled", "malformed",
                    "computerControlled must be true or false, was '" + value + "'");
        };
    }
}
