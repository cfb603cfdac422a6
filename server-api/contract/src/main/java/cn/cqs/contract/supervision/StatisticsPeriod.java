package cn.cqs.contract.supervision;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.time.UploadDeadline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The period of the report statistics (统计期间): issue dates {@code from} to {@code to}, both
 * inclusive, in China time ({@link UploadDeadline#REPORT_ZONE}), at most {@value #MAX_DAYS} days
 * long. A report belongs to the day its lab issued it (签发日期), the same day the regulators'
 * report search filters on.
 */
public record StatisticsPeriod(LocalDate from, LocalDate to) {
    /** The longest period, in days (a leap year). */
    public static final int MAX_DAYS = 366;
    /** The period the server uses when none is given: the last {@value} days, today included. */
    public static final int DEFAULT_DAYS = 30;

    public StatisticsPeriod {
        List<FieldError> errors = check(from, to);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.get(0).message());
        }
    }

    /** The default period ending {@code today}: {@value #DEFAULT_DAYS} days. */
    public static StatisticsPeriod endingOn(LocalDate today) {
        return new StatisticsPeriod(today.minusDays(DEFAULT_DAYS - 1L), today);
    }

    /**
     * The field errors of a period (empty when it is valid): {@code from}/{@code to} required,
     * {@code to} not before {@code from}, at most {@value #MAX_DAYS} days.
     */
    public static List<FieldError> check(LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "required", "from (the first day of the period) is required"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "required", "to (the last day of the period) is required"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add(new FieldError("to", "before_from", "to (" + to + ") is before from (" + from + ")"));
            } else if (days(from, to) > MAX_DAYS) {
                errors.add(new FieldError("to", "period_too_long", "The period from " + from + " to " + to + " is "
                        + days(from, to) + " days; at most " + MAX_DAYS + " days are allowed"));
            }
        }
        return errors;
    }

    /** Number of days from {@code from} to {@code to}, both counted. */
    public long days() {
        return days(from, to);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The first instant of the period (start of {@code from}, China time). */
    public Instant start() {
        return from.atStartOfDay(UploadDeadline.REPORT_ZONE).toInstant();
    }

    /** The first instant after the period (start of the day after {@code to}, China time). */
    public Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(UploadDeadline.REPORT_ZONE).toInstant();
    }

    /** Whether {@code day} lies in the period. */
    public boolean contains(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
