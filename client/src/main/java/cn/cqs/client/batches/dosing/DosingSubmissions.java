package cn.cqs.client.batches.dosing;

import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.batches.dosing.DosingPlateInput;
import cn.cqs.contract.batches.dosing.DosingRecord;
import cn.cqs.contract.batches.dosing.DosingUpload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Sends a batch's dosing records through the outbox (发件箱): as the JSON form of
 * {@code PUT /api/v1/plant/batches/{batchId}/dosing}, so they survive a lost connection and are
 * sent once; the server treats a repeat of the same set as the same set.
 */
public final class DosingSubmissions {
    /** The outbox kind of a dosing upload. */
    public static final String KIND = "batch.dosing";
    private final Outbox outbox;

    public DosingSubmissions(Outbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** The path of the plant's batch's dosing. */
    public static String path(String batchId) {
        return ApiVersion.BASE_PATH + "/plant/batches/" + URLEncoder.encode(batchId, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/dosing";
    }

    /** Queues the plates of the plant's batch {@code batchId}. */
    public OutboxEntry submit(String batchId, boolean computerControlled, List<DosingRecord> plates) {
        DosingUpload upload = new DosingUpload(computerControlled, plates.stream().map(DosingPlateInput::of).toList());
        return outbox.enqueue(KIND, batchId, new OutboxTarget("PUT", path(batchId)), upload);
    }
}
