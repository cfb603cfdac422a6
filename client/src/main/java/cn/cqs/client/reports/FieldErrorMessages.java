package cn.cqs.client.reports;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.problem.Problem;
import java.util.MissingResourceException;

/**
 * The localised text of a report field error, chosen by its stable code
 * ({@link cn.cqs.contract.reports.validation.ErrorCodes}): {@code reports.error.<code>.<field>} when
 * a field has its own wording (e.g. the report number's format), else {@code reports.error.<code>}.
 * An unknown code (a newer server) shows the rule's own message.
 */
public final class FieldErrorMessages {
    /** Code of a value the form could not read as a number. */
    public static final String NOT_A_NUMBER = "number";

    private FieldErrorMessages() {
    }

    public static String message(Problem.FieldError error) {
        String field = error.field().replaceAll("\\[\\d+]", "");
        for (String key : new String[] {"reports.error." + error.code() + "." + field, "reports.error." + error.code()}) {
            try {
                return Localization.get(key);
            } catch (MissingResourceException notWorded) {
                // try the next, more general key
            }
        }
        return error.message();
    }
}
