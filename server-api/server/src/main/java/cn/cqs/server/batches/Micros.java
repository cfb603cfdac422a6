package cn.cqs.server.batches;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL keeps times to the microsecond: a time a plant sends is stored and compared at that
 * precision, so re-sending the same nanosecond-precise time is recognised as the same.
 */
final class Micros {
    private Micros() {
    }

    static Instant of(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
