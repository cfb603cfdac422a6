package cn.cqs.client.verify;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.contract.verify.VerificationResponse.PublicReport;
import cn.cqs.contract.verify.VerifyOutcome;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What the desk tells the person (核验结论), one step finer than {@link VerifyOutcome}: a genuine
 * report is current, superseded by a correction or withdrawn (its lifecycle status in the system),
 * and a genuine report not in the system is still within the 24-hour upload limit or past it
 * ({@link UploadDeadline}, from the token's signed issue time and the desk's clock). A batch token
 * (delivery ticket or label, 生产流水号) has its own words: genuine, not found, altered, not the
 * platform's. Each has its own icon and tone, so two different situations never look the same.
 */
public enum DeskOutcome {
    GENUINE_CURRENT(OutcomePresentation.Tone.GOOD, "√"),
    GENUINE_SUPERSEDED(OutcomePresentation.Tone.CAUTION, "→"),
    GENUINE_WITHDRAWN(OutcomePresentation.Tone.BAD, "○"),
    NOT_UPLOADED_WITHIN_LIMIT(OutcomePresentation.Tone.CAUTION, "…"),
    NOT_UPLOADED_PAST_LIMIT(OutcomePresentation.Tone.BAD, "!"),
    SIGNATURE_INVALID(OutcomePresentation.Tone.BAD, "×"),
    ISSUER_UNKNOWN(OutcomePresentation.Tone.BAD, "?"),
    ISSUER_NOT_CERTIFIED(OutcomePresentation.Tone.BAD, "※"),
    DIGEST_MISMATCH(OutcomePresentation.Tone.BAD, "≠"),
    NOT_A_SYSTEM_CODE(OutcomePresentation.Tone.NEUTRAL, "—"),
    SERVER_UNREACHABLE(OutcomePresentation.Tone.CAUTION, "?"),
    /** 批次真实，系统中有此批次且关键内容一致. A delivery ticket's batch, genuine and registered. */
    BATCH_GENUINE(OutcomePresentation.Tone.GOOD, "◎"),
    /**
     * 流水号签名真实，但系统中查无此批次. The platform signs on registration, so this should not
     * happen; the desk says plainly that the batch was not found.
     */
    BATCH_NOT_FOUND(OutcomePresentation.Tone.BAD, "▲"),
    /** 批次记录与二维码不一致. The registered batch's key fields no longer give the token's digest. */
    BATCH_ALTERED(OutcomePresentation.Tone.BAD, "≈"),
    /** 不是平台签发的流水号. A batch token signed by someone other than the platform. */
    BATCH_NOT_PLATFORM(OutcomePresentation.Tone.BAD, "■");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OutcomePresentation.Tone tone;
    private final String icon;

    DeskOutcome(OutcomePresentation.Tone tone, String icon) {
        this.tone = tone;
        this.icon = icon;
    }

    public OutcomePresentation.Tone tone() {
        return tone;
    }

    public String icon() {
        return icon;
    }

    /** The headline and the explanation shown for a verdict. */
    public record Headline(DeskOutcome outcome, String title, String hint) {
    }

    /** The desk's outcome for {@code verdict} at {@code now}. */
    public static DeskOutcome of(CodeVerdict verdict, Instant now) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(now, "now");
        if (verdict.isBatch()) {
            switch (verdict.outcome()) {
                case GENUINE_IN_SYSTEM -> {
                    return BATCH_GENUINE;
                }
                case GENUINE_NOT_UPLOADED -> {
                    return BATCH_NOT_FOUND;
                }
                case DIGEST_MISMATCH -> {
                    return BATCH_ALTERED;
                }
                case ISSUER_NOT_CERTIFIED -> {
                    return BATCH_NOT_PLATFORM;
                }
                default -> {
                    // the rest reads the same for reports and batches
                }
            }
        }
        return switch (verdict.outcome()) {
            case GENUINE_IN_SYSTEM -> {
                PublicReport r = verdict.record();
                ReportStatus status = r == null || r.status() == null ? ReportStatus.VALID : r.status();
                yield switch (status) {
                    case VALID -> GENUINE_CURRENT;
                    case SUPERSEDED -> GENUINE_SUPERSEDED;
                    case WITHDRAWN -> GENUINE_WITHDRAWN;
                };
            }
            case GENUINE_NOT_UPLOADED -> verdict.claims() != null
                    && UploadDeadline.isLate(verdict.claims().issuedAt(), now)
                    ? NOT_UPLOADED_PAST_LIMIT : NOT_UPLOADED_WITHIN_LIMIT;
            case SIGNATURE_INVALID -> SIGNATURE_INVALID;
            case ISSUER_UNKNOWN -> ISSUER_UNKNOWN;
            case ISSUER_NOT_CERTIFIED -> ISSUER_NOT_CERTIFIED;
            case DIGEST_MISMATCH -> DIGEST_MISMATCH;
            case NOT_A_SYSTEM_CODE -> NOT_A_SYSTEM_CODE;
            case SERVER_UNREACHABLE -> SERVER_UNREACHABLE;
        };
    }

    /** The words for {@code verdict} at {@code now}, with times in {@code zone}, in the current language. */
    public static Headline headline(CodeVerdict verdict, Instant now, ZoneId zone) {
        DeskOutcome outcome = of(verdict, now);
        PublicReport r = verdict.record();
        return switch (outcome) {
            case GENUINE_SUPERSEDED -> new Headline(outcome, r.supersededByNumber() == null
                    ? Localization.get("reports.lifecycle.verify.superseded")
                    : Localization.get("reports.lifecycle.verify.supersededBy", r.supersededByNumber()),
                    reason(r) + "\n" + Localization.get("reports.lifecycle.verify.doNotRely"));
            case GENUINE_WITHDRAWN -> new Headline(outcome, Localization.get("reports.lifecycle.verify.withdrawn"),
                    reason(r) + "\n" + Localization.get("reports.lifecycle.verify.doNotRely"));
            case NOT_UPLOADED_WITHIN_LIMIT, NOT_UPLOADED_PAST_LIMIT -> {
                String key = "verify.desk." + outcome.name();
                if (verdict.claims() == null) {
                    yield new Headline(outcome, Localization.get(key),
                            Localization.get("verify.outcome.GENUINE_NOT_UPLOADED.hint"));
                }
                Instant issued = verdict.claims().issuedAt();
                yield new Headline(outcome, Localization.get(key), Localization.get(key + ".hint",
                        TIME.format(issued.atZone(zone)), TIME.format(issued.plus(UploadDeadline.WINDOW).atZone(zone))));
            }
            case GENUINE_CURRENT -> plain(outcome, VerifyOutcome.GENUINE_IN_SYSTEM);
            case BATCH_GENUINE, BATCH_NOT_FOUND, BATCH_ALTERED, BATCH_NOT_PLATFORM -> new Headline(outcome,
                    Localization.get("verify.desk." + outcome.name()),
                    Localization.get("verify.desk." + outcome.name() + ".hint",
                            verdict.claims() == null ? "—" : verdict.claims().documentNumber()));
            default -> plain(outcome, verdict.outcome());
        };
    }

    private static Headline plain(DeskOutcome outcome, VerifyOutcome verifyOutcome) {
        OutcomePresentation p = OutcomePresentation.of(verifyOutcome);
        return new Headline(outcome, Localization.get(p.titleKey()), Localization.get(p.hintKey()));
    }

    private static String reason(PublicReport r) {
        return r.statusReason() == null ? Localization.get("reports.lifecycle.verify.noReason")
                : Localization.get("reports.lifecycle.verify.reason", r.statusReason());
    }
}
