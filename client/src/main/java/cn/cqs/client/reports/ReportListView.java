package cn.cqs.client.reports;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import cn.cqs.client.i18n.Localization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;

/**
 * Controller of {@code ReportListView.fxml}: binds the filter, the table and the credential bar
 * to {@link ReportListViewModel}. Double-click or Enter opens a draft.
 */
public final class ReportListView {
    private final ReportListViewModel viewModel;

    @FXML private HBox credentialBar;
    @FXML private Label credentialLabel;
    @FXML private MenuButton newReportButton;
    @FXML private Button openPdfButton;
    @FXML private Button linkBatchButton;
    @FXML private TextField filterField;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Label summaryLabel;
    @FXML private TableView<ReportRow> table;
    @FXML private TableColumn<ReportRow, String> numberColumn;
    @FXML private TableColumn<ReportRow, String> typeColumn;
    @FXML private TableColumn<ReportRow, String> projectColumn;
    @FXML private TableColumn<ReportRow, String> gradeColumn;
    @FXML private TableColumn<ReportRow, String> strengthColumn;
    @FXML private TableColumn<ReportRow, LocalDate> dateColumn;
    @FXML private TableColumn<ReportRow, String> statusColumn;

    public ReportListView(ReportListViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Parent create(ReportListViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(ReportListView.class.getResource("ReportListView.fxml"), Localization.bundle());
        loader.setControllerFactory(type -> new ReportListView(viewModel));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load ReportListView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        boolean readOnly = viewModel.isReadOnly();
        credentialBar.setVisible(!readOnly);
        credentialBar.setManaged(!readOnly);
        newReportButton.setVisible(!readOnly);
        newReportButton.setManaged(!readOnly);
        for (ReportListViewModel.TypeChoice choice : viewModel.reportTypes()) {
            MenuItem item = new MenuItem(choice.name());
            item.setId("newReport-" + choice.type().name());
            item.setOnAction(e -> viewModel.newReport(choice.type()));
            newReportButton.getItems().add(item);
        }
        openPdfButton.setVisible(viewModel.canOpenPdf());
        openPdfButton.setManaged(viewModel.canOpenPdf());
        linkBatchButton.setVisible(viewModel.offersBatchLinks());
        linkBatchButton.setManaged(viewModel.offersBatchLinks());
        linkBatchButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !ReportListViewModel.linkableToBatch(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty()));
        credentialLabel.textProperty().bind(viewModel.credentialTextProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        for (DatePicker picker : new DatePicker[] {fromPicker, toPicker}) {
            picker.setConverter(new javafx.util.converter.LocalDateStringConverter(
                    java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        }
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label(Localization.get("reports.list.empty")));
        numberColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reportNumber()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().typeName()));
        projectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().projectName()));
        gradeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().designGrade()));
        strengthColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().representativeStrength()));
        dateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().date()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().statusText()));
        table.setRowFactory(t -> {
            TableRow<ReportRow> row = new TableRow<>() {
                @Override
                protected void updateItem(ReportRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("report-refused", "report-waiting", "report-draft");
                    if (!empty && item != null) {
                        switch (item.status()) {
                            case REFUSED -> getStyleClass().add("report-refused");
                            case WAITING -> getStyleClass().add("report-waiting");
                            case DRAFT -> getStyleClass().add("report-draft");
                            default -> { }
                        }
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        openPdfButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                    ReportRow r = table.getSelectionModel().getSelectedItem();
                    return r != null && r.status() == ReportRowStatus.DRAFT;
                }, table.getSelectionModel().selectedItemProperty())));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
            }
        });
    }

    @FXML
    private void openPdf() {
        viewModel.openPdf(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void linkToBatch() {
        viewModel.linkToBatch(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void importCredential() {
        viewModel.importCredential();
    }
}
