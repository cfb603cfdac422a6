package cn.cqs.client.verify;

import cn.cqs.contract.verify.VerifyOutcome;

/**
 * How an outcome is shown: a tone (colour), an icon glyph and the localisation keys of its
 * headline and its explanation. One entry per {@link VerifyOutcome}; the glyphs are in the embedded
 * font (GBK), so they render on any desk.
 */
public enum OutcomePresentation {
    GENUINE_IN_SYSTEM(VerifyOutcome.GENUINE_IN_SYSTEM, Tone.GOOD, "√"),
    GENUINE_NOT_UPLOADED(VerifyOutcome.GENUINE_NOT_UPLOADED, Tone.CAUTION, "!"),
    SIGNATURE_INVALID(VerifyOutcome.SIGNATURE_INVALID, Tone.BAD, "×"),
    ISSUER_UNKNOWN(VerifyOutcome.ISSUER_UNKNOWN, Tone.BAD, "?"),
    ISSUER_NOT_CERTIFIED(VerifyOutcome.ISSUER_NOT_CERTIFIED, Tone.BAD, "×"),
    DIGEST_MISMATCH(VerifyOutcome.DIGEST_MISMATCH, Tone.BAD, "≠"),
    NOT_A_SYSTEM_CODE(VerifyOutcome.NOT_A_SYSTEM_CODE, Tone.NEUTRAL, "—"),
    SERVER_UNREACHABLE(VerifyOutcome.SERVER_UNREACHABLE, Tone.CAUTION, "?");

    /** The colour family of an outcome. */
    public enum Tone {
        /** green: genuine and matching */
        GOOD,
        /** amber: genuine, but something is not (yet) known or not (yet) there */
        CAUTION,
        /** red: refuse the paper */
        BAD,
        /** grey: not one of the system's codes */
        NEUTRAL;

        /** The CSS style class, e.g. {@code outcome-good}. */
        public String styleClass() {
            return "outcome-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final VerifyOutcome outcome;
    private final Tone tone;
    private final String icon;

    OutcomePresentation(VerifyOutcome outcome, Tone tone, String icon) {
        this.outcome = outcome;
        this.tone = tone;
        this.icon = icon;
    }

    public static OutcomePresentation of(VerifyOutcome outcome) {
        for (OutcomePresentation p : values()) {
            if (p.outcome == outcome) {
                return p;
            }
        }
        throw new IllegalArgumentException("outcome: no presentation for " + outcome);
    }

    public VerifyOutcome outcome() {
        return outcome;
    }

    public Tone tone() {
        return tone;
    }

    public String icon() {
        return icon;
    }

    /** Key of the one-line verdict, e.g. {@code verify.outcome.GENUINE_IN_SYSTEM}. */
    public String titleKey() {
        return "verify.outcome." + outcome.name();
    }

    /** Key of the explanation: what it means and what to do. */
    public String hintKey() {
        return "verify.outcome." + outcome.name() + ".hint";
    }
}
