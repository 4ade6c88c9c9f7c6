import type { Migration } from './migration';

/**
 * Data health (issue 11): a damaged row that is not clinical history (a setting, a
 * custom template, distortion or worksheet, a client with no record yet) may be
 * removed, with a signed reason. This table keeps, for each removal, what was removed
 * (table and id, cut short), the SHA-256 of the raw row as exported, the therapist's
 * reason and name, and when. Append-only like the other histories: the triggers refuse
 * any UPDATE or DELETE.
 */
export const migration0007DamagedRecordRemovals: Migration = {
  version: 7,
  name: 'damaged record removals',
  up(db) {
    db.exec(`
      CREATE TABLE damaged_record_removals (
        id            INTEGER PRIMARY KEY,
        removed_at    TEXT NOT NULL,
        table_name    TEXT NOT NULL CHECK (length(table_name) BETWEEN 1 AND 40),
        record_label  TEXT NOT NULL CHECK (length(record_label) <= 60),
        raw_sha256    TEXT NOT NULL CHECK (length(raw_sha256) = 64),
        reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        signed_by     TEXT NOT NULL CHECK (length(signed_by) BETWEEN 1 AND 120)
      ) STRICT;
      CREATE TRIGGER damaged_record_removals_are_kept BEFORE UPDATE ON damaged_record_removals
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
      CREATE TRIGGER damaged_record_removals_are_never_deleted BEFORE DELETE ON damaged_record_removals
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
    `);
  },
};
