package cn.cqs.contract.reports;

import java.time.Instant;

/**
 * Body of {@code POST /api/v1/reports/{id}/prints} (打印记录): the client tells the server that it
 * printed a report. The printing user is the caller. Sent through the client's outbox with an
 * {@code Idempotency-Key}, so a print made offline is recorded once when the client is back online.
 *
 * @param copies      how many copies were printed, {@value #MIN_COPIES} to {@value #MAX_COPIES}
 * @param printerName the printer's name as the operating system knows it, at most
 *                    {@value #MAX_PRINTER_NAME} characters
 * @param printedAt   the client's clock when the print job was handed to the printer
 */
public record ReportPrintRequest(Integer copies, String printerName, Instant printedAt) {
    public static final int MIN_COPIES = 1;
    public static final int MAX_COPIES = 99;
    public static final int MAX_PRINTER_NAME = 200;
}
