package cn.cqs.client.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 本地数据库: the SQLite database of one user profile (one file per server and user, see
 * {@link ProfilePaths}), holding the replica, the sync cursors and the outbox.
 *
 * <p>Opening it takes an exclusive lock on {@code <file>.lock} (one client per profile), refuses a
 * file from a newer client version ({@link NewerSchemaException}, file untouched), switches to WAL,
 * migrates older files step by step inside transactions (never losing an outbox row), and puts
 * outbox entries a killed client left in {@code SENDING} back to {@code PENDING}, to be re-sent
 * with the same idempotency key.
 *
 * <p>All work goes through one connection, serialised by a lock, so the background drainer and
 * screens' tasks can share a store. Open, read and write it off the JavaFX thread.
 */
public final class LocalStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalStore.class.getName());

    /** The schema version this client writes; files with a higher {@code user_version} are refused. */
    public static final int SCHEMA_VERSION = Schema.CURRENT_VERSION;

    private final Path file;
    private final Connection connection;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final int recoveredOutboxEntries;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private LocalStore(Path file, Connection connection, FileChannel lockChannel, FileLock fileLock,
                       int recoveredOutboxEntries) {
        this.file = file;
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.fileLock = fileLock;
        this.recoveredOutboxEntries = recoveredOutboxEntries;
    }

    /**
     * Opens (creating if needed) the profile database at {@code file}.
     *
     * @throws NewerSchemaException if a newer client wrote the file
     * @throws LocalStoreException  if the file is open in another client, unreadable, or a migration failed
     */
    public static LocalStore open(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file: required");
        }
        Path absolute = file.toAbsolutePath().normalize();
        FileChannel lockChannel = null;
        FileLock fileLock = null;
        Connection connection = null;
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                fileLock = lockChannel.tryLock();
            } catch (OverlappingFileLockException openInThisProcess) {
                fileLock = null;
            }
            if (fileLock == null) {
                throw new LocalStoreException("The profile database " + absolute
                        + " is already open in another client window; close that one first");
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            int fileVersion = userVersion(connection);
            if (fileVersion > SCHEMA_VERSION) {
                throw new NewerSchemaException(absolute, fileVersion, SCHEMA_VERSION);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = 5000");
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new LocalStoreException("Could not switch " + absolute + " to WAL mode");
                    }
                }
                // the outbox is the user's unsent work: make every commit durable
                st.execute("PRAGMA synchronous = FULL");
                st.execute("PRAGMA foreign_keys = ON");
            }
            migrate(connection, absolute, fileVersion);
            int recovered = Outbox.recoverInterrupted(connection);
            if (recovered > 0) {
                LOG.log(System.Logger.Level.INFO, "{0} outbox entries were being sent when the client "
                        + "stopped; they will be sent again with their idempotency keys", recovered);
            }
            return new LocalStore(absolute, connection, lockChannel, fileLock, recovered);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietlyAfterFailure(connection, fileLock, lockChannel, e);
            if (e instanceof LocalStoreException lse) {
                throw lse;
            }
            throw new LocalStoreException("Could not open the local database " + absolute + ": "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietlyAfterFailure(Connection connection, FileLock fileLock,
                                                 FileChannel lockChannel, Exception cause) {
        try {
            if (connection != null) {
                connection.close();
            }
            if (fileLock != null) {
                fileLock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (SQLException | IOException closeFailure) {
            cause.addSuppressed(closeFailure);
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void migrate(Connection connection, Path file, int fromVersion) throws SQLException {
        for (Schema.Migration step : Schema.MIGRATIONS) {
            if (step.toVersion() <= fromVersion) {
                continue;
            }
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                long before = outboxRows(connection);
                for (String sql : step.statements()) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + step.toVersion());
                long after = outboxRows(connection);
                if (after < before) {
                    throw new LocalStoreException("Migration of " + file + " to schema " + step.toVersion()
                            + " (" + step.description() + ") would lose outbox entries (" + before + " before, "
                            + after + " after); it was rolled back and nothing changed");
                }
                connection.commit();
                LOG.log(System.Logger.Level.INFO, "Migrated {0} to schema {1}: {2}", file,
                        step.toVersion(), step.description());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static long outboxRows(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet exists = st.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")) {
            exists.next();
            if (exists.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** How many outbox entries were found in {@code SENDING} when opening and put back to {@code PENDING}. */
    public int recoveredOutboxEntries() {
        return recoveredOutboxEntries;
    }

    /** The schema version of the open file ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return read(LocalStore::userVersion);
    }

    /** Runs {@code work} on the connection (auto-commit, or inside the caller's transaction). */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new LocalStoreException("Local database " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or, if it throws, none of it.
     * Nested calls on the same thread join the outer transaction.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            if (!connection.getAutoCommit()) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LocalStoreException("Local database " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new LocalStoreException("The local database " + file + " is closed");
        }
    }

    /** Closes the connection and releases the profile lock. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                connection.close();
            } finally {
                fileLock.release();
                lockChannel.close();
            }
        } catch (SQLException | IOException e) {
            throw new LocalStoreException("Could not close the local database " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
