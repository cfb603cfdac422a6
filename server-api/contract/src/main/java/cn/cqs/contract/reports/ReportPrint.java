package cn.cqs.contract.reports;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded print of a report (打印记录), as {@code GET /api/v1/reports/{id}/prints} lists them,
 * oldest first.
 *
 * @param id                 the record's id
 * @param reportId           the printed report
 * @param copies             copies printed
 * @param printerName        the printer the client named
 * @param printedAt          the client's clock at printing (may be wrong; {@code recordedAt} is the server's)
 * @param recordedAt         when the server recorded it (after an offline print, later than printedAt)
 * @param organisationId     the printing user's organisation (the lab, or a regulator)
 * @param organisationName   its name
 * @param printedBy          the printing user's display name, or the API key's name
 */
public record ReportPrint(UUID id, UUID reportId, int copies, String printerName, Instant printedAt,
                          Instant recordedAt, UUID organisationId, String organisationName, String printedBy) {
}
