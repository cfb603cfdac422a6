package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreMigrationTest {
    @TempDir
    Path dir;

    /** The schema as version 1 of the client wrote it; frozen here on purpose. */
    private static final List<String> V1_DDL = List.of(
            """
            CREATE TABLE outbox (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
              idempotency_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, method TEXT NOT NULL,
              path TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, state TEXT NOT NULL)""",
            """
            CREATE TABLE replica (
              entity TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, deleted INTEGER NOT NULL,
              changed_at INTEGER NOT NULL, data TEXT, PRIMARY KEY (entity, id))""",
            "CREATE TABLE sync_cursor (feed TEXT PRIMARY KEY, cursor TEXT NOT NULL, updated_at INTEGER NOT NULL)",
            "PRAGMA user_version = 1");

    @Test
    void newDatabaseIsCreatedAtTheCurrentVersionInWalMode() throws Exception {
        Path file = dir.resolve("a/b/user.db");
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(LocalStore.SCHEMA_VERSION);
            String mode = store.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
        }
        assertThat(file).exists();
    }

    @Test
    void v1DatabaseIsMigratedAndEveryOutboxRowSurvives() throws Exception {
        Path file = dir.resolve("old.db");
        UUID[] keys = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        String[] states = {"DONE", "SENDING", "PENDING", "FAILED_PERMANENT"};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            for (String sql : V1_DDL) {
                st.execute(sql);
            }
            for (int i = 0; i < keys.length; i++) {
                st.execute("INSERT INTO outbox (id, idempotency_key, kind, method, path, payload, created_at, attempts, "
                        + "last_error, state) VALUES ('" + UUID.randomUUID() + "', '" + keys[i] + "', 'report.upload', "
                        + "'POST', '/api/v1/reports', '{\"n\":" + i + "}', " + (1_700_000_000_000L + i) + ", " + i
                        + ", NULL, '" + states[i] + "')");
            }
            st.execute("INSERT INTO replica VALUES ('reports', '" + UUID.randomUUID() + "', 3, 0, 0, '{}')");
            st.execute("INSERT INTO sync_cursor VALUES ('changes', 'pos-1', 0)");
        }

        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(LocalStore.SCHEMA_VERSION);
            assertThat(store.recoveredOutboxEntries()).isEqualTo(1);
            List<OutboxEntry> all = new Outbox(store).all();
            assertThat(all).extracting(OutboxEntry::idempotencyKey).containsExactly(keys);
            assertThat(all).extracting(OutboxEntry::state).containsExactly(OutboxState.DONE, OutboxState.PENDING,
                    OutboxState.PENDING, OutboxState.FAILED_PERMANENT);
            assertThat(all).extracting(OutboxEntry::payload).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
            assertThat(all).extracting(OutboxEntry::attempts).containsExactly(0, 1, 2, 3);
            assertThat(all).allSatisfy(e -> assertThat(e.attachment()).isNull());
            // migration 5 counts the rows it found; the triggers keep counting from there
            assertThat(new Outbox(store).counts()).isEqualTo(new OutboxCounts(2, 0, 1, 1, 0));
            assertThat(new Outbox(store).isPaused()).isFalse();
            // the replica is a cache: migration 2 reloads it, so its cursor is gone too
            assertThat(new Replica(store, ReplicaIndexers.textOnly()).count("reports")).isZero();
            assertThat(new SyncService(store, new Replica(store, ReplicaIndexers.textOnly())).cursor("changes")).isEmpty();
        }
    }

    @Test
    void databaseFromANewerClientIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE outbox (id TEXT, something_new TEXT)");
            st.execute("INSERT INTO outbox VALUES ('x', 'unsent work')");
            st.execute("PRAGMA user_version = " + (LocalStore.SCHEMA_VERSION + 5));
        }
        String before = sha256(file);

        assertThatThrownBy(() -> LocalStore.open(file))
                .isInstanceOf(NewerSchemaException.class)
                .hasMessageContaining("newer version of the client")
                .hasMessageContaining("schema " + (LocalStore.SCHEMA_VERSION + 5))
                .hasMessageContaining("has not been changed");

        assertThat(sha256(file)).isEqualTo(before);
        assertThat(dir.resolve("newer.db-wal")).doesNotExist();
        // and the lock was released: a second attempt fails the same way, not with "already open"
        assertThatThrownBy(() -> LocalStore.open(file)).isInstanceOf(NewerSchemaException.class);
    }

    @Test
    void aProfileCanBeOpenedByOneClientAtATime() {
        Path file = dir.resolve("p.db");
        try (LocalStore first = LocalStore.open(file)) {
            assertThatThrownBy(() -> LocalStore.open(file))
                    .isInstanceOf(LocalStoreException.class)
                    .hasMessageContaining("already open");
        }
        LocalStore.open(file).close();
    }

    @Test
    void profilePathIsPerServerAndUserWithUnsafeCharactersEncoded() {
        Path root = dir.resolve("profiles");
        assertThat(ProfilePaths.databaseFile(root, URI.create("https://10.1.2.3:8443/"), "Clerk.Wang"))
                .isEqualTo(root.resolve("10.1.2.3_8443").resolve("clerk.wang.db"));
        assertThat(ProfilePaths.databaseFile(root, URI.create("https://cqs.example.cn"), "张三/..\\x"))
                .isEqualTo(root.resolve("cqs.example.cn").resolve("张三~002f..~005cx.db"));
        assertThat(ProfilePaths.databaseFile(root, URI.create("http://[::1]:7000"), "..").getParent().getFileName()
                .toString()).isEqualTo("~005b~003a~003a1~005d_7000");
        assertThatThrownBy(() -> ProfilePaths.databaseFile(root, URI.create("relative/path"), "u"))
                .hasMessageContaining("serverUrl");
        assertThatThrownBy(() -> ProfilePaths.databaseFile(root, URI.create("http://h"), " "))
                .hasMessageContaining("username");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
