import type { Migration } from './migration';

/**
 * Session notes, their revision history, addenda, custom templates and distortions,
 * and the full-text index. The index lives inside the encrypted database: there is
 * no plaintext index anywhere else. Signed notes and addenda are made final by
 * triggers too, so even a bug in the core cannot change them.
 */
export const migration0002Notes: Migration = {
  version: 2,
  name: 'notes',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN default_template_id TEXT;

      CREATE TABLE custom_templates (
        id          TEXT PRIMARY KEY,
        definition  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;

      CREATE TABLE custom_distortions (
        id          TEXT PRIMARY KEY,
        label       TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE notes (
        id                TEXT PRIMARY KEY,
        client_id         TEXT NOT NULL REFERENCES clients (id),
        template_id       TEXT NOT NULL,
        template_version  INTEGER NOT NULL,
        template_name     TEXT NOT NULL,
        template          TEXT NOT NULL,
        note_kind         TEXT NOT NULL CHECK (note_kind IN ('progress', 'psychotherapy')),
        session_number    INTEGER,
        values_json       TEXT NOT NULL,
        status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        signed_at         TEXT,
        signed_by         TEXT,
        content_hash      TEXT
      ) STRICT;
      CREATE INDEX notes_by_client ON notes (client_id, created_at);
      CREATE INDEX notes_by_status ON notes (status, created_at);

      CREATE TRIGGER notes_signed_are_final BEFORE UPDATE ON notes WHEN OLD.status = 'signed'
      BEGIN SELECT RAISE(ABORT, 'NOTE_SIGNED'); END;
      CREATE TRIGGER notes_signed_are_kept BEFORE DELETE ON notes WHEN OLD.status = 'signed'
      BEGIN SELECT RAISE(ABORT, 'NOTE_SIGNED'); END;

      CREATE TABLE note_revisions (
        id          INTEGER PRIMARY KEY,
        note_id     TEXT NOT NULL REFERENCES notes (id),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        reason      TEXT NOT NULL CHECK (reason IN ('autosave', 'signing', 'restore')),
        values_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX note_revisions_by_note ON note_revisions (note_id, id);

      CREATE TABLE addenda (
        id            TEXT PRIMARY KEY,
        note_id       TEXT NOT NULL REFERENCES notes (id),
        text_json     TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        signed_by     TEXT NOT NULL,
        content_hash  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX addenda_by_note ON addenda (note_id, created_at);
      CREATE TRIGGER addenda_are_final BEFORE UPDATE ON addenda
      BEGIN SELECT RAISE(ABORT, 'ADDENDUM_FINAL'); END;
      CREATE TRIGGER addenda_are_kept BEFORE DELETE ON addenda
      BEGIN SELECT RAISE(ABORT, 'ADDENDUM_FINAL'); END;

      -- One row per searchable document (a note, an addendum, a client); its rowid is
      -- the FTS row's rowid, so re-indexing never scans the index.
      CREATE TABLE search_docs (
        rowid      INTEGER PRIMARY KEY,
        ref_id     TEXT NOT NULL UNIQUE,
        kind       TEXT NOT NULL CHECK (kind IN ('note', 'addendum', 'client')),
        client_id  TEXT NOT NULL,
        note_id    TEXT,
        date       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_docs_by_client ON search_docs (client_id, date);
      CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
    `);
  },
};
