package cn.cqs.server.refusals;

import cn.cqs.contract.refusals.RefusalState;
import cn.cqs.server.http.QueryParams;
import cn.cqs.server.http.Validation;
import io.javalin.http.Context;

/**
 * The filters of {@code GET /api/v1/refusals}: {@code state}, {@code limit}
 * (1-{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code offset}.
 */
public record RefusalQuery(RefusalState state, int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** Reads the filters; every bad value is a 422 naming its parameter. */
    public static RefusalQuery from(Context ctx) {
        Validation v = new Validation();
        QueryParams q = new QueryParams(ctx, v);
        RefusalState state = q.enumValue("state", RefusalState.class);
        int limit = q.limit(DEFAULT_LIMIT, MAX_LIMIT);
        int offset = q.offset();
        v.throwIfInvalid();
        return new RefusalQuery(state, limit, offset);
    }
}
