package cn.cqs.contract.batches;

import cn.cqs.contract.qr.KeyFields;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * The key fields of a production batch that its QR token's digest covers (see docs/qr-token.md):
 * what a buyer or an inspector compares between the delivery ticket and the system. The platform
 * signs them when it assigns the serial number; verification recomputes them from the stored batch.
 * One definition for server, client and phone page: change it and old tokens stop matching.
 *
 * <p>Covered: the serial number, the plant's unified social credit code, the project, the concrete
 * marking, the planned volume, the pour location and the buyer. Not covered: what happens later
 * (start, end, produced volume, tickets, dosing).
 */
public final class BatchKeyFields {
    private BatchKeyFields() {
    }

    /** The key fields of a batch as registered. */
    public static KeyFields of(String serialNumber, String plantUscc, UUID projectId, String marking,
                               BigDecimal volumeM3, String pourLocation, String buyer) {
        Objects.requireNonNull(serialNumber, "serialNumber");
        return KeyFields.builder()
                .add("kind", "BATCH")
                .add("serialNumber", serialNumber)
                .add("plantUscc", plantUscc)
                .add("projectId", projectId == null ? null : projectId.toString())
                .add("marking", marking)
                .add("volumeM3", volumeM3)
                .add("pourLocation", pourLocation)
                .add("buyer", buyer)
                .build();
    }

    /** The key fields of a stored batch. */
    public static KeyFields of(ProductionBatch batch) {
        Objects.requireNonNull(batch, "batch");
        return of(batch.serialNumber(), batch.plantUscc(), batch.projectId(), batch.marking(), batch.volumeM3(),
                batch.pourLocation(), batch.buyer());
    }
}
