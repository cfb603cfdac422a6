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

/**
 * Controller of {@code ReportFormView.fxml}: the header rows (label, control, unit, the error under
 * each control), the report type's section laid out by {@link ContentSectionView}, the witness
 * rows, and the live results beside the form, all bound to {@link ReportFormViewModel}. Tab follows
 * the rows; Ctrl+S saves, Ctrl+Enter issues.
 */
public final class ReportFormView {
    private final ReportFormViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private GridPane fields;
    @FXML private GridPane results;
    @FXML private ScrollPane scroll;
    @FXML private Label titleLabel;
    @FXML private Label computedTitle;
    @FXML private Label otherErrorsLabel;
    private final javafx.beans.value.ChangeListener<Node> focusFollower = (obs, old, now) -> ensureVisible(now);
    @FXML private Label statusLabel;
    @FXML private Button saveButton;
    @FXML private Button issueButton;
    @FXML private Button issueExternalButton;
    @FXML private Button submitButton;

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
        titleLabel.setText(viewModel.title());
        computedTitle.textProperty().bind(viewModel.computedTitleProperty());
        FormGrid form = new FormGrid(fields);
        text(form, "reportNumber", null);
        text(form, "commissionNumber", null);
        ComboBox<ProjectChoice> project = new ComboBox<>(viewModel.projects());
        project.setId("projectField");
        project.setMaxWidth(Double.MAX_VALUE);
        project.valueProperty().bindBidirectional(viewModel.projectProperty());
        add(form, "projectId", project, null);
        text(form, "projectPart", null);
        text(form, "sampleName", null);
        text(form, "sampleId", null);
        DatePicker sampling = isoDatePicker();
        sampling.setId("samplingDateField");
        sampling.valueProperty().bindBidirectional(viewModel.samplingDateProperty());
        add(form, "samplingDate", sampling, null);
        DatePicker tested = isoDatePicker();
        tested.setId("testDateField");
        tested.valueProperty().bindBidirectional(viewModel.testDateProperty());
        add(form, "testDate", tested, null);
        ComboBox<String> standard = new ComboBox<>(viewModel.standards());
        standard.setId("standardField");
        standard.setMaxWidth(Double.MAX_VALUE);
        standard.valueProperty().bindBidirectional(viewModel.standardProperty());
        add(form, "standard", standard, null);
        ContentSectionView.build(viewModel.section(), form, results);
        form.title(Localization.get("reports.form.witnessTitle"), null);
        text(form, "witnessName", null);
        text(form, "witnessCertificateNumber", null);
        text(form, "witnessOrganisation", null);
        text(form, "samplerName", null);
        TextField reviewer = new TextField();
        reviewer.setId("reviewerNameField");
        reviewer.textProperty().bindBidirectional(viewModel.reviewerNameProperty());
        reviewer.setEditable(false);
        reviewer.setPromptText(Localization.get("reports.lifecycle.signOffOnIssue"));
        add(form, "reviewerName", reviewer, null);
        TextField approver = new TextField();
        approver.setId("approverNameField");
        approver.textProperty().bindBidirectional(viewModel.approverNameProperty());
        approver.setEditable(false);
        approver.setPromptText(Localization.get("reports.lifecycle.signOffOnIssue"));
        add(form, "approverName", approver, null);
        fields.disableProperty().bind(viewModel.editableProperty().not());
        otherErrorsLabel.textProperty().bind(viewModel.otherErrorsProperty());
        otherErrorsLabel.visibleProperty().bind(otherErrorsLabel.textProperty().isNotEmpty());
        otherErrorsLabel.managedProperty().bind(otherErrorsLabel.visibleProperty());

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

    private void text(FormGrid form, String field, String unit) {
        TextField input = new TextField();
        input.setId(field + "Field");
        input.textProperty().bindBidirectional(viewModel.text(field));
        add(form, field, input, unit);
    }

    private void add(FormGrid form, String field, Node input, String unit) {
        boolean hasError = ReportFormViewModel.HEADER_ERROR_FIELDS.contains(field);
        form.field(Localization.get("reports.field." + field), input, unit, field + "Error",
                hasError ? viewModel.error(field) : null, null);
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
