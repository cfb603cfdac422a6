package cn.cqs.client.batches;

import cn.cqs.contract.batches.MaterialKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One material of the chosen mix design on the production form: the registered lots of that kind to
 * choose from (newest arrival first) and the lot chosen (at least one lot per material is required).
 */
public final class LotSlot {
    private final MaterialKind kind;
    private final ObservableList<LocalLot> choices = FXCollections.observableArrayList();
    private final ObjectProperty<LocalLot> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public LotSlot(MaterialKind kind) {
        this.kind = kind;
    }

    public MaterialKind kind() {
        return kind;
    }

    public ObservableList<LocalLot> choices() {
        return choices;
    }

    public ObjectProperty<LocalLot> chosenProperty() {
        return chosen;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
