package cn.cqs.client.reports;

import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A report of any {@link ReportType} authored on this client (本地报告): a draft, or an issued
 * report with its signed QR token, its PDF and the outbox entry that uploads it.
 *
 * @param type         the report type; {@code content} is its content record
 *                     ({@code ReportTypes.of(type).contentClass()})
 * @param content      the authored content as typed (may be incomplete while a draft)
 * @param reviewerName 审核 (optional for now)
 * @param approverName 批准 (optional for now)
 * @param issuedAt     when it was issued (client clock), null while a draft
 * @param qrToken      the encoded signed token, null while a draft
 * @param pdf          the rendered PDF in the profile directory, null while a draft
 * @param outboxId     the outbox entry uploading it, null while a draft
 */
public record LocalReport(UUID id, LocalReportState state, ReportType type, Object content, String reviewerName,
                          String approverName, Instant createdAt, Instant updatedAt, Instant issuedAt,
                          String qrToken, Path pdf, UUID outboxId) {
    public LocalReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(type, "type");
        ReportTypes.of(type).content(content); // the content must be the type's record
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new draft of {@code type}. */
    public static LocalReport draft(ReportType type, Object content, String reviewerName, String approverName,
                                    Instant now) {
        return new LocalReport(UUID.randomUUID(), LocalReportState.DRAFT, type, content, reviewerName, approverName,
                now, now, null, null, null, null);
    }

    /** A new concrete cube draft. */
    public static LocalReport draft(CubeStrengthReport content, String reviewerName, String approverName, Instant now) {
        return draft(ReportType.CONCRETE_CUBE, content, reviewerName, approverName, now);
    }

    /** This draft with new content (of the same type). */
    public LocalReport edited(Object newContent, String reviewer, String approver, Instant now) {
        if (state != LocalReportState.DRAFT) {
            throw new IllegalStateException("Report " + reportNumber() + " is issued and can no longer be edited");
        }
        return new LocalReport(id, state, type, newContent, reviewer, approver, createdAt, now, null, null, null, null);
    }

    /** This draft, issued. */
    public LocalReport issued(Instant at, String token, Path pdfFile, UUID outboxEntry) {
        return new LocalReport(id, LocalReportState.ISSUED, type, content, reviewerName, approverName, createdAt, at, at,
                token, pdfFile, outboxEntry);
    }

    /** The shared header fields of the content. */
    public ReportHeader header() {
        return ReportContents.header(type, content);
    }

    /** The report number as typed, or null. */
    public String reportNumber() {
        return header().reportNumber();
    }

    /** The content as a concrete cube report. @throws IllegalStateException for another type */
    public CubeStrengthReport cube() {
        if (!(content instanceof CubeStrengthReport c)) {
            throw new IllegalStateException("Report " + reportNumber() + " is a " + type + " report, not a concrete cube");
        }
        return c;
    }
}
