package cn.cqs.client.print;

import cn.cqs.client.sync.ReceiptReferences;
import cn.cqs.contract.ApiVersion;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which report on the server a print record belongs to: a report the server knows by its id, or a
 * report issued on this client whose upload (an outbox entry) has not reported its id yet.
 */
public record PrintTarget(UUID reportId, UUID uploadEntryId) {
    public PrintTarget {
        if ((reportId == null) == (uploadEntryId == null)) {
            throw new IllegalArgumentException("exactly one of reportId and uploadEntryId is required");
        }
    }

    public static PrintTarget report(UUID reportId) {
        return new PrintTarget(Objects.requireNonNull(reportId, "reportId"), null);
    }

    public static PrintTarget afterUpload(UUID uploadEntryId) {
        return new PrintTarget(null, Objects.requireNonNull(uploadEntryId, "uploadEntryId"));
    }

    /** The server's id of the report, when known. */
    public Optional<UUID> serverId() {
        return Optional.ofNullable(reportId);
    }

    /** {@code /api/v1/reports/{id}/prints}, with a receipt placeholder until the upload is done. */
    public String printsPath() {
        String id = reportId != null ? reportId.toString() : ReceiptReferences.placeholder(uploadEntryId);
        return ApiVersion.BASE_PATH + "/reports/" + id + "/prints";
    }
}
