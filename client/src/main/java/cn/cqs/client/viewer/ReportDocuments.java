package cn.cqs.client.viewer;

import cn.cqs.contract.reports.ReportPrint;
import cn.cqs.contract.reports.ReportVersion;
import java.util.List;
import java.util.UUID;

/**
 * What the report viewer reads from the server: a report's signed PDF, its version history (the
 * correction chain) and its print records. Blocking; called off the UI thread. No JavaFX.
 */
public interface ReportDocuments {
    /** {@code GET /api/v1/reports/{id}/pdf}. */
    byte[] pdf(UUID reportId);

    /** The {@code history} of {@code GET /api/v1/reports/{id}}, oldest first. */
    List<ReportVersion> history(UUID reportId);

    /** {@code GET /api/v1/reports/{id}/prints}, oldest first. */
    List<ReportPrint> prints(UUID reportId);
}
