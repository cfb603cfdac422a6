package cn.cqs.server.verify;

import cn.cqs.contract.batches.BatchKeyFields;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.server.batches.BatchVerification;

import cn.cqs.contract.pki.TrustRegistry;
import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.qr.MalformedTokenException;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenVerifier;
import cn.cqs.contract.qr.Verification;
import cn.cqs.contract.qr.VerificationOutcome;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.validation.ReportInputException;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerificationResponse.PublicReport;
import cn.cqs.contract.verify.VerificationResponse.TokenClaims;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.server.blobs.Blob;
import cn.cqs.server.reports.ReportService;
import java.util.Optional;

/**
 * 扫码核验 (verification of a scanned QR token), open to anyone who holds the token: decode, check
 * signature and certificate chain against the server's trust registry, then look up the one record
 * the token names and compare its key fields with the token's digest. Only that record's public
 * fields ever leave the server.
 */
public final class VerifyService {
    private final TrustRegistry trust;
    private final ReportService reports;
    private final BatchVerification batches;

    public VerifyService(TrustRegistry trust, ReportService reports, BatchVerification batches) {
        this.trust = trust;
        this.reports = reports;
        this.batches = batches;
    }

    /**
     * The server's verdict on a scanned text together with the record it compared, for the
     * verification log and refusal reports.
     *
     * @param record the uploaded report the token names; present only when the token verified
     *               (signature and certificate) and the report is in the system
     * @param batch  the production batch a platform-signed batch token names, present only when the
     *               token verified and the batch is registered
     */
    public record Assessment(VerificationResponse response, Optional<ReportRecord> record,
                             Optional<ProductionBatch> batch) {

        /** An assessment of a report token or a text without a batch. */
        public Assessment(VerificationResponse response, Optional<ReportRecord> record) {
            this(response, record, Optional.empty());
        }

        /** The project the verified record names (the report's or the batch's), if any. */
        public Optional<java.util.UUID> projectId() {
            return record.map(ReportRecord::projectId).or(() -> batch.map(ProductionBatch::projectId));
        }

        /** True when the signature and the issuer's certificate verified, so the claims can be trusted. */
        public boolean claimsVerified() {
            return switch (response.outcome()) {
                case GENUINE_IN_SYSTEM, GENUINE_NOT_UPLOADED, DIGEST_MISMATCH -> true;
                default -> false;
            };
        }
    }

    /** Verifies a bare token (the part after {@code /v/}). */
    public VerificationResponse verify(String tokenText) {
        return assessBare(tokenText).response();
    }

    /**
     * Assesses what a scanner read: a verification URL ({@code <base>/v/<token>}, any host), a bare
     * token, or a foreign text (then {@link VerifyOutcome#NOT_A_SYSTEM_CODE}).
     */
    public Assessment assessScanned(String scannedText) {
        QrToken token;
        try {
            token = QrToken.fromScannedText(scannedText == null ? "" : scannedText);
        } catch (MalformedTokenException e) {
            return new Assessment(response(VerifyOutcome.NOT_A_SYSTEM_CODE, null, null), Optional.empty());
        }
        return assess(token);
    }

    private Assessment assess(QrToken token) {
        Verification verification = new TokenVerifier(trust).verify(token);
        String issuerName = verification.issuer().map(i -> i.name()).orElse(null);
        TokenClaims claims = new TokenClaims(token.kind().name(), token.issuerId(), issuerName, token.documentNumber(),
                token.issuedAt(), token.keyId().hex());
        switch (verification.outcome()) {
            case ISSUER_UNKNOWN -> {
                return none(VerifyOutcome.ISSUER_UNKNOWN, claims);
            }
            case SIGNATURE_INVALID -> {
                return none(VerifyOutcome.SIGNATURE_INVALID, claims);
            }
            case ISSUER_NOT_CERTIFIED -> {
                return none(VerifyOutcome.ISSUER_NOT_CERTIFIED, claims);
            }
            case MALFORMED -> {
                return none(VerifyOutcome.NOT_A_SYSTEM_CODE, null);
            }
            case VALID, DIGEST_MISMATCH -> {
                // VALID is the only outcome verify(token) gives here; the digest is compared below
            }
        }
        if (token.kind() == TokenKind.BATCH) {
            return assessBatch(token, verification, claims);
        }
        if (token.kind() != TokenKind.REPORT) {
            return none(VerifyOutcome.GENUINE_NOT_UPLOADED, claims);
        }
        Optional<ReportRecord> record = reports.findForToken(token.issuerId(), token.documentNumber());
        if (record.isEmpty()) {
            return none(VerifyOutcome.GENUINE_NOT_UPLOADED, claims);
        }
        ReportRecord r = record.get();
        boolean matches;
        try {
            KeyFields stored = ReportKeyFields.of(r.type(), r.content());
            matches = verification.checkDigest(stored) == VerificationOutcome.VALID;
        } catch (ReportInputException e) {
            // the stored content can no longer be evaluated: it cannot match what was signed
            matches = false;
        }
        return new Assessment(response(matches ? VerifyOutcome.GENUINE_IN_SYSTEM : VerifyOutcome.DIGEST_MISMATCH,
                claims, publicFields(r)), record);
    }

    /**
     * A batch token (生产流水号): only the platform signs them; the batch is compared by its key fields
     * ({@link BatchKeyFields}).
     */
    private Assessment assessBatch(QrToken token, Verification verification, TokenClaims claims) {
        if (!batches.isPlatform(token.issuerId())) {
            return batchNone(VerifyOutcome.ISSUER_NOT_CERTIFIED, claims);
        }
        Optional<ProductionBatch> batch = batches.find(token.documentNumber());
        if (batch.isEmpty()) {
            return batchNone(VerifyOutcome.GENUINE_NOT_UPLOADED, claims);
        }
        boolean matches = verification.checkDigest(BatchKeyFields.of(batch.get())) == VerificationOutcome.VALID;
        VerifyOutcome outcome = matches ? VerifyOutcome.GENUINE_IN_SYSTEM : VerifyOutcome.DIGEST_MISMATCH;
        return new Assessment(new VerificationResponse(outcome, Verdicts.batchMessage(outcome), claims, null,
                BatchVerification.publicFields(batch.get())), Optional.empty(), batch);
    }

    private static Assessment batchNone(VerifyOutcome outcome, TokenClaims claims) {
        return new Assessment(new VerificationResponse(outcome, Verdicts.batchMessage(outcome), claims, null),
                Optional.empty());
    }

    private static Assessment none(VerifyOutcome outcome, TokenClaims claims) {
        return new Assessment(response(outcome, claims, null), Optional.empty());
    }

    /**
     * The signed PDF of the report a token names, only when the token is genuine and names an
     * uploaded record whose key fields match it ({@link VerifyOutcome#GENUINE_IN_SYSTEM}): exactly the
     * version the token was signed for. A correction is a new report with its own number and token,
     * so a superseded (or withdrawn) report's token still opens that report's own PDF, and the
     * verification page says it is superseded.
     */
    public Optional<GenuinePdf> genuinePdf(String tokenText) {
        Assessment assessment = assessBare(tokenText);
        return genuineRecord(assessment).flatMap(r -> reports.pdfOf(r).map(pdf -> new GenuinePdf(r.reportNumber(), pdf)));
    }

    /** A genuine report's signed PDF and the report number it is filed under. */
    public record GenuinePdf(String reportNumber, Blob pdf) {
    }

    /**
     * The verdict on a bare token for the phone page, with whether {@link #genuinePdf} would serve a PDF
     * for it: one verification, and the PDF itself (up to 15 MiB) is not read.
     */
    public PageVerdict verifyForPage(String tokenText) {
        Assessment assessment = assessBare(tokenText);
        return new PageVerdict(assessment.response(), genuineRecord(assessment).map(r -> r.pdfSha256() != null).orElse(false));
    }

    /** What the phone page shows: the verdict and whether to link the signed PDF. */
    public record PageVerdict(VerificationResponse response, boolean pdfAvailable) {
    }

    private Assessment assessBare(String tokenText) {
        QrToken token;
        try {
            token = QrToken.decode(tokenText == null ? "" : tokenText.strip());
        } catch (MalformedTokenException e) {
            return new Assessment(response(VerifyOutcome.NOT_A_SYSTEM_CODE, null, null), Optional.empty());
        }
        return assess(token);
    }

    private static Optional<ReportRecord> genuineRecord(Assessment assessment) {
        return assessment.response().outcome() == VerifyOutcome.GENUINE_IN_SYSTEM ? assessment.record() : Optional.empty();
    }

    private static VerificationResponse response(VerifyOutcome outcome, TokenClaims claims, PublicReport record) {
        return new VerificationResponse(outcome, Verdicts.message(outcome), claims, record);
    }

    PublicReport publicFields(ReportRecord r) {
        ReportHeader header = ReportTypes.of(r.type()).headerOf(r.content());
        Integer specimenSize = r.content() instanceof CubeStrengthReport cube ? cube.specimenSizeMm() : null;
        return new PublicReport(r.type(), r.reportNumber(), r.issuerName(), r.issuerUscc(), header.projectName(),
                header.projectPart(), header.sampleName(), header.sampleId(), r.designGrade(),
                specimenSize, header.testDate(), r.representativeStrengthMpa(), r.conclusion(),
                r.issuedAt(), r.receivedAt(), r.late(), r.status(), r.statusReason(), r.statusChangedAt(),
                r.supersededById() == null ? null : reports.numberOf(r.supersededById()).orElse(null));
    }
}
