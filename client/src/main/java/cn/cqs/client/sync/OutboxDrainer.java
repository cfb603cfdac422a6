package cn.cqs.client.sync;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * 后台上传: sends the outbox's pending entries in creation order, one at a time, on its own
 * background thread, through an {@link OutboxSender}.
 *
 * <ul>
 *   <li>Delivered: the entry becomes {@code DONE} with the server's receipt; the next one follows.</li>
 *   <li>Rejected (a permanent 4xx): the entry becomes {@code FAILED_PERMANENT} with the reason, for
 *       the user to see and fix; the next one follows.</li>
 *   <li>Retry later (server unreachable, 5xx, 429, ...): the entry goes back to {@code PENDING} and
 *       the drainer stops, trying again after an exponential {@link Backoff}; {@link #drainNow()}
 *       (e.g. when the connection is back or after logging in again) tries at once.</li>
 * </ul>
 * Nothing pending is ever deleted. If the client is killed while an entry is {@code SENDING}, the
 * next {@link LocalStore#open} puts it back to {@code PENDING}; sending it again is safe because
 * the idempotency key makes the server apply it once. After {@link #start()}, newly enqueued
 * entries are sent at once when the drainer is idle. Progress is reported to
 * {@link OutboxListener#progressChanged}. {@link #pause()} is kept in the profile database, so a
 * paused queue stays paused across restarts until {@link #resume()}.
 *
 * <p>Each entry costs a constant number of indexed statements (take the next by
 * {@code (state, seq)}, update by id, counts from the trigger-kept {@code outbox_state_count}), so
 * draining 1,000 entries does not rescan the table per entry.
 */
public final class OutboxDrainer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxDrainer.class.getName());

    private final Outbox outbox;
    private final OutboxSender sender;
    private final Backoff backoff;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final List<OutboxListener> listeners = new CopyOnWriteArrayList<>();
    private final OutboxListener enqueueWatcher = new OutboxListener() {
        @Override
        public void enqueued(OutboxEntry entry) {
            if (progress.state() == DrainerState.IDLE) {
                submitDrain();
            }
        }
    };

    /** Held while deciding to start the next entry, so that after {@link #pause()} returns nothing new starts. */
    private final Object claimLock = new Object();
    private volatile boolean started;
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile DrainProgress progress = DrainProgress.IDLE;
    private ScheduledFuture<?> pendingRetry;
    // touched only on the drainer thread
    private int consecutiveFailures;
    private int done;

    public OutboxDrainer(Outbox outbox, OutboxSender sender, Backoff backoff) {
        this(outbox, sender, backoff, Clock.systemUTC());
    }

    public OutboxDrainer(Outbox outbox, OutboxSender sender, Backoff backoff, Clock clock) {
        if (outbox == null) {
            throw new IllegalArgumentException("outbox: required");
        }
        if (sender == null) {
            throw new IllegalArgumentException("sender: required");
        }
        if (backoff == null) {
            throw new IllegalArgumentException("backoff: required");
        }
        this.outbox = outbox;
        this.sender = sender;
        this.backoff = backoff;
        this.clock = clock;
        this.paused = outbox.isPaused();
        if (paused) {
            this.progress = new DrainProgress(DrainerState.PAUSED, 0, outbox.counts().waiting(), null, null, null);
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-drainer");
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(OutboxListener listener) {
        listeners.add(listener);
    }

    public void removeListener(OutboxListener listener) {
        listeners.remove(listener);
    }

    /** Starts draining now, and whenever an entry is enqueued while idle. */
    public void start() {
        if (closed) {
            throw new IllegalStateException("The outbox drainer is closed");
        }
        if (!started) {
            started = true;
            outbox.addListener(enqueueWatcher);
        }
        submitDrain();
    }

    /** Tries at once, skipping any backoff wait (connection back, logged in again, user asked). */
    public void drainNow() {
        if (!started) {
            throw new IllegalStateException("The outbox drainer has not been started");
        }
        submitDrain();
    }

    /**
     * 暂停上传: the entry being sent (if any) finishes; once this returns no other entry starts until
     * {@link #resume()}. The paused state is kept in the profile database: a drainer created on it
     * later (the client restarted) starts paused. Writes the database; call off the JavaFX thread.
     */
    public void pause() {
        synchronized (claimLock) {
            if (!paused) {
                outbox.setPaused(true);
                paused = true;
            }
        }
        cancelRetry();
        if (progress.state() != DrainerState.SENDING) {
            publish(new DrainProgress(DrainerState.PAUSED, progress.done(), progress.total(), null,
                    progress.lastError(), null));
        }
    }

    /** 继续上传: continues after {@link #pause()}, also after a restart; writes the database. */
    public void resume() {
        synchronized (claimLock) {
            if (paused) {
                outbox.setPaused(false);
                paused = false;
            }
        }
        if (started) {
            submitDrain();
        } else {
            publish(DrainProgress.IDLE);
        }
    }

    /** Whether the user paused uploading (an entry being sent may still finish). */
    public boolean isPaused() {
        return paused;
    }

    /** The latest progress. */
    public DrainProgress progress() {
        return progress;
    }

    private synchronized void submitDrain() {
        if (closed || !started) {
            return;
        }
        cancelRetry();
        executor.execute(this::drain);
    }

    private synchronized void cancelRetry() {
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }

    private synchronized void scheduleRetry(Duration delay) {
        if (closed) {
            return;
        }
        cancelRetry();
        pendingRetry = executor.schedule(this::drain, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drain() {
        try {
            drainLoop();
        } catch (RuntimeException e) {
            // the local database failed; keep the entries and try again later
            LOG.log(System.Logger.Level.ERROR, "Draining the outbox failed", e);
            waitToRetry("Local database: " + e.getMessage(), null);
        }
    }

    private void drainLoop() {
        while (!closed) {
            OutboxEntry entry;
            synchronized (claimLock) {
                if (paused) {
                    publish(new DrainProgress(DrainerState.PAUSED, done, done + outbox.counts().waiting(), null,
                            progress.lastError(), null));
                    return;
                }
                Optional<OutboxEntry> next = outbox.claimNext();
                if (next.isEmpty()) {
                    done = 0;
                    publish(DrainProgress.IDLE);
                    return;
                }
                entry = next.get();
            }
            publish(new DrainProgress(DrainerState.SENDING, done, done + outbox.counts().waiting(), entry,
                    progress.lastError(), null));
            SendResult result = send(entry);
            if (result instanceof SendResult.Delivered delivered) {
                outbox.markDone(entry.id(), delivered.receipt());
                consecutiveFailures = 0;
                done++;
            } else if (result instanceof SendResult.Rejected rejected) {
                outbox.markFailedPermanent(entry.id(), "HTTP " + rejected.status() + ": " + rejected.message(),
                        rejected.problem());
                consecutiveFailures = 0;
                done++;
            } else {
                SendResult.RetryLater retry = (SendResult.RetryLater) result;
                outbox.markRetry(entry.id(), retry.reason());
                waitToRetry(retry.reason(), retry.retryAfter());
                return;
            }
        }
    }

    private SendResult send(OutboxEntry entry) {
        try {
            SendResult result = sender.send(entry);
            return result != null ? result : new SendResult.RetryLater("The sender gave no result", null);
        } catch (IOException e) {
            return new SendResult.RetryLater("Server unreachable: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Sending outbox entry " + entry.id() + " failed", e);
            return new SendResult.RetryLater("Sending failed: " + e, null);
        }
    }

    private void waitToRetry(String reason, Duration retryAfter) {
        consecutiveFailures++;
        Duration delay = backoff.delay(consecutiveFailures, retryAfter);
        Instant next = clock.instant().plus(delay);
        int waiting = outbox.counts().waiting();
        publish(new DrainProgress(paused ? DrainerState.PAUSED : DrainerState.WAITING_TO_RETRY, done,
                done + waiting, null, reason, paused ? null : next));
        if (!paused) {
            scheduleRetry(delay);
        }
    }

    private void publish(DrainProgress next) {
        progress = next;
        listeners.forEach(l -> Outbox.notify(() -> l.progressChanged(next)));
    }

    /** Stops the drainer, letting an entry being sent finish (up to 10 s, then interrupting it). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cancelRetry();
        }
        outbox.removeListener(enqueueWatcher);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        publish(new DrainProgress(DrainerState.STOPPED, 0, 0, null, null, null));
    }
}
