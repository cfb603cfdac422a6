package cn.cqs.client.verify;

import cn.cqs.client.api.ApiException;
import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.pki.TrustBundleSource;
import cn.cqs.client.pki.TrustCache;
import cn.cqs.client.pki.TrustCacheException;
import cn.cqs.contract.batches.BatchKeyFields;
import cn.cqs.contract.qr.KeyFields;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenVerifier;
import cn.cqs.contract.verify.VerificationResponse.PublicBatch;
import cn.cqs.contract.qr.Verification;
import cn.cqs.contract.qr.VerificationOutcome;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerifyOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 扫码核验 (the verify desk's logic, no JavaFX): decides one {@link CodeVerdict} per scanned code.
 *
 * <ol>
 *   <li>Offline first: every code is checked with {@link TokenVerifier} against the cached
 *       certificates (signature and chain before any content is used).</li>
 *   <li>The certificate cache is refreshed (conditional GET); when it changed, codes that did not
 *       verify are checked again (a new issuer, a revocation).</li>
 *   <li>A batch token (生产流水号) counts only when the platform signed it (the cached bundle names
 *       the platform); any other issuer is "not certified" for batches, offline.</li>
 *   <li>For a token that verified, the server's record is fetched; without an answer the verdict is
 *       "signature valid, server unreachable, status unknown". A batch record's key fields are
 *       checked against the token's digest here too ({@link BatchKeyFields}).</li>
 * </ol>
 */
public final class CodeVerifier {
    private static final Logger LOG = Logger.getLogger(CodeVerifier.class.getName());

    /** A code found on a page. */
    public record ScannedCode(String text, int pageNumber) {
        public ScannedCode {
            Objects.requireNonNull(text, "text");
        }
    }

    private final TrustCache cache;
    private final TrustBundleSource trustSource;
    private final VerificationLookup lookup;

    public CodeVerifier(TrustCache cache, TrustBundleSource trustSource, VerificationLookup lookup) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.trustSource = Objects.requireNonNull(trustSource, "trustSource");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    public TrustCache cache() {
        return cache;
    }

    /** Refreshes the certificate cache; true when the server answered. */
    public boolean refreshTrust() {
        return refresh().answered;
    }

    private record Refresh(boolean answered, boolean updated, String problem) {
    }

    private Refresh refresh() {
        try {
            return new Refresh(true, cache.refresh(trustSource) == TrustCache.RefreshResult.UPDATED, null);
        } catch (ServerUnreachableException e) {
            return new Refresh(false, false, e.getMessage());
        } catch (ApiException | TrustCacheException e) {
            LOG.log(Level.WARNING, "trust bundle refresh failed", e);
            return new Refresh(true, false, e.getMessage());
        }
    }

    /** Verifies every code, offline first, then against the server when it answers. */
    public List<CodeVerdict> verify(List<ScannedCode> codes) {
        Objects.requireNonNull(codes, "codes");
        List<Verification> offline = new ArrayList<>(codes.size());
        TokenVerifier verifier = new TokenVerifier(cache.registry());
        for (ScannedCode code : codes) {
            offline.add(verifier.verify(code.text()));
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        Refresh refresh = refresh();
        if (refresh.updated()) {
            TokenVerifier fresh = new TokenVerifier(cache.registry());
            for (int i = 0; i < codes.size(); i++) {
                if (offline.get(i).outcome() != VerificationOutcome.MALFORMED) {
                    offline.set(i, fresh.verify(codes.get(i).text()));
                }
            }
        }
        boolean reachable = refresh.answered();
        List<CodeVerdict> verdicts = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            ScannedCode code = codes.get(i);
            Verification v = offline.get(i);
            String keyId = v.keyId().map(Object::toString).orElse(null);
            if (!v.isValid()) {
                verdicts.add(new CodeVerdict(code.text(), code.pageNumber(), offlineVerdict(v.outcome()), v.outcome(),
                        keyId, null, null, withProblem(v.message(), refresh.problem()), null));
                continue;
            }
            PaperClaims claims = PaperClaims.of(v);
            if (claims.kind() == TokenKind.BATCH && notThePlatform(claims)) {
                // a genuine certificate, but not the platform's: only the platform assigns serial numbers
                verdicts.add(new CodeVerdict(code.text(), code.pageNumber(), VerifyOutcome.ISSUER_NOT_CERTIFIED,
                        v.outcome(), keyId, claims, null, "batch token signed by " + claims.issuerUscc()
                        + ", not by the platform (" + cache.platformUscc().orElse("?") + ")", null));
                continue;
            }
            if (!reachable) {
                verdicts.add(new CodeVerdict(code.text(), code.pageNumber(), VerifyOutcome.SERVER_UNREACHABLE,
                        v.outcome(), keyId, claims, null, withProblem(v.message(), refresh.problem()), null));
                continue;
            }
            try {
                VerificationResponse answer = lookup.lookup(v.token().orElseThrow().encode());
                if (answer == null || answer.outcome() == null) {
                    throw new cn.cqs.client.api.InvalidResponseException("the verification answer has no outcome", null);
                }
                verdicts.add(withBatchDigest(new CodeVerdict(code.text(), code.pageNumber(), answer.outcome(),
                        v.outcome(), keyId, claims, answer.record(), v.message(), answer.message(), answer.batch()), v));
            } catch (ServerUnreachableException e) {
                reachable = false;
                LOG.log(Level.INFO, "verification lookup: server unreachable", e);
                verdicts.add(new CodeVerdict(code.text(), code.pageNumber(), VerifyOutcome.SERVER_UNREACHABLE,
                        v.outcome(), keyId, claims, null,
                        withProblem(v.message(), Localization.get("verify.detail.unreachable", e.serverUrl())), null));
            } catch (ApiException e) {
                LOG.log(Level.WARNING, "verification lookup failed", e);
                verdicts.add(new CodeVerdict(code.text(), code.pageNumber(), VerifyOutcome.SERVER_UNREACHABLE,
                        v.outcome(), keyId, claims, null, withProblem(v.message(), e.getMessage()), null));
            }
        }
        return List.copyOf(verdicts);
    }

    /** True when the bundle names the platform and the batch token's issuer is someone else. */
    private boolean notThePlatform(PaperClaims claims) {
        return cache.platformUscc().filter(platform -> !platform.equals(claims.issuerUscc())).isPresent();
    }

    /**
     * The desk's own digest check of a batch record ({@link BatchKeyFields}): when the server says
     * genuine but the record's key fields do not give the token's digest, the desk shows the
     * mismatch (it never relies on the server alone for what the paper claims).
     */
    static CodeVerdict withBatchDigest(CodeVerdict verdict, Verification offline) {
        PublicBatch b = verdict.batch();
        if (b == null || b.projectId() == null || verdict.outcome() != VerifyOutcome.GENUINE_IN_SYSTEM) {
            return verdict;
        }
        KeyFields fields = BatchKeyFields.of(b.serialNumber(), b.plantUscc(), b.projectId(), b.marking(), b.volumeM3(),
                b.pourLocation(), b.buyer());
        if (offline.checkDigest(fields) == VerificationOutcome.VALID) {
            return verdict;
        }
        return new CodeVerdict(verdict.text(), verdict.pageNumber(), VerifyOutcome.DIGEST_MISMATCH,
                verdict.offlineOutcome(), verdict.keyId(), verdict.claims(), verdict.record(),
                verdict.detail() + " (the batch record's key fields do not give the token's digest)",
                verdict.serverMessage(), b);
    }

    /** The outcome to show for an offline rejection. */
    static VerifyOutcome offlineVerdict(VerificationOutcome outcome) {
        return switch (outcome) {
            case MALFORMED -> VerifyOutcome.NOT_A_SYSTEM_CODE;
            case ISSUER_UNKNOWN -> VerifyOutcome.ISSUER_UNKNOWN;
            case ISSUER_NOT_CERTIFIED -> VerifyOutcome.ISSUER_NOT_CERTIFIED;
            case SIGNATURE_INVALID -> VerifyOutcome.SIGNATURE_INVALID;
            case DIGEST_MISMATCH -> VerifyOutcome.DIGEST_MISMATCH;
            case VALID -> throw new IllegalArgumentException("outcome: VALID is decided with the server");
        };
    }

    private static String withProblem(String message, String problem) {
        return problem == null ? message : message + " (" + problem + ")";
    }
}
