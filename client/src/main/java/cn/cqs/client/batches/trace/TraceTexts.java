package cn.cqs.client.batches.trace;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.time.ChinaTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** The trace screens' words for values (times in China time, conclusions, states) and for failures. */
public final class TraceTexts {
    /** Times are shown in China time, as the server's records and the printed tickets are. */
    public static final ZoneId ZONE = ChinaTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private TraceTexts() {
    }

    /** A time to the minute, or a dash. */
    public static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public static String day(LocalDate day) {
        return day == null ? "—" : day.toString();
    }

    /** A decimal as carried (no trailing zeros added or removed), or a dash. */
    public static String decimal(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** A report's overall conclusion (QUALIFIED, ...) in the current language; unknown names as sent. */
    public static String conclusion(String name) {
        if (name == null) {
            return "—";
        }
        for (Conclusion c : Conclusion.values()) {
            if (c.name().equals(name)) {
                return Localization.language() == AppLanguage.ENGLISH ? c.nameEn() : c.nameZh();
            }
        }
        return name;
    }

    /** Whether the conclusion is a failing one (shown in red). */
    public static boolean failing(String conclusion) {
        return Conclusion.UNQUALIFIED.name().equals(conclusion) || Conclusion.INVALID.name().equals(conclusion)
                || Conclusion.RETEST_REQUIRED.name().equals(conclusion);
    }

    /** VALID, SUPERSEDED or WITHDRAWN in the current language. */
    public static String status(String status) {
        String key = "trace.status." + status;
        return status != null && Localization.bundle().containsKey(key) ? Localization.get(key) : text(status);
    }

    public static String dosing(DosingState state) {
        return state == null ? "—" : Localization.get("trace.dosing." + state.name());
    }

    public static String material(MaterialKind kind) {
        return Localization.get("dosing.material." + kind.name());
    }

    /**
     * A failure in plain words: the server's field errors as "field: reason", a refusal's detail,
     * or that the server cannot be reached.
     */
    public static String failure(Exception failure) {
        if (failure instanceof ServerUnreachableException) {
            return Localization.get("trace.unreachable");
        }
        if (failure instanceof ApiProblemException problem) {
            if (!problem.fieldErrors().isEmpty()) {
                return problem.fieldErrors().stream().map(TraceTexts::fieldError).collect(Collectors.joining("；"));
            }
            Problem p = problem.problem();
            String detail = p.detail() != null && !p.detail().isBlank() ? p.detail() : p.title();
            return Localization.get("trace.refused", p.status(), detail);
        }
        return String.valueOf(failure.getMessage());
    }

    private static String fieldError(Problem.FieldError e) {
        String field = Localization.bundle().containsKey("trace.field." + e.field())
                ? Localization.get("trace.field." + e.field()) : e.field();
        String reason = Localization.bundle().containsKey("trace.reason." + e.code())
                ? Localization.get("trace.reason." + e.code()) : e.message();
        return field + "：" + reason;
    }

    /** Whether the failure is the server's "no such batch for you" (404). */
    public static boolean notFound(Exception failure) {
        return failure instanceof ApiProblemException p && p.status() == 404;
    }
}
