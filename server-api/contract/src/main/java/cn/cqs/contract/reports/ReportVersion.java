package cn.cqs.contract.reports;

import java.time.Instant;
import java.util.UUID;

/**
 * One version in a report's correction chain (版本历史), oldest first in {@link ReportRecord#history()}.
 *
 * @param id              the report id of this version
 * @param reportNumber    its number (a correction carries its own number)
 * @param status          its status now
 * @param receivedAt      when the server received it
 * @param correctionReason why this version corrects the previous one (null for the first)
 * @param statusReason    why it is no longer valid (the correction's or the withdrawal's reason), else null
 */
public record ReportVersion(UUID id, String reportNumber, ReportStatus status, Instant receivedAt,
                            String correctionReason, String statusReason) {
}
