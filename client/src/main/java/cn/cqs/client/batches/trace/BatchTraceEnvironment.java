package cn.cqs.client.batches.trace;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.viewer.ReportViewerOpener;
import cn.cqs.contract.auth.CurrentUser;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * What the 批次追溯 screen works with: the server's trace, who is looking (the plant links and
 * unlinks cube reports, a lab unlinks what it linked), the report viewer for 打开 PDF, the dialogs,
 * the QR label reader, the link dialog's window, and where to run background work and how to get
 * back onto the JavaFX thread ({@code ui}; tests may run both inline).
 */
public record BatchTraceEnvironment(BatchTraceSource source, CurrentUser user, ReportViewerOpener viewers,
                                    DialogService dialogs, SerialLabels labels, CubeReportLinkDialogs linkDialogs,
                                    Executor background, Executor ui) {
    public BatchTraceEnvironment {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(viewers, "viewers");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(linkDialogs, "linkDialogs");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
    }

    /** Runs {@code work} in the background, then {@code done} (result or failure) on the UI thread. */
    public <T> void run(Callable<T> work, BiConsumer<T, Exception> done) {
        cn.cqs.client.shell.BackgroundWork.run(background, ui, work, done);
    }
}
