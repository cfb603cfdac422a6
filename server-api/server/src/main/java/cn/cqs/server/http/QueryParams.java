package cn.cqs.server.http;

import cn.cqs.contract.time.UploadDeadline;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads list filters from a query string into a {@link Validation}, so every bad parameter is
 * reported at once, named, as a 422: whole numbers, paging, dates (China time) and enum values.
 */
public final class QueryParams {
    private final Context ctx;
    private final Validation v;

    public QueryParams(Context ctx, Validation v) {
        this.ctx = ctx;
        this.v = v;
    }

    /** A whole number, or {@code fallback} when absent. */
    public int number(String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            v.add(name, "not_a_number", name + " must be a whole number, was '" + value + "'");
            return fallback;
        }
    }

    /** {@code limit} between 1 and {@code max}, {@code fallback} when absent. */
    public int limit(int fallback, int max) {
        int limit = number("limit", fallback);
        if (limit < 1 || limit > max) {
            v.add("limit", "range", "limit must be between 1 and " + max);
        }
        return limit;
    }

    /** {@code offset}, not negative, 0 when absent. */
    public int offset() {
        int offset = number("offset", 0);
        if (offset < 0) {
            v.add("offset", "range", "offset must not be negative");
        }
        return offset;
    }

    /** A date like 2026-03-01, or null when absent. */
    public LocalDate date(String name) {
        String value = ctx.queryParam(name);
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

    /** The start of {@code from} in China time (inclusive), or null. */
    public static Instant startOf(LocalDate from) {
        return from == null ? null : from.atStartOfDay(UploadDeadline.REPORT_ZONE).toInstant();
    }

    /** The end of {@code to} in China time (exclusive: the next day's start), or null. */
    public static Instant endOf(LocalDate to) {
        return to == null ? null : to.plusDays(1).atStartOfDay(UploadDeadline.REPORT_ZONE).toInstant();
    }

    /** Checks that {@code to} is not before {@code from}. */
    public void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            v.add("to", "before_from", "to (" + to + ") is before from (" + from + ")");
        }
    }

    /** One value of {@code type} (case-insensitive), or null when absent. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(name, "malformed", name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ", "[", "]")) + ", was '" + value + "'");
            return null;
        }
    }
}
