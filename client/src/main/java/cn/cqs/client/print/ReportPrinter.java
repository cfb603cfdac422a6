package cn.cqs.client.print;

import java.util.List;
import java.util.Optional;

/**
 * Prints report PDFs at 100 % (实际大小, "fit to page" off), so the QR code keeps its printed size.
 * The one implementation used by the client is {@link JavaxReportPrinter}; the interface lets the
 * preview be tested without a printer. Blocking; call off the UI thread.
 */
public interface ReportPrinter {

    /** The installed printers; empty when there is none. */
    List<PrinterChoice> printers();

    /** The operating system's default printer, if any. */
    Optional<String> defaultPrinterName();

    /**
     * Prints the job, or refuses with the reason: a page larger than the paper is refused, never
     * scaled down.
     */
    void print(PrintJobRequest job) throws PrintRefusedException;
}
