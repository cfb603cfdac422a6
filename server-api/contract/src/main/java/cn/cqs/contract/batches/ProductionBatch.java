package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered production batch (生产批次): what one production serial number (生产流水号) covers.
 *
 * @param serialNumber        生产流水号 the server assigned, see {@link SerialNumber}
 * @param qrText              the QR code's text: the verification URL with the platform-signed token
 * @param batchId             the plant's own id for it
 * @param regionCode          the project's region (whose regulators see the batch)
 * @param startNotification   the start notification's state now (开盘告知)
 * @param endNotification     the end notification's state now (完成告知)
 * @param dispatchedAt        发运完成时间: the departure of the delivery ticket with which the batch's tickets,
 *                            taken in departure order, first reach its planned volume; null while they do
 *                            not ({@link DispatchRule}). When the end is not notified, production evidently
 *                            ended then, and the end notification's hour runs from it
 *                            ({@link NotificationDeadline#judgeEnd})
 * @param producedVolumeM3    the volume reported at the end, null before
 * @param dosingState         what the dosing check found
 * @param version             the ETag value
 */
public record ProductionBatch(UUID id, String serialNumber, String qrText, UUID plantId, String plantName,
                              String plantUscc, String batchId, UUID projectId, String projectName, String regionCode,
                              String buyer, String pourLocation, String marking, BigDecimal volumeM3,
                              String mixDesignId, List<String> materialLotIds, Instant plannedStart,
                              String contractNumber, Instant registeredAt, Instant startedAt,
                              Instant startNotifiedAt, NotificationState startNotification, Instant endedAt,
                              Instant endNotifiedAt, NotificationState endNotification, Instant dispatchedAt,
                              BigDecimal producedVolumeM3,
                              DosingState dosingState, long version) {
}
