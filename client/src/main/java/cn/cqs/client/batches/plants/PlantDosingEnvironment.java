package cn.cqs.client.batches.plants;

import cn.cqs.client.batches.dosing.DosingReports;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * What the regulators' plant screen works with: the figures, the batches' dosing reports, where to
 * run background work and how to get back onto the JavaFX thread, and the clock (today's date for
 * the default period).
 */
public record PlantDosingEnvironment(PlantDosingSource source, DosingReports reports, Executor background, Executor ui,
                                     Clock clock) {
    public PlantDosingEnvironment {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code work} in the background, then {@code done} (result or failure) on the UI thread. */
    public <T> void run(Callable<T> work, BiConsumer<T, Exception> done) {
        cn.cqs.client.shell.BackgroundWork.run(background, ui, work, done);
    }
}
