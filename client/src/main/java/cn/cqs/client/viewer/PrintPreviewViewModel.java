package cn.cqs.client.viewer;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.print.PageFit;
import cn.cqs.client.print.PaperSize;
import cn.cqs.client.print.PrintJobRequest;
import cn.cqs.client.print.PrintRefusedException;
import cn.cqs.client.print.PrinterChoice;
import cn.cqs.client.print.ReportPrinter;
import cn.cqs.client.shell.BackgroundWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 打印预览: the report's pages at 100 % (true size), the printer, the paper and the copies. Printing
 * is always at actual size; when a page does not fit the chosen paper the preview says so and
 * printing is not offered (a smaller sheet never shrinks the QR code). Without any printer it says
 * so. After a print the caller records it ({@code onPrinted}) and the window closes ({@link #doneProperty()}).
 */
public final class PrintPreviewViewModel implements AutoCloseable {
    private final byte[] pdf;
    private final String jobName;
    private final ReportPrinter printer;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final Consumer<PrintedJob> onPrinted;
    private final PdfViewerViewModel preview;
    private final ObservableList<PrinterChoice> printers = FXCollections.observableArrayList();
    private final ObjectProperty<PrinterChoice> selectedPrinter = new SimpleObjectProperty<>(this, "printer");
    private final ObservableList<PaperSize> papers = FXCollections.observableArrayList();
    private final ObjectProperty<PaperSize> paper = new SimpleObjectProperty<>(this, "paper");
    private final IntegerProperty copies = new SimpleIntegerProperty(this, "copies", 1);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty problem = new SimpleBooleanProperty(this, "problem", false);
    private final BooleanProperty canPrint = new SimpleBooleanProperty(this, "canPrint", false);
    private final BooleanProperty printing = new SimpleBooleanProperty(this, "printing", false);
    private final BooleanProperty done = new SimpleBooleanProperty(this, "done", false);
    private boolean printersLoaded;

    public PrintPreviewViewModel(byte[] pdf, String jobName, ReportPrinter printer, Executor background, Executor ui,
                                 Clock clock, Consumer<PrintedJob> onPrinted) {
        this.pdf = Objects.requireNonNull(pdf, "pdf");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onPrinted = Objects.requireNonNull(onPrinted, "onPrinted");
        this.preview = new PdfViewerViewModel(background, ui);
        selectedPrinter.addListener((o, a, b) -> printerChosen(b));
        paper.addListener((o, a, b) -> check());
        copies.addListener((o, a, b) -> check());
        preview.hasDocumentProperty().addListener((o, a, b) -> check());
        preview.failedProperty().addListener((o, a, b) -> check());
    }

    /** Shows the pages at 100 % and looks up the printers. */
    public void start() {
        preview.setZoom(100);
        preview.open(() -> pdf, jobName);
        message.set(Localization.get("print.lookingForPrinters"));
        BackgroundWork.run(background, ui, () -> new Found(printer.printers(), printer.defaultPrinterName().orElse(null)),
                (found, failure) -> {
                    printersLoaded = true;
                    if (failure != null) {
                        printers.clear();
                        showProblem(Localization.get("print.lookupFailed", failure.getMessage()));
                        return;
                    }
                    printers.setAll(found.printers());
                    if (found.printers().isEmpty()) {
                        check();
                        return;
                    }
                    selectedPrinter.set(found.printers().stream().filter(p -> p.name().equals(found.defaultName()))
                            .findFirst().orElse(found.printers().get(0)));
                    check();
                });
    }

    private record Found(List<PrinterChoice> printers, String defaultName) {
    }

    private void printerChosen(PrinterChoice choice) {
        if (choice == null) {
            papers.clear();
            paper.set(null);
            return;
        }
        List<PaperSize> offered = choice.papers().isEmpty() ? List.of(choice.defaultPaper()) : choice.papers();
        papers.setAll(offered);
        PaperSize a4 = offered.stream().filter(p -> p.name().equals(PaperSize.A4.name())).findFirst().orElse(null);
        // reports are A4: prefer A4 when the printer has it, else the printer's own default
        paper.set(a4 != null ? a4 : offered.contains(choice.defaultPaper()) ? choice.defaultPaper() : offered.get(0));
        check();
    }

    /** Decides whether printing is possible and what the preview says. */
    private void check() {
        if (printing.get()) {
            return;
        }
        if (preview.failedProperty().get()) {
            showProblem(preview.messageProperty().get());
            return;
        }
        if (!printersLoaded) {
            canPrint.set(false);
            return;
        }
        if (printers.isEmpty()) {
            showProblem(Localization.get("print.noPrinter"));
            return;
        }
        PaperSize sheet = paper.get();
        if (selectedPrinter.get() == null || sheet == null) {
            showProblem(Localization.get("print.choosePrinter"));
            return;
        }
        if (copies.get() < 1 || copies.get() > PrintJobRequest.MAX_COPIES) {
            showProblem(Localization.get("print.badCopies", PrintJobRequest.MAX_COPIES));
            return;
        }
        if (!preview.hasDocumentProperty().get()) {
            canPrint.set(false);
            return;
        }
        List<PageFit.PageSize> pages = new ArrayList<>();
        List<float[]> sizes = preview.pageSizesPoints();
        for (int i = 0; i < sizes.size(); i++) {
            pages.add(PageFit.PageSize.ofPoints(i + 1, sizes.get(i)[0], sizes.get(i)[1]));
        }
        List<PageFit.PageSize> tooLarge = PageFit.tooLarge(pages, sheet);
        if (!tooLarge.isEmpty()) {
            showProblem(Localization.get("print.pageTooLarge", tooLarge.stream()
                    .map(p -> Localization.get("print.pageSize", p.pageNumber(), p.describe()))
                    .collect(Collectors.joining(Localization.get("print.listSeparator"))), sheet.describe()));
            return;
        }
        problem.set(false);
        canPrint.set(true);
        message.set(Localization.get("print.ready", pages.size(), sheet.describe()));
    }

    private void showProblem(String text) {
        problem.set(true);
        canPrint.set(false);
        message.set(text);
    }

    /** Sends the job to the printer at 100 %; on success records it and closes. */
    public void print() {
        check();
        if (!canPrint.get()) {
            return;
        }
        PrinterChoice chosen = selectedPrinter.get();
        PrintJobRequest job = new PrintJobRequest(pdf, jobName, chosen.name(), paper.get(), copies.get());
        printing.set(true);
        canPrint.set(false);
        problem.set(false);
        message.set(Localization.get("print.sending", chosen.name()));
        BackgroundWork.run(background, ui, () -> {
            printer.print(job);
            return new PrintedJob(chosen.name(), job.copies(), clock.instant());
        }, (printed, failure) -> {
            printing.set(false);
            if (failure != null) {
                showProblem(failure instanceof PrintRefusedException refused ? refusal(refused)
                        : Localization.get("print.failed", failure.getMessage()));
                return;
            }
            onPrinted.accept(printed);
            message.set(Localization.get("print.sent", printed.copies(), printed.printerName()));
            done.set(true);
        });
    }

    static String refusal(PrintRefusedException e) {
        return Localization.get("print.refused." + e.reason().name(), e.getMessage());
    }

    @Override
    public void close() {
        preview.close();
    }

    public PdfViewerViewModel preview() {
        return preview;
    }

    public ObservableList<PrinterChoice> printers() {
        return printers;
    }

    public ObjectProperty<PrinterChoice> printerProperty() {
        return selectedPrinter;
    }

    public ObservableList<PaperSize> papers() {
        return papers;
    }

    public ObjectProperty<PaperSize> paperProperty() {
        return paper;
    }

    public IntegerProperty copiesProperty() {
        return copies;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty problemProperty() {
        return problem;
    }

    public BooleanProperty canPrintProperty() {
        return canPrint;
    }

    public BooleanProperty printingProperty() {
        return printing;
    }

    public BooleanProperty doneProperty() {
        return done;
    }

    public String jobName() {
        return jobName;
    }
}
