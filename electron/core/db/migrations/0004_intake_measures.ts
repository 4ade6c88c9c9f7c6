import type { Migration } from './migration';

/**
 * What a client takes (substances, supplements, medications), what was done about each
 * caution, and the measures given in sessions. Histories are append-only: a change to an
 * intake entry adds a dated snapshot, a caution action or a measure is never rewritten.
 */
export const migration0004IntakeMeasures: Migration = {
  version: 4,
  name: 'intake and measures',
  up(db) {
    db.exec(`
      CREATE TABLE intake_entries (
        id           TEXT PRIMARY KEY,
        client_id    TEXT NOT NULL REFERENCES clients (id),
        kind         TEXT NOT NULL CHECK (kind IN ('substance', 'medication')),
        fields_json  TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX intake_entries_by_client ON intake_entries (client_id, created_at);

      CREATE TABLE intake_events (
        id           INTEGER PRIMARY KEY,
        entry_id     TEXT NOT NULL REFERENCES intake_entries (id),
        change       TEXT NOT NULL CHECK (change IN ('added', 'changed', 'stopped')),
        at           TEXT NOT NULL,
        note_id      TEXT REFERENCES notes (id),
        fields_json  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX intake_events_by_entry ON intake_events (entry_id, id);
      CREATE TRIGGER intake_events_are_kept BEFORE UPDATE ON intake_events
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER intake_events_are_never_deleted BEFORE DELETE ON intake_events
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;

      CREATE TABLE intake_context (
        client_id     TEXT PRIMARY KEY REFERENCES clients (id),
        context_json  TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE intake_reviews (
        id         INTEGER PRIMARY KEY,
        client_id  TEXT NOT NULL REFERENCES clients (id),
        note_id    TEXT NOT NULL REFERENCES notes (id),
        at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX intake_reviews_by_client ON intake_reviews (client_id, at);

      CREATE TABLE caution_actions (
        id             TEXT PRIMARY KEY,
        client_id      TEXT NOT NULL REFERENCES clients (id),
        note_id        TEXT REFERENCES notes (id),
        caution_id     TEXT NOT NULL,
        caution_title  TEXT NOT NULL,
        severity       TEXT NOT NULL CHECK (severity IN ('serious', 'caution', 'info')),
        involves_json  TEXT NOT NULL,
        action         TEXT NOT NULL CHECK (action IN ('discussed', 'suggestedPrescriber', 'contactedPrescriber', 'notRelevant')),
        reason         TEXT NOT NULL DEFAULT '',
        kb_version     TEXT NOT NULL,
        at             TEXT NOT NULL
      ) STRICT;
      CREATE INDEX caution_actions_by_client ON caution_actions (client_id, at);

      CREATE TABLE measure_administrations (
        id            TEXT PRIMARY KEY,
        client_id     TEXT NOT NULL REFERENCES clients (id),
        note_id       TEXT REFERENCES notes (id),
        instrument    TEXT NOT NULL CHECK (instrument IN ('phq9', 'phq2', 'gad7', 'auditc')),
        answers_json  TEXT NOT NULL,
        sex           TEXT CHECK (sex IN ('female', 'male')),
        given_on      TEXT NOT NULL,
        total         INTEGER NOT NULL,
        band          TEXT,
        positive      INTEGER,
        flags_json    TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX measure_administrations_by_client ON measure_administrations (client_id, given_on);

      CREATE TRIGGER intake_reviews_are_kept BEFORE UPDATE ON intake_reviews
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER intake_reviews_are_never_deleted BEFORE DELETE ON intake_reviews
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER caution_actions_are_kept BEFORE UPDATE ON caution_actions
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER caution_actions_are_never_deleted BEFORE DELETE ON caution_actions
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER measure_administrations_are_kept BEFORE UPDATE ON measure_administrations
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER measure_administrations_are_never_deleted BEFORE DELETE ON measure_administrations
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
    `);
  },
};
