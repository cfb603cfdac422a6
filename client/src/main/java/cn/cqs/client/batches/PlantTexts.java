package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.NotificationState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How the plant office's screens read and write values: times as {@code yyyy-MM-dd HH:mm} in the
 * plant's zone, decimals as typed (full-width digits and commas are not accepted), and the localised
 * names of material kinds and states.
 */
public final class PlantTexts {
    /** The time format of every time field. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PlantTexts() {
    }

    /** {@code t} as shown, or "" when null. */
    public static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    /** The typed time, or null when it is not {@code yyyy-MM-dd HH:mm}. */
    public static Instant parseTime(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The typed decimal, or null when it is not a plain number. */
    public static BigDecimal parseDecimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal as shown (no trailing zeros, no exponent). */
    public static String decimal(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    /** 水泥, 粉煤灰, ... */
    public static String kind(MaterialKind kind) {
        return kind == null ? Localization.get("plant.kind.ALL") : Localization.get("plant.kind." + kind.name());
    }

    /** 待告知, 按时, ... */
    public static String notice(NotificationState state) {
        return Localization.get("plant.notice." + state.name());
    }

    /** 无数据, 合格, 超差. */
    public static String dosing(DosingState state) {
        return state == null ? Localization.get("plant.dosing.ALL") : Localization.get("plant.dosing." + state.name());
    }

    /** The filter's choice names. */
    public static String noticeFilter(NoticeFilter f) {
        return Localization.get("plant.noticeFilter." + f.name());
    }
}
