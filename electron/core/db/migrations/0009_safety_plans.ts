import type { Migration } from './migration';

/**
 * A client's safety plan, filled in together in the session (issue 12): each save is a
 * new version, numbered per client, never changed or removed afterwards, optionally
 * tied to the note it was made or revised in.
 */
export const migration0009SafetyPlans: Migration = {
  version: 9,
  name: 'safety plans',
  up(db) {
    db.exec(`
      CREATE TABLE safety_plans (
        id          TEXT PRIMARY KEY,
        client_id   TEXT NOT NULL REFERENCES clients (id),
        version     INTEGER NOT NULL CHECK (version >= 1),
        steps_json  TEXT NOT NULL,
        note_id     TEXT REFERENCES notes (id),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX safety_plans_by_client ON safety_plans (client_id, version);
      CREATE TRIGGER safety_plans_are_kept BEFORE UPDATE ON safety_plans
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER safety_plans_are_never_deleted BEFORE DELETE ON safety_plans
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
    `);
  },
};
