package cn.cqs.client.pki;

import cn.cqs.contract.pki.TrustBundle;
import java.time.Instant;
import java.util.Objects;

/**
 * The trust bundle as the client keeps it in its profile directory: the bundle, the entity tag the
 * server gave it (for {@code If-None-Match}) and when the server last confirmed it current.
 *
 * @param etag        the server's entity tag, or null when it sent none
 * @param refreshedAt when the server last sent it or answered 304 for it
 * @param bundle      the CA and issuer certificates with revocations
 */
public record CachedTrustBundle(String etag, Instant refreshedAt, TrustBundle bundle) {
    public CachedTrustBundle {
        Objects.requireNonNull(refreshedAt, "refreshedAt");
        Objects.requireNonNull(bundle, "bundle");
    }
}
