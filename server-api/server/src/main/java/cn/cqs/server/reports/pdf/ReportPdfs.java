package cn.cqs.server.reports.pdf;

import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.blobs.Blob;
import cn.cqs.server.blobs.BlobStore;
import cn.cqs.server.http.Validation;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed PDFs of uploaded reports: decodes and validates the PDF of an upload
 * ({@link SignedPdfValidator}), stores accepted ones in the {@link BlobStore} and reads them back
 * for {@code GET /api/v1/reports/{id}/pdf} and the public verification page.
 */
public final class ReportPdfs {
    /** The media type PDFs are stored and served with. */
    public static final String MEDIA_TYPE = "application/pdf";
    private final SignedPdfValidator validator;
    private final BlobStore blobs;

    public ReportPdfs(SignedPdfValidator validator, BlobStore blobs) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /** An upload's PDF that passed every check. */
    public record AcceptedPdf(byte[] content, ValidatedPdf validation) {
    }

    /**
     * Decodes {@code pdfBase64} and validates it as signed by {@code uploaderUscc}; on failure adds
     * one error for field {@code pdf} to {@code v} and returns null.
     */
    public AcceptedPdf check(Validation v, String pdfBase64, String uploaderUscc, Instant issuedAt) {
        if (pdfBase64 == null || pdfBase64.isBlank()) {
            v.add("pdf", "required", "pdfBase64 (the signed report PDF) is required");
            return null;
        }
        // 4 Base64 characters carry 3 bytes: refuse an oversized PDF before decoding it
        if ((long) pdfBase64.length() / 4 * 3 > ReportUpload.MAX_PDF_BYTES + 3L) {
            v.add("pdf", "too_large", "The PDF is larger than " + ReportUpload.MAX_PDF_BYTES + " bytes");
            return null;
        }
        byte[] pdf;
        try {
            // line breaks and spaces are allowed between groups; anything else outside the alphabet is not
            pdf = decodeBase64(pdfBase64);
        } catch (IllegalArgumentException e) {
            v.add("pdf", "not_base64", "pdfBase64 is not Base64: " + e.getMessage());
            return null;
        }
        if (pdf.length > ReportUpload.MAX_PDF_BYTES) {
            v.add("pdf", "too_large", "The PDF is larger than " + ReportUpload.MAX_PDF_BYTES + " bytes");
            return null;
        }
        try {
            return new AcceptedPdf(pdf, validator.validate(pdf, uploaderUscc, issuedAt));
        } catch (PdfRejectedException e) {
            v.add("pdf", e.code(), e.getMessage());
            return null;
        }
    }

    /**
     * Decodes Base64 that may have whitespace between groups. The usual upload has none, so it is
     * decoded as it is first; only when that fails is the whitespace removed and decoding tried again.
     *
     * @throws IllegalArgumentException when it is not Base64 even without the whitespace
     */
    static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notPlain) {
            String stripped = withoutWhitespace(base64);
            if (stripped == base64) {
                throw notPlain;
            }
            return Base64.getDecoder().decode(stripped);
        }
    }

    /**
     * {@code base64} without the whitespace of regex {@code \s} (space, tab, line feed, vertical tab,
     * form feed, carriage return), e.g. MIME line breaks; the same string when it has none. A plain
     * scan rather than a regex, and only when plain decoding failed: {@code \s+}'s replaceAll on
     * every ~270 KB upload cost about 0.6 ms of CPU (a fifth of the upload route's samples in the
     * ingest benchmark's profile).
     */
    static String withoutWhitespace(String base64) {
        int n = base64.length();
        int first = 0;
        while (first < n && !isWhitespace(base64.charAt(first))) {
            first++;
        }
        if (first == n) {
            return base64;
        }
        StringBuilder kept = new StringBuilder(n);
        kept.append(base64, 0, first);
        for (int i = first + 1; i < n; i++) {
            char c = base64.charAt(i);
            if (!isWhitespace(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Stores an accepted PDF; returns its key (its SHA-256). */
    public String store(AcceptedPdf pdf) {
        return blobs.put(pdf.content(), MEDIA_TYPE);
    }

    /** The stored PDF of {@code record}, if it has one. */
    public Optional<Blob> pdfOf(ReportRecord record) {
        return record.pdfSha256() == null ? Optional.empty() : blobs.get(record.pdfSha256());
    }
}
