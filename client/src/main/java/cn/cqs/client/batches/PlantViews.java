package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.FormGrid;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;

/** Small pieces the plant office's views share (view code only). */
final class PlantViews {
    private PlantViews() {
    }

    /** A text field bound both ways to {@code value}, with an id and a prompt. */
    static TextField field(String id, StringProperty value, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        if (promptKey != null) {
            f.setPromptText(Localization.get(promptKey));
        }
        f.setPrefColumnCount(24);
        return f;
    }

    /** A read-only column of text. */
    static <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue() == null ? "" : value.apply(d.getValue())));
        return c;
    }

    /** The form's message line. */
    static Label message(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("plant-message");
        l.setStyle("-fx-text-fill: #1f3a5f; -fx-padding: 4 8 4 8; -fx-background-color: #eef3f9;"
                + " -fx-background-radius: 3;");
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** Adds a labelled field with its error (from the form's errors by field name). */
    static void row(FormGrid grid, PlantForm form, String labelKey, javafx.scene.Node input, String unit, String field) {
        grid.field(Localization.get(labelKey), input, unit, field + "Error", form.errorProperty(field), null);
    }
}
