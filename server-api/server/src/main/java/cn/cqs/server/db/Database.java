package cn.cqs.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL: a HikariCP pool, Jdbi on top, the schema migrated by Flyway from
 * {@code db/migration}. Without a JDBC URL it starts an embedded PostgreSQL (real binaries, zonky)
 * on a free port, so the demo and the tests need nothing installed.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Connects (or starts the embedded database when {@code jdbcUrl} is null) and migrates.
     *
     * @param dataDir the embedded database's data directory (kept between runs); null = temporary
     */
    public static Database open(String jdbcUrl, String user, String password, Path dataDir) {
        EmbeddedPostgres embedded = null;
        String url = jdbcUrl;
        String dbUser = user;
        String dbPassword = password;
        if (url == null) {
            embedded = startEmbedded(dataDir);
            url = embedded.getJdbcUrl("postgres", "postgres");
            dbUser = "postgres";
            dbPassword = null;
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (dbUser != null) {
            hc.setUsername(dbUser);
        }
        if (dbPassword != null) {
            hc.setPassword(dbPassword);
        }
        hc.setMaximumPoolSize(10);
        hc.setMinimumIdle(1);
        hc.setPoolName("cqs");
        hc.setAutoCommit(true);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            if (embedded != null) {
                closeEmbedded(embedded);
            }
            throw e;
        }
        Database db = new Database(embedded, ds);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info("Embedded PostgreSQL started on port {}{}", pg.getPort(),
                    dataDir == null ? " (temporary data)" : " with data in " + dataDir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            closeEmbedded(embedded);
        }
    }

    private static void closeEmbedded(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
