package cn.cqs.client.supervision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The filters of the regulators' report search; null (or blank text, {@link ConclusionFilter#ANY},
 * {@code lateOnly} false) means "not filtered".
 *
 * @param text     contained in the project name, project part or report number (case-insensitive)
 * @param labId    only this lab's reports
 * @param type     only this report type (its name, e.g. {@code CONCRETE_CUBE})
 * @param from     issued on or after this day (China time)
 * @param to       issued on or before this day
 * @param lateOnly only reports uploaded more than 24 hours after issue
 */
public record ReportSearchCriteria(String text, UUID labId, String type, LocalDate from, LocalDate to,
                                   ConclusionFilter conclusion, boolean lateOnly) {
    public ReportSearchCriteria {
        text = text == null || text.isBlank() ? null : text.strip();
        conclusion = conclusion == null ? ConclusionFilter.ANY : conclusion;
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from: must not be after to (" + from + " > " + to + ")");
        }
    }

    /** No filter at all. */
    public static ReportSearchCriteria none() {
        return new ReportSearchCriteria(null, null, null, null, null, ConclusionFilter.ANY, false);
    }
}
