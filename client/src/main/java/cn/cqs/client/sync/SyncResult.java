package cn.cqs.client.sync;

/**
 * What one {@link SyncService#syncOnce} did.
 *
 * @param pages   pages fetched and applied
 * @param applied changes that changed the replica
 * @param ignored changes ignored because the replica already held that version or a newer one
 * @param cursor  the stored cursor the next sync resumes from
 */
public record SyncResult(String feed, int pages, int applied, int ignored, String cursor) {
}
