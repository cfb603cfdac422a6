package cn.cqs.client.sync;

import java.util.List;

/**
 * The local database's schema history: ordered migration steps, each taking the file from
 * {@code toVersion - 1} to {@code toVersion} (recorded in {@code PRAGMA user_version}).
 *
 * <p>Rules for adding a step: append, never edit a released step; the replica and the sync cursors
 * are a cache and a step may rebuild them (clearing the cursors makes the next sync reload the
 * working set); the outbox holds the user's unsent work and a step must carry every row over
 * (add columns; if a column must change, copy into a new table in the same step and rename, never
 * dropping a row). {@link LocalStore} checks the
 * outbox row count around every step and rolls the step back if a row went missing.
 */
final class Schema {
    /** The schema version this build of the client writes. */
    static final int CURRENT_VERSION = 6;

    record Migration(int toVersion, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "outbox, replica and sync cursors", List.of(
                    """
                    CREATE TABLE outbox (
                      seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                      id              TEXT    NOT NULL UNIQUE,
                      idempotency_key TEXT    NOT NULL UNIQUE,
                      kind            TEXT    NOT NULL,
                      method          TEXT    NOT NULL,
                      path            TEXT    NOT NULL,
                      payload         TEXT    NOT NULL,
                      created_at      INTEGER NOT NULL,
                      attempts        INTEGER NOT NULL DEFAULT 0,
                      last_error      TEXT,
                      state           TEXT    NOT NULL
                    )""",
                    """
                    CREATE TABLE replica (
                      entity     TEXT    NOT NULL,
                      id         TEXT    NOT NULL,
                      version    INTEGER NOT NULL,
                      deleted    INTEGER NOT NULL,
                      changed_at INTEGER NOT NULL,
                      data       TEXT,
                      PRIMARY KEY (entity, id)
                    )""",
                    """
                    CREATE TABLE sync_cursor (
                      feed       TEXT    PRIMARY KEY,
                      cursor     TEXT    NOT NULL,
                      updated_at INTEGER NOT NULL
                    )""")),
            new Migration(2, "replica: indexed columns for local lists (title, search text, day, parent)",
                    List.of(
                            "ALTER TABLE replica ADD COLUMN title TEXT",
                            "ALTER TABLE replica ADD COLUMN search_text TEXT",
                            "ALTER TABLE replica ADD COLUMN day TEXT",
                            "ALTER TABLE replica ADD COLUMN parent_id TEXT",
                            "CREATE INDEX replica_by_day ON replica (entity, deleted, day DESC)",
                            "CREATE INDEX replica_by_parent ON replica (entity, parent_id)",
                            // rows cached before this step have no indexed values: reload them
                            "DELETE FROM replica",
                            "DELETE FROM sync_cursor")),
            new Migration(3, "outbox: attachment, attempt and completion times, server receipt",
                    List.of(
                            "ALTER TABLE outbox ADD COLUMN attachment_path TEXT",
                            "ALTER TABLE outbox ADD COLUMN last_attempt_at INTEGER",
                            "ALTER TABLE outbox ADD COLUMN receipt TEXT",
                            "ALTER TABLE outbox ADD COLUMN completed_at INTEGER",
                            "CREATE INDEX outbox_by_state ON outbox (state, seq)")),
            new Migration(4, "local reports: drafts and issued reports authored on this client",
                    List.of(
                            """
                            CREATE TABLE local_report (
                              id            TEXT    PRIMARY KEY,
                              report_number TEXT,
                              state         TEXT    NOT NULL,
                              content       TEXT    NOT NULL,
                              created_at    INTEGER NOT NULL,
                              updated_at    INTEGER NOT NULL,
                              issued_at     INTEGER,
                              qr_token      TEXT,
                              pdf_path      TEXT,
                              outbox_id     TEXT
                            )""",
                            "CREATE INDEX local_report_by_number ON local_report (report_number)")),
            new Migration(5, "outbox: a label per entry, per-state counts kept by triggers, the paused flag",
                    List.of(
                            // what the upload queue shows for an entry (e.g. the report number)
                            "ALTER TABLE outbox ADD COLUMN label TEXT",
                            // counts per state in O(1): the drainer asks after every entry, and DONE
                            // rows are never deleted, so counting the table would grow with its history
                            """
                            CREATE TABLE outbox_state_count (
                              state TEXT    PRIMARY KEY,
                              n     INTEGER NOT NULL
                            )""",
                            "INSERT INTO outbox_state_count (state, n) SELECT state, count(*) FROM outbox GROUP BY state",
                            """
                            CREATE TRIGGER outbox_count_insert AFTER INSERT ON outbox BEGIN
                              INSERT INTO outbox_state_count (state, n) VALUES (NEW.state, 1)
                                ON CONFLICT (state) DO UPDATE SET n = n + 1;
                            END""",
                            """
                            CREATE TRIGGER outbox_count_update AFTER UPDATE OF state ON outbox
                            WHEN OLD.state <> NEW.state BEGIN
                              UPDATE outbox_state_count SET n = n - 1 WHERE state = OLD.state;
                              INSERT INTO outbox_state_count (state, n) VALUES (NEW.state, 1)
                                ON CONFLICT (state) DO UPDATE SET n = n + 1;
                            END""",
                            """
                            CREATE TRIGGER outbox_count_delete AFTER DELETE ON outbox BEGIN
                              UPDATE outbox_state_count SET n = n - 1 WHERE state = OLD.state;
                            END""",
                            // the user's switches for the outbox (e.g. uploads paused), kept across restarts
                            """
                            CREATE TABLE outbox_control (
                              name       TEXT    PRIMARY KEY,
                              value      TEXT    NOT NULL,
                              updated_at INTEGER NOT NULL
                            )""")),
            new Migration(6, "local reports of every report type: a type column; the content JSON names its"
                    + " content generically ({\"content\": ...} instead of {\"cube\": ...})",
                    List.of(
                            // every report before this step is a concrete cube report
                            "ALTER TABLE local_report ADD COLUMN report_type TEXT NOT NULL DEFAULT 'CONCRETE_CUBE'",
                            """
                            UPDATE local_report
                               SET content = json_set(json_remove(content, '$.cube'), '$.content',
                                                      json(json_extract(content, '$.cube')))
                             WHERE json_type(content, '$.cube') = 'object'""",
                            // uploads still waiting carry the old body shape; the server reads only "content"
                            """
                            UPDATE outbox
                               SET payload = json_set(json_remove(payload, '$.cube'), '$.content',
                                                      json(json_extract(payload, '$.cube')))
                             WHERE kind = 'report.upload' AND state <> 'DONE'
                               AND json_valid(payload) AND json_type(payload, '$.cube') = 'object'""")));

    private Schema() {
    }
}
