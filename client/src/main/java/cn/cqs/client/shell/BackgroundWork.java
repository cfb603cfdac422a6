package cn.cqs.client.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The one way screens run work off the UI thread: {@code work} on the background executor, then
 * {@code done} with its result or its failure on the UI executor (exactly one of them non-null,
 * unless the work returned null). View models receive both executors, so tests run them inline.
 */
public final class BackgroundWork {
    private BackgroundWork() {
    }

    public static <T> void run(Executor background, Executor ui, Callable<T> work, BiConsumer<T, Exception> done) {
        background.execute(() -> {
            T result = null;
            Exception failure = null;
            try {
                result = work.call();
            } catch (Exception e) {
                failure = e;
            }
            T r = result;
            Exception f = failure;
            ui.execute(() -> done.accept(r, f));
        });
    }
}
