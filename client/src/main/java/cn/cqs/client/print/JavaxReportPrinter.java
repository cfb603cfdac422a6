package cn.cqs.client.print;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.Media;
import javax.print.attribute.standard.MediaSize;
import javax.print.attribute.standard.MediaSizeName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * {@link ReportPrinter} over the Java Print Service (javax.print): the printers that take
 * {@link DocFlavor.SERVICE_FORMATTED#PAGEABLE} documents, and jobs of {@link ActualSizePageable}
 * pages with the chosen paper ({@link MediaSizeName}) and {@link Copies}. Before anything goes to
 * the printer every page is checked against the paper ({@link PageFit}); a page that does not fit
 * at 100 % refuses the whole job. Tests pass a {@link javax.print.StreamPrintService} (PostScript
 * to a file) as the printer.
 */
public final class JavaxReportPrinter implements ReportPrinter {
    private static final DocFlavor FLAVOR = DocFlavor.SERVICE_FORMATTED.PAGEABLE;
    private final Supplier<List<PrintService>> services;
    private final Supplier<Optional<String>> defaultName;

    /** The printers installed on this computer. */
    public JavaxReportPrinter() {
        this(() -> Arrays.asList(PrintServiceLookup.lookupPrintServices(FLAVOR, null)),
                () -> Optional.ofNullable(PrintServiceLookup.lookupDefaultPrintService()).map(PrintService::getName));
    }

    /** Given printers (tests: a stream print service), the first being the default. */
    public JavaxReportPrinter(Supplier<List<PrintService>> services, Supplier<Optional<String>> defaultName) {
        this.services = Objects.requireNonNull(services, "services");
        this.defaultName = Objects.requireNonNull(defaultName, "defaultName");
    }

    @Override
    public List<PrinterChoice> printers() {
        List<PrinterChoice> out = new ArrayList<>();
        for (PrintService s : services.get()) {
            out.add(new PrinterChoice(s.getName(), papers(s), defaultPaper(s)));
        }
        return out;
    }

    @Override
    public Optional<String> defaultPrinterName() {
        return defaultName.get();
    }

    @Override
    public void print(PrintJobRequest job) throws PrintRefusedException {
        List<PrintService> all = services.get();
        if (all.isEmpty()) {
            throw new PrintRefusedException(PrintRefusedException.Reason.NO_PRINTER, "No printer is installed");
        }
        PrintService service = all.stream().filter(s -> s.getName().equals(job.printerName())).findFirst()
                .orElseThrow(() -> new PrintRefusedException(PrintRefusedException.Reason.PRINTER_NOT_FOUND,
                        "Printer " + job.printerName() + " is no longer installed"));
        try (PDDocument document = load(job.pdf(), job.jobName())) {
            List<PageFit.PageSize> pages = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                pages.add(ActualSizePageable.pageSize(document.getPage(i), i + 1));
            }
            List<PageFit.PageSize> tooLarge = PageFit.tooLarge(pages, job.paper());
            if (!tooLarge.isEmpty()) {
                throw new PrintRefusedException(PrintRefusedException.Reason.PAGE_TOO_LARGE, tooLarge.stream()
                        .map(p -> "page " + p.pageNumber() + " (" + p.describe() + ")")
                        .collect(Collectors.joining(", ")) + " larger than " + job.paper().describe());
            }
            PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
            attributes.add(new Copies(job.copies()));
            attributes.add(new JobName(job.jobName(), null));
            mediaName(service, job.paper()).ifPresent(attributes::add);
            DocPrintJob printJob = service.createPrintJob();
            printJob.print(new SimpleDoc(new ActualSizePageable(document, job.paper()), FLAVOR, null), attributes);
        } catch (PrintException e) {
            throw new PrintRefusedException(PrintRefusedException.Reason.PRINTER_ERROR, "Printer " + service.getName()
                    + " refused the job: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PrintRefusedException(PrintRefusedException.Reason.UNREADABLE_PDF, "PDF " + job.jobName()
                    + " could not be closed after printing: " + e.getMessage(), e);
        }
    }

    private static PDDocument load(byte[] pdf, String name) throws PrintRefusedException {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new PrintRefusedException(PrintRefusedException.Reason.UNREADABLE_PDF, "PDF " + name
                    + " is not readable: " + e.getMessage(), e);
        }
    }

    private static List<PaperSize> papers(PrintService s) {
        Object values = s.getSupportedAttributeValues(Media.class, FLAVOR, null);
        List<PaperSize> out = new ArrayList<>();
        if (values instanceof Media[] media) {
            for (Media m : media) {
                if (m instanceof MediaSizeName name) {
                    paperOf(name).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private static PaperSize defaultPaper(PrintService s) {
        Object value = s.getDefaultAttributeValue(Media.class);
        if (value instanceof MediaSizeName name) {
            return paperOf(name).orElse(PaperSize.A4);
        }
        return PaperSize.A4;
    }

    private static Optional<PaperSize> paperOf(MediaSizeName name) {
        MediaSize size = MediaSize.getMediaSizeForName(name);
        if (size == null) {
            return Optional.empty();
        }
        return Optional.of(new PaperSize(name.toString(),
                new java.math.BigDecimal(Float.toString(size.getX(MediaSize.MM))),
                new java.math.BigDecimal(Float.toString(size.getY(MediaSize.MM)))));
    }

    /** The printer's media name for the paper, so the printer takes that sheet. */
    private static Optional<MediaSizeName> mediaName(PrintService s, PaperSize paper) {
        Object values = s.getSupportedAttributeValues(Media.class, FLAVOR, null);
        if (values instanceof Media[] media) {
            for (Media m : media) {
                if (m instanceof MediaSizeName name && name.toString().equals(paper.name())) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }
}
