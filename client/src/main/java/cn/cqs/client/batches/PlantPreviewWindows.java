package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.print.ReportPrinter;
import cn.cqs.client.viewer.PrintPreviewView;
import cn.cqs.client.viewer.PrintPreviewViewModel;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the client's print preview (actual size only; a page that does not fit the paper is not
 * printed) for a delivery ticket or a label sheet, owned by the application's window. Call on the
 * JavaFX thread.
 */
public final class PlantPreviewWindows implements PdfPreview {
    private static final Logger LOG = Logger.getLogger(PlantPreviewWindows.class.getName());

    private final ReportPrinter printer;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final Supplier<Window> owner;

    public PlantPreviewWindows(ReportPrinter printer, Executor background, Executor ui, Clock clock,
                               Supplier<Window> owner) {
        this.printer = Objects.requireNonNull(printer, "printer");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public void show(String jobName, byte[] pdf) {
        PrintPreviewViewModel vm = new PrintPreviewViewModel(pdf, jobName, printer, background, ui, clock,
                printed -> LOG.info(() -> "printed " + jobName + ": " + printed));
        Stage stage = new Stage();
        Window parent = owner.get();
        if (parent != null) {
            stage.initOwner(parent);
        }
        stage.setTitle(Localization.get("print.window.title", jobName));
        stage.setScene(new Scene(PrintPreviewView.create(vm, stage::close), 980, 820));
        stage.setOnHidden(e -> vm.close());
        stage.show();
        vm.start();
    }
}
