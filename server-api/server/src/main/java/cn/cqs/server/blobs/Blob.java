package cn.cqs.server.blobs;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored binary object (a report PDF, for instance).
 *
 * @param key        its key: the lower-case hex SHA-256 of the content (content addressed)
 * @param mediaType  e.g. {@code application/pdf}
 * @param content    the bytes
 * @param storedAt   when it was first stored
 */
public record Blob(String key, String mediaType, byte[] content, Instant storedAt) {
    public Blob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }
}
