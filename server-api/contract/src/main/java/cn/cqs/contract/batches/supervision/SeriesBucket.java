package cn.cqs.contract.batches.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The length of one point of a dosing series: a day for periods up to {@value #DAILY_UP_TO_DAYS}
 * days, else an ISO week (Monday to Sunday), so a chart never has more than about 53 points per line.
 */
public enum SeriesBucket {
    /** One point per day. */
    DAY,
    /** One point per ISO week, starting on its Monday. */
    WEEK;

    /** The longest period still shown per day. */
    public static final int DAILY_UP_TO_DAYS = 62;

    /** The bucket for a period of {@code days} days. */
    public static SeriesBucket forPeriodDays(long days) {
        return days <= DAILY_UP_TO_DAYS ? DAY : WEEK;
    }

    /** The first day of the bucket {@code day} falls in. */
    public LocalDate startOf(LocalDate day) {
        return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first day of the bucket after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return this == DAY ? start.plusDays(1) : start.plusWeeks(1);
    }
}
