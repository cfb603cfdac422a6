package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * 预拌混凝土: the plant office's screens as tabs (原材料进厂登记, 配合比, 生产登记, 批次列表 with its 待告知
 * count, 导入) under a reminder bar that shows notifications falling due on every tab.
 */
public final class PlantView {
    /** Tab ids, in order. */
    public static final String[] TABS = {"plantTabIntake", "plantTabMix", "plantTabProduction", "plantTabBatches",
            "plantTabImport"};

    private PlantView() {
    }

    public static Node create(PlantViewModels vms) {
        TabPane tabs = new TabPane();
        tabs.setId("plantTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab intake = tab(TABS[0], Localization.get("plant.tab.intake"), MaterialIntakeView.create(vms.intake()));
        Tab mix = tab(TABS[1], Localization.get("plant.tab.mix"), MixDesignView.create(vms.mix()));
        Tab production = tab(TABS[2], Localization.get("plant.tab.production"), ProductionView.create(vms.production()));
        Tab batches = tab(TABS[3], "", BatchListView.create(vms.batches()));
        batches.textProperty().bind(Bindings.createStringBinding(() -> vms.batches().dueCountProperty().get() == 0
                ? Localization.get("plant.tab.batches")
                : Localization.get("plant.tab.batchesDue", vms.batches().dueCountProperty().get()),
                vms.batches().dueCountProperty()));
        Tab imports = tab(TABS[4], Localization.get("plant.tab.import"), PlantImportView.create(vms.imports()));
        tabs.getTabs().setAll(intake, mix, production, batches, imports);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == intake) {
                vms.intake().reload();
            } else if (t == mix) {
                vms.mix().reload();
            } else if (t == production) {
                vms.production().reload();
            } else if (t == batches) {
                vms.batches().start();
            }
        });

        Label reminder = new Label();
        reminder.setId("plantReminder");
        reminder.setWrapText(true);
        reminder.textProperty().bind(vms.batches().reminderProperty());
        Button dismiss = new Button(Localization.get("plant.reminder.dismiss"));
        dismiss.setId("plantReminderDismiss");
        dismiss.setOnAction(e -> vms.batches().dismissReminder());
        Button show = new Button(Localization.get("plant.reminder.show"));
        show.setOnAction(e -> tabs.getSelectionModel().select(batches));
        HBox.setHgrow(reminder, Priority.ALWAYS);
        reminder.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(10, reminder, show, dismiss);
        bar.setId("plantReminderBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.setStyle("-fx-background-color: #fff4ce; -fx-border-color: #e0b000; -fx-border-width: 0 0 1 0;");
        bar.visibleProperty().bind(vms.batches().reminderProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());

        BorderPane root = new BorderPane(tabs);
        root.setTop(bar);
        root.getProperties().put(PlantViewModels.class, vms);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vms.batches().startTicking();
            }
        });
        vms.intake().reload();
        return root;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }
}
