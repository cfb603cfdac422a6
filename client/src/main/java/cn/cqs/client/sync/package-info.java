/**
 * 本地库、增量同步与待上传队列: the client's local SQLite store per user profile, the replica of
 * the user's working set kept current by incremental sync, and the outbox of changes made offline,
 * drained in the background with an idempotency key per change.
 *
 * <p>Nothing here knows JavaFX (the adapter for the status bar lives in {@code sync.fx}). Every
 * method touches the database and must run off the JavaFX application thread (in a {@code Task}).
 * The API client implements the two seams: {@link cn.cqs.client.sync.ChangeFeedSource} (the
 * change feed) and {@link cn.cqs.client.sync.OutboxSender} (sending one outbox entry with its
 * {@code Idempotency-Key}).
 */
package cn.cqs.client.sync;
