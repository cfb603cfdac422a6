package cn.cqs.client.print;

import java.util.Objects;

/**
 * One print job: the PDF, always at 100 %, on one printer and paper.
 *
 * @param pdf     the PDF's bytes
 * @param jobName the job's name in the printer queue (the report number)
 * @param copies  1 to {@value #MAX_COPIES}
 */
public record PrintJobRequest(byte[] pdf, String jobName, String printerName, PaperSize paper, int copies) {
    public static final int MAX_COPIES = 99;

    public PrintJobRequest {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(printerName, "printerName");
        Objects.requireNonNull(paper, "paper");
        if (copies < 1 || copies > MAX_COPIES) {
            throw new IllegalArgumentException("copies: must be 1 to " + MAX_COPIES + ", was " + copies);
        }
    }
}
