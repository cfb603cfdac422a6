package cn.cqs.server.verify;

import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.server.http.QueryParams;
import cn.cqs.server.http.Validation;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The filters of {@code GET /api/v1/verifications}: {@code from}/{@code to} (receipt dates,
 * inclusive, China time), {@code outcome} (what the desk showed), {@code limit}
 * (1-{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code offset}.
 */
public record VerificationQuery(Instant receivedFrom, Instant receivedBefore, VerifyOutcome outcome, int limit,
                                int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** Reads the filters; every bad value is a 422 naming its parameter. */
    public static VerificationQuery from(Context ctx) {
        Validation v = new Validation();
        QueryParams q = new QueryParams(ctx, v);
        LocalDate from = q.date("from");
        LocalDate to = q.date("to");
        q.range(from, to);
        VerifyOutcome outcome = q.enumValue("outcome", VerifyOutcome.class);
        int limit = q.limit(DEFAULT_LIMIT, MAX_LIMIT);
        int offset = q.offset();
        v.throwIfInvalid();
        return new VerificationQuery(QueryParams.startOf(from), QueryParams.endOf(to), outcome, limit, offset);
    }
}
