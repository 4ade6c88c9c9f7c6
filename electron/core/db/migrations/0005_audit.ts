import type { Migration } from './migration';

/**
 * The activity log (issue "audit log"): who did what and when, inside the encrypted
 * vault. Rows say which action on which entity (type and id) and carry only
 * non-clinical detail (a lock reason, the names of changed settings, a count); never
 * note text, client names or passphrases. Append-only: the triggers refuse any UPDATE
 * or DELETE whatever the code above them does, as for the histories in 0003 and 0004.
 */
export const migration0005Audit: Migration = {
  version: 5,
  name: 'audit log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id           INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        action       TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
        entity_type  TEXT CHECK (entity_type IS NULL OR length(entity_type) BETWEEN 1 AND 40),
        entity_id    TEXT CHECK (entity_id IS NULL OR length(entity_id) BETWEEN 1 AND 64),
        detail_json  TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE TRIGGER audit_log_is_kept BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
    `);
  },
};
