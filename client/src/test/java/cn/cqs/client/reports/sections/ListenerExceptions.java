package cn.cqs.client.reports.sections;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when a JavaFX property listener threw: JavaFX hands such exceptions to the thread's
 * uncaught-exception handler and carries on, which would hide a broken listener in a view model test.
 */
final class ListenerExceptions implements BeforeEachCallback, AfterEachCallback {
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    @Override
    public void beforeEach(ExtensionContext context) {
        thrown.clear();
        previous = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Thread.currentThread().setUncaughtExceptionHandler(previous);
        if (!thrown.isEmpty()) {
            AssertionError error = new AssertionError("A property listener threw " + thrown.size() + " time(s)",
                    thrown.get(0));
            thrown.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }
}
