package cn.cqs.client.viewer;

import cn.cqs.client.print.PrintRecords;
import cn.cqs.client.print.ReportPrinter;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens report viewer windows ({@link ReportDocumentView}) and their print previews
 * ({@link PrintPreviewView}, modal to the viewer), owned by the application's window so they open on
 * its monitor. Each window closes its PDF when it closes. Call on the JavaFX thread.
 */
public final class ReportViewerWindows implements ReportViewerOpener {
    private final ReportDocuments server;
    private final PrintRecords records;
    private final ReportPrinter printer;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final Supplier<Window> owner;

    /**
     * @param server  the server's reports, or null when only local PDFs are shown
     * @param records where prints are recorded, or null
     */
    public ReportViewerWindows(ReportDocuments server, PrintRecords records, ReportPrinter printer, Executor background,
                               Executor ui, Clock clock, Supplier<Window> owner) {
        this.server = server;
        this.records = records;
        this.printer = Objects.requireNonNull(printer, "printer");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public void open(ReportDocument document) {
        ReportDocumentViewModel vm = new ReportDocumentViewModel(document, server, records, printer, background, ui,
                clock);
        Stage stage = new Stage();
        Window parent = owner.get();
        if (parent != null) {
            stage.initOwner(parent);
        }
        double[] size = fitted(1180, 860);
        stage.setScene(new Scene(ReportDocumentView.create(vm, preview -> openPreview(stage, preview)), size[0], size[1]));
        stage.titleProperty().bind(vm.titleProperty());
        stage.setOnHidden(e -> vm.close());
        stage.show();
        vm.start();
    }

    /** The wanted window size, made to fit the screen (a small laptop screen or a projector). */
    static double[] fitted(double width, double height) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        return new double[] {Math.min(width, screen.getWidth() * 0.95), Math.min(height, screen.getHeight() * 0.92)};
    }

    private void openPreview(Stage viewer, PrintPreviewViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(viewer);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(cn.cqs.client.i18n.Localization.get("print.window.title", vm.jobName()));
        double[] size = fitted(980, 900);
        stage.setScene(new Scene(PrintPreviewView.create(vm, stage::close), size[0], size[1]));
        stage.setOnHidden(e -> vm.close());
        stage.show();
        vm.start();
    }
}
