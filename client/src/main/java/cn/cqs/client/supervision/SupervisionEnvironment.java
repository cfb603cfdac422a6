package cn.cqs.client.supervision;

import cn.cqs.client.dialogs.DialogService;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * What the supervision view models work with: the local report search, the statistics source, the
 * dialog service, where to run background work and how to get back onto the JavaFX thread
 * ({@code ui}; tests run both inline), the clock (today's date for the default period) and where a
 * report's PDF opens ({@code viewers}: the PDF viewer with version history and printing).
 */
public record SupervisionEnvironment(SupervisedReports reports, ReportStatisticsSource statistics,
                                     DialogService dialogs, Executor background, Executor ui, Clock clock,
                                     cn.cqs.client.viewer.ReportViewerOpener viewers) {
    public SupervisionEnvironment {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(viewers, "viewers");
    }

    /** Runs {@code work} in the background, then {@code done} (result or failure) on the UI thread. */
    public <T> void run(Callable<T> work, BiConsumer<T, Exception> done) {
        cn.cqs.client.shell.BackgroundWork.run(background, ui, work, done);
    }
}
