package cn.cqs.server.supervision;

import cn.cqs.contract.supervision.StatisticsGrouping;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.http.Validation;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The parameters of {@code GET /api/v1/supervision/report-statistics}: {@code from} and {@code to}
 * (issue dates, inclusive, China time; both absent means the last
 * {@value StatisticsPeriod#DEFAULT_DAYS} days, one absent is an error) and {@code groupBy}
 * ({@code lab} by default). Every bad value is a 422 naming its parameter.
 */
public record StatisticsQuery(StatisticsPeriod period, StatisticsGrouping grouping) {

    public static StatisticsQuery from(Context ctx, Clock clock) {
        return of(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("groupBy"), clock);
    }

    /** Reads the raw parameter values (each may be null). */
    public static StatisticsQuery of(String fromText, String toText, String groupByText, Clock clock) {
        Validation v = new Validation();
        boolean fromGiven = fromText != null && !fromText.isBlank();
        boolean toGiven = toText != null && !toText.isBlank();
        LocalDate from = date(v, "from", fromText);
        LocalDate to = date(v, "to", toText);
        StatisticsGrouping grouping = StatisticsGrouping.LAB;
        if (groupByText != null) {
            grouping = StatisticsGrouping.parse(groupByText).orElse(null);
            if (grouping == null) {
                v.add("groupBy", "not_supported", "groupBy must be lab, type or lab,type, was '" + groupByText + "'");
            }
        }
        StatisticsPeriod period = null;
        if (!fromGiven && !toGiven) {
            period = StatisticsPeriod.endingOn(LocalDate.now(clock.withZone(UploadDeadline.REPORT_ZONE)));
        } else if (!v.hasErrorFor("from") && !v.hasErrorFor("to")) {
            var errors = StatisticsPeriod.check(from, to);
            errors.forEach(e -> v.add(e.field(), e.code(), e.message()));
            if (errors.isEmpty()) {
                period = new StatisticsPeriod(from, to);
            }
        }
        v.throwIfInvalid();
        return new StatisticsQuery(period, grouping);
    }

    private static LocalDate date(Validation v, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            v.add(name, "malformed", name + " must be a date like 2026-03-01, was '" + value + "'");
            return null;
        }
    }
}
