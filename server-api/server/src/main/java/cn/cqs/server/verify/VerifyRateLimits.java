package cn.cqs.server.verify;

import cn.cqs.server.http.RateBudget;
import java.time.Duration;
import java.util.Optional;

/**
 * How often one client may use the public verification routes (核验接口限流), in two separate
 * budgets: verdicts ({@code GET /api/v1/verify/{token}}, {@code GET /v/{token}}) and PDFs
 * ({@code GET /api/v1/verify/{token}/pdf}, {@code GET /v/{token}/pdf}). A null budget is no limit.
 *
 * <p>The defaults ({@link #DEFAULTS}) and why:
 * <ul>
 *   <li>Verdicts: a burst of 60, then one per second. A person checks one code at a time, a few
 *       seconds apart; an inspector working through a stack of delivery tickets or reports stays well
 *       inside 60 in a row. The sustained 3 600 an hour leaves room for a site office or a carrier's
 *       NAT (运营商 NAT) where many phones share one IPv4 address, while one address can no longer
 *       make the server verify signatures and read the database as fast as it can send.</li>
 *   <li>PDFs: a burst of 10, then one per 6 seconds (600 an hour). Each PDF is up to 15 MiB read
 *       from the database and sent; a person opens one report's PDF after reading its verdict, so ten
 *       in a row is generous, while a script downloading PDFs from one address gets at most 150 MiB in
 *       its burst and then 2.5 MiB/s (ten PDFs a minute) at worst.</li>
 * </ul>
 * Callers that sign in (the verify desk, lab software with an API key) are not limited: they are
 * accountable, and the desk verifies whole folders of PDFs at once.
 *
 * @param verdicts the budget of the verdict routes; null = unlimited
 * @param pdfs     the budget of the PDF routes; null = unlimited
 */
public record VerifyRateLimits(RateBudget verdicts, RateBudget pdfs) {
    /** A burst of 60 verdicts then 1 a second; a burst of 10 PDFs then 1 every 6 seconds. */
    public static final VerifyRateLimits DEFAULTS = new VerifyRateLimits(new RateBudget(60, Duration.ofSeconds(1)),
            new RateBudget(10, Duration.ofSeconds(6)));
    /** No limit at all (benchmarks: {@code CQS_VERIFY_RATE=off}, {@code CQS_VERIFY_PDF_RATE=off}). */
    public static final VerifyRateLimits OFF = new VerifyRateLimits(null, null);
    /**
     * For tests that are not about limits: the limiter runs (every test request passes through it)
     * but with a million requests at once, which no test suite reaches from its one loopback address.
     * Tests about the limits set their own budgets.
     */
    public static final VerifyRateLimits GENEROUS = new VerifyRateLimits(
            new RateBudget(RateBudget.MAX_BURST, Duration.ofMillis(1)),
            new RateBudget(RateBudget.MAX_BURST, Duration.ofMillis(1)));

    public Optional<RateBudget> verdictBudget() {
        return Optional.ofNullable(verdicts);
    }

    public Optional<RateBudget> pdfBudget() {
        return Optional.ofNullable(pdfs);
    }

    /** e.g. {@code verdicts 60,1s; pdfs 10,6s} or {@code verdicts off; pdfs off}. */
    public String describe() {
        return "verdicts " + (verdicts == null ? "off" : verdicts.describe()) + "; pdfs "
                + (pdfs == null ? "off" : pdfs.describe());
    }
}
