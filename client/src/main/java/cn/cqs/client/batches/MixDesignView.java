package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.FormGrid;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * 配合比: the form (marking checked as typed, one kg/m³ field per material in a quantities table) on
 * the left, the plant's mix designs on the right.
 */
public final class MixDesignView {
    private MixDesignView() {
    }

    public static Node create(MixDesignViewModel vm) {
        GridPane gridPane = new GridPane();
        gridPane.setHgap(8);
        gridPane.setVgap(6);
        FormGrid grid = new FormGrid(gridPane);
        grid.title(Localization.get("plant.mix.title"), null);
        PlantViews.row(grid, vm, "plant.mix.id", PlantViews.field("mixId", vm.mixDesignIdProperty(), "plant.id.prompt"),
                null, "mixDesignId");
        TextField marking = PlantViews.field("mixMarking", vm.markingProperty(), "plant.marking.prompt");
        Label check = new Label();
        check.setId("mixMarkingCheck");
        check.setWrapText(true);
        check.setMaxWidth(360);
        check.textProperty().bind(vm.markingCheckProperty());
        check.styleProperty().bind(javafx.beans.binding.Bindings.when(vm.markingValidProperty())
                .then("-fx-text-fill: #1b6e2a;").otherwise("-fx-text-fill: #b3261e;"));
        VBox markingBox = new VBox(2, marking, check);
        PlantViews.row(grid, vm, "plant.mix.marking", markingBox, null, "marking");

        GridPane table = new GridPane();
        table.setId("mixQuantities");
        table.setHgap(8);
        table.setVgap(4);
        table.getStyleClass().add("quantities-table");
        Label h1 = new Label(Localization.get("plant.mix.col.material"));
        Label h2 = new Label(Localization.get("plant.mix.col.kg"));
        h1.getStyleClass().add("form-group-title");
        h2.getStyleClass().add("form-group-title");
        table.add(h1, 0, 0);
        table.add(h2, 1, 0);
        int r = 1;
        for (QuantityLine line : vm.quantities()) {
            Label name = new Label(PlantTexts.kind(line.kind()) + (line.required() ? " *" : ""));
            TextField kg = new TextField();
            kg.setId("mixKg-" + line.kind().name());
            kg.setPrefColumnCount(8);
            kg.textProperty().bindBidirectional(line.kgPerM3Property());
            name.setLabelFor(kg);
            table.add(name, 0, r);
            table.add(kg, 1, r);
            table.add(new Label("kg/m³"), 2, r);
            table.add(FormGrid.errorLabel("mixKgError-" + line.kind().name(), line.errorProperty()), 3, r);
            r++;
        }
        PlantViews.row(grid, vm, "plant.mix.quantities", table, null, "quantities");
        PlantViews.row(grid, vm, "plant.mix.trialReport", PlantViews.reportField("mix", PlantViews.field("mixTrialReport",
                vm.trialReportNumberProperty(), null), vm.trialReport(), vm.errorProperty("trialReportToken")),
                null, "trialReportNumber");
        DatePicker from = new DatePicker();
        from.setId("mixValidFrom");
        from.valueProperty().bindBidirectional(vm.validFromProperty());
        DatePicker to = new DatePicker();
        to.setId("mixValidTo");
        to.valueProperty().bindBidirectional(vm.validToProperty());
        PlantViews.isoDates(from, to);
        PlantViews.row(grid, vm, "plant.mix.validFrom", from, null, "validFrom");
        PlantViews.row(grid, vm, "plant.mix.validTo", to, null, "validTo");
        Button save = new Button(Localization.get("plant.mix.save"));
        save.setId("mixSave");
        save.setDefaultButton(true);
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        grid.whole(save, null);
        grid.whole(PlantViews.message("mixMessage", vm.messageProperty()), null);
        ScrollPane formScroll = new ScrollPane(gridPane);
        formScroll.setFitToWidth(true);
        formScroll.setPadding(new Insets(4));

        TableView<LocalMixDesign> list = new TableView<>(vm.designs());
        cn.cqs.client.shell.ReadableHeaders.keep(list);
        list.setId("mixTable");
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.getColumns().add(PlantViews.column("plant.mix.col.id", 110, LocalMixDesign::mixDesignId));
        list.getColumns().add(PlantViews.column("plant.mix.col.marking", 190, d -> d.design().marking()));
        list.getColumns().add(PlantViews.column("plant.mix.col.quantities", 240, MixDesignViewModel::quantitiesText));
        list.getColumns().add(PlantViews.column("plant.mix.col.validity", 160, MixDesignViewModel::validity));
        list.getColumns().add(PlantViews.column("plant.mix.col.status", 70,
                d -> Localization.get(d.confirmed() ? "plant.status.confirmed" : "plant.status.waiting")));
        list.setPlaceholder(new Label(Localization.get("plant.mix.empty")));
        Button copy = new Button(Localization.get("plant.mix.copy"));
        copy.setId("mixCopy");
        copy.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> vm.copyFrom(list.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox right = new VBox(8, new HBox(8, copy), list);
        right.setPadding(new Insets(4));
        SplitPane split = new SplitPane(formScroll, right);
        split.setDividerPositions(0.5);
        split.getProperties().put(MixDesignViewModel.class, vm);
        return split;
    }
}
