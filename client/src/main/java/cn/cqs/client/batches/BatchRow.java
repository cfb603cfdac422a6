package cn.cqs.client.batches;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One production batch (生产批次) as the batch list shows it and the ticket prints it. Until the
 * server has confirmed the registration ({@code confirmed == false}) it has no serial number and no
 * QR text. The notification states are as last stored; the list re-evaluates them against the clock
 * with the contract's rule ({@link cn.cqs.contract.batches.NotificationDeadline#judgeStart},
 * {@link cn.cqs.contract.batches.NotificationDeadline#judgeEnd}).
 *
 * @param key          the local row id, for paging
 * @param dispatchedAt when the delivery tickets first covered the planned volume (the server's
 *                     {@code ProductionBatch.dispatchedAt}, or until it has one the moment worked out
 *                     here from this desk's tickets), or null: without an end notification,
 *                     the end is due for an hour from it and missing after
 */
public record BatchRow(long key, String batchId, String serialNumber, String qrText, String projectId,
                       String projectName, String buyer, String pourLocation, String marking, BigDecimal volumeM3,
                       String mixDesignId, List<String> materialLotIds, Instant plannedStart, String contractNumber,
                       LocalDate day, Instant startedAt, Instant startNotifiedAt, NotificationState startState,
                       Instant endedAt, Instant endNotifiedAt, NotificationState endState,
                       Instant dispatchedAt, BigDecimal producedVolumeM3, DosingState dosingState, boolean confirmed) {
    public BatchRow {
        materialLotIds = materialLotIds == null ? List.of() : List.copyOf(materialLotIds);
    }
}
