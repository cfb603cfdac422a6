package cn.cqs.client.sync;

/**
 * Told about outbox changes. Called on the thread that made the change (a screen's task, or the
 * drainer's thread): a JavaFX listener must hop to the FX thread ({@code sync.fx.OutboxStatusFx}
 * does). A listener must not block.
 */
public interface OutboxListener {
    /** The number of entries per state changed. */
    default void countsChanged(OutboxCounts counts) {
    }

    /** The drainer's progress changed. */
    default void progressChanged(DrainProgress progress) {
    }

    /** An entry was added (the drainer uses it to start sending at once). */
    default void enqueued(OutboxEntry entry) {
    }
}
