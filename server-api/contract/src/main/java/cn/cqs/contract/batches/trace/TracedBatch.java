package cn.cqs.contract.batches.trace;

import cn.cqs.contract.batches.DosingState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The batch at the root of a trace (生产批次). */
public record TracedBatch(UUID id, String serialNumber, String batchId, UUID plantId, String plantName,
                          UUID projectId, String projectName, String pourLocation, String marking,
                          BigDecimal volumeM3, Instant startedAt, Instant endedAt, DosingState dosingState) {
}
