import type { Migration } from './migration';

/**
 * Homework: assignments (with a copy of the worksheet they were given on) and their
 * review events, append-only, so every status change stays dated and kept.
 */
export const migration0003Homework: Migration = {
  version: 3,
  name: 'homework',
  up(db) {
    db.exec(`
      CREATE TABLE custom_worksheets (
        id          TEXT PRIMARY KEY,
        definition  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE assignments (
        id                 TEXT PRIMARY KEY,
        client_id          TEXT NOT NULL REFERENCES clients (id),
        note_id            TEXT REFERENCES notes (id),
        worksheet_id       TEXT NOT NULL,
        worksheet_version  INTEGER NOT NULL,
        worksheet          TEXT NOT NULL,
        title              TEXT NOT NULL,
        instructions_json  TEXT NOT NULL,
        frequency_json     TEXT NOT NULL,
        start_date         TEXT NOT NULL,
        due_date           TEXT NOT NULL,
        target             TEXT NOT NULL,
        status             TEXT NOT NULL CHECK (status IN ('assigned', 'done', 'partial', 'notDone', 'carriedOver', 'dropped')),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assignments_by_client ON assignments (client_id, created_at);
      CREATE INDEX assignments_by_note ON assignments (note_id);

      CREATE TABLE assignment_events (
        id             INTEGER PRIMARY KEY,
        assignment_id  TEXT NOT NULL REFERENCES assignments (id),
        status         TEXT NOT NULL,
        at             TEXT NOT NULL,
        amount         TEXT NOT NULL DEFAULT '',
        barrier        TEXT NOT NULL DEFAULT '',
        note_id        TEXT REFERENCES notes (id)
      ) STRICT;
      CREATE INDEX assignment_events_by_assignment ON assignment_events (assignment_id, id);
      CREATE TRIGGER assignment_events_are_kept BEFORE UPDATE ON assignment_events
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER assignment_events_are_never_deleted BEFORE DELETE ON assignment_events
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
    `);
  },
};
