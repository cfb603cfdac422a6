package cn.cqs.client.reports;

import cn.cqs.contract.reports.CubeStrengthReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A concrete cube strength report authored on this client (本地报告): a draft, or an issued
 * report with its signed QR token, its PDF and the outbox entry that uploads it.
 *
 * @param content      the authored content as typed (may be incomplete while a draft)
 * @param reviewerName 审核 (optional for now)
 * @param approverName 批准 (optional for now)
 * @param issuedAt     when it was issued (client clock), null while a draft
 * @param qrToken      the encoded signed token, null while a draft
 * @param pdf          the rendered PDF in the profile directory, null while a draft
 * @param outboxId     the outbox entry uploading it, null while a draft
 */
public record LocalReport(UUID id, LocalReportState state, CubeStrengthReport content, String reviewerName,
                          String approverName, Instant createdAt, Instant updatedAt, Instant issuedAt,
                          String qrToken, Path pdf, UUID outboxId) {
    public LocalReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new draft. */
    public static LocalReport draft(CubeStrengthReport content, String reviewerName, String approverName, Instant now) {
        return new LocalReport(UUID.randomUUID(), LocalReportState.DRAFT, content, reviewerName, approverName,
                now, now, null, null, null, null);
    }

    /** This draft with new content. */
    public LocalReport edited(CubeStrengthReport newContent, String reviewer, String approver, Instant now) {
        if (state != LocalReportState.DRAFT) {
            throw new IllegalStateException("Report " + content.reportNumber() + " is issued and can no longer be edited");
        }
        return new LocalReport(id, state, newContent, reviewer, approver, createdAt, now, null, null, null, null);
    }

    /** This draft, issued. */
    public LocalReport issued(Instant at, String token, Path pdfFile, UUID outboxEntry) {
        return new LocalReport(id, LocalReportState.ISSUED, content, reviewerName, approverName, createdAt, at, at,
                token, pdfFile, outboxEntry);
    }
}
