package cn.cqs.client.reports.sections;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * One input of a report content section, described for the view: its field path in the content
 * record (e.g. {@code tensileSpecimens[1].maxLoadKn}, which is also where the validator's errors for
 * it arrive), its label key, unit and control id, and the property it edits.
 */
public sealed interface SectionInput permits SectionInput.Text, SectionInput.Choice {

    /** The field path in the content record. */
    String path();

    /** The localisation key of the label; {@code null} inside a specimen table (the column names it). */
    String labelKey();

    /** The unit shown after the control, or {@code null}. */
    String unit();

    /** The control's id, e.g. {@code gradeField}, for tests and the view's look-ups. */
    String controlId();

    /** How a text input is read. */
    enum Kind {
        /** Free text, stripped; blank is null. */
        TEXT,
        /** A decimal number (BigDecimal). */
        DECIMAL,
        /** A whole number. */
        INTEGER
    }

    /**
     * A text field.
     *
     * @param kind how the text is read; numbers that cannot be read are reported as parse errors
     */
    record Text(String path, String labelKey, String unit, String controlId, Kind kind, StringProperty value)
            implements SectionInput {
        public Text {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(controlId, "controlId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A choice among listed values (a combo box); {@code display} gives each value's text in the
     * current language.
     */
    record Choice(String path, String labelKey, String unit, String controlId, ObjectProperty<Object> value,
                  ObservableList<Object> options, Function<Object, String> display) implements SectionInput {
        public Choice {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(controlId, "controlId");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(display, "display");
        }
    }

    /**
     * The control id of a field path: indices and dots dropped and the next letter capitalised,
     * {@code Field} appended: {@code tensileSpecimens[1].maxLoadKn} → {@code tensileSpecimens1MaxLoadKnField}.
     */
    static String idOf(String path) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : path.toCharArray()) {
            if (ch == '[' || ch == ']' || ch == '.') {
                upper = ch != '[';
                continue;
            }
            out.append(upper && Character.isLetter(ch) ? Character.toUpperCase(ch) : ch);
            upper = false;
        }
        return out + "Field";
    }
}
