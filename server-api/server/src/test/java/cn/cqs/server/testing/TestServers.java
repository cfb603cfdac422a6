package cn.cqs.server.testing;

import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: ONE embedded PostgreSQL per test JVM (random port, temporary data directory, so
 * parallel JVMs do not clash) and a fresh database for every server started, so tests stay fast
 * and independent. {@link #shared()} is a demo-seeded server reused by tests that only read or add
 * their own data.
 */
public final class TestServers {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static CqsServer shared;

    private TestServers() {
    }

    /** A demo-seeded server shared by the whole test JVM. */
    public static synchronized CqsServer shared() {
        if (shared == null) {
            shared = start(ServerConfig.forTests());
        }
        return shared;
    }

    /** A new server on its own fresh database; the caller closes it. */
    public static synchronized CqsServer start(ServerConfig config) {
        return start(config, java.time.Clock.systemUTC());
    }

    /** A new server on its own fresh database running on {@code clock}; the caller closes it. */
    public static synchronized CqsServer start(ServerConfig config, java.time.Clock clock) {
        EmbeddedPostgres pg = postgres();
        String name = "cqs_test_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return CqsServer.start(config.withDatabase(pg.getJdbcUrl("postgres", name), "postgres", null), clock);
    }

    private static EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (TestServers.class) {
                    if (shared != null) {
                        shared.close();
                    }
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        System.err.println("Embedded PostgreSQL did not stop cleanly: " + e);
                    }
                }
            }));
        }
        return postgres;
    }
}
