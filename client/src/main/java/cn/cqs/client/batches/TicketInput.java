package cn.cqs.client.batches;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One truck's delivery ticket (发货单) as the plant fills it in: its number (发货单编号), the truck
 * (运输车号), this truck's volume (本车供货量, m³), the departure (发车时间) and the delivery place
 * (交货地点). The batch supplies everything else.
 */
public record TicketInput(String ticketNumber, String truckNumber, BigDecimal volumeM3, Instant departedAt,
                          String deliveryPlace) {
    public TicketInput {
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(truckNumber, "truckNumber");
        Objects.requireNonNull(volumeM3, "volumeM3");
        Objects.requireNonNull(departedAt, "departedAt");
        Objects.requireNonNull(deliveryPlace, "deliveryPlace");
    }
}
