package cn.cqs.client.batches;

import cn.cqs.contract.batches.DosingState;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the batch list (批次列表) shows: free text (contained in the serial number, buyer, pour
 * location, project, contract number or the plant's batch id; case-insensitive), the notification
 * state, the dosing state, the marking (exact) and an inclusive range of days. Null means "any".
 */
public record BatchFilter(String text, NoticeFilter notice, DosingState dosing, String marking, LocalDate from,
                          LocalDate to) {
    /** Every batch. */
    public static final BatchFilter ALL = new BatchFilter(null, NoticeFilter.ALL, null, null, null, null);

    public BatchFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        marking = marking == null || marking.isBlank() ? null : marking.strip();
        notice = Objects.requireNonNullElse(notice, NoticeFilter.ALL);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from: must not be after to (" + from + " > " + to + ")");
        }
    }

    public BatchFilter withText(String t) {
        return new BatchFilter(t, notice, dosing, marking, from, to);
    }

    public BatchFilter withNotice(NoticeFilter n) {
        return new BatchFilter(text, n, dosing, marking, from, to);
    }

    public BatchFilter withDosing(DosingState d) {
        return new BatchFilter(text, notice, d, marking, from, to);
    }

    public BatchFilter withMarking(String m) {
        return new BatchFilter(text, notice, dosing, m, from, to);
    }

    public BatchFilter withDays(LocalDate f, LocalDate t) {
        return new BatchFilter(text, notice, dosing, marking, f, t);
    }
}
