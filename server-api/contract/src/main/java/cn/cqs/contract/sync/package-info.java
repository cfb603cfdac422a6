/**
 * 增量同步与幂等上传: what client and server agree on for incremental sync (the change feed) and
 * for idempotent uploads from the client's outbox.
 *
 * <h2>Change feed</h2>
 * {@code GET /api/v1/sync/changes?since=<cursor>&limit=<n>} ({@link cn.cqs.contract.sync.SyncApi})
 * answers a {@link cn.cqs.contract.sync.ChangePage}: the changes to the records the caller may see
 * (its organisation's, or its jurisdiction's), in the order the server committed them, after the
 * given cursor. The rules both sides rely on:
 * <ul>
 *   <li><b>Opaque cursor.</b> The client stores {@code nextCursor} exactly as received and sends it
 *       back as {@code since}; it never parses or builds one. No {@code since} means "from the
 *       beginning" (a full initial load).</li>
 *   <li><b>At-least-once delivery.</b> A change may be delivered more than once (e.g. the client
 *       crashed after applying a page but before storing its cursor, or the server's cursor is
 *       coarse). Applying a change twice must be harmless, which the version rule guarantees.</li>
 *   <li><b>In order.</b> Within a page and across pages changes come in commit order; the client
 *       applies them in the order received, each page atomically together with its
 *       {@code nextCursor}.</li>
 *   <li><b>Versions never go back.</b> Every record carries a version that increases with each
 *       change. A client keeps the highest version it has seen and ignores a change whose version
 *       is not higher (a duplicate or a late, older copy).</li>
 *   <li><b>Deletes are tombstones.</b> A deleted (or withdrawn, or no-longer-visible) record is
 *       sent as a change with {@code deleted = true}, a higher version and no data; the client keeps
 *       the tombstone so an older copy arriving later cannot resurrect the record.</li>
 *   <li><b>Scope.</b> The server only ever sends what the caller may read; a record leaving the
 *       caller's scope arrives as a tombstone.</li>
 * </ul>
 *
 * <h2>Idempotent uploads</h2>
 * Every state-changing request a client may retry carries an {@link
 * cn.cqs.contract.sync.Idempotency#HEADER Idempotency-Key}; see {@link
 * cn.cqs.contract.sync.Idempotency} for what the server does with it.
 */
package cn.cqs.contract.sync;
