package cn.cqs.client.batches;

import cn.cqs.contract.batches.MixDesignRequest;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A mix design (配合比) as this client knows it: registered here and waiting in the outbox
 * ({@code confirmed == false}) or confirmed by the server.
 *
 * @param mixDesignId    the plant's own id (配合比编号)
 * @param strengthClass  e.g. C30, or null when not known yet
 */
public record LocalMixDesign(String mixDesignId, MixDesignRequest design, String strengthClass, boolean confirmed) {
    public LocalMixDesign {
        Objects.requireNonNull(mixDesignId, "mixDesignId");
        Objects.requireNonNull(design, "design");
    }

    /** Whether it may be used on {@code day} (validFrom .. validTo, open-ended when validTo is null). */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(design.validFrom()) && (design.validTo() == null || !day.isAfter(design.validTo()));
    }
}
