package cn.cqs.client.shell;

import cn.cqs.client.api.ApiClient;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * Checks in the background, every {@code period}, whether the server answers (a cheap
 * {@link ApiClient#probe()} without retries) and publishes the {@link ConnectionState} on the
 * JavaFX thread. Start-up never waits for it.
 */
public final class ConnectionMonitor {
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.CHECKING);
    private final ScheduledService<Boolean> service;

    public ConnectionMonitor(ApiClient api, Duration period) {
        service = new ScheduledService<>() {
            @Override
            protected Task<Boolean> createTask() {
                return new Task<>() {
                    @Override
                    protected Boolean call() {
                        return api.probe();
                    }
                };
            }
        };
        service.setPeriod(period);
        service.setRestartOnFailure(true);
        service.setOnSucceeded(e -> state.set(Boolean.TRUE.equals(service.getValue())
                ? ConnectionState.ONLINE : ConnectionState.OFFLINE));
        service.setOnFailed(e -> state.set(ConnectionState.OFFLINE));
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Starts checking (call on the JavaFX thread). */
    public void start() {
        service.start();
    }

    /** Checks again now, e.g. when the user clicks the status. */
    public void checkNow() {
        state.set(ConnectionState.CHECKING);
        service.restart();
    }

    public void stop() {
        service.cancel();
    }
}
