package cn.cqs.client.batches;

import cn.cqs.contract.ApiVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The server paths of the plant office's writes (contract: {@code cn.cqs.contract.batches}). */
public final class PlantPaths {
    private PlantPaths() {
    }

    /** {@code PUT /api/v1/plant/material-lots/{lotId}}. */
    public static String materialLot(String lotId) {
        return ApiVersion.BASE_PATH + "/plant/material-lots/" + segment(lotId);
    }

    /** {@code PUT /api/v1/plant/mix-designs/{mixDesignId}}. */
    public static String mixDesign(String mixDesignId) {
        return ApiVersion.BASE_PATH + "/plant/mix-designs/" + segment(mixDesignId);
    }

    /** {@code PUT /api/v1/plant/batches/{batchId}}. */
    public static String batch(String batchId) {
        return ApiVersion.BASE_PATH + "/plant/batches/" + segment(batchId);
    }

    /** {@code POST /api/v1/plant/batches/{batchId}/start} or {@code .../end}. */
    public static String notification(String batchId, boolean start) {
        return batch(batchId) + (start ? "/start" : "/end");
    }

    /** {@code PUT /api/v1/plant/batches/{batchId}/tickets/{ticketNumber}}. */
    public static String ticket(String batchId, String ticketNumber) {
        return batch(batchId) + "/tickets/" + segment(ticketNumber);
    }

    /** One path segment, percent-encoded (a space as %20, a slash as %2F). */
    static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("id: required in a path");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
