package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code PUT /api/v1/plant/batches/{batchId}/tickets/{ticketNumber}}: record one truck's delivery
 * ticket (发货单) of a batch before printing it; the printed ticket carries the batch's QR code.
 * {@code ticketNumber} (发货单编号) is the plant's own, unique per plant.
 *
 * @param truckNumber     运输车号 (plate or fleet number); 1-32 characters
 * @param volumeM3        本车供货量 in m³, more than 0, at most 20
 * @param departedAt      发车时间
 * @param deliveryPlace   交货地点; 1-200 characters
 */
public record DeliveryTicketRequest(String truckNumber, BigDecimal volumeM3, Instant departedAt,
                                    String deliveryPlace) {
}
