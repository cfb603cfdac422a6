package cn.cqs.client.refusals;

import cn.cqs.client.shell.ReadableHeaders;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.shell.Module;
import cn.cqs.client.shell.ModuleRegistry;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.refusals.Refusal;
import cn.cqs.contract.refusals.RefusalState;
import cn.cqs.contract.time.ChinaTime;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The regulators' 拒收举报 screen: state filter and list on the left, the selected report's
 * details, scan image and the 受理/办结 buttons on the right. Shown to users holding
 * {@link Permission#REPORTS_SUPERVISE}.
 */
public final class RefusalDeskView {
    /** Id of the module (navigation entry {@code #nav-supervision-refusals}). */
    public static final String MODULE_ID = "supervision-refusals";

    private RefusalDeskView() {
    }

    /** Registers the module; it talks to the server directly (no local copy of refusals). */
    public static void registerIn(ModuleRegistry registry) {
        registry.register(new Module(MODULE_ID, "refusals.module", Set.of(Permission.REPORTS_SUPERVISE), context -> {
            RefusalDeskViewModel vm = new RefusalDeskViewModel(RefusalSource.of(context.session().api()),
                    context.dialogs(), context.background(), ChinaTime.ZONE);
            Node view = create(vm);
            vm.refresh();
            return view;
        }));
    }

    /** Builds the screen for a view model. */
    public static Node create(RefusalDeskViewModel vm) {
        ComboBox<RefusalState> filter = new ComboBox<>();
        filter.setId("refusalStateFilter");
        filter.getItems().setAll(RefusalDeskViewModel.filterChoices());
        filter.setButtonCell(stateCell());
        filter.setCellFactory(list -> stateCell());
        filter.setValue(vm.stateFilterProperty().get());
        filter.valueProperty().bindBidirectional(vm.stateFilterProperty());
        Button refresh = new Button(Localization.get("refusals.refresh"));
        refresh.setId("refusalRefresh");
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.busyProperty());
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        Label stateLabel = new Label(Localization.get("refusals.filter"));
        HBox toolbar = new HBox(10, stateLabel, filter, refresh, summary);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("refusalError");
        error.getStyleClass().add("form-message");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorTextProperty());
        error.visibleProperty().bind(vm.errorTextProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setStyle("-fx-text-fill: #b3261e;");

        TableView<Refusal> table = new TableView<>(vm.refusals());
        ReadableHeaders.keep(table);
        table.setId("refusalTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("refusals.column.filedAt", 150, vm::filedAt));
        table.getColumns().add(column("refusals.column.state", 80, r -> RefusalDeskViewModel.stateLabel(r.state())));
        table.getColumns().add(column("refusals.column.subject", 110, RefusalDeskViewModel::subjectLabel));
        table.getColumns().add(column("refusals.column.filer", 160, Refusal::organisationName));
        table.getColumns().add(column("refusals.column.document", 140, RefusalDeskViewModel::documentOf));
        table.getColumns().add(column("refusals.column.reason", 220, Refusal::reason));
        table.setPlaceholder(new Label(Localization.get("refusals.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> table.getSelectionModel().select(now));

        Label detail = new Label();
        detail.setId("refusalDetail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.textProperty().bind(vm.detailTextProperty());
        ImageView image = new ImageView();
        image.setId("refusalImage");
        image.setPreserveRatio(true);
        image.setFitWidth(420);
        image.imageProperty().bind(vm.imageProperty());
        Button take = new Button(Localization.get("refusals.take.button"));
        take.setId("refusalTake");
        take.getStyleClass().add("primary");
        take.disableProperty().bind(vm.canTakeProperty().not());
        take.setOnAction(e -> vm.take());
        Button close = new Button(Localization.get("refusals.close.button"));
        close.setId("refusalClose");
        close.disableProperty().bind(vm.canCloseProperty().not());
        close.setOnAction(e -> vm.close());
        HBox actions = new HBox(10, take, close);
        VBox right = new VBox(10, actions, detail, image);
        right.setPadding(new Insets(0, 0, 0, 10));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);

        SplitPane split = new SplitPane(table, rightScroll);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox root = new VBox(10, toolbar, error, split);
        root.getStyleClass().add("refusal-desk");
        root.setPadding(new Insets(14, 16, 12, 16));
        root.getProperties().put(RefusalDeskViewModel.class, vm);
        return root;
    }

    private static ListCell<RefusalState> stateCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RefusalState item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : RefusalDeskViewModel.stateLabel(item));
            }
        };
    }

    private static TableColumn<Refusal, String> column(String key, double width,
                                                       java.util.function.Function<Refusal, String> value) {
        TableColumn<Refusal, String> c = new TableColumn<>(Localization.get(key));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
