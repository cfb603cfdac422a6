package cn.cqs.client.reports;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.problem.Problem;
import java.util.MissingResourceException;

/**
 * The localised text of a report field error, chosen by its stable code
 * ({@link cn.cqs.contract.reports.validation.ErrorCodes}): {@code reports.error.<code>.<type>.<field>}
 * when a report type words a field its own way (e.g. the cement's standard), else
 * {@code reports.error.<code>.<field>} when a field has its own wording (e.g. the report number's
 * format), else {@code reports.error.<code>}. Indices are dropped from the field path
 * ({@code tensileSpecimens[1].maxLoadKn} → {@code tensileSpecimens.maxLoadKn}).
 * An unknown code (a newer server) shows the rule's own message.
 */
public final class FieldErrorMessages {
    /** Code of a value the form could not read as a number. */
    public static final String NOT_A_NUMBER = "number";

    private FieldErrorMessages() {
    }

    /** The text of {@code error} without a type-specific wording. */
    public static String message(Problem.FieldError error) {
        return message(error, null);
    }

    /**
     * The text of {@code error} on a form of the report type whose code is {@code typeCode}
     * ({@code ReportTypeDefinition.code()}, e.g. {@code cement}), or null for none.
     */
    public static String message(Problem.FieldError error, String typeCode) {
        String field = error.field().replaceAll("\\[\\d+]", "");
        String general = "reports.error." + error.code();
        String[] keys = typeCode == null ? new String[] {general + "." + field, general}
                : new String[] {general + "." + typeCode + "." + field, general + "." + field, general};
        for (String key : keys) {
            try {
                return Localization.get(key);
            } catch (MissingResourceException notWorded) {
                // try the next, more general key
            }
        }
        return error.message();
    }
}
