package cn.cqs.contract.batches.supervision;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One batch of a plant, as the regulators' drill-down
 * ({@code GET /api/v1/supervision/plants/{plantId}/batches}) lists it.
 *
 * @param productionDay       the day it was produced (started; planned start before that), China time
 * @param dosingState         what the dosing check found
 * @param startNotification   the start notification's state now
 * @param endNotification     the end notification's state now
 */
public record SupervisedBatch(UUID id, String serialNumber, String batchId, UUID projectId, String projectName,
                              String pourLocation, String marking, BigDecimal volumeM3, LocalDate productionDay,
                              DosingState dosingState, NotificationState startNotification,
                              NotificationState endNotification) {
}
