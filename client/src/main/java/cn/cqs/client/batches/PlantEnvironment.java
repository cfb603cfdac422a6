package cn.cqs.client.batches;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.reports.ProjectChoice;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * What the plant office's view models work with: the registrar (outbox + local tables), the
 * notification watch, the printed documents, the projects to choose from, the dialog service,
 * where to run background work and how to get back onto the JavaFX thread ({@code ui}; tests run
 * both inline), the clock and zone, and how long a form waits for the server's answer before
 * saying "saved, will be uploaded".
 *
 * @param drainNow asks the outbox drainer to send at once
 */
public record PlantEnvironment(PlantRegistrar registrar, NotificationWatch watch, PlantPrints prints,
                               Callable<List<ProjectChoice>> projects, DialogService dialogs, Executor background,
                               Executor ui, Clock clock, ZoneId zone, Runnable drainNow, Duration sendWait,
                               PdfPreview preview) {
    public PlantEnvironment {
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(prints, "prints");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(drainNow, "drainNow");
        Objects.requireNonNull(sendWait, "sendWait");
        Objects.requireNonNull(preview, "preview");
    }

    public PlantCache cache() {
        return registrar.cache();
    }

    /** Runs {@code work} in the background, then {@code done} (result or failure) on the UI thread. */
    public <T> void run(Callable<T> work, java.util.function.BiConsumer<T, Exception> done) {
        cn.cqs.client.shell.BackgroundWork.run(background, ui, work, done);
    }
}
