package cn.cqs.client.uploadqueue;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.OutboxItem;
import cn.cqs.contract.time.ChinaTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The upload queue screen (上传队列), built in code: what the queue is doing, a banner while it is
 * paused, the counts, the progress bar of the current run with its pace and the time left, the
 * pause and resume buttons (Alt+P, Alt+R), and the table of entries the server refused with its
 * reasons and the retry and discard buttons. Only binds controls to {@link UploadQueueViewModel}.
 */
public final class UploadQueueView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private UploadQueueView() {
    }

    public static Parent create(UploadQueueViewModel vm) {
        Label title = new Label(Localization.get("uploadQueue.title"));
        title.getStyleClass().add("section-title");
        Label state = new Label();
        state.setId("uploadStateLabel");
        state.getStyleClass().add("upload-state");
        state.setWrapText(true);
        state.textProperty().bind(vm.stateTextProperty());

        Label pausedBanner = new Label(Localization.get("uploadQueue.pausedBanner"));
        pausedBanner.setId("pausedBanner");
        pausedBanner.getStyleClass().add("upload-paused-banner");
        pausedBanner.setWrapText(true);
        pausedBanner.setMaxWidth(Double.MAX_VALUE);
        pausedBanner.visibleProperty().bind(vm.pausedProperty());
        pausedBanner.managedProperty().bind(pausedBanner.visibleProperty());

        HBox figures = new HBox(12,
                figure("totalCount", "uploadQueue.count.total", vm.totalProperty()),
                figure("doneCount", "uploadQueue.count.done", vm.doneProperty()),
                figure("waitingCount", "uploadQueue.count.waiting", vm.waitingProperty()),
                figure("failedCount", "uploadQueue.count.failed", vm.failedProperty()),
                figure("dismissedCount", "uploadQueue.count.dismissed", vm.dismissedProperty()));

        ProgressBar bar = new ProgressBar();
        bar.setId("uploadProgressBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefHeight(18);
        bar.progressProperty().bind(vm.runProgressProperty());
        bar.setAccessibleText(Localization.get("uploadQueue.progress.accessible"));
        Label run = boundLabel("uploadRunLabel", vm.runTextProperty());
        Label rate = boundLabel("uploadRateLabel", vm.rateTextProperty());
        Label timeLeft = boundLabel("uploadTimeLeftLabel", vm.timeLeftTextProperty());
        HBox figuresOfRun = new HBox(24, run, rate, timeLeft);
        figuresOfRun.getStyleClass().add("hint");

        Button pause = new Button(Localization.get("uploadQueue.pause"));
        pause.setId("pauseButton");
        pause.setMnemonicParsing(true);
        pause.disableProperty().bind(vm.pausedProperty().or(vm.busyProperty()));
        // a keyboard user keeps the focus on the switch: after pressing one, it moves to the other
        boolean[] switched = {false};
        pause.setOnAction(e -> {
            switched[0] = true;
            vm.pause();
        });
        Button resume = new Button(Localization.get("uploadQueue.resume"));
        resume.setId("resumeButton");
        resume.setMnemonicParsing(true);
        resume.getStyleClass().add("primary");
        resume.disableProperty().bind(vm.pausedProperty().not().or(vm.busyProperty()));
        resume.setOnAction(e -> {
            switched[0] = true;
            vm.resume();
        });
        vm.pausedProperty().addListener((obs, old, now) -> {
            if (switched[0]) {
                switched[0] = false;
                Button to = now ? resume : pause;
                Platform.runLater(to::requestFocus); // once its disable binding has followed
            }
        });
        HBox switches = new HBox(8, pause, resume);
        switches.setAlignment(Pos.CENTER_LEFT);

        Label problem = boundLabel("uploadProblemLabel", vm.problemTextProperty());
        problem.getStyleClass().add("upload-problem");
        problem.setWrapText(true);
        problem.visibleProperty().bind(vm.problemTextProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label failedTitle = new Label(Localization.get("uploadQueue.failedTitle"));
        failedTitle.getStyleClass().add("form-title");
        TableView<OutboxItem> table = failedTable(vm);
        Button retry = new Button(Localization.get("uploadQueue.retry"));
        retry.setId("retryButton");
        retry.setMnemonicParsing(true);
        retry.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        retry.setOnAction(e -> vm.retrySelected());
        Button discard = new Button(Localization.get("uploadQueue.discard"));
        discard.setId("discardButton");
        discard.setMnemonicParsing(true);
        discard.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
        discard.setOnAction(e -> vm.discardSelected());
        HBox itemActions = new HBox(8, retry, discard);
        // the selected entry's whole reason, however long (the table cell may cut it)
        Label reason = new Label();
        reason.setId("selectedReasonLabel");
        reason.getStyleClass().add("upload-reason-detail");
        reason.setWrapText(true);
        reason.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            OutboxItem item = vm.selectedProperty().get();
            return item == null || item.lastError() == null ? ""
                    : Localization.get("uploadQueue.selectedReason", UploadQueueViewModel.describe(item),
                    UploadQueueViewModel.reasonDetail(item));
        }, vm.selectedProperty()));
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());

        VBox root = new VBox(10, title, state, pausedBanner, figures, bar, figuresOfRun, switches, problem,
                failedTitle, table, reason, itemActions);
        // only the table gives way when the window is small: the bar and the figures keep their height
        for (Node child : root.getChildren()) {
            if (child != table && child instanceof Region region) {
                region.setMinHeight(Region.USE_PREF_SIZE);
            }
        }
        table.setPrefHeight(240);
        table.setMinHeight(120);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setId("uploadQueueRoot");
        root.getStyleClass().add("upload-queue");
        root.setPadding(new Insets(16, 20, 16, 20));
        root.getStylesheets().add(UploadQueueView.class.getResource("upload-queue.css").toExternalForm());
        return root;
    }

    private static Node figure(String id, String captionKey, ReadOnlyIntegerProperty value) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("figure-value");
        number.textProperty().bind(value.asString("%,d"));
        Label caption = new Label(Localization.get(captionKey));
        caption.getStyleClass().add("figure-caption");
        caption.setLabelFor(number);
        VBox box = new VBox(2, number, caption);
        box.getStyleClass().add("figure");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setPrefWidth(120);
        return box;
    }

    private static Label boundLabel(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    private static TableView<OutboxItem> failedTable(UploadQueueViewModel vm) {
        TableView<OutboxItem> table = new TableView<>(vm.failedItems());
        table.setId("failedTable");
        table.setPlaceholder(new Label(Localization.get("uploadQueue.failed.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("uploadQueue.column.item", 200, UploadQueueViewModel::describe));
        table.getColumns().add(column("uploadQueue.column.attempts", 80, i -> Integer.toString(i.attempts())));
        table.getColumns().add(column("uploadQueue.column.lastAttempt", 150, i -> i.lastAttemptAt() == null ? ""
                : TIME.format(LocalDateTime.ofInstant(i.lastAttemptAt(), ChinaTime.ZONE))));
        TableColumn<OutboxItem, String> reason = column("uploadQueue.column.reason", 420,
                i -> i.lastError() == null ? "" : i.reason());
        reason.setCellFactory(c -> new TableCell<>() {
            private final Label text = new Label();

            {
                text.setWrapText(true);
                text.getStyleClass().add("upload-reason");
                text.maxWidthProperty().bind(c.widthProperty().subtract(12));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty ? null : item);
                setGraphic(empty ? null : text);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        table.getColumns().add(reason);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            }
        });
        return table;
    }

    private static TableColumn<OutboxItem, String> column(String key, double width, Function<OutboxItem, String> value) {
        TableColumn<OutboxItem, String> column = new TableColumn<>(Localization.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
