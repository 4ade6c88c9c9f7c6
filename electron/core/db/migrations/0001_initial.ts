import { SESSIONKEEP_APPLICATION_ID } from '../applicationId';
import type { Migration } from './migration';

/** Clients, settings and vault facts. Never edit a shipped migration: add the next one. */
export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE vault_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE clients (
        id                      TEXT PRIMARY KEY,
        display_name            TEXT NOT NULL CHECK (length(display_name) > 0),
        preferred_name          TEXT NOT NULL DEFAULT '',
        pronouns                TEXT NOT NULL DEFAULT '',
        date_of_birth           TEXT NOT NULL DEFAULT '',
        phone                   TEXT NOT NULL DEFAULT '',
        email                   TEXT NOT NULL DEFAULT '',
        emergency_contact_name  TEXT NOT NULL DEFAULT '',
        emergency_contact_phone TEXT NOT NULL DEFAULT '',
        presenting_concerns     TEXT NOT NULL DEFAULT '',
        diagnosis               TEXT NOT NULL DEFAULT '',
        diagnosis_code          TEXT NOT NULL DEFAULT '',
        status                  TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        created_at              TEXT NOT NULL,
        updated_at              TEXT NOT NULL
      ) STRICT;

      CREATE INDEX clients_by_status_and_name ON clients (status, display_name COLLATE NOCASE);
    `);
    db.pragma(`application_id = ${SESSIONKEEP_APPLICATION_ID}`);
  },
};
