package cn.cqs.client.reports;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The report form's field grid as the views fill it: one row per field (label, control with its
 * error underneath, unit), section titles and whole-width blocks, in tab order. View code only.
 */
public final class FormGrid {
    private final GridPane grid;
    private int row;

    public FormGrid(GridPane grid) {
        this.grid = grid;
    }

    /**
     * Adds a labelled row.
     *
     * @param error   the error text under the control, or null for none
     * @param visible whether the row is shown, or null for always
     */
    public void field(String caption, Node input, String unit, String errorId, ObservableValue<String> error,
                      ObservableBooleanValue visible) {
        Label label = new Label(caption);
        label.setMinWidth(Label.USE_PREF_SIZE);
        label.setLabelFor(input);
        VBox cell = new VBox(1, input);
        if (error != null) {
            cell.getChildren().add(errorLabel(errorId, error));
        }
        grid.add(label, 0, row);
        grid.add(cell, 1, row);
        Label unitLabel = null;
        if (unit != null) {
            unitLabel = new Label(unit);
            unitLabel.setMinWidth(Label.USE_PREF_SIZE);
            grid.add(unitLabel, 2, row);
        }
        if (visible != null) {
            for (Node n : new Node[] {label, cell, unitLabel}) {
                if (n != null) {
                    n.visibleProperty().bind(visible);
                    n.managedProperty().bind(visible);
                }
            }
        }
        row++;
    }

    /** Adds a title over the next rows. */
    public void title(String text, ObservableBooleanValue visible) {
        Label title = new Label(text);
        title.getStyleClass().add("form-group-title");
        whole(title, visible);
    }

    /** Adds a node over the whole width. */
    public void whole(Node node, ObservableBooleanValue visible) {
        grid.add(node, 0, row, 3, 1);
        GridPane.setHalignment(node, javafx.geometry.HPos.LEFT);
        if (visible != null) {
            node.visibleProperty().bind(visible);
            node.managedProperty().bind(visible);
        }
        row++;
    }

    /** An error label bound to {@code error}, shown only while it has text. */
    public static Label errorLabel(String id, ObservableValue<String> error) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.textProperty().bind(error);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
