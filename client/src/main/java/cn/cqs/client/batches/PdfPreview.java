package cn.cqs.client.batches;

/**
 * Shows a PDF the plant office made (a delivery ticket, a label sheet) in the client's print
 * preview, which prints at actual size only. The shell's windows implement it; tests record calls.
 */
@FunctionalInterface
public interface PdfPreview {
    void show(String jobName, byte[] pdf);
}
