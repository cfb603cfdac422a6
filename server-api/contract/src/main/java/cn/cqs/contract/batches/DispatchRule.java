package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 发运完成时间 ({@link ProductionBatch#dispatchedAt()}): the departure of the delivery ticket (发货单) with
 * which a batch's tickets, taken in departure order, first reach its planned volume. When the end is
 * not notified, production evidently ended then, and the end notification's hour (完成告知, R7) runs
 * from it ({@link NotificationDeadline#judgeEnd}).
 *
 * <p>Precisely: the earliest departure {@code T} such that the volumes of the tickets departed at or
 * before {@code T} add up to at least the planned volume. Tickets departing at the same moment count
 * together, so their order among themselves does not matter; the order the tickets are given in does
 * not matter either. Empty while the tickets do not cover the planned volume.
 *
 * <p>The server applies it when a ticket is recorded (over every ticket of the batch); the client
 * applies it offline over the tickets it knows (recorded on this desk, sent or still queued), so the
 * end notification's hour is tracked before the server answers. The server's value, which knows
 * every ticket, replaces the client's when it arrives.
 */
public final class DispatchRule {
    private DispatchRule() {
    }

    /**
     * One ticket as the rule reads it.
     *
     * @param departedAt 发车时间
     * @param volumeM3   本车供货量 in m³, more than 0
     */
    public record Departure(Instant departedAt, BigDecimal volumeM3) {
        public Departure {
            Objects.requireNonNull(departedAt, "departedAt");
            Objects.requireNonNull(volumeM3, "volumeM3");
            if (volumeM3.signum() <= 0) {
                throw new IllegalArgumentException("volumeM3: a delivery ticket carries more than 0 m³, not "
                        + volumeM3.toPlainString());
            }
        }
    }

    /**
     * The moment the tickets first cover {@code plannedVolumeM3}, or empty while they do not.
     *
     * @param plannedVolumeM3 the batch's planned volume (计划方量) in m³, more than 0
     * @param tickets         the batch's tickets, in any order
     * @throws IllegalArgumentException when the planned volume is zero or negative
     */
    public static Optional<Instant> dispatchedAt(BigDecimal plannedVolumeM3, List<Departure> tickets) {
        Objects.requireNonNull(plannedVolumeM3, "plannedVolumeM3");
        Objects.requireNonNull(tickets, "tickets");
        if (plannedVolumeM3.signum() <= 0) {
            throw new IllegalArgumentException("plannedVolumeM3: a batch plans more than 0 m³, not "
                    + plannedVolumeM3.toPlainString());
        }
        List<Departure> inOrder = new ArrayList<>(tickets);
        inOrder.forEach(t -> Objects.requireNonNull(t, "tickets: a null ticket"));
        inOrder.sort(Comparator.comparing(Departure::departedAt));
        BigDecimal carried = BigDecimal.ZERO;
        for (Departure t : inOrder) {
            carried = carried.add(t.volumeM3());
            if (carried.compareTo(plannedVolumeM3) >= 0) {
                return Optional.of(t.departedAt());
            }
        }
        return Optional.empty();
    }
}
