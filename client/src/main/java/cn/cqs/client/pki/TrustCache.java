package cn.cqs.client.pki;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.pki.InMemoryTrustRegistry;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.contract.pki.TrustRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 证书缓存 (trust cache): the server's trust bundle kept in a file of the profile directory, so the
 * verify desk checks signatures and certificate chains offline after one successful download.
 *
 * <p>{@link #registry()} is always usable: empty (every token then has an unknown issuer) until a
 * bundle was fetched or read from the file. {@link #refresh(TrustBundleSource)} asks the server
 * with {@code If-None-Match}; a damaged bundle or a failed write leaves the previous state in force.
 * The file is replaced atomically. Thread-safe.
 */
public final class TrustCache {
    private static final Logger LOG = Logger.getLogger(TrustCache.class.getName());

    /** What a refresh found. */
    public enum RefreshResult {
        /** The server sent a new bundle; the registry changed. */
        UPDATED,
        /** The server confirmed the cached bundle (304). */
        UNCHANGED
    }

    private record State(CachedTrustBundle cached, TrustRegistry registry) {
    }

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = Json.newMapper();
    private final String loadProblem;
    private volatile State state;

    private TrustCache(Path file, Clock clock, State state, String loadProblem) {
        this.file = file;
        this.clock = clock;
        this.state = state;
        this.loadProblem = loadProblem;
    }

    /**
     * Opens the cache kept in {@code file}. A missing file is an empty cache; an unreadable or
     * damaged one is an empty cache too, with {@link #loadProblem()} saying why (the next
     * successful refresh overwrites it).
     */
    public static TrustCache open(Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        State empty = new State(null, new InMemoryTrustRegistry());
        if (!Files.exists(file)) {
            return new TrustCache(file, clock, empty, null);
        }
        try {
            CachedTrustBundle cached = Json.newMapper().readValue(file.toFile(), CachedTrustBundle.class);
            return new TrustCache(file, clock, new State(cached, cached.bundle().toTrustRegistry()), null);
        } catch (IOException | CertificateException | RuntimeException e) {
            LOG.log(Level.WARNING, "trust cache " + file + " is unreadable; starting without certificates", e);
            return new TrustCache(file, clock, empty, file + ": " + e.getMessage());
        }
    }

    /** The cache file for a server: {@code <profileDir>/<host>[_<port>]/trust-bundle.json}. */
    public static Path fileFor(Path profileDir, java.net.URI serverUrl) {
        return cn.cqs.client.sync.ProfilePaths.databaseFile(profileDir, serverUrl, "trust")
                .resolveSibling("trust-bundle.json");
    }

    public Path file() {
        return file;
    }

    /** The CAs, issuer certificates and revocations to verify against (empty before any download). */
    public TrustRegistry registry() {
        return state.registry();
    }

    /** Whether a bundle has ever been downloaded (or read from the file). */
    public boolean hasBundle() {
        return state.cached() != null;
    }

    /**
     * The platform's USCC as the cached bundle names it: the only issuer whose batch tokens
     * (生产流水号) count; empty before any download or when the server has no platform key.
     */
    public Optional<String> platformUscc() {
        return Optional.ofNullable(state.cached()).map(c -> c.bundle().platformUscc());
    }

    /** When the server last sent or confirmed the bundle. */
    public Optional<Instant> lastRefreshed() {
        return Optional.ofNullable(state.cached()).map(CachedTrustBundle::refreshedAt);
    }

    /** Why the cache file could not be read at start, if it could not. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /**
     * Asks the server for the bundle (conditionally) and keeps it.
     *
     * @throws cn.cqs.client.api.ServerUnreachableException when the server does not answer
     * @throws cn.cqs.client.api.ApiException                when the server reports a failure
     * @throws TrustCacheException                           when the bundle is damaged or cannot be saved
     */
    public synchronized RefreshResult refresh(TrustBundleSource source) {
        Objects.requireNonNull(source, "source");
        State current = state;
        String etag = current.cached() == null ? null : current.cached().etag();
        ApiClient.Conditional<TrustBundle> answer = source.fetch(etag);
        Instant now = clock.instant();
        if (answer.notModified()) {
            if (current.cached() == null) {
                throw new TrustCacheException("The server answered 304 Not Modified although no trust bundle is cached",
                        null);
            }
            CachedTrustBundle confirmed = new CachedTrustBundle(answer.etag(), now, current.cached().bundle());
            save(confirmed);
            state = new State(confirmed, current.registry());
            return RefreshResult.UNCHANGED;
        }
        TrustRegistry registry;
        try {
            registry = answer.body().toTrustRegistry();
        } catch (CertificateException e) {
            throw new TrustCacheException("The server's trust bundle is damaged: " + e.getMessage(), e);
        }
        CachedTrustBundle fresh = new CachedTrustBundle(answer.etag(), now, answer.body());
        save(fresh);
        state = new State(fresh, registry);
        return RefreshResult.UPDATED;
    }

    private void save(CachedTrustBundle cached) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "trust-bundle", ".tmp");
            try {
                mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), cached);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new TrustCacheException(file + ": the trust bundle cannot be saved (" + e.getMessage() + ")", e);
        }
    }
}
