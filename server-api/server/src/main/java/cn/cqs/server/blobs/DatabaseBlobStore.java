package cn.cqs.server.blobs;

import cn.cqs.server.db.Sql;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** A {@link BlobStore} in the {@code blob} table (PostgreSQL {@code bytea}). */
public final class DatabaseBlobStore implements BlobStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public DatabaseBlobStore(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String put(byte[] content, String mediaType) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaType, "mediaType");
        String key = BlobStore.keyOf(content);
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into blob (key, media_type, size_bytes, content, stored_at)
                        values (:key, :type, :size, :content, :now) on conflict (key) do nothing""")
                .bind("key", key).bind("type", mediaType).bind("size", content.length).bind("content", content)
                .bind("now", Sql.ts(clock.instant())).execute());
        return key;
    }

    @Override
    public Optional<Blob> get(String key) {
        Objects.requireNonNull(key, "key");
        return jdbi.withHandle(h -> h.createQuery("select key, media_type, content, stored_at from blob where key = :key")
                .bind("key", key)
                .map((rs, c) -> new Blob(rs.getString("key"), rs.getString("media_type"), rs.getBytes("content"),
                        Sql.instant(rs, "stored_at")))
                .findOne());
    }
}
