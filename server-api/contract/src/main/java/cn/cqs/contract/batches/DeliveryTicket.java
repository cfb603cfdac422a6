package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A recorded delivery ticket (发货单) of a batch; see {@link DeliveryTicketRequest}. */
public record DeliveryTicket(UUID id, UUID batchUuid, String serialNumber, String ticketNumber, String truckNumber,
                             BigDecimal volumeM3, Instant departedAt, String deliveryPlace, Instant recordedAt) {
}
