package cn.cqs.client.reports;

import cn.cqs.client.i18n.Localization;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code ReportFormView.fxml}: one row per field (label, control, unit), the error
 * under each control, the computed values beside the form, all bound to
 * {@link ReportFormViewModel}. Tab follows the rows; Ctrl+S saves, Ctrl+Enter issues.
 */
public final class ReportFormView {
    private final ReportFormViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private GridPane fields;
    @FXML private GridPane results;
    @FXML private ScrollPane scroll;
    private final javafx.beans.value.ChangeListener<Node> focusFollower = (obs, old, now) -> ensureVisible(now);
    @FXML private Label statusLabel;
    @FXML private Button saveButton;
    @FXML private Button issueButton;
    @FXML private Button issueExternalButton;
    @FXML private Button submitButton;
    private int row;

    public ReportFormView(ReportFormViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent create(ReportFormViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(ReportFormView.class.getResource("ReportFormView.fxml"), Localization.bundle());
        loader.setControllerFactory(type -> new ReportFormView(viewModel));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load ReportFormView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        text("reportNumber", null);
        text("commissionNumber", null);
        ComboBox<ProjectChoice> project = new ComboBox<>(viewModel.projects());
        project.setId("projectField");
        project.setMaxWidth(Double.MAX_VALUE);
        project.valueProperty().bindBidirectional(viewModel.projectProperty());
        add("projectId", project, null);
        text("projectPart", null);
        text("sampleName", null);
        text("sampleId", null);
        text("representativeQuantityM3", "m³");
        DatePicker sampling = isoDatePicker();
        sampling.setId("samplingDateField");
        sampling.valueProperty().bindBidirectional(viewModel.samplingDateProperty());
        add("samplingDate", sampling, null);
        DatePicker tested = isoDatePicker();
        tested.setId("testDateField");
        tested.valueProperty().bindBidirectional(viewModel.testDateProperty());
        add("testDate", tested, null);
        text("curingAgeDays", Localization.get("reports.unit.days"));
        text("standard", null);
        text("designGrade", null);
        ComboBox<Integer> size = new ComboBox<>();
        size.getItems().setAll(viewModel.specimenSizes());
        size.setId("specimenSizeField");
        size.valueProperty().bindBidirectional(viewModel.specimenSizeProperty());
        add("specimenSizeMm", size, "mm");
        for (int i = 0; i < 3; i++) {
            text("specimens[" + i + "].failureLoadKn", "kN");
        }
        text("testedSizeFactor", null);
        text("witnessName", null);
        text("witnessCertificateNumber", null);
        text("witnessOrganisation", null);
        text("samplerName", null);
        TextField reviewer = new TextField();
        reviewer.setId("reviewerNameField");
        reviewer.textProperty().bindBidirectional(viewModel.reviewerNameProperty());
        reviewer.setEditable(false);
        reviewer.setPromptText(Localization.get("reports.lifecycle.signOffOnIssue"));
        add("reviewerName", reviewer, null);
        TextField approver = new TextField();
        approver.setId("approverNameField");
        approver.textProperty().bindBidirectional(viewModel.approverNameProperty());
        approver.setEditable(false);
        approver.setPromptText(Localization.get("reports.lifecycle.signOffOnIssue"));
        add("approverName", approver, null);
        fields.disableProperty().bind(viewModel.editableProperty().not());

        int r = 0;
        for (int i = 0; i < 3; i++) {
            result(r++, Localization.get("reports.computed.specimen", i + 1), "specimenStrength" + (i + 1),
                    viewModel.specimenStrength(i));
        }
        result(r++, Localization.get("reports.computed.method"), "methodValue", viewModel.methodProperty());
        result(r++, Localization.get("reports.computed.representative"), "representativeValue",
                viewModel.representativeStrengthProperty());
        result(r++, Localization.get("reports.computed.percent"), "percentValue", viewModel.percentOfGradeProperty());
        result(r++, Localization.get("reports.computed.conclusion"), "conclusionValue", viewModel.conclusionProperty());
        result(r, Localization.get("reports.computed.loadingRate"), "loadingRateValue", viewModel.loadingRateHintProperty());

        statusLabel.textProperty().bind(viewModel.statusProperty());
        saveButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.editableProperty().not()));
        submitButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.editableProperty().not()));
        issueButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.editableProperty().not())
                .or(viewModel.mayIssueProperty().not()));
        issueExternalButton.disableProperty().bind(issueButton.disableProperty());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(SAVE);
                old.getAccelerators().remove(ISSUE);
                old.focusOwnerProperty().removeListener(focusFollower);
            }
            if (scene != null) {
                installShortcuts(scene);
                scene.focusOwnerProperty().addListener(focusFollower);
            }
        });
    }

    /** A date picker showing and reading dates as 2026-03-02, whatever the machine's locale. */
    private static DatePicker isoDatePicker() {
        DatePicker picker = new DatePicker();
        picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setPromptText("yyyy-mm-dd");
        return picker;
    }

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ISSUE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(SAVE, viewModel::save);
        scene.getAccelerators().put(ISSUE, viewModel::issue);
    }

    /** Scrolls the form so the control that got the focus (e.g. by Tab) is in view. */
    private void ensureVisible(Node focused) {
        if (focused == null || !isInside(focused, fields)) {
            return;
        }
        Node content = scroll.getContent();
        Bounds node = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double margin = 24;
        if (node.getMinY() - margin < top) {
            scroll.setVvalue(Math.max(0, (node.getMinY() - margin) / (contentHeight - viewport)));
        } else if (node.getMaxY() + margin > top + viewport) {
            scroll.setVvalue(Math.min(1, (node.getMaxY() + margin - viewport) / (contentHeight - viewport)));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void text(String field, String unit) {
        TextField input = new TextField();
        input.setId(fieldId(field));
        input.textProperty().bindBidirectional(viewModel.text(field));
        add(field, input, unit);
    }

    private void add(String field, Node input, String unit) {
        Label label = new Label(Localization.get("reports.field." + field.replaceAll("\\[\\d]", "")
                + (field.startsWith("specimens[") ? "" : "")) + suffix(field));
        label.setMinWidth(Label.USE_PREF_SIZE);
        label.setLabelFor(input);
        VBox cell = new VBox(1, input);
        if (ReportFormViewModel.ERROR_FIELDS.contains(field)) {
            Label error = new Label();
            error.setId(fieldId(field).replace("Field", "Error"));
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(viewModel.error(field));
            error.visibleProperty().bind(error.textProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            cell.getChildren().add(error);
        }
        fields.add(label, 0, row);
        fields.add(cell, 1, row);
        if (unit != null) {
            fields.add(new Label(unit), 2, row);
        }
        row++;
    }

    private static String suffix(String field) {
        if (field.startsWith("specimens[")) {
            return " " + (Integer.parseInt(field.substring(10, 11)) + 1);
        }
        return "";
    }

    /** {@code specimens[1].failureLoadKn} -> {@code load2Field}; {@code sampleId} -> {@code sampleIdField}. */
    static String fieldId(String field) {
        if (field.startsWith("specimens[")) {
            return "load" + (Integer.parseInt(field.substring(10, 11)) + 1) + "Field";
        }
        return field + "Field";
    }

    private void result(int r, String caption, String id, javafx.beans.value.ObservableValue<String> value) {
        Label name = new Label(caption);
        name.setMinWidth(Label.USE_PREF_SIZE);
        Label shown = new Label();
        shown.setId(id);
        shown.setWrapText(true);
        shown.getStyleClass().add("computed-value");
        shown.textProperty().bind(value);
        results.add(name, 0, r);
        results.add(shown, 1, r);
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void submitForReview() {
        viewModel.submitForReview();
    }

    @FXML
    private void issue() {
        viewModel.issue();
    }

    @FXML
    private void issueWithExternalPdf() {
        viewModel.issueWithExternalPdf();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
