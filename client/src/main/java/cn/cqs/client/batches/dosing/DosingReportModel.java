package cn.cqs.client.batches.dosing;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.dosing.BatchDosing;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One batch's deviation report (投料偏差报告) as {@link DosingReportTable} shows it: its lines, the
 * materials (columns) and the conclusion line. Held by every screen that shows such a report (the
 * plant's 投料数据导入 and the regulators' 搅拌站投料监管), filled in one way. Use on the JavaFX thread.
 */
public final class DosingReportModel {
    private final ObservableList<DosingReportLines.Line> lines = FXCollections.observableArrayList();
    private final ObservableList<MaterialKind> materials = FXCollections.observableArrayList();
    private final StringProperty conclusion = new SimpleStringProperty(this, "conclusion", "");

    /** Shows the batch's report; a batch without dosing data says so; null shows nothing. */
    public void show(BatchDosing dosing) {
        if (dosing == null || dosing.report() == null) {
            showMessage(dosing == null ? "" : Localization.get("dosing.report.noData"));
            return;
        }
        materials.setAll(DosingReportLines.materials(dosing.report()));
        lines.setAll(DosingReportLines.lines(dosing.report()));
        conclusion.set(DosingReportLines.conclusion(dosing.report()));
    }

    /** No report, only {@code message} in the conclusion line (empty for none). */
    public void showMessage(String message) {
        lines.clear();
        materials.clear();
        conclusion.set(message);
    }

    public ObservableList<DosingReportLines.Line> lines() {
        return lines;
    }

    public ObservableList<MaterialKind> materials() {
        return materials;
    }

    public StringProperty conclusionProperty() {
        return conclusion;
    }
}
