package cn.cqs.contract.batches.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One group (一组试件) of an inspection lot's evaluation: a valid concrete cube report and its
 * representative strength (强度代表值).
 *
 * @param serialNumbers the batches its specimens were taken from (linked), possibly none
 */
public record EvaluatedGroup(UUID reportId, String reportNumber, String labName, String projectPart,
                             BigDecimal strengthMpa, Instant issuedAt, List<String> serialNumbers) {
    public EvaluatedGroup {
        serialNumbers = List.copyOf(serialNumbers);
    }
}
