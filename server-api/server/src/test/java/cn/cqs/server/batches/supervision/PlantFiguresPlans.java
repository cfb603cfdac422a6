package cn.cqs.server.batches.supervision;

import cn.cqs.contract.supervision.StatisticsPeriod;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The query plan of the regulators' plant figures ({@link PlantDosingService#FIGURES}) with
 * {@code EXPLAIN (ANALYZE, BUFFERS)}, bound as the service binds it: for the benchmark's
 * {@code --explain}.
 */
public final class PlantFiguresPlans {
    private PlantFiguresPlans() {
    }

    /** The plan's lines for a regulator of {@code regionCode} asking {@code period} at {@code now}. */
    public static List<String> explain(Handle h, String regionCode, StatisticsPeriod period, Instant now) {
        return h.inTransaction(t -> {
            PlantDosingService.planFigures(t);
            return PlantDosingService.figures(t, "explain (analyze, buffers) ", regionCode, period, now)
                    .mapTo(String.class).list();
        });
    }
}
