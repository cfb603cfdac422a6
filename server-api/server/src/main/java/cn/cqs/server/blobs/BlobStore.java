package cn.cqs.server.blobs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * 文件存储: where the server keeps large binary objects such as signed report PDFs, outside the
 * rows that describe them. Content addressed: the key is the SHA-256 of the bytes, so storing the
 * same bytes twice (a retried upload) stores them once, and a key always names the same bytes.
 * {@link DatabaseBlobStore} keeps them in PostgreSQL; a filesystem or S3-compatible store can
 * implement the same two methods for province-scale volumes.
 *
 * <p>Writes are not part of the caller's database transaction: a blob whose referring row was
 * rolled back stays behind, unreferenced and harmless.
 */
public interface BlobStore {

    /** Stores {@code content} (idempotent) and returns its key. */
    String put(byte[] content, String mediaType);

    /** The blob with this key, if stored. */
    Optional<Blob> get(String key);

    /** The key {@link #put} gives {@code content}: its SHA-256 in lower-case hex. */
    static String keyOf(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
