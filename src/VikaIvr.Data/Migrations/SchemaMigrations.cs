namespace VikaIvr.Data.Migrations;

/// <summary>The SQLite schema, as the ordered list of migrations applied at start (PostgreSQL's twin: <see cref="PostgresMigrations"/>).</summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "participants", """
            CREATE TABLE participants (
                id              INTEGER PRIMARY KEY,
                nik             TEXT    NOT NULL,
                card            TEXT    NOT NULL,
                name            TEXT    NOT NULL,
                birth_date      TEXT    NOT NULL,   -- yyyy-MM-dd
                segment         TEXT    NOT NULL,   -- PBI_APBN, PBI_APBD, PPU_PN, PPU_BU, PBPU, BP
                care_class      INTEGER NOT NULL CHECK (care_class BETWEEN 1 AND 3),
                status          TEXT    NOT NULL CHECK (status IN ('active', 'inactive')),
                inactive_reason TEXT    NULL CHECK (inactive_reason IN ('arrears', 'nik-mismatch')),
                paid_through    TEXT    NULL,       -- yyyy-MM, last month paid
                origin          TEXT    NOT NULL DEFAULT 'manual' -- demo, synthetic, manual
            );
            CREATE UNIQUE INDEX ux_participants_nik ON participants (nik);
            CREATE UNIQUE INDEX ux_participants_card ON participants (card);
            """),
        new(2, "call_records", """
            CREATE TABLE call_records (
                id                   INTEGER PRIMARY KEY AUTOINCREMENT,
                call_id              TEXT    NOT NULL,
                caller               TEXT    NOT NULL,
                called               TEXT    NOT NULL,
                started_at           TEXT    NOT NULL,
                answered_at          TEXT    NULL,
                ended_at             TEXT    NULL,
                end_reason           TEXT    NOT NULL,
                ended_by             TEXT    NOT NULL,
                codec                TEXT    NULL,
                dtmf_methods         TEXT    NOT NULL, -- JSON array
                nodes                TEXT    NOT NULL, -- JSON array
                events               TEXT    NOT NULL, -- JSON array
                outcome              TEXT    NOT NULL,
                failures             TEXT    NOT NULL, -- JSON array
                rtp_packets_sent     INTEGER NOT NULL,
                rtp_packets_received INTEGER NOT NULL,
                rtp_packets_lost     INTEGER NOT NULL,
                rtp_jitter_ms        REAL    NOT NULL
            );
            CREATE INDEX ix_call_records_call_id ON call_records (call_id);
            """),
        new(3, "call_records.node_id", """
            ALTER TABLE call_records ADD COLUMN node_id TEXT NULL; -- the server that took the call (Server:NodeId)
            CREATE INDEX ix_call_records_in_progress ON call_records (node_id, call_id) WHERE end_reason = 'in-progress';
            """),
        new(4, "prompt_versions", """
            CREATE TABLE prompt_versions (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                prompt_id   TEXT    NOT NULL,
                version     INTEGER NOT NULL,
                created_at  TEXT    NOT NULL, -- ISO 8601
                source      TEXT    NOT NULL, -- phone, import, ...
                node_id     TEXT    NOT NULL,
                recorded_by TEXT    NULL,
                wav         BLOB    NOT NULL  -- 8 kHz 16-bit mono WAV file
            );
            CREATE UNIQUE INDEX ux_prompt_versions ON prompt_versions (prompt_id, version);
            """),
        new(5, "console", """
            ALTER TABLE call_records ADD COLUMN node_times TEXT NOT NULL DEFAULT '[]'; -- JSON array: ms since answer at which each node was entered
            CREATE INDEX ix_call_records_started_at ON call_records (started_at);
            CREATE TABLE users (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                name          TEXT    NOT NULL,
                password_hash TEXT    NOT NULL, -- ASP.NET Core Identity PasswordHasher (PBKDF2)
                role          TEXT    NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
                created_at    TEXT    NOT NULL,
                disabled      INTEGER NOT NULL DEFAULT 0
            );
            CREATE UNIQUE INDEX ux_users_name ON users (name);
            CREATE TABLE audit_log (
                id      INTEGER PRIMARY KEY AUTOINCREMENT,
                at      TEXT    NOT NULL, -- ISO 8601
                actor   TEXT    NOT NULL, -- user name, or 'cli', 'phone', 'system'
                action  TEXT    NOT NULL, -- e.g. prompt.upload, flow.activate, user.add
                subject TEXT    NOT NULL,
                detail  TEXT    NULL
            );
            CREATE TABLE flow_revisions (
                id           INTEGER PRIMARY KEY, -- the revision number
                created_at   TEXT    NOT NULL,
                author       TEXT    NOT NULL,
                source       TEXT    NOT NULL CHECK (source IN ('file', 'console', 'cli')),
                comment      TEXT    NULL,
                yaml         TEXT    NOT NULL,
                content_hash TEXT    NOT NULL, -- SHA-256 of the YAML, hex
                activated_at TEXT    NULL      -- the active revision has the latest
            );
            """),
        new(6, "call_records.utc", """
            -- Every record time in UTC ("O" text, +00:00), so text order is time order and a period is one range.
            -- The seconds are converted without the fraction (whole-minute offsets leave it as it was).
            UPDATE call_records SET started_at = strftime('%Y-%m-%dT%H:%M:%S', substr(started_at, 1, 19) || substr(started_at, 28)) || substr(started_at, 20, 8) || '+00:00'
                WHERE started_at IS NOT NULL AND started_at NOT LIKE '%+00:00';
            UPDATE call_records SET answered_at = strftime('%Y-%m-%dT%H:%M:%S', substr(answered_at, 1, 19) || substr(answered_at, 28)) || substr(answered_at, 20, 8) || '+00:00'
                WHERE answered_at IS NOT NULL AND answered_at NOT LIKE '%+00:00';
            UPDATE call_records SET ended_at = strftime('%Y-%m-%dT%H:%M:%S', substr(ended_at, 1, 19) || substr(ended_at, 28)) || substr(ended_at, 20, 8) || '+00:00'
                WHERE ended_at IS NOT NULL AND ended_at NOT LIKE '%+00:00';
            """),
    ];
}
