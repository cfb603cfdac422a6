package cn.cqs.client.reports;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.sections.ReportContentSection;
import cn.cqs.client.reports.sections.ResultLine;
import cn.cqs.client.reports.sections.SectionGroup;
import cn.cqs.client.reports.sections.SectionInput;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The view of any {@link ReportContentSection}: lays out its groups (labelled rows, specimen tables
 * with one row per specimen) into the report form's grid in tab order, binds each control to its
 * input, shows each input's error under it, and fills the results panel with the section's live
 * result lines. One view serves every report type: a type's section declares its layout.
 */
public final class ContentSectionView {
    private final ReportContentSection section;

    private ContentSectionView(ReportContentSection section) {
        this.section = section;
    }

    /** Adds {@code section}'s inputs to {@code form} and keeps {@code results} showing its results. */
    public static void build(ReportContentSection section, FormGrid form, GridPane results) {
        ContentSectionView view = new ContentSectionView(section);
        for (SectionGroup group : section.groups()) {
            if (group instanceof SectionGroup.Rows rows) {
                view.rows(form, rows);
            } else if (group instanceof SectionGroup.SpecimenTable table) {
                view.table(form, table);
            }
        }
        view.showResults(results);
        section.results().addListener((ListChangeListener<ResultLine>) change -> view.showResults(results));
    }

    private void rows(FormGrid form, SectionGroup.Rows rows) {
        if (rows.titleKey() != null) {
            form.title(Localization.get(rows.titleKey()), rows.visible());
        }
        for (SectionInput input : rows.inputs()) {
            Node control = control(input);
            control.disableProperty().bind(javafx.beans.binding.Bindings.not(section.enabled(input.path())));
            form.field(Localization.get(input.labelKey()), control, input.unit(), errorId(input),
                    error(input.path()), rows.visible());
        }
    }

    private void table(FormGrid form, SectionGroup.SpecimenTable table) {
        if (table.titleKey() != null) {
            form.title(Localization.get(table.titleKey()), null);
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        grid.getStyleClass().add("specimen-table");
        ColumnConstraints rowLabel = new ColumnConstraints();
        rowLabel.setMinWidth(64);
        rowLabel.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().add(rowLabel);
        for (int c = 0; c < table.columns().size(); c++) {
            SectionGroup.Column column = table.columns().get(c);
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setMinWidth(110);
            constraints.setPrefWidth(150);
            grid.getColumnConstraints().add(constraints);
            Label header = new Label(Localization.get(column.labelKey()) + (column.unit() == null ? ""
                    : " (" + column.unit() + ")"));
            header.setWrapText(true);
            header.getStyleClass().add("table-header");
            grid.add(header, c + 1, 0);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            int index = r;
            BooleanBinding shown = Bindings.createBooleanBinding(() -> table.rowCount().get() > index, table.rowCount());
            Label caption = new Label(Localization.get("reports.section.specimen", r + 1));
            caption.setMinWidth(Label.USE_PREF_SIZE);
            caption.setPadding(new javafx.geometry.Insets(5, 0, 0, 0));
            GridPane.setValignment(caption, javafx.geometry.VPos.TOP);
            bindShown(caption, shown);
            grid.add(caption, 0, r + 1);
            List<SectionInput> inputs = table.rows().get(r);
            for (int c = 0; c < inputs.size(); c++) {
                SectionInput input = inputs.get(c);
                Node control = control(input);
                control.disableProperty().bind(javafx.beans.binding.Bindings.not(section.enabled(input.path())));
                if (c == 0) {
                    caption.setLabelFor(control);
                }
                VBox cell = new VBox(1, control, FormGrid.errorLabel(errorId(input), error(input.path())));
                bindShown(cell, shown);
                grid.add(cell, c + 1, r + 1);
            }
        }
        form.whole(grid, null);
        form.whole(FormGrid.errorLabel(SectionInput.idOf(table.errorPath()).replace("Field", "Error"),
                error(table.errorPath())), null);
    }

    private static void bindShown(Node node, BooleanBinding shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    private ObservableValue<String> error(String path) {
        return section.error(path);
    }

    private static String errorId(SectionInput input) {
        return input.controlId().replace("Field", "Error");
    }

    private static Node control(SectionInput input) {
        if (input instanceof SectionInput.Text text) {
            TextField field = new TextField();
            field.setId(text.controlId());
            field.setPrefColumnCount(text.kind() == SectionInput.Kind.TEXT ? 16 : 8);
            field.textProperty().bindBidirectional(text.value());
            return field;
        }
        SectionInput.Choice choice = (SectionInput.Choice) input;
        ComboBox<Object> box = new ComboBox<>(choice.options());
        box.setId(choice.controlId());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object value) {
                return value == null ? "" : choice.display().apply(value);
            }

            @Override
            public Object fromString(String text) {
                return choice.options().stream().filter(o -> choice.display().apply(o).equals(text)).findFirst()
                        .orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(choice.value());
        return box;
    }

    private void showResults(GridPane results) {
        results.getChildren().clear();
        int r = 0;
        for (ResultLine line : section.results()) {
            if (line.kind() == ResultLine.Kind.NOTE) {
                Label note = new Label(line.caption());
                note.setId(line.id());
                note.setWrapText(true);
                note.getStyleClass().add("hint");
                results.add(note, 0, r++, 2, 1);
                continue;
            }
            if (line.kind() == ResultLine.Kind.HEADING) {
                Label heading = new Label(line.caption());
                heading.getStyleClass().add("result-heading");
                results.add(heading, 0, r++, 2, 1);
                continue;
            }
            Label name = new Label(line.caption());
            name.setWrapText(true);
            name.setMinWidth(Label.USE_PREF_SIZE);
            name.setMaxWidth(150);
            Label shown = new Label(line.value());
            shown.setId(line.id());
            shown.setWrapText(true);
            shown.getStyleClass().add("computed-value");
            if (line.kind() == ResultLine.Kind.PASSED) {
                shown.getStyleClass().add("result-passed");
            } else if (line.kind() == ResultLine.Kind.FAILED) {
                shown.getStyleClass().add("result-failed");
            }
            results.add(name, 0, r);
            results.add(shown, 1, r);
            r++;
        }
    }
}
