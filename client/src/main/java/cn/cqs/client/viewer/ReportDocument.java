package cn.cqs.client.viewer;

import cn.cqs.client.print.PrintTarget;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * A report to show in the viewer: from the server (by id) or from a file in the user's profile (a
 * lab's own issued report).
 *
 * @param title       the window's title (the report number)
 * @param reportId    the server's id, or null when the server does not know it yet
 * @param localPdf    the PDF file on this computer, or null to download it
 * @param printTarget where its print records go, or null when prints are not recorded
 * @param showHistory whether to list the version history (the correction chain; needs reportId)
 */
public record ReportDocument(String title, UUID reportId, Path localPdf, PrintTarget printTarget, boolean showHistory) {
    public ReportDocument {
        Objects.requireNonNull(title, "title");
        if (reportId == null && localPdf == null) {
            throw new IllegalArgumentException("a report to view needs a server id or a local PDF");
        }
    }

    /** A report on the server, with its history; prints are recorded against it. */
    public static ReportDocument fromServer(String reportNumber, UUID reportId) {
        return new ReportDocument(reportNumber, reportId, null, PrintTarget.report(reportId), true);
    }
}
