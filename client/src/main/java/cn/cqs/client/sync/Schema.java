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
    static final int CURRENT_VERSION = 9;

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
                               AND json_valid(payload) AND json_type(payload, '$.cube') = 'object'""")),
            new Migration(7, "ready-mixed concrete plant office: material lots, mix designs and production batches"
                    + " (the plant's own registrations, pending or confirmed, and the server's copies from the feed)",
                    List.of(
                            // version 0 = registered on this client, not yet confirmed by the server
                            """
                            CREATE TABLE plant_material_lot (
                              lot_id             TEXT    PRIMARY KEY,
                              server_id          TEXT,
                              kind               TEXT    NOT NULL,
                              specification      TEXT    NOT NULL,
                              supplier           TEXT    NOT NULL,
                              manufacturer       TEXT    NOT NULL,
                              lot_number         TEXT    NOT NULL,
                              quantity_tonnes    TEXT    NOT NULL,
                              arrived_at         INTEGER NOT NULL,
                              test_report_number TEXT,
                              version            INTEGER NOT NULL DEFAULT 0,
                              outbox_id          TEXT,
                              updated_at         INTEGER NOT NULL
                            )""",
                            "CREATE INDEX plant_material_lot_by_kind ON plant_material_lot (kind, arrived_at DESC)",
                            """
                            CREATE TABLE plant_mix_design (
                              mix_design_id       TEXT    PRIMARY KEY,
                              server_id           TEXT,
                              marking             TEXT    NOT NULL,
                              strength_class      TEXT,
                              quantities          TEXT    NOT NULL,
                              trial_report_number TEXT,
                              valid_from          TEXT    NOT NULL,
                              valid_to            TEXT,
                              version             INTEGER NOT NULL DEFAULT 0,
                              outbox_id           TEXT,
                              updated_at          INTEGER NOT NULL
                            )""",
                            "CREATE INDEX plant_mix_design_by_marking ON plant_mix_design (marking)",
                            // one row per batch; the list filters and pages on the indexed columns
                            """
                            CREATE TABLE plant_batch (
                              key                INTEGER PRIMARY KEY,
                              batch_id           TEXT    NOT NULL UNIQUE,
                              server_id          TEXT,
                              serial_number      TEXT,
                              qr_text            TEXT,
                              project_id         TEXT,
                              project_name       TEXT,
                              buyer              TEXT    NOT NULL,
                              pour_location      TEXT    NOT NULL,
                              marking            TEXT    NOT NULL,
                              volume_m3          TEXT    NOT NULL,
                              mix_design_id      TEXT,
                              material_lot_ids   TEXT    NOT NULL,
                              planned_start      INTEGER NOT NULL,
                              contract_number    TEXT,
                              day                TEXT    NOT NULL,
                              registered_at      INTEGER,
                              started_at         INTEGER,
                              start_notified_at  INTEGER,
                              start_state        TEXT    NOT NULL,
                              ended_at           INTEGER,
                              end_notified_at    INTEGER,
                              end_state          TEXT    NOT NULL,
                              produced_volume_m3 TEXT,
                              dosing_state       TEXT    NOT NULL,
                              version            INTEGER NOT NULL DEFAULT 0,
                              outbox_id          TEXT,
                              search_text        TEXT    NOT NULL,
                              updated_at         INTEGER NOT NULL
                            )""",
                            "CREATE INDEX plant_batch_by_day ON plant_batch (day DESC, planned_start DESC, batch_id)",
                            "CREATE INDEX plant_batch_by_dosing ON plant_batch (dosing_state, day DESC, planned_start DESC, batch_id)",
                            "CREATE INDEX plant_batch_by_marking ON plant_batch (marking, day DESC, planned_start DESC, batch_id)",
                            "CREATE INDEX plant_batch_not_started ON plant_batch (day DESC, planned_start DESC, batch_id)"
                                    + " WHERE start_state = 'NOT_DUE'",
                            // the notification filters: partial indexes over the few flagged batches, in list order
                            "CREATE INDEX plant_batch_late ON plant_batch (day DESC, planned_start DESC, batch_id)"
                                    + " WHERE start_state = 'LATE' OR end_state = 'LATE'",
                            "CREATE INDEX plant_batch_open ON plant_batch (day DESC, planned_start DESC, batch_id)"
                                    + " WHERE start_state IN ('DUE', 'MISSING') OR end_state IN ('DUE', 'MISSING')",
                            "CREATE INDEX plant_batch_flagged ON plant_batch (day DESC, planned_start DESC, batch_id)"
                                    + " WHERE start_state IN ('LATE', 'DUE', 'MISSING') OR end_state IN ('LATE', 'DUE', 'MISSING')",
                            // text search (serial, buyer, pour location, project, ...): substrings through a trigram index
                            """
                            CREATE VIRTUAL TABLE plant_batch_search USING fts5(search_text, content = 'plant_batch',
                              content_rowid = 'key', tokenize = 'trigram')""",
                            """
                            CREATE TRIGGER plant_batch_search_insert AFTER INSERT ON plant_batch BEGIN
                              INSERT INTO plant_batch_search (rowid, search_text) VALUES (NEW.key, NEW.search_text);
                            END""",
                            """
                            CREATE TRIGGER plant_batch_search_delete AFTER DELETE ON plant_batch BEGIN
                              INSERT INTO plant_batch_search (plant_batch_search, rowid, search_text)
                                VALUES ('delete', OLD.key, OLD.search_text);
                            END""",
                            """
                            CREATE TRIGGER plant_batch_search_update AFTER UPDATE OF search_text ON plant_batch BEGIN
                              INSERT INTO plant_batch_search (plant_batch_search, rowid, search_text)
                                VALUES ('delete', OLD.key, OLD.search_text);
                              INSERT INTO plant_batch_search (rowid, search_text) VALUES (NEW.key, NEW.search_text);
                            END""",
                            "CREATE INDEX plant_batch_by_serial ON plant_batch (serial_number)",
                            // the plant's own registrations still waiting for the server's answer
                            "CREATE INDEX plant_batch_waiting ON plant_batch (outbox_id) WHERE version = 0",
                            "CREATE INDEX plant_material_lot_waiting ON plant_material_lot (outbox_id) WHERE version = 0",
                            "CREATE INDEX plant_mix_design_waiting ON plant_mix_design (outbox_id) WHERE version = 0",
                            // delivery tickets recorded on this client (printed from here)
                            """
                            CREATE TABLE plant_ticket (
                              batch_id       TEXT    NOT NULL,
                              ticket_number  TEXT    NOT NULL,
                              truck_number   TEXT    NOT NULL,
                              volume_m3      TEXT    NOT NULL,
                              departed_at    INTEGER NOT NULL,
                              delivery_place TEXT    NOT NULL,
                              outbox_id      TEXT,
                              created_at     INTEGER NOT NULL,
                              PRIMARY KEY (batch_id, ticket_number)
                            )""")),
            new Migration(8, "outbox: the server's problem document (problem+json) of a refused entry; plant batches:"
                    + " the moment the delivery tickets first covered the planned volume (dispatched_at)",
                    List.of(
                            // entries refused before this step keep their reason text (detail and field
                            // errors in one string) and show it as it is; the column stays NULL for them
                            "ALTER TABLE outbox ADD COLUMN problem TEXT",
                            // ProductionBatch.dispatchedAt: the end notification's hour runs from it offline
                            "ALTER TABLE plant_batch ADD COLUMN dispatched_at INTEGER",
                            // the 待告知 watch finds the dispatched batches without an end notification
                            "CREATE INDEX plant_batch_dispatched_open ON plant_batch (dispatched_at)"
                                    + " WHERE ended_at IS NULL AND dispatched_at IS NOT NULL",
                            // the server's batches cached before this step lack the moment: the feed sends
                            // them again (same versions; PlantCache takes a same-version copy that brings
                            // the moment). The replica's batch copies and the cursors are a cache.
                            "DELETE FROM replica WHERE entity = 'batch'",
                            "DELETE FROM sync_cursor")),
            new Migration(9, "plant batches: whether dispatched_at was worked out on this desk from its own delivery"
                    + " tickets (offline) rather than sent by the server; the list's notification filters judge"
                    + " the stored moments with the clock (indexes of the candidates replace those of the stored states)",
                    List.of(
                            // 1 = computed here by the contract's DispatchRule over the tickets recorded here;
                            // the server's value, when it has one, replaces it (PlantCache)
                            "ALTER TABLE plant_batch ADD COLUMN dispatched_here INTEGER NOT NULL DEFAULT 0",
                            // the 待告知 watch: the batches without a start notification, by planned start
                            "CREATE INDEX plant_batch_unstarted ON plant_batch (planned_start) WHERE started_at IS NULL",
                            // the list's clock-judged notification filters (PlantCache): in list order, the few
                            // batches whose state the clock can change — no start notification, or no end
                            // notification with the trucks done (or an end verdict stored before schema 8) —
                            // and with those, the late ones; covering the columns the filters judge by, so a
                            // filter reads no table row
                            "CREATE INDEX plant_batch_unnotified ON plant_batch (day DESC, planned_start DESC, batch_id,"
                                    + " started_at, ended_at, dispatched_at, start_state, end_state)"
                                    + " WHERE started_at IS NULL OR (ended_at IS NULL AND (dispatched_at IS NOT NULL"
                                    + " OR end_state IN ('DUE', 'MISSING')))",
                            "CREATE INDEX plant_batch_flagged_now ON plant_batch (day DESC, planned_start DESC, batch_id,"
                                    + " started_at, ended_at, dispatched_at, start_state, end_state)"
                                    + " WHERE start_state = 'LATE' OR end_state = 'LATE' OR started_at IS NULL"
                                    + " OR (ended_at IS NULL AND (dispatched_at IS NOT NULL OR end_state IN ('DUE', 'MISSING')))",
                            // the stored states of the unnotified no longer answer a filter (they go stale offline)
                            "DROP INDEX plant_batch_not_started",
                            "DROP INDEX plant_batch_open",
                            "DROP INDEX plant_batch_flagged")));

    private Schema() {
    }
}
