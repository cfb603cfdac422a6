package cn.cqs.client.batches;

import cn.cqs.contract.batches.MaterialIntakeRequest;
import java.util.Objects;

/**
 * A raw-material delivery (进厂原材料批次) as this client knows it: registered here and waiting in
 * the outbox ({@code confirmed == false}), or confirmed by the server (its registration or the feed).
 *
 * @param lotId the plant's own id
 */
public record LocalLot(String lotId, MaterialIntakeRequest intake, boolean confirmed) {
    public LocalLot {
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(intake, "intake");
    }
}
