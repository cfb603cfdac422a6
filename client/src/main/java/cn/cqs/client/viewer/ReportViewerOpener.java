package cn.cqs.client.viewer;

/** Opens a report in a viewer window; view models call it, the JavaFX implementation is {@link ReportViewerWindows}. */
@FunctionalInterface
public interface ReportViewerOpener {
    void open(ReportDocument document);
}
