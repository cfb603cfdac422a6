package cn.cqs.client.batches.dosing;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.dosing.DosingCsvError;
import cn.cqs.contract.batches.dosing.DosingRecord;
import cn.cqs.contract.time.ChinaTime;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * 投料数据导入, built in code: the file and the computer-control flag, the batches the file holds,
 * the preview of its plates and its bad rows, and the selected batch's deviation report. Only binds
 * controls to {@link DosingImportViewModel}.
 */
public final class DosingImportView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);

    private DosingImportView() {
    }

    public static Parent create(DosingImportViewModel vm) {
        Button choose = new Button(Localization.get("dosing.import.choose"));
        choose.setId("dosingChooseButton");
        choose.disableProperty().bind(vm.busyProperty());
        choose.setOnAction(e -> vm.chooseFile());
        Label file = new Label();
        file.setId("dosingFile");
        file.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.fileProperty().get() == null
                ? Localization.get("dosing.import.noFile") : vm.fileProperty().get().getFileName().toString(), vm.fileProperty()));
        CheckBox computer = new CheckBox(Localization.get("dosing.import.computerControlled"));
        computer.setId("dosingComputerControlled");
        computer.selectedProperty().bindBidirectional(vm.computerControlledProperty());
        Button send = new Button(Localization.get("dosing.import.send"));
        send.setId("dosingSendButton");
        send.setDefaultButton(true);
        send.disableProperty().bind(vm.canSendProperty().not());
        send.setOnAction(e -> vm.send());
        Button refresh = new Button(Localization.get("dosing.report.refresh"));
        refresh.setId("dosingRefreshButton");
        refresh.disableProperty().bind(vm.selectedProperty().isNull());
        refresh.setOnAction(e -> vm.refreshReport());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("dosingStatus");
        status.textProperty().bind(vm.statusProperty());
        FlowPane bar = new FlowPane(8, 8, choose, file, computer, send, refresh, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10));

        TableView<ImportedBatch> batches = new TableView<>(vm.batches());
        batches.setId("dosingBatches");
        batches.setPlaceholder(new Label(Localization.get("dosing.import.noBatches")));
        batches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        batches.getColumns().add(column("dosing.import.column.serialNumber", 215, ImportedBatch::serialNumber));
        batches.getColumns().add(column("dosing.import.column.batchId", 140,
                b -> b.known() ? b.batchId() : Localization.get("dosing.import.unknownBatch")));
        batches.getColumns().add(column("dosing.import.column.plates", 60, b -> Integer.toString(b.plates().size())));
        batches.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != batches.getSelectionModel().getSelectedItem()) {
                batches.getSelectionModel().select(b);
            }
        });

        TableView<DosingRecord> preview = new TableView<>(vm.plates());
        preview.setId("dosingPreview");
        preview.setPlaceholder(new Label(Localization.get("dosing.import.noPlates")));
        Runnable previewColumns = () -> {
            preview.getColumns().clear();
            preview.getColumns().add(plateColumn("dosing.import.column.serialNumber", 190, DosingRecord::serialNumber));
            preview.getColumns().add(plateColumn("dosing.report.column.plate", 50, r -> Integer.toString(r.plateNo())));
            preview.getColumns().add(plateColumn("dosing.report.column.time", 150, r -> TIME.format(r.time())));
            preview.getColumns().add(plateColumn("dosing.report.column.volume", 70, r -> plain(r.volumeM3())));
            for (MaterialKind kind : vm.materials()) {
                preview.getColumns().add(plateColumn(null, 90, r -> r.kg(kind) == null ? "" : plain(r.kg(kind))));
                preview.getColumns().get(preview.getColumns().size() - 1).setText(DosingReportLines.material(kind));
            }
        };
        previewColumns.run();
        vm.materials().addListener((ListChangeListener<MaterialKind>) c -> previewColumns.run());

        TableView<DosingCsvError> errors = new TableView<>(vm.errors());
        errors.setId("dosingErrors");
        errors.setPlaceholder(new Label(Localization.get("dosing.import.noErrors")));
        errors.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DosingCsvError, Number> row = new TableColumn<>(Localization.get("dosing.import.column.row"));
        row.setPrefWidth(60);
        row.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row()));
        errors.getColumns().add(row);
        errors.getColumns().add(errorColumn("dosing.import.column.column", 100, e -> e.column() == null ? "" : e.column()));
        errors.getColumns().add(errorColumn("dosing.import.column.problem", 150, DosingImportViewModel::problemText));
        errors.getColumns().add(errorColumn("dosing.import.column.message", 420, DosingCsvError::message));
        errors.setStyle("-fx-border-color: transparent;");

        Tab previewTab = new Tab(Localization.get("dosing.import.tab.preview"), preview);
        Tab errorsTab = new Tab(Localization.get("dosing.import.tab.errors"), errors);
        errorsTab.setId("dosingErrorsTab");
        vm.errors().addListener((ListChangeListener<DosingCsvError>) c -> {
            errorsTab.setText(Localization.get("dosing.import.tab.errorsCount", vm.errors().size()));
            errorsTab.getTabPane().getSelectionModel().select(vm.errors().isEmpty() ? previewTab : errorsTab);
        });
        TabPane tabs = new TabPane(previewTab, errorsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Label reportTitle = new Label(Localization.get("dosing.report.title"));
        reportTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        VBox report = new VBox(4, reportTitle, DosingReportTable.create("dosingReport", vm.reportLines(),
                vm.reportMaterials(), vm.conclusionProperty()));
        VBox.setVgrow(report.getChildren().get(1), Priority.ALWAYS);

        SplitPane upper = new SplitPane(batches, tabs);
        upper.setDividerPositions(0.36);
        SplitPane centre = new SplitPane(upper, report);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.5);
        centre.setPadding(new Insets(0, 10, 10, 10));

        BorderPane root = new BorderPane(centre);
        root.setTop(bar);
        root.setId("dosingImportScreen");
        root.getProperties().put(DosingImportViewModel.class, vm);
        return root;
    }

    private static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    private static TableColumn<ImportedBatch, String> column(String key, double width, Function<ImportedBatch, String> value) {
        TableColumn<ImportedBatch, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<DosingRecord, String> plateColumn(String key, double width, Function<DosingRecord, String> value) {
        TableColumn<DosingRecord, String> c = new TableColumn<>(key == null ? "" : Localization.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<DosingCsvError, String> errorColumn(String key, double width,
                                                                  Function<DosingCsvError, String> value) {
        TableColumn<DosingCsvError, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
