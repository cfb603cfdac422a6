package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.FormGrid;
import cn.cqs.contract.batches.MaterialKind;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** 原材料进厂登记: the intake form on the left, the registered lots (filtered by kind) on the right. */
public final class MaterialIntakeView {
    private MaterialIntakeView() {
    }

    public static Node create(MaterialIntakeViewModel vm) {
        GridPane gridPane = new GridPane();
        gridPane.setHgap(8);
        gridPane.setVgap(6);
        FormGrid grid = new FormGrid(gridPane);
        grid.title(Localization.get("plant.intake.title"), null);
        ComboBox<MaterialKind> kind = kindBox("intakeKind", MaterialIntakeViewModel.kinds(), false);
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        PlantViews.row(grid, vm, "plant.intake.lotId", PlantViews.field("intakeLotId", vm.lotIdProperty(),
                "plant.id.prompt"), null, "lotId");
        PlantViews.row(grid, vm, "plant.intake.kind", kind, null, "kind");
        PlantViews.row(grid, vm, "plant.intake.specification", PlantViews.field("intakeSpecification",
                vm.specificationProperty(), "plant.intake.specification.prompt"), null, "specification");
        PlantViews.row(grid, vm, "plant.intake.supplier", PlantViews.field("intakeSupplier", vm.supplierProperty(), null),
                null, "supplier");
        PlantViews.row(grid, vm, "plant.intake.manufacturer", PlantViews.field("intakeManufacturer",
                vm.manufacturerProperty(), null), null, "manufacturer");
        PlantViews.row(grid, vm, "plant.intake.lotNumber", PlantViews.field("intakeLotNumber", vm.lotNumberProperty(),
                null), null, "lotNumber");
        PlantViews.row(grid, vm, "plant.intake.quantity", PlantViews.field("intakeQuantity", vm.quantityProperty(), null),
                "t", "quantityTonnes");
        PlantViews.row(grid, vm, "plant.intake.arrivedAt", PlantViews.field("intakeArrivedAt", vm.arrivedAtProperty(),
                "plant.time.prompt"), null, "arrivedAt");
        PlantViews.row(grid, vm, "plant.intake.testReport", PlantViews.reportField("intake", PlantViews.field(
                "intakeTestReport", vm.testReportNumberProperty(), null), vm.testReport(), vm.errorProperty("testReportToken")),
                null, "testReportNumber");
        Button save = new Button(Localization.get("plant.intake.save"));
        save.setId("intakeSave");
        save.setDefaultButton(true);
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        grid.whole(save, null);
        grid.whole(PlantViews.message("intakeMessage", vm.messageProperty()), null);
        ScrollPane formScroll = new ScrollPane(gridPane);
        formScroll.setFitToWidth(true);
        formScroll.setPadding(new Insets(4));

        ComboBox<MaterialKind> filter = kindBox("intakeKindFilter", withAll(), true);
        filter.valueProperty().bindBidirectional(vm.kindFilterProperty());
        HBox tools = new HBox(8, new Label(Localization.get("plant.intake.filter")), filter);
        tools.setAlignment(Pos.CENTER_LEFT);
        TableView<LocalLot> table = new TableView<>(vm.lots());
        cn.cqs.client.shell.ReadableHeaders.keep(table);
        table.setId("intakeTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(PlantViews.column("plant.intake.col.lotId", 150, LocalLot::lotId));
        table.getColumns().add(PlantViews.column("plant.intake.col.kind", 70, l -> PlantTexts.kind(l.intake().kind())));
        table.getColumns().add(PlantViews.column("plant.intake.col.spec", 90, l -> l.intake().specification()));
        table.getColumns().add(PlantViews.column("plant.intake.col.manufacturer", 170, l -> l.intake().manufacturer()));
        table.getColumns().add(PlantViews.column("plant.intake.col.lotNumber", 130, l -> l.intake().lotNumber()));
        table.getColumns().add(PlantViews.column("plant.intake.col.quantity", 70,
                l -> PlantTexts.decimal(l.intake().quantityTonnes())));
        table.getColumns().add(PlantViews.column("plant.intake.col.arrived", 130, vm::arrived));
        table.getColumns().add(PlantViews.column("plant.intake.col.status", 80, MaterialIntakeViewModel::status));
        table.setPlaceholder(new Label(Localization.get("plant.intake.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox right = new VBox(8, tools, table);
        right.setPadding(new Insets(4));
        SplitPane split = new SplitPane(formScroll, right);
        split.setDividerPositions(0.42);
        split.getProperties().put(MaterialIntakeViewModel.class, vm);
        return split;
    }

    private static List<MaterialKind> withAll() {
        List<MaterialKind> all = new ArrayList<>();
        all.add(null);
        all.addAll(MaterialIntakeViewModel.kinds());
        return all;
    }

    static ComboBox<MaterialKind> kindBox(String id, List<MaterialKind> kinds, boolean allowAll) {
        ComboBox<MaterialKind> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(kinds);
        box.setButtonCell(kindCell());
        box.setCellFactory(l -> kindCell());
        return box;
    }

    private static ListCell<MaterialKind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(MaterialKind item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : PlantTexts.kind(item));
            }
        };
    }
}
