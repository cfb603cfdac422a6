package cn.cqs.client.rendering;

/**
 * A report could not be rendered to PDF: the compiled template is missing or damaged (a build
 * problem) or JasperReports failed while filling or exporting.
 */
public class ReportRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportRenderingException(String message) {
        super(message);
    }

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
