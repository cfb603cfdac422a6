package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** 导入: choose a CSV/Excel file, see every row with its status and reason, confirm to queue the good rows. */
public final class PlantImportView {
    private PlantImportView() {
    }

    public static Node create(PlantImportViewModel vm) {
        Button choose = new Button(Localization.get("plant.import.choose"));
        choose.setId("importChoose");
        choose.setOnAction(e -> vm.chooseFile());
        choose.disableProperty().bind(vm.busyProperty().isEqualTo(true));
        Label file = new Label();
        file.setId("importFile");
        file.textProperty().bind(vm.fileNameProperty());
        Button confirm = new Button(Localization.get("plant.import.confirm"));
        confirm.setId("importConfirm");
        confirm.getStyleClass().add("primary");
        confirm.disableProperty().bind(vm.canConfirmProperty().not());
        confirm.setOnAction(e -> vm.confirm());
        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());
        HBox tools = new HBox(10, choose, file, confirm, progress);
        tools.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("importSummary");
        summary.textProperty().bind(vm.summaryProperty());
        Label message = PlantViews.message("importMessage", vm.messageProperty());
        Label help = new Label(Localization.get("plant.import.help"));
        help.setWrapText(true);
        help.setId("importHelp");
        // a wrapping label in a VBox is otherwise held to one line and cut ("选择文件后逐行…")
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        TableView<ImportRow> table = new TableView<>(vm.rows());
        table.setId("importTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(PlantViews.column("plant.import.col.line", 50, r -> String.valueOf(r.line())));
        table.getColumns().add(PlantViews.column("plant.import.col.status", 70, PlantImportViewModel::status));
        table.getColumns().add(PlantViews.column("plant.import.col.summary", 300, ImportRow::summary));
        table.getColumns().add(PlantViews.column("plant.import.col.column", 110, r -> r.column() == null ? "" : r.column()));
        table.getColumns().add(PlantViews.column("plant.import.col.reason", 400, r -> r.reason() == null ? "" : r.reason()));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ImportRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("batch-flagged");
                if (!empty && item != null && !item.ok()) {
                    getStyleClass().add("batch-flagged");
                }
            }
        });
        table.setPlaceholder(new Label(Localization.get("plant.import.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox root = new VBox(8, help, tools, summary, message, table);
        root.setPadding(new Insets(8));
        root.getProperties().put(PlantImportViewModel.class, vm);
        return root;
    }
}
