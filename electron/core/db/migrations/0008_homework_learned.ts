import type { Migration } from './migration';

/**
 * Homework reviews ask what the client learned or noticed, in their words, for done and
 * partly done (issue 12), as they ask for the barrier when it was not done. A column on
 * the append-only history: rows written before it read as '' (nothing was asked then).
 */
export const migration0008HomeworkLearned: Migration = {
  version: 8,
  name: 'homework learned',
  up(db) {
    db.exec(`ALTER TABLE assignment_events ADD COLUMN learned TEXT NOT NULL DEFAULT ''`);
  },
};
