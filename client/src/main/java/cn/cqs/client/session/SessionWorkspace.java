package cn.cqs.client.session;

import cn.cqs.client.api.UserSession;
import cn.cqs.client.credentials.CredentialStore;
import cn.cqs.client.credentials.OrganisationUsccCache;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.ChangeFeedSource;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxSender;
import cn.cqs.client.sync.ProfilePaths;
import cn.cqs.client.sync.Replica;
import cn.cqs.client.sync.ReplicaIndexer;
import cn.cqs.client.sync.ReplicaIndexers;
import cn.cqs.client.sync.SyncResult;
import cn.cqs.client.sync.SyncService;
import cn.cqs.contract.time.ChinaTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * 用户工作区: everything a logged-in user works with locally, opened after login and closed on
 * logout: the profile's {@link LocalStore} ({@link ProfilePaths#databaseFile}), the
 * {@link Replica} (indexers for {@code project} and {@code report}), the {@link SyncService} on the
 * server's change feed (the plant office's batches, lots and mix designs into their own tables,
 * {@link cn.cqs.client.batches.PlantCache}), the {@link Outbox} with its {@link OutboxDrainer} sending through the API
 * client, and the organisation's {@link SigningCredentials}.
 *
 * <p>Syncs when {@link #start started}, every {@code syncPeriod}, and on {@link #connectionRestored()};
 * all on its own background thread. Closing stops the drainer (an entry being sent may finish)
 * and closes the database; pending outbox entries stay in it for the next login. No JavaFX.
 */
public final class SessionWorkspace implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SessionWorkspace.class.getName());

    /** Replica entity of projects ({@link cn.cqs.contract.projects.Project} JSON). */
    public static final String PROJECT = "project";
    /** Replica entity of uploaded reports ({@link cn.cqs.contract.reports.ReportRecord} JSON). */
    public static final String REPORT = "report";

    private final UserSession session;
    private final Path profileDirectory;
    private final LocalStore store;
    private final Replica replica;
    private final SyncService sync;
    private final ChangeFeedSource feed;
    private final Outbox outbox;
    private final OutboxDrainer drainer;
    private final SigningCredentials credentials;
    private final cn.cqs.client.batches.PlantCache plant;
    private final ScheduledExecutorService scheduler;
    private final List<Runnable> dataListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private SessionWorkspace(UserSession session, Path profileDirectory, LocalStore store, ChangeFeedSource feed,
                             OutboxSender sender, Backoff backoff) {
        this.session = session;
        this.profileDirectory = profileDirectory;
        this.store = store;
        this.replica = new Replica(store, indexers());
        this.plant = new cn.cqs.client.batches.PlantCache(store, java.time.Clock.systemUTC(), ChinaTime.ZONE);
        replica.addSink(cn.cqs.client.batches.PlantCache.BATCH_ENTITY, plant.batchSink());
        replica.addSink(cn.cqs.client.batches.PlantCache.LOT_ENTITY, plant.lotSink());
        replica.addSink(cn.cqs.client.batches.PlantCache.MIX_DESIGN_ENTITY, plant.mixDesignSink());
        this.sync = new SyncService(store, replica);
        this.feed = feed;
        this.outbox = new Outbox(store);
        this.drainer = new OutboxDrainer(outbox, new cn.cqs.client.sync.ReceiptReferences(outbox, sender), backoff);
        this.credentials = new SigningCredentials(new CredentialStore(profileDirectory.resolve("credentials")),
                new OrganisationUsccCache(session.api(), profileDirectory), session.user().organisationId());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** How records of each entity are indexed for local lists. */
    public static ReplicaIndexers indexers() {
        return ReplicaIndexers.textOnly()
                .with(PROJECT, ReplicaIndexer.fields("name", null, null))
                .with(REPORT, ReplicaIndexer.fields("reportNumber", "issuedAt", "projectId"));
    }

    /**
     * Opens the workspace of {@code session}'s user under {@code profilesRoot}, talking to the
     * server through the session's API client.
     */
    public static SessionWorkspace open(Path profilesRoot, UserSession session, Backoff backoff) {
        return open(profilesRoot, session, new ApiChangeFeedSource(session.api()),
                new ApiOutboxSender(session.api()), backoff);
    }

    /** Opens the workspace with the given feed and sender (tests substitute them). */
    public static SessionWorkspace open(Path profilesRoot, UserSession session, ChangeFeedSource feed,
                                        OutboxSender sender, Backoff backoff) {
        Objects.requireNonNull(session, "session");
        Path database = ProfilePaths.databaseFile(profilesRoot, session.api().serverUrl(), session.user().username());
        LocalStore store = LocalStore.open(database);
        Path directory = database.resolveSibling(database.getFileName().toString().replaceFirst("\\.db$", "") + ".files");
        return new SessionWorkspace(session, directory, store, feed, sender, backoff);
    }

    /** Starts the drainer and the periodic sync (the first one at once). */
    public void start(Duration syncPeriod) {
        drainer.start();
        scheduler.execute(this::compactDeliveredQuietly);
        scheduler.scheduleWithFixedDelay(this::syncQuietly, 0, syncPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pulls the change feed now (on the caller's thread). */
    public synchronized SyncResult syncNow() throws IOException {
        SyncResult result = sync.syncOnce(feed);
        if (result.applied() > 0) {
            fireDataChanged();
        }
        return result;
    }

    /** Syncs soon on the workspace's thread. */
    public void requestSync() {
        if (!closed) {
            scheduler.execute(this::syncQuietly);
        }
    }

    /** Drops the documents that profiles of earlier versions kept in delivered outbox entries. */
    private void compactDeliveredQuietly() {
        try {
            int compacted = outbox.compactDelivered();
            if (compacted > 0) {
                LOG.log(System.Logger.Level.INFO, "Dropped the documents of {0} delivered outbox entries", compacted);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not compact delivered outbox entries: " + e.getMessage(), e);
        }
    }

    private void syncQuietly() {
        try {
            syncNow();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "Sync failed; it is tried again later: {0}", e.getMessage());
        }
    }

    /** The server answers again: sync and send the outbox at once. */
    public void connectionRestored() {
        requestSync();
        drainer.drainNow();
    }

    /** Sends the outbox now, skipping any backoff wait. */
    public void drainNow() {
        drainer.drainNow();
    }

    /** Runs {@code listener} (on a background thread) when synced or local records changed. */
    public void addDataListener(Runnable listener) {
        dataListeners.add(listener);
    }

    public void removeDataListener(Runnable listener) {
        dataListeners.remove(listener);
    }

    /** Tells data listeners that local records changed (e.g. a report was saved or issued). */
    public void fireDataChanged() {
        for (Runnable l : dataListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A data listener failed", e);
            }
        }
    }

    public UserSession session() {
        return session;
    }

    /** The user's own files (credentials, issued PDFs) beside the profile database. */
    public Path profileDirectory() {
        return profileDirectory;
    }

    public LocalStore store() {
        return store;
    }

    public Replica replica() {
        return replica;
    }

    public Outbox outbox() {
        return outbox;
    }

    public OutboxDrainer drainer() {
        return drainer;
    }

    /** The plant office's tables (material lots, mix designs, batches), kept in step with the feed. */
    public cn.cqs.client.batches.PlantCache plant() {
        return plant;
    }

    public SigningCredentials credentials() {
        return credentials;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops syncing and sending, forgets the unlocked credential and closes the database. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        credentials.forget();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainer.close();
        synchronized (this) {
            store.close();
        }
    }
}
