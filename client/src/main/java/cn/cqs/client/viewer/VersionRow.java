package cn.cqs.client.viewer;

import java.util.UUID;

/**
 * One version of the report in the viewer's history pane (版本历史).
 *
 * @param reason     why it corrects the previous version, or why it is no longer valid ("" for neither)
 * @param reasonText the reason as shown, saying which of the two it is
 * @param current    whether it is the version shown
 */
public record VersionRow(UUID id, String reportNumber, String status, String statusText, String reason,
                         String reasonText, String receivedAt, boolean current) {
}
