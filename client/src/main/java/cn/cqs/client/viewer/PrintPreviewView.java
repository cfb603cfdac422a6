package cn.cqs.client.viewer;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.print.PaperSize;
import cn.cqs.client.print.PrintJobRequest;
import cn.cqs.client.print.PrinterChoice;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * 打印预览: the pages at 100 % above the printer, paper and copies, the preview's verdict (ready, page
 * too large for the paper, no printer) and 打印 / 取消. Binds to {@link PrintPreviewViewModel};
 * {@code close} closes the window.
 */
public final class PrintPreviewView {
    private PrintPreviewView() {
    }

    public static BorderPane create(PrintPreviewViewModel vm, Runnable close) {
        BorderPane pages = PdfViewerView.create(vm.preview(), false, List.of(actualSizeNote()));

        ComboBox<PrinterChoice> printer = new ComboBox<>(vm.printers());
        printer.setId("printerChoice");
        printer.setPrefWidth(260);
        printer.setPromptText(Localization.get("print.printer.none"));
        printer.valueProperty().bindBidirectional(vm.printerProperty());
        ComboBox<PaperSize> paper = new ComboBox<>(vm.papers());
        paper.setId("paperChoice");
        paper.setPrefWidth(220);
        paper.setConverter(new StringConverter<>() {
            @Override
            public String toString(PaperSize p) {
                return p == null ? "" : p.describe();
            }

            @Override
            public PaperSize fromString(String s) {
                throw new UnsupportedOperationException("the paper is chosen from the list");
            }
        });
        paper.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PaperSize item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.describe());
            }
        });
        paper.valueProperty().bindBidirectional(vm.paperProperty());
        Spinner<Integer> copies = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                PrintJobRequest.MAX_COPIES, vm.copiesProperty().get()));
        copies.setId("copiesSpinner");
        copies.setEditable(true);
        copies.setPrefWidth(80);
        copies.valueProperty().addListener((o, a, b) -> vm.copiesProperty().set(b == null ? 0 : b));

        Label message = new Label();
        message.setId("printMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.problemProperty().addListener((o, a, b) -> message.setStyle(b ? "-fx-text-fill: #b00020;" : ""));
        message.setStyle(vm.problemProperty().get() ? "-fx-text-fill: #b00020;" : "");

        Button print = new Button(Localization.get("print.print"));
        print.setId("printButton");
        print.setDefaultButton(true);
        print.disableProperty().bind(vm.canPrintProperty().not());
        print.setOnAction(e -> vm.print());
        Button cancel = new Button(Localization.get("print.cancel"));
        cancel.setId("printCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        vm.doneProperty().addListener((o, a, b) -> {
            if (b) {
                close.run();
            }
        });

        FlowPane choices = new FlowPane(10, 8, labelled("print.printer", printer), labelled("print.paper", paper),
                labelled("print.copies", copies));
        choices.setAlignment(Pos.CENTER_LEFT);
        print.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(choices, Priority.ALWAYS);
        HBox row = new HBox(12, choices, print, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        message.setMaxWidth(Double.MAX_VALUE);
        VBox bottom = new VBox(8, row, message);
        bottom.setPadding(new Insets(10));
        BorderPane root = new BorderPane(pages);
        root.setBottom(bottom);
        root.setId("printPreview");
        return root;
    }

    private static Label actualSizeNote() {
        Label note = new Label(Localization.get("print.actualSizeNote"));
        note.setId("actualSizeNote");
        return note;
    }

    private static HBox labelled(String key, javafx.scene.Node control) {
        Label label = new Label(Localization.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
