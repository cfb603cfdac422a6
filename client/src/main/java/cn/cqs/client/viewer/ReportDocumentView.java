package cn.cqs.client.viewer;

import cn.cqs.client.i18n.Localization;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The report viewer window's content: the PDF viewer with 打印 in its tool bar, and on the right the
 * version history (click a version to open it) and the print records. Binds to
 * {@link ReportDocumentViewModel}; 打印 asks {@code openPreview} to show the preview.
 */
public final class ReportDocumentView {
    private ReportDocumentView() {
    }

    public static SplitPane create(ReportDocumentViewModel vm, Consumer<PrintPreviewViewModel> openPreview) {
        Button print = new Button(Localization.get("viewer.print"));
        print.setId("viewerPrint");
        print.setDefaultButton(false);
        print.disableProperty().bind(vm.canPrintProperty().not());
        print.setOnAction(e -> openPreview.accept(vm.newPrintPreview()));
        BorderPane viewer = PdfViewerView.create(vm.viewer(), true, List.of(print));
        viewer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.P && !print.isDisabled()) {
                e.consume();
                print.fire();
            }
        });

        VBox side = new VBox(8);
        side.setPadding(new Insets(10));
        side.setMinWidth(240);
        side.setPrefWidth(300);
        if (vm.showsHistory()) {
            Label historyTitle = title("viewer.history.title");
            Label historyMessage = new Label();
            historyMessage.setId("versionsMessage");
            historyMessage.setWrapText(true);
            historyMessage.textProperty().bind(vm.versionsMessageProperty());
            ListView<VersionRow> list = new ListView<>(vm.versions());
            list.setId("versionList");
            list.setPrefHeight(170);
            list.setCellFactory(l -> new ListCell<>() {
                @Override
                protected void updateItem(VersionRow item, boolean empty) {
                    super.updateItem(item, empty);
                    if (empty || item == null) {
                        setText(null);
                        setStyle("");
                        return;
                    }
                    StringBuilder text = new StringBuilder(item.current() ? "▶ " : "").append(item.reportNumber())
                            .append("  ").append(item.statusText());
                    if (item.current()) {
                        text.append(Localization.get("viewer.history.shown"));
                    }
                    text.append('\n').append(Localization.get("viewer.history.received", item.receivedAt()));
                    if (!item.reasonText().isEmpty()) {
                        text.append('\n').append(item.reasonText());
                    }
                    setText(text.toString());
                    setWrapText(true);
                    setPrefWidth(0);
                    setStyle(item.current() ? "-fx-background-color: #e3eefc; -fx-text-fill: #0b3d91;" : "");
                }
            });
            list.setOnMouseClicked(e -> vm.openVersion(list.getSelectionModel().getSelectedItem()));
            list.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    vm.openVersion(list.getSelectionModel().getSelectedItem());
                }
            });
            side.getChildren().addAll(historyTitle, historyMessage, list);
        }
        if (vm.showsPrintRecords()) {
            Label printsTitle = title("viewer.prints.title");
            Label summary = new Label();
            summary.setId("printSummary");
            summary.setWrapText(true);
            summary.textProperty().bind(vm.printSummaryProperty());
            ListView<PrintRow> prints = new ListView<>(vm.prints());
            prints.setId("printList");
            prints.setPlaceholder(new Label(Localization.get("viewer.prints.none")));
            prints.setCellFactory(l -> new ListCell<>() {
                @Override
                protected void updateItem(PrintRow item, boolean empty) {
                    super.updateItem(item, empty);
                    if (empty || item == null) {
                        setText(null);
                        return;
                    }
                    setText(Localization.get(item.pending() ? "viewer.prints.rowPending" : "viewer.prints.row", item.when(),
                            item.who(), item.printer(), item.copies()));
                    setWrapText(true);
                    setPrefWidth(0);
                }
            });
            VBox.setVgrow(prints, Priority.ALWAYS);
            side.getChildren().addAll(printsTitle, summary, prints);
        }

        Label notice = new Label();
        notice.setId("versionNotice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setStyle("-fx-background-color: #fff4ce; -fx-text-fill: #6b4e00; -fx-padding: 6 10;"
                + "-fx-border-color: #e0c060; -fx-border-width: 0 0 1 0;");
        VBox main = new VBox(notice, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        SplitPane split = new SplitPane(main);
        split.setId("reportViewer");
        if (!side.getChildren().isEmpty()) {
            split.getItems().add(side);
            split.setDividerPositions(0.74);
            SplitPane.setResizableWithParent(side, false);
        }
        return split;
    }

    private static Label title(String key) {
        Label l = new Label(Localization.get(key));
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 1.05em;");
        return l;
    }
}
