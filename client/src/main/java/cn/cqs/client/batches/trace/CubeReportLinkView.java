package cn.cqs.client.batches.trace;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.trace.CubeReportCandidate;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The 关联试块报告 dialog's content: which batch, a filter, the candidate cube reports (those linked
 * already greyed and marked), the message line (refusals in red) and 关联 / 取消. Enter or a double
 * click links the selected report. Only binds to {@link CubeReportLinkViewModel}.
 */
public final class CubeReportLinkView {
    private CubeReportLinkView() {
    }

    public static Parent create(CubeReportLinkViewModel vm) {
        Label heading = new Label(vm.heading());
        heading.setId("linkHeading");
        heading.setWrapText(true);
        heading.setStyle("-fx-font-weight: bold;");
        TextField filter = new TextField();
        filter.setId("linkFilter");
        filter.setPromptText(Localization.get("trace.link.filter"));
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        HBox filterLine = new HBox(8, new Label(Localization.get("trace.link.filterLabel")), filter, progress);
        filterLine.setAlignment(Pos.CENTER_LEFT);

        TableView<CubeReportCandidate> table = new TableView<>(vm.candidates());
        table.setId("linkCandidates");
        table.setPlaceholder(new Label(Localization.get("trace.link.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("trace.reports.number", 145, CubeReportCandidate::reportNumber));
        table.getColumns().add(column("trace.reports.lab", 210, CubeReportCandidate::labName));
        table.getColumns().add(column("trace.reports.part", 120, CubeReportCandidate::projectPart));
        table.getColumns().add(column("trace.reports.grade", 60, CubeReportCandidate::designGrade));
        table.getColumns().add(column("trace.reports.strength", 80, c -> TraceTexts.decimal(c.representativeStrengthMpa())));
        table.getColumns().add(column("trace.reports.conclusion", 70, c -> TraceTexts.conclusion(c.conclusion())));
        table.getColumns().add(column("trace.link.samplingDate", 90, c -> TraceTexts.day(c.samplingDate())));
        table.getColumns().add(column("trace.link.issuedAt", 120, c -> TraceTexts.time(c.issuedAt())));
        table.getColumns().add(column("trace.link.state", 60, c -> Localization.get(c.linked()
                ? "trace.link.linked" : "trace.link.unlinked")));
        table.setRowFactory(t -> {
            TableRow<CubeReportCandidate> row = new TableRow<>() {
                @Override
                protected void updateItem(CubeReportCandidate item, boolean empty) {
                    super.updateItem(item, empty);
                    setStyle(!empty && item != null && item.linked() ? "-fx-opacity: 0.55;" : "");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.link();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.link();
                e.consume();
            }
        });

        Label message = new Label();
        message.setId("linkMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.styleProperty().bind(Bindings.when(vm.failedProperty()).then("-fx-text-fill: #b3261e;")
                .otherwise("-fx-text-fill: #444444;"));
        Button link = new Button(Localization.get("trace.link.confirm"));
        link.setId("linkConfirmButton");
        link.setDefaultButton(true);
        link.disableProperty().bind(vm.canLinkProperty().not());
        link.setOnAction(e -> vm.link());
        Button cancel = new Button(Localization.get("trace.link.cancel"));
        cancel.setId("linkCancelButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(8, message, gap, link, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox top = new VBox(8, heading, filterLine);
        BorderPane root = new BorderPane(table);
        root.setTop(top);
        root.setBottom(buttons);
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(12));
        root.setId("cubeReportLinkDialog");
        root.getProperties().put(CubeReportLinkViewModel.class, vm);
        return root;
    }

    private static TableColumn<CubeReportCandidate, String> column(String key, double width,
                                                                   Function<CubeReportCandidate, String> value) {
        TableColumn<CubeReportCandidate, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(TraceTexts.text(value.apply(cell.getValue()))));
        return c;
    }
}
