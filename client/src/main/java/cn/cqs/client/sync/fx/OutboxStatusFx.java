package cn.cqs.client.sync.fx;

import cn.cqs.client.sync.DrainProgress;
import cn.cqs.client.sync.DrainerState;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxCounts;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxListener;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The outbox's state as JavaFX properties for the status bar ("N changes waiting to upload",
 * a progress bar, the entry being sent). The outbox and the drainer report on their own threads;
 * this adapter updates its properties on the JavaFX application thread only.
 *
 * <p>Create it off the FX thread (it reads the current counts from the database), then bind to
 * its properties. {@link #close()} stops listening.
 */
public final class OutboxStatusFx implements AutoCloseable {
    private final Outbox outbox;
    private final OutboxDrainer drainer;
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper currentKind = new ReadOnlyStringWrapper(this, "currentKind");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError");
    private final ReadOnlyObjectWrapper<DrainerState> state =
            new ReadOnlyObjectWrapper<>(this, "state", DrainerState.IDLE);
    private final OutboxListener listener = new OutboxListener() {
        @Override
        public void countsChanged(OutboxCounts counts) {
            onFxThread(() -> applyCounts(counts));
        }

        @Override
        public void progressChanged(DrainProgress p) {
            onFxThread(() -> applyProgress(p));
        }
    };

    public OutboxStatusFx(Outbox outbox, OutboxDrainer drainer) {
        if (outbox == null) {
            throw new IllegalArgumentException("outbox: required");
        }
        if (drainer == null) {
            throw new IllegalArgumentException("drainer: required");
        }
        this.outbox = outbox;
        this.drainer = drainer;
        outbox.addListener(listener);
        drainer.addListener(listener);
        OutboxCounts counts = outbox.counts();
        DrainProgress current = drainer.progress();
        onFxThread(() -> {
            applyCounts(counts);
            applyProgress(current);
        });
    }

    private static void onFxThread(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    private void applyCounts(OutboxCounts counts) {
        waiting.set(counts.waiting());
        failed.set(counts.failedPermanent());
    }

    private void applyProgress(DrainProgress p) {
        state.set(p.state());
        done.set(p.done());
        total.set(p.total());
        progress.set(p.fraction());
        currentKind.set(p.current() == null ? null : p.current().kind());
        lastError.set(p.lastError());
    }

    /** Changes waiting to upload (pending and being sent). */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** Changes the server rejected, waiting for the user. */
    public ReadOnlyIntegerProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Entries sent since the drainer was last idle. */
    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** {@code done} plus those still waiting. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** {@code done / total}, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The kind of the entry being sent (e.g. {@code report.upload}), or null. */
    public ReadOnlyStringProperty currentKindProperty() {
        return currentKind.getReadOnlyProperty();
    }

    /** Why the last attempt failed (server unreachable, ...), or null. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DrainerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public void close() {
        outbox.removeListener(listener);
        drainer.removeListener(listener);
    }
}
