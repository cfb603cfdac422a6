package cn.cqs.client.pki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trust caches of one profile directory, one per server (each server publishes its own CAs):
 * opened once and shared by every screen that verifies codes.
 */
public final class TrustCaches {
    private final Path profileDir;
    private final Clock clock;
    private final Map<URI, TrustCache> caches = new ConcurrentHashMap<>();

    public TrustCaches(Path profileDir, Clock clock) {
        this.profileDir = Objects.requireNonNull(profileDir, "profileDir");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cache for the server at {@code serverUrl}, opened from its file on first use. */
    public TrustCache forServer(URI serverUrl) {
        Objects.requireNonNull(serverUrl, "serverUrl");
        return caches.computeIfAbsent(serverUrl, url -> TrustCache.open(TrustCache.fileFor(profileDir, url), clock));
    }
}
