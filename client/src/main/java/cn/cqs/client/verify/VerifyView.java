package cn.cqs.client.verify;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.shell.ModuleContext;
import cn.cqs.contract.verify.VerificationRecordRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.animation.PauseTransition;
import javafx.scene.control.ChoiceBox;
import javafx.scene.shape.Polygon;
import javafx.util.StringConverter;
import cn.cqs.client.camera.CameraInfo;
import cn.cqs.client.camera.CameraResolution;
import cn.cqs.client.qrimage.QrOutline;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Controller of {@code VerifyView.fxml}, the verify screen (扫码核验): binds the controls to
 * {@link VerifyViewModel} and forwards the open button, Ctrl+O and dropped files to it.
 */
public final class VerifyView {
    /** The embedded font family the screen uses, so Chinese renders the same on every desk. */
    public static final String FONT_FAMILY = "CQS Sans SC";
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final List<String> OUTCOME_STYLES = List.of("outcome-good", "outcome-caution", "outcome-bad",
            "outcome-neutral", "outcome-none");

    private static final Color SELECTED_MARK = Color.web("#e8590c");
    private static final Color SYSTEM_MARK = Color.web("#1f5fa8");
    private static final Color FOREIGN_MARK = Color.web("#8a94a3");

    static {
        loadFont("CqsSansSC-Regular.ttf");
        loadFont("CqsSansSC-Bold.ttf");
    }

    private final VerifyViewModel viewModel;

    @FXML private VBox root;
    @FXML private Button openButton;
    @FXML private Label fileNameLabel;
    @FXML private ProgressIndicator progress;
    @FXML private Label progressLabel;
    @FXML private Label trustStatusLabel;
    @FXML private Label errorLabel;
    @FXML private StackPane dropZone;
    @FXML private ScrollPane previewScroll;
    @FXML private Pane previewPane;
    @FXML private ImageView previewImage;
    @FXML private Group markLayer;
    @FXML private Label dropHint;
    @FXML private Label summaryLabel;
    @FXML private ListView<VerifyViewModel.CodeItem> codeList;
    @FXML private HBox outcomeBox;
    @FXML private Label outcomeIcon;
    @FXML private Label outcomeTitle;
    @FXML private Label outcomeHint;
    @FXML private TableView<ComparisonRow> comparisonTable;
    @FXML private TableColumn<ComparisonRow, String> fieldColumn;
    @FXML private TableColumn<ComparisonRow, String> paperColumn;
    @FXML private TableColumn<ComparisonRow, String> recordColumn;
    @FXML private Label detailLabel;
    @FXML private TextField placeField;
    @FXML private Button refuseButton;
    @FXML private Button noSerialButton;
    @FXML private Button openPdfButton;
    @FXML private Label recordStatusLabel;
    @FXML private ChoiceBox<CameraInfo> cameraChoice;
    @FXML private ChoiceBox<CameraResolution> resolutionChoice;
    @FXML private Button cameraStartButton;
    @FXML private Button cameraStopButton;
    @FXML private Button cameraRefreshButton;
    @FXML private Label cameraMessage;
    @FXML private StackPane livePane;
    @FXML private ImageView liveImage;
    @FXML private Group liveMarkLayer;
    private PauseTransition flashTimer;

    public VerifyView(VerifyViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the screen for a view model, in the current language. */
    public static Node create(VerifyViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(VerifyView.class.getResource("VerifyView.fxml"), Localization.bundle());
        loader.setControllerFactory(type -> new VerifyView(viewModel));
        try {
            Node node = loader.load();
            if (node instanceof javafx.scene.Parent parent) {
                parent.getStylesheets().add(VerifyView.class.getResource("VerifyView.css").toExternalForm());
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load VerifyView.fxml", e);
        }
    }

    private static void loadFont(String file) {
        try (InputStream in = VerifyView.class.getResourceAsStream("/cn/cqs/client/fonts/" + file)) {
            if (in == null || Font.loadFont(in, 13) == null) {
                throw new IllegalStateException("the embedded font " + file + " is missing or unreadable");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded font " + file, e);
        }
    }

    @FXML
    private void initialize() {
        // lets tests and tools reach the screen's state the way the drop target does
        root.getProperties().put(VerifyViewModel.class, viewModel);
        openButton.disableProperty().bind(viewModel.busyProperty());
        fileNameLabel.textProperty().bind(viewModel.fileNameProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        trustStatusLabel.textProperty().bind(viewModel.trustStatusProperty());
        errorLabel.textProperty().bind(viewModel.errorTextProperty());
        errorLabel.visibleProperty().bind(viewModel.errorTextProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        placeField.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= VerificationRecordRequest.MAX_PLACE ? change : null));
        placeField.textProperty().bindBidirectional(viewModel.placeProperty());
        refuseButton.disableProperty().bind(viewModel.canRefuseProperty().not());
        noSerialButton.disableProperty().bind(viewModel.busyProperty());
        openPdfButton.disableProperty().bind(viewModel.canOpenPdfProperty().not());
        viewModel.noSerialFormProperty().addListener((obs, old, now) -> {
            if (now != null) {
                NoSerialRefusalView.show(now, root.getScene() == null ? null : root.getScene().getWindow());
            }
        });
        recordStatusLabel.textProperty().bind(viewModel.recordStatusProperty());

        codeList.setItems(viewModel.codes());
        codeList.visibleProperty().bind(Bindings.isNotEmpty(viewModel.codes()));
        codeList.managedProperty().bind(codeList.visibleProperty());
        codeList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(VerifyViewModel.CodeItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
            }
        });
        codeList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedCodeProperty().set(now);
            }
        });
        viewModel.selectedCodeProperty().addListener((obs, old, now) -> codeList.getSelectionModel().select(now));
        codeList.getSelectionModel().select(viewModel.selectedCodeProperty().get());

        outcomeIcon.textProperty().bind(viewModel.outcomeIconProperty());
        outcomeTitle.textProperty().bind(viewModel.outcomeTitleProperty());
        outcomeHint.textProperty().bind(viewModel.outcomeHintProperty());
        applyOutcomeStyle(viewModel.outcomeStyleProperty().get());
        viewModel.outcomeStyleProperty().addListener((obs, old, now) -> applyOutcomeStyle(now));
        detailLabel.textProperty().bind(viewModel.detailTextProperty());

        fieldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        paperColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().paper()));
        recordColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().record()));
        comparisonTable.setItems(viewModel.rows());
        comparisonTable.setPlaceholder(new Label(Localization.get("verify.table.empty")));
        comparisonTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("row-different", "row-attention");
                if (!empty && row != null) {
                    if (row.state() == ComparisonRow.State.DIFFERENT) {
                        getStyleClass().add("row-different");
                    } else if (row.state() == ComparisonRow.State.ATTENTION) {
                        getStyleClass().add("row-attention");
                    }
                }
            }
        });

        previewImage.imageProperty().bind(viewModel.previewProperty());
        previewImage.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(100, previewScroll.getViewportBounds().getWidth() - 2), previewScroll.viewportBoundsProperty()));
        dropHint.visibleProperty().bind(viewModel.previewProperty().isNull());
        viewModel.marks().addListener((ListChangeListener<VerifyViewModel.CodeMark>) c -> drawMarks());
        previewImage.boundsInParentProperty().addListener((obs, old, now) -> drawMarks());

        bindCamera(viewModel.live());

        dropZone.setOnDragOver(this::dragOver);
        dropZone.setOnDragExited(e -> dropZone.getStyleClass().remove("drag-over"));
        dropZone.setOnDragDropped(this::dragDropped);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(OPEN);
            }
            if (scene != null) {
                installShortcut(scene);
            } else {
                viewModel.live().close(); // the screen went away: release the camera
            }
        });
    }

    private void bindCamera(LiveDeskViewModel live) {
        cameraChoice.setItems(live.cameras());
        cameraChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(CameraInfo camera) {
                return camera == null ? Localization.get("verify.camera.none") : camera.name();
            }

            @Override
            public CameraInfo fromString(String text) {
                return live.cameras().stream().filter(c -> c.name().equals(text)).findFirst().orElse(null);
            }
        });
        cameraChoice.valueProperty().bindBidirectional(live.cameraProperty());
        resolutionChoice.setItems(live.resolutions());
        resolutionChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(CameraResolution r) {
                return r == null ? "" : r.width() + "×" + r.height();
            }

            @Override
            public CameraResolution fromString(String text) {
                return CameraResolution.parse(text).orElse(null);
            }
        });
        resolutionChoice.valueProperty().bindBidirectional(live.resolutionProperty());
        var busyCamera = live.runningProperty().or(live.startingProperty());
        cameraChoice.disableProperty().bind(busyCamera.or(Bindings.isEmpty(live.cameras())));
        resolutionChoice.disableProperty().bind(busyCamera.or(Bindings.isEmpty(live.resolutions())));
        cameraStartButton.disableProperty().bind(busyCamera.or(live.cameraProperty().isNull()));
        cameraStopButton.disableProperty().bind(live.runningProperty().not());
        cameraRefreshButton.disableProperty().bind(busyCamera.or(live.discoveringProperty()));
        cameraMessage.textProperty().bind(live.messageProperty());
        cameraMessage.visibleProperty().bind(live.messageProperty().isNotEmpty());
        cameraMessage.managedProperty().bind(cameraMessage.visibleProperty());
        live.problemProperty().addListener((obs, old, now) -> {
            cameraMessage.getStyleClass().remove("camera-problem");
            if (now != null) {
                cameraMessage.getStyleClass().add("camera-problem");
            }
        });

        livePane.visibleProperty().bind(live.previewProperty().isNotNull());
        liveImage.imageProperty().bind(live.previewProperty());
        liveImage.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, livePane.getWidth() - 4), livePane.widthProperty()));
        liveImage.fitHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, livePane.getHeight() - 4), livePane.heightProperty()));
        live.marks().addListener((ListChangeListener<LiveDeskViewModel.LiveMark>) c -> drawLiveMarks());
        liveImage.boundsInParentProperty().addListener((obs, old, now) -> drawLiveMarks());
        live.confirmationsProperty().addListener((obs, old, now) -> flashResult());
    }

    /** Outlines of the codes just read, over the live preview (scaled from frame pixels). */
    private void drawLiveMarks() {
        liveMarkLayer.getChildren().clear();
        double shownWidth = liveImage.getBoundsInParent().getWidth();
        for (LiveDeskViewModel.LiveMark mark : viewModel.live().marks()) {
            double scale = shownWidth / mark.frameWidth();
            Polygon outline = new Polygon();
            for (QrOutline.Point p : mark.outline().corners()) {
                outline.getPoints().addAll(p.x() * scale, p.y() * scale);
            }
            outline.getStyleClass().add("live-mark");
            outline.setFill(Color.web("#2e7d32", 0.18));
            outline.setStroke(Color.web("#34c759"));
            outline.setStrokeWidth(4);
            outline.setMouseTransparent(true);
            liveMarkLayer.getChildren().add(outline);
        }
    }

    /** A code was read: the result pane glows for the same time the outline shows. */
    private void flashResult() {
        if (!outcomeBox.getStyleClass().contains("outcome-flash")) {
            outcomeBox.getStyleClass().add("outcome-flash");
        }
        if (flashTimer == null) {
            flashTimer = new PauseTransition(LiveDeskViewModel.MARK_DURATION);
            flashTimer.setOnFinished(e -> outcomeBox.getStyleClass().remove("outcome-flash"));
        }
        flashTimer.playFromStart();
    }

    @FXML
    private void startCamera() {
        viewModel.live().start();
    }

    @FXML
    private void stopCamera() {
        viewModel.live().stop();
    }

    @FXML
    private void discoverCameras() {
        viewModel.live().discover();
    }

    private void installShortcut(Scene scene) {
        scene.getAccelerators().put(OPEN, viewModel::openFile);
    }

    private void applyOutcomeStyle(String style) {
        outcomeBox.getStyleClass().removeAll(OUTCOME_STYLES);
        outcomeBox.getStyleClass().add(style);
        outcomeIcon.setVisible(!"outcome-none".equals(style));
        outcomeIcon.setManaged(outcomeIcon.isVisible());
    }

    private void drawMarks() {
        markLayer.getChildren().clear();
        var image = previewImage.getImage();
        if (image == null || image.getWidth() <= 0) {
            return;
        }
        double scale = previewImage.getBoundsInParent().getWidth() / image.getWidth();
        for (VerifyViewModel.CodeMark mark : viewModel.marks()) {
            Rectangle box = new Rectangle(mark.x() * scale, mark.y() * scale, mark.width() * scale, mark.height() * scale);
            // colours set here, not only in CSS: a box added during a pulse is painted before CSS reaches it
            box.getStyleClass().add("code-mark");
            box.setFill(Color.TRANSPARENT);
            box.setStroke(mark.selected() ? SELECTED_MARK : mark.systemCode() ? SYSTEM_MARK : FOREIGN_MARK);
            box.setStrokeWidth(mark.selected() ? 4 : 3);
            box.setMouseTransparent(true);
            markLayer.getChildren().add(box);
        }
    }

    private void dragOver(DragEvent event) {
        var files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.<java.io.File>of();
        if (viewModel.accepts(files.stream().map(java.io.File::toPath).toList())) {
            event.acceptTransferModes(TransferMode.COPY);
            if (!dropZone.getStyleClass().contains("drag-over")) {
                dropZone.getStyleClass().add("drag-over");
            }
        }
        event.consume();
    }

    private void dragDropped(DragEvent event) {
        dropZone.getStyleClass().remove("drag-over");
        boolean done = false;
        if (event.getDragboard().hasFiles()) {
            List<Path> files = event.getDragboard().getFiles().stream().map(java.io.File::toPath).toList();
            if (viewModel.accepts(files)) {
                viewModel.open(files.get(0));
                done = true;
            }
        }
        event.setDropCompleted(done);
        event.consume();
    }

    @FXML
    private void openFile() {
        viewModel.openFile();
    }

    @FXML
    private void refuse() {
        viewModel.refuse();
    }

    @FXML
    private void refuseWithoutSerial() {
        viewModel.refuseWithoutSerial();
    }

    @FXML
    private void openPdf() {
        viewModel.openPdf();
    }
}
