package cn.cqs.server.verify;

import cn.cqs.server.http.ClientAddresses;
import cn.cqs.server.http.RateLimiter;
import cn.cqs.server.http.RateLimiter.Admission;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Applies {@link VerifyRateLimits} to the public verification routes: one bucket per client address
 * for verdicts and a separate, stricter one for PDFs, so reading verdicts never uses up the PDF
 * budget and the other way round. Signed-in callers holding the verify permission (扫码核验: the verify
 * desk's users, an API key granted VERIFY) pass without counting, so a busy verify desk does not use up
 * the budget of the phones behind the same office address; a request with missing or invalid credentials,
 * or with credentials without that permission (an ERP key for batch registration), counts like any other
 * (checking a credential costs one indexed look-up, as on every authenticated route).
 */
public final class VerifyRateLimiter {
    private final Optional<RateLimiter> verdicts;
    private final Optional<RateLimiter> pdfs;
    private final ClientAddresses addresses;
    private final Predicate<Context> signedIn;

    /**
     * @param signedIn   whether a request carries valid credentials with the verify permission (it is then not limited)
     * @param maxClients how many clients each budget tracks at most (see {@link RateLimiter})
     * @param nanoTime   monotonic time in nanoseconds
     */
    public VerifyRateLimiter(VerifyRateLimits limits, ClientAddresses addresses, Predicate<Context> signedIn,
                             int maxClients, LongSupplier nanoTime) {
        Objects.requireNonNull(limits, "limits");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.signedIn = Objects.requireNonNull(signedIn, "signedIn");
        this.verdicts = limits.verdictBudget().map(b -> new RateLimiter(b, maxClients, nanoTime));
        this.pdfs = limits.pdfBudget().map(b -> new RateLimiter(b, maxClients, nanoTime));
    }

    /** With {@link RateLimiter#DEFAULT_MAX_CLIENTS} and {@link System#nanoTime()}. */
    public VerifyRateLimiter(VerifyRateLimits limits, ClientAddresses addresses, Predicate<Context> signedIn) {
        this(limits, addresses, signedIn, RateLimiter.DEFAULT_MAX_CLIENTS, System::nanoTime);
    }

    /** Takes one verdict from the client's budget ({@code /api/v1/verify/{token}}, {@code /v/{token}}). */
    public Admission admitVerdict(Context ctx) {
        return admit(verdicts, ctx);
    }

    /** Takes one PDF from the client's budget ({@code .../{token}/pdf}). */
    public Admission admitPdf(Context ctx) {
        return admit(pdfs, ctx);
    }

    private Admission admit(Optional<RateLimiter> limiter, Context ctx) {
        if (limiter.isEmpty() || signedIn.test(ctx)) {
            return RateLimiter.Admission.ADMITTED;
        }
        return limiter.get().admit(addresses.keyOf(ctx));
    }
}
