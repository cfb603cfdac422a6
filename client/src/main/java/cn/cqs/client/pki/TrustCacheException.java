package cn.cqs.client.pki;

/**
 * The trust cache could not take a bundle: the server sent damaged certificates, or the cache file
 * cannot be written. The message names the file or the field and the reason; the previous cache
 * stays in force.
 */
public final class TrustCacheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrustCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
