package cn.cqs.client.viewer;

import java.util.UUID;

/**
 * One version of the report in the viewer's history pane (版本历史).
 *
 * @param current whether it is the version shown
 */
public record VersionRow(UUID id, String reportNumber, String status, String statusText, String reason,
                         String receivedAt, boolean current) {
}
