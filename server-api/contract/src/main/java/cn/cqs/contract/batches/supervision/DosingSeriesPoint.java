package cn.cqs.contract.batches.supervision;

import java.time.LocalDate;

/**
 * One point of a dosing series: the batches produced in one day or week (see {@link SeriesBucket})
 * and what their dosing checks found.
 *
 * @param start            the first day of the day or week (China time)
 * @param batches          batches produced in it
 * @param withinTolerance  of those, batches whose dosing records are within tolerance
 * @param outOfTolerance   of those, batches with a plate, a cumulative quantity or a material out of tolerance
 * @param missingData      of those, batches whose production is over without any dosing records
 */
public record DosingSeriesPoint(LocalDate start, long batches, long withinTolerance, long outOfTolerance,
                                long missingData) {
}
