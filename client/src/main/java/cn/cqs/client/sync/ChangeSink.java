package cn.cqs.client.sync;

import cn.cqs.contract.sync.Change;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps a table of its own in step with the change feed (e.g. the plant's batch list, which filters
 * on columns of its own): told about every change of its entity that the {@link Replica} applied,
 * on the replica's connection inside the same transaction as the change and the sync cursor, so
 * the table and the replica never disagree after a crash.
 */
public interface ChangeSink {
    /** Applies {@code change} (an upsert or a tombstone whose version was new) on {@code connection}. */
    void applied(Connection connection, Change change) throws SQLException;
}
