package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code POST /api/v1/plant/batches/{batchId}/start} or {@code .../end}: notify the start or the end
 * of production of a batch (开盘告知 / 完成告知, R7), within 1 hour after it happened. The server
 * records when the notification arrived; sending the same notification again changes nothing.
 *
 * @param eventAt            when production started or ended (not in the future; 5 minutes of skew allowed;
 *                           the end not before the start)
 * @param producedVolumeM3   end only: the volume actually produced, m³, more than 0; null for a start
 */
public record NotificationRequest(Instant eventAt, BigDecimal producedVolumeM3) {
}
