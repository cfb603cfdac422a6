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
 * QR text. The notification states are as last stored; the list re-evaluates a DUE one against the
 * clock with the contract's deadline rule.
 *
 * @param key the local row id, for paging
 */
public record BatchRow(long key, String batchId, String serialNumber, String qrText, String projectId,
                       String projectName, String buyer, String pourLocation, String marking, BigDecimal volumeM3,
                       String mixDesignId, List<String> materialLotIds, Instant plannedStart, String contractNumber,
                       LocalDate day, Instant startedAt, Instant startNotifiedAt, NotificationState startState,
                       Instant endedAt, Instant endNotifiedAt, NotificationState endState,
                       BigDecimal producedVolumeM3, DosingState dosingState, boolean confirmed) {
    public BatchRow {
        materialLotIds = materialLotIds == null ? List.of() : List.copyOf(materialLotIds);
    }
}
