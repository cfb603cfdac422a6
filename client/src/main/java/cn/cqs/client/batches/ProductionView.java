package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.FormGrid;
import cn.cqs.client.reports.ProjectChoice;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * 生产登记: the production form on the left (one lot chooser per material of the chosen mix design);
 * the server's answer on the right — the production serial number (生产流水号) and its QR code.
 */
public final class ProductionView {
    private ProductionView() {
    }

    public static Node create(ProductionViewModel vm) {
        GridPane gridPane = new GridPane();
        gridPane.setHgap(8);
        gridPane.setVgap(6);
        FormGrid grid = new FormGrid(gridPane);
        grid.title(Localization.get("plant.production.title"), null);
        PlantViews.row(grid, vm, "plant.production.batchId", PlantViews.field("prodBatchId", vm.batchIdProperty(),
                "plant.id.prompt"), null, "batchId");
        ComboBox<ProjectChoice> project = new ComboBox<>(vm.projects());
        project.setId("prodProject");
        project.setPrefWidth(320);
        project.valueProperty().bindBidirectional(vm.projectProperty());
        PlantViews.row(grid, vm, "plant.production.project", project, null, "projectId");
        PlantViews.row(grid, vm, "plant.production.buyer", PlantViews.field("prodBuyer", vm.buyerProperty(), null), null,
                "buyer");
        PlantViews.row(grid, vm, "plant.production.pour", PlantViews.field("prodPour", vm.pourLocationProperty(),
                "plant.production.pour.prompt"), null, "pourLocation");
        ComboBox<LocalMixDesign> mix = new ComboBox<>(vm.mixDesigns());
        mix.setId("prodMixDesign");
        mix.setPrefWidth(320);
        mix.setButtonCell(mixCell());
        mix.setCellFactory(l -> mixCell());
        mix.valueProperty().bindBidirectional(vm.mixDesignProperty());
        PlantViews.row(grid, vm, "plant.production.mixDesign", mix, null, "mixDesignId");
        TextField marking = PlantViews.field("prodMarking", vm.markingProperty(), "plant.marking.prompt");
        Label check = new Label();
        check.setId("prodMarkingCheck");
        check.setWrapText(true);
        check.setMaxWidth(360);
        check.textProperty().bind(vm.markingCheckProperty());
        PlantViews.row(grid, vm, "plant.production.marking", new VBox(2, marking, check), null, "marking");
        PlantViews.row(grid, vm, "plant.production.volume", PlantViews.field("prodVolume", vm.volumeProperty(), null),
                "m³", "volumeM3");
        VBox lots = new VBox(4);
        lots.setId("prodLots");
        Runnable fillLots = () -> {
            lots.getChildren().clear();
            if (vm.lotSlots().isEmpty()) {
                lots.getChildren().add(new Label(Localization.get("plant.production.lots.none")));
            }
            for (LotSlot slot : vm.lotSlots()) {
                ComboBox<LocalLot> box = new ComboBox<>(slot.choices());
                box.setId("prodLot-" + slot.kind().name());
                box.setPrefWidth(300);
                box.setButtonCell(lotCell());
                box.setCellFactory(l -> lotCell());
                box.valueProperty().bindBidirectional(slot.chosenProperty());
                Label name = new Label(PlantTexts.kind(slot.kind()));
                name.setMinWidth(56);
                name.setLabelFor(box);
                HBox line = new HBox(6, name, box, FormGrid.errorLabel("prodLotError-" + slot.kind().name(),
                        slot.errorProperty()));
                line.setAlignment(Pos.CENTER_LEFT);
                lots.getChildren().add(line);
            }
        };
        vm.lotSlots().addListener((ListChangeListener<LotSlot>) c -> fillLots.run());
        fillLots.run();
        PlantViews.row(grid, vm, "plant.production.lots", lots, null, "materialLotIds");
        PlantViews.row(grid, vm, "plant.production.plannedStart", PlantViews.field("prodPlannedStart",
                vm.plannedStartProperty(), "plant.time.prompt"), null, "plannedStart");
        PlantViews.row(grid, vm, "plant.production.contract", PlantViews.field("prodContract",
                vm.contractNumberProperty(), null), null, "contractNumber");
        Button save = new Button(Localization.get("plant.production.save"));
        save.setId("prodSave");
        save.setDefaultButton(true);
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Button next = new Button(Localization.get("plant.production.next"));
        next.setId("prodNext");
        next.setOnAction(e -> vm.next());
        grid.whole(new HBox(8, save, next), null);
        grid.whole(PlantViews.message("prodMessage", vm.messageProperty()), null);
        ScrollPane formScroll = new ScrollPane(gridPane);
        formScroll.setFitToWidth(true);
        formScroll.setPadding(new Insets(4));

        Label serialTitle = new Label(Localization.get("plant.production.serial"));
        serialTitle.getStyleClass().add("form-group-title");
        Label serial = new Label();
        serial.setId("prodSerial");
        serial.setStyle("-fx-font-size: 17px; -fx-font-weight: bold;");
        serial.setWrapText(true);
        serial.textProperty().bind(vm.serialNumberProperty());
        ImageView qr = new ImageView();
        qr.setId("prodQr");
        qr.setFitWidth(220);
        qr.setPreserveRatio(true);
        qr.setSmooth(false);
        qr.imageProperty().bind(vm.qrImageProperty());
        Label waiting = new Label(Localization.get("plant.production.answerHint"));
        waiting.setWrapText(true);
        waiting.visibleProperty().bind(vm.answeredProperty().not());
        waiting.managedProperty().bind(waiting.visibleProperty());
        VBox answer = new VBox(10, serialTitle, serial, qr, waiting);
        answer.setId("prodAnswer");
        answer.setPadding(new Insets(10));
        answer.setPrefWidth(330);
        answer.setStyle("-fx-border-color: #d0d0d0; -fx-border-width: 0 0 0 1;");
        BorderPane root = new BorderPane(formScroll);
        root.setRight(answer);
        root.getProperties().put(ProductionViewModel.class, vm);
        return root;
    }

    private static ListCell<LocalMixDesign> mixCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(LocalMixDesign item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.mixDesignId() + " · " + item.design().marking());
            }
        };
    }

    private static ListCell<LocalLot> lotCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(LocalLot item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ProductionViewModel.lotText(item));
            }
        };
    }
}
