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

    /**
     * A report number field with 扫描报告二维码… and 清除 beside it, what the scanned code is under it
     * (number, issuer, 已核验 in green; why it will not be accepted in red) and the server's error on the
     * token field. Ids: {@code <prefix>ScanReport}, {@code <prefix>ClearReport}, {@code <prefix>ReportSummary},
     * {@code <prefix>ReportTokenError}.
     */
    static javafx.scene.Node reportField(String prefix, TextField number, ScannedReport scanned,
                                         ObservableValue<String> tokenError) {
        javafx.scene.control.Button scan = new javafx.scene.control.Button(Localization.get("plant.report.scan"));
        scan.setId(prefix + "ScanReport");
        scan.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the number field gives way, not the button's words
        scan.disableProperty().bind(scanned.availableProperty().not().or(scanned.readingProperty()));
        scan.setOnAction(e -> scanned.choose());
        javafx.scene.control.Button clear = new javafx.scene.control.Button(Localization.get("plant.report.clear"));
        clear.setId(prefix + "ClearReport");
        clear.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        clear.visibleProperty().bind(scanned.summaryProperty().isNotEmpty());
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(e -> scanned.clear());
        javafx.scene.layout.HBox.setHgrow(number, javafx.scene.layout.Priority.ALWAYS);
        number.setPrefColumnCount(14);
        number.setMinWidth(60);
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(6, number, scan, clear);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId(prefix + "ReportSummary");
        summary.setWrapText(true);
        summary.setMaxWidth(420);
        summary.textProperty().bind(scanned.summaryProperty());
        summary.styleProperty().bind(javafx.beans.binding.Bindings.when(scanned.verifiedProperty())
                .then("-fx-text-fill: #1b6e2a; -fx-font-weight: bold;").otherwise("-fx-text-fill: #8a4b00;"));
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        return new javafx.scene.layout.VBox(2, line, summary, FormGrid.errorLabel(prefix + "ReportTokenError", tokenError));
    }

    /** Adds a labelled field with its error (from the form's errors by field name). */
    static void row(FormGrid grid, PlantForm form, String labelKey, javafx.scene.Node input, String unit, String field) {
        grid.field(Localization.get(labelKey), input, unit, field + "Error", form.errorProperty(field), null);
    }

    /**
     * Dates in the plant screens are shown and typed as yyyy-MM-dd (2026-11-24), as everywhere else in
     * the client, whatever the computer's locale would make of them (11/24/2026, 2026/11/24).
     */
    static void isoDates(javafx.scene.control.DatePicker... pickers) {
        for (javafx.scene.control.DatePicker picker : pickers) {
            picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
                    java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
            picker.setPromptText("yyyy-mm-dd");
        }
    }
}
