package cn.cqs.client.batches;

import cn.cqs.contract.batches.MaterialKind;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of the mix design's quantities table: a material and its kg per m³ as typed, with its error. */
public final class QuantityLine {
    private final MaterialKind kind;
    private final StringProperty kgPerM3 = new SimpleStringProperty(this, "kgPerM3", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public QuantityLine(MaterialKind kind) {
        this.kind = kind;
    }

    public MaterialKind kind() {
        return kind;
    }

    /** Cement and water are required in every mix design. */
    public boolean required() {
        return kind == MaterialKind.CEMENT || kind == MaterialKind.WATER;
    }

    public StringProperty kgPerM3Property() {
        return kgPerM3;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
