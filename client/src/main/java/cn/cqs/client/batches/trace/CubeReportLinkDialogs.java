package cn.cqs.client.batches.trace;

/**
 * Shows the 关联试块报告 dialog for a view model (the JavaFX implementation is
 * {@link BatchTraceWindows}; tests may drive the view model without a window).
 */
@FunctionalInterface
public interface CubeReportLinkDialogs {
    /** Opens the dialog; it closes itself when the view model asks ({@link CubeReportLinkViewModel#closedProperty()}). */
    void show(CubeReportLinkViewModel vm);
}
