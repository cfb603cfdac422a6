package cn.cqs.client.batches.dosing;

import cn.cqs.client.dialogs.DialogService;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * What the dosing import screen works with: the batch lookup, the outbox submissions, the report
 * source, the dialogs, and where to run background work and how to get back onto the JavaFX thread
 * ({@code ui}; tests run both inline).
 */
public record DosingImportEnvironment(PlantBatches batches, DosingSubmissions submissions, DosingReports reports,
                                      DialogService dialogs, Executor background, Executor ui) {
    public DosingImportEnvironment {
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(submissions, "submissions");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
    }

    /** Runs {@code work} in the background, then {@code done} (result or failure) on the UI thread. */
    public <T> void run(Callable<T> work, BiConsumer<T, Exception> done) {
        cn.cqs.client.shell.BackgroundWork.run(background, ui, work, done);
    }
}
