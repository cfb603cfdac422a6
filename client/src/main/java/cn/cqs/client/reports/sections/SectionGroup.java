package cn.cqs.client.reports.sections;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A block of a content section's layout, in form order: labelled rows, or a table of specimens
 * (one row per specimen, one column per measured value).
 */
public sealed interface SectionGroup permits SectionGroup.Rows, SectionGroup.SpecimenTable {

    /** The localisation key of the block's title, or {@code null} for none. */
    String titleKey();

    /**
     * Labelled rows, one input each.
     *
     * @param visible whether the block is shown (e.g. the mass sample only in a first test)
     */
    record Rows(String titleKey, List<SectionInput> inputs, ObservableBooleanValue visible) implements SectionGroup {
        public Rows {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(visible, "visible");
        }
    }

    /**
     * A table of specimens. Every row up to the largest count exists; {@code rowCount} says how many
     * are shown and read (e.g. 2 in a first test, 4 in a retest).
     *
     * @param errorPath  the path of the list itself (e.g. {@code tensileSpecimens}), whose errors
     *                   (wrong count) are shown under the table
     * @param columns    the columns' label keys and units
     * @param rows       the inputs of each row, in column order
     * @param rowCount   how many rows are shown
     */
    record SpecimenTable(String titleKey, String errorPath, List<Column> columns, List<List<SectionInput>> rows,
                         IntegerProperty rowCount) implements SectionGroup {
        public SpecimenTable {
            Objects.requireNonNull(errorPath, "errorPath");
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            Objects.requireNonNull(rowCount, "rowCount");
        }
    }

    /** A table column: its label key and unit (may be null). */
    record Column(String labelKey, String unit) {
    }
}
