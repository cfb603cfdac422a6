package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.problem.Problem;
import java.util.MissingResourceException;

/**
 * The words for a field error the server gave a plant registration (原材料进厂, 配合比, 生产登记, 告知,
 * 发货单), in the user's language: by the error's stable {@code code} ({@code plant.server.<code>} in
 * the resource bundles, or {@code plant.server.<code>.<field>} where a code means different things at
 * different fields, e.g. {@code unknown}). Where the reason depends on values only the server knows (what was
 * registered before, a mix design's validity), the server's own sentence follows in brackets; a
 * code the client has no words for shows the server's sentence as it is.
 */
public final class PlantErrorTexts {
    private PlantErrorTexts() {
    }

    /** The text shown under the field for {@code error}. */
    public static String message(Problem.FieldError error) {
        String serverText = error.message() == null || error.message().isBlank() ? String.valueOf(error.code())
                : error.message();
        if (error.code() == null || error.code().isBlank()) {
            return serverText;
        }
        String general = "plant.server." + error.code();
        String field = error.field() == null ? "" : PlantForm.root(error.field());
        for (String key : new String[] {general + "." + field, general}) {
            try {
                return Localization.get(key, serverText);
            } catch (MissingResourceException notWorded) {
                // the next, more general key
            }
        }
        return serverText;
    }
}
