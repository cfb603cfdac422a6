package cn.cqs.client.shell;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;

/**
 * Controller of {@code MainWindowView.fxml}: menu, navigation list, the selected module's screen and
 * the status bar, bound to {@link MainWindowViewModel}. Ctrl+1 ... Ctrl+9 open the navigation
 * entries, Ctrl+Q exits.
 */
public final class MainWindowView {
    private final MainWindowViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Menu languageMenu;
    @FXML private Label userLabel;
    @FXML private ListView<Module> navigation;
    @FXML private StackPane content;
    @FXML private StatusBar statusBar;
    @FXML private MenuItem uploadQueueItem;

    public MainWindowView(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the window's content for a view model, in the current language. */
    public static Parent create(MainWindowViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(MainWindowView.class.getResource("MainWindowView.fxml"), Localization.bundle());
        loader.setControllerFactory(type -> new MainWindowView(viewModel));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load MainWindowView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        var user = viewModel.session().user();
        userLabel.setText(Localization.get("main.user", user.displayName(), user.organisationName()));

        navigation.setItems(viewModel.modules());
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Module item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Localization.get(item.titleKey()));
                setId(empty || item == null ? null : "nav-" + item.id());
            }
        });
        navigation.getSelectionModel().select(viewModel.selectedModuleProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedModuleProperty().set(now);
            }
        });
        viewModel.selectedModuleProperty().addListener((obs, old, now) -> {
            navigation.getSelectionModel().select(now);
            show(now);
        });
        show(viewModel.selectedModuleProperty().get());

        ToggleGroup languages = new ToggleGroup();
        for (AppLanguage language : viewModel.languages()) {
            RadioMenuItem item = new RadioMenuItem(language.nativeName());
            item.setId("language-" + language.tag());
            item.setToggleGroup(languages);
            item.setSelected(language == viewModel.languageProperty().get());
            item.setOnAction(e -> viewModel.languageProperty().set(language));
            languageMenu.getItems().add(item);
        }

        Label pending = new Label();
        pending.setId("pendingLabel");
        pending.textProperty().bind(viewModel.pendingText());
        if (viewModel.hasUploadQueue()) {
            // the count opens the upload queue: by mouse, and by Tab + Enter/Space
            pending.getStyleClass().add("status-link");
            pending.setFocusTraversable(true);
            pending.setAccessibleRole(AccessibleRole.HYPERLINK);
            pending.setCursor(Cursor.HAND);
            pending.setTooltip(new Tooltip(Localization.get("status.pending.open")));
            pending.setOnMouseClicked(e -> viewModel.openUploadQueue());
            pending.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    viewModel.openUploadQueue();
                    e.consume();
                }
            });
        }
        uploadQueueItem.setDisable(!viewModel.hasUploadQueue());
        statusBar.textProperty().bind(viewModel.connectionText());
        ProgressIndicator uploading = new ProgressIndicator();
        uploading.setId("uploadingIndicator");
        uploading.setPrefSize(16, 16);
        uploading.setMaxSize(16, 16);
        uploading.visibleProperty().bind(viewModel.drainingProperty());
        uploading.managedProperty().bind(uploading.visibleProperty());
        statusBar.getRightItems().addAll(uploading, pending);

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    private void installShortcuts(Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> viewModel.selectModule(index));
        }
    }

    private void show(Module module) {
        if (module == null) {
            content.getChildren().clear();
            return;
        }
        content.getChildren().setAll(module.screenFactory().apply(viewModel.moduleContext()));
    }

    @FXML
    private void checkConnection() {
        viewModel.checkConnection();
    }

    @FXML
    private void openUploadQueue() {
        viewModel.openUploadQueue();
    }

    @FXML
    private void logout() {
        viewModel.logout();
    }

    @FXML
    private void exit() {
        viewModel.exit();
    }
}
