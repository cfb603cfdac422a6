package cn.cqs.server.batches.supervision;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the regulators' dosing figures read of one batch: its plant, its dosing state and the times
 * its notification states derive from.
 */
record BatchTimes(UUID id, String serialNumber, String batchId, UUID plantId, String plantName, String plantUscc,
                  UUID projectId, String projectName, String pourLocation, String marking, BigDecimal volumeM3,
                  LocalDate productionDay, DosingState dosingState, Instant plannedStart, Instant startedAt,
                  Instant startNotifiedAt, Instant endedAt, Instant endNotifiedAt) {

    /** Whether production is over without any dosing records (缺投料数据). */
    boolean missingData(LocalDate today) {
        return dosingState == DosingState.NO_DATA && (endedAt != null || productionDay.isBefore(today));
    }

    NotificationState startState(Instant now) {
        return NotificationStates.start(this, now);
    }

    NotificationState endState(Instant now) {
        return NotificationStates.end(this, now);
    }
}
