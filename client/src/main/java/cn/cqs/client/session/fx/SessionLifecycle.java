package cn.cqs.client.session.fx;

import cn.cqs.client.api.UserSession;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.shell.ConnectionState;
import cn.cqs.client.shell.OutboxStatus;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.DrainerState;
import cn.cqs.client.sync.fx.OutboxStatusFx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * Connects a logged-in user's {@link SessionWorkspace} to the shell: opens it after login (off the
 * JavaFX thread), feeds the status bar's {@link OutboxStatus} (pending count, and "draining" while
 * an upload runs) from the workspace's {@link OutboxStatusFx}, syncs and drains when the
 * connection comes back, and closes the workspace on logout or exit. One instance for the
 * application; one workspace at a time.
 */
public final class SessionLifecycle implements OutboxStatus {
    private final BiFunction<Path, UserSession, SessionWorkspace> opener;
    private final Duration syncPeriod;
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending", 0);
    private final ReadOnlyBooleanWrapper draining = new ReadOnlyBooleanWrapper(this, "draining", false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused", false);
    private final ChangeListener<ConnectionState> connectionListener = (obs, old, now) -> {
        if (now == ConnectionState.ONLINE && old != ConnectionState.ONLINE) {
            current().ifPresent(SessionWorkspace::connectionRestored);
        }
    };
    private volatile SessionWorkspace workspace;
    private OutboxStatusFx status;
    private ReadOnlyObjectProperty<ConnectionState> watched;

    /** Opens workspaces with the API client of the session, syncing every {@code syncPeriod}. */
    public SessionLifecycle(Duration syncPeriod) {
        this((root, session) -> SessionWorkspace.open(root, session, Backoff.standard()), syncPeriod);
    }

    public SessionLifecycle(BiFunction<Path, UserSession, SessionWorkspace> opener, Duration syncPeriod) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.syncPeriod = Objects.requireNonNull(syncPeriod, "syncPeriod");
    }

    /**
     * Opens the workspace of {@code session} under {@code profilesRoot}, starts sync and the outbox;
     * call off the JavaFX thread. A workspace still open is closed first.
     */
    public SessionWorkspace open(Path profilesRoot, UserSession session) {
        close();
        SessionWorkspace opened = opener.apply(profilesRoot, session);
        OutboxStatusFx fx = new OutboxStatusFx(opened.outbox(), opened.drainer());
        workspace = opened;
        Platform.runLater(() -> attach(opened, fx));
        opened.start(syncPeriod);
        return opened;
    }

    private void attach(SessionWorkspace opened, OutboxStatusFx fx) {
        if (workspace != opened) {
            fx.close();
            return;
        }
        status = fx;
        pending.bind(fx.waitingProperty());
        draining.bind(fx.stateProperty().isEqualTo(DrainerState.SENDING));
        paused.bind(fx.stateProperty().isEqualTo(DrainerState.PAUSED));
    }

    /** Syncs and drains whenever {@code connection} turns ONLINE (call on the JavaFX thread). */
    public void watch(ReadOnlyObjectProperty<ConnectionState> connection) {
        if (watched != null) {
            watched.removeListener(connectionListener);
        }
        watched = connection;
        connection.addListener(connectionListener);
    }

    /** The open workspace, if a user is logged in. */
    public Optional<SessionWorkspace> current() {
        SessionWorkspace w = workspace;
        return w == null || w.isClosed() ? Optional.empty() : Optional.of(w);
    }

    /** Closes the open workspace (pending uploads stay in its database); safe to call twice. */
    public void close() {
        SessionWorkspace open = workspace;
        workspace = null;
        Runnable detach = () -> {
            if (watched != null) {
                watched.removeListener(connectionListener);
                watched = null;
            }
            pending.unbind();
            draining.unbind();
            paused.unbind();
            pending.set(0);
            draining.set(false);
            paused.set(false);
            if (status != null) {
                status.close();
                status = null;
            }
        };
        if (Platform.isFxApplicationThread()) {
            detach.run();
        } else {
            Platform.runLater(detach);
        }
        if (open != null) {
            open.close();
        }
    }

    @Override
    public ReadOnlyIntegerProperty pendingCount() {
        return pending.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty draining() {
        return draining.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty paused() {
        return paused.getReadOnlyProperty();
    }
}
