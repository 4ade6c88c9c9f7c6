import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/coreError';
import { SESSIONKEEP_APPLICATION_ID } from '../../electron/core/db/applicationId';
import type { VaultDb } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/core/db/migrations';
import type { Migration } from '../../electron/core/db/migrations/migration';

/**
 * One test per migration on a fresh in-memory database (the Signal Desktop pattern):
 * run the list up to that step and check exactly what the step must leave behind.
 * Encryption is not involved here; vault.test.ts covers the encrypted file.
 */
const open: VaultDb[] = [];
function freshDb(): VaultDb {
  const db = new Database(':memory:');
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };

function tables(db: VaultDb): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

function columns(db: VaultDb, table: string): Column[] {
  return db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(table) as Column[];
}

function isStrict(db: VaultDb, table: string): boolean {
  const row = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table) as { strict: number };
  return row.strict === 1;
}

function indexColumns(db: VaultDb, index: string): { name: string; coll: string }[] {
  return db.prepare('SELECT name, coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(index) as {
    name: string;
    coll: string;
  }[];
}

const pragma = (db: VaultDb, name: string) => db.pragma(name, { simple: true });

/** What the vault must look like after each step: a migration without an entry fails below. */
const afterStep: Record<number, { why: string; check(db: VaultDb): void }> = {
  1: {
    why: 'vault_meta, settings and clients as STRICT tables, the name index, application_id SKVT',
    check(db) {
      expect(tables(db)).toEqual(['clients', 'settings', 'vault_meta']);
      for (const table of ['clients', 'settings', 'vault_meta']) expect(isStrict(db, table), table).toBe(true);

      for (const table of ['vault_meta', 'settings']) {
        expect(columns(db, table)).toEqual([
          // STRICT tables make a TEXT PRIMARY KEY NOT NULL (plain SQLite tables allow NULL keys).
          { name: 'key', type: 'TEXT', notnull: 1, dflt_value: null, pk: 1 },
          { name: 'value', type: 'TEXT', notnull: 1, dflt_value: null, pk: 0 },
        ]);
      }

      const textWithEmptyDefault = (name: string): Column => ({
        name,
        type: 'TEXT',
        notnull: 1,
        dflt_value: "''",
        pk: 0,
      });
      expect(columns(db, 'clients')).toEqual([
        { name: 'id', type: 'TEXT', notnull: 1, dflt_value: null, pk: 1 },
        { name: 'display_name', type: 'TEXT', notnull: 1, dflt_value: null, pk: 0 },
        textWithEmptyDefault('preferred_name'),
        textWithEmptyDefault('pronouns'),
        textWithEmptyDefault('date_of_birth'),
        textWithEmptyDefault('phone'),
        textWithEmptyDefault('email'),
        textWithEmptyDefault('emergency_contact_name'),
        textWithEmptyDefault('emergency_contact_phone'),
        textWithEmptyDefault('presenting_concerns'),
        textWithEmptyDefault('diagnosis'),
        textWithEmptyDefault('diagnosis_code'),
        { name: 'status', type: 'TEXT', notnull: 1, dflt_value: "'active'", pk: 0 },
        { name: 'created_at', type: 'TEXT', notnull: 1, dflt_value: null, pk: 0 },
        { name: 'updated_at', type: 'TEXT', notnull: 1, dflt_value: null, pk: 0 },
      ]);

      const indexes = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clients' AND sql IS NOT NULL")
        .all() as { name: string }[];
      expect(indexes.map((row) => row.name)).toEqual(['clients_by_status_and_name']);
      expect(indexColumns(db, 'clients_by_status_and_name')).toEqual([
        { name: 'status', coll: 'BINARY' },
        { name: 'display_name', coll: 'NOCASE' },
      ]);

      // The CHECK constraints hold: no nameless client, no status outside the two.
      const insert = db.prepare(
        "INSERT INTO clients (id, display_name, status, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now')",
      );
      expect(() => insert.run('a', '', 'active')).toThrow(/CHECK constraint failed/);
      expect(() => insert.run('b', 'Ana', 'deleted')).toThrow(/CHECK constraint failed/);
      // STRICT: a BLOB is refused by a TEXT column instead of being stored as is.
      expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', ?)").run(Buffer.from('x'))).toThrow(
        /cannot store BLOB/,
      );

      expect(pragma(db, 'application_id')).toBe(SESSIONKEEP_APPLICATION_ID);
    },
  },
  2: {
    why: 'notes, revisions, addenda, custom templates and distortions, the search index; signed notes and addenda are final',
    check(db) {
      const own = tables(db).filter((name) => !name.startsWith('search_index'));
      expect(own).toEqual([
        'addenda',
        'clients',
        'custom_distortions',
        'custom_templates',
        'note_revisions',
        'notes',
        'search_docs',
        'settings',
        'vault_meta',
      ]);
      for (const table of own) expect(isStrict(db, table), table).toBe(true);
      expect(columns(db, 'clients').map((column) => column.name)).toContain('default_template_id');
      expect(columns(db, 'notes').map((column) => column.name)).toEqual([
        'id',
        'client_id',
        'template_id',
        'template_version',
        'template_name',
        'template',
        'note_kind',
        'session_number',
        'values_json',
        'status',
        'created_at',
        'updated_at',
        'signed_at',
        'signed_by',
        'content_hash',
      ]);
      // The full-text index is an FTS5 table inside the same (encrypted) database.
      const fts = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'search_index'").get() as { sql: string };
      expect(fts.sql).toMatch(/USING fts5/i);

      // Triggers make signing and addenda final, whatever the code above them does.
      db.prepare(
        "INSERT INTO clients (id, display_name, created_at, updated_at) VALUES ('c', 'Ana', 'now', 'now')",
      ).run();
      const insertNote = db.prepare(
        `INSERT INTO notes (id, client_id, template_id, template_version, template_name, template, note_kind,
           values_json, status, created_at, updated_at) VALUES (?, 'c', 't', 1, 'T', '{}', 'progress', '{}', ?, 'now', 'now')`,
      );
      insertNote.run('draft', 'draft');
      insertNote.run('signed', 'signed');
      expect(() => db.prepare("UPDATE notes SET values_json = '{\"a\":1}' WHERE id = 'draft'").run()).not.toThrow();
      expect(() => db.prepare("UPDATE notes SET values_json = '{}' WHERE id = 'signed'").run()).toThrow(/NOTE_SIGNED/);
      expect(() => db.prepare("DELETE FROM notes WHERE id = 'signed'").run()).toThrow(/NOTE_SIGNED/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO notes (id, client_id, template_id, template_version, template_name, template, note_kind, values_json, created_at, updated_at) VALUES ('x', 'nobody', 't', 1, 'T', '{}', 'progress', '{}', 'now', 'now')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/); // a note needs a real client
      db.prepare(
        "INSERT INTO addenda (id, note_id, text_json, created_at, signed_by, content_hash) VALUES ('a', 'signed', '{}', 'now', 'Dr A', 'h')",
      ).run();
      expect(() => db.prepare("UPDATE addenda SET text_json = 'x'").run()).toThrow(/ADDENDUM_FINAL/);
      expect(() => db.prepare('DELETE FROM addenda').run()).toThrow(/ADDENDUM_FINAL/);
    },
  },
  3: {
    why: 'assignments with a copy of their worksheet, and an append-only history of reviews',
    check(db) {
      for (const table of ['custom_worksheets', 'assignments', 'assignment_events']) {
        expect(tables(db), table).toContain(table);
        expect(isStrict(db, table), table).toBe(true);
      }
      db.prepare(
        "INSERT INTO clients (id, display_name, created_at, updated_at) VALUES ('c', 'Ana', 'now', 'now')",
      ).run();
      const insert = db.prepare(
        `INSERT INTO assignments (id, client_id, worksheet_id, worksheet_version, worksheet, title, instructions_json,
           frequency_json, start_date, due_date, target, status, created_at, updated_at)
         VALUES ('a', 'c', 'w', 1, '{}', 'T', '{}', '{}', '2026-01-01', '2026-01-08', '', ?, 'now', 'now')`,
      );
      expect(() => insert.run('forgotten')).toThrow(/CHECK constraint failed/);
      insert.run('assigned');
      db.prepare("INSERT INTO assignment_events (assignment_id, status, at) VALUES ('a', 'assigned', 'now')").run();
      expect(() => db.prepare("UPDATE assignment_events SET status = 'done'").run()).toThrow(/HISTORY_FINAL/);
      expect(() => db.prepare('DELETE FROM assignment_events').run()).toThrow(/HISTORY_FINAL/);
    },
  },
  4: {
    why: 'intake entries with append-only snapshots, caution actions, reviews and item-level measures',
    check(db) {
      const kept = ['intake_events', 'intake_reviews', 'caution_actions', 'measure_administrations'];
      for (const table of ['intake_entries', 'intake_context', ...kept]) {
        expect(tables(db), table).toContain(table);
        expect(isStrict(db, table), table).toBe(true);
      }
      db.prepare(
        "INSERT INTO clients (id, display_name, created_at, updated_at) VALUES ('c', 'Ana', 'now', 'now')",
      ).run();
      const entry = db.prepare(
        "INSERT INTO intake_entries (id, client_id, kind, fields_json, created_at, updated_at) VALUES ('e', 'c', ?, '{}', 'now', 'now')",
      );
      expect(() => entry.run('vitamin')).toThrow(/CHECK constraint failed/);
      entry.run('substance');
      db.prepare(
        "INSERT INTO intake_events (entry_id, change, at, fields_json) VALUES ('e', 'added', 'now', '{}')",
      ).run();
      db.prepare(
        "INSERT INTO notes (id, client_id, template_id, template_version, template_name, template, note_kind, values_json, created_at, updated_at) VALUES ('n', 'c', 't', 1, 'T', '{}', 'progress', '{}', 'now', 'now')",
      ).run();
      db.prepare("INSERT INTO intake_reviews (client_id, note_id, at) VALUES ('c', 'n', 'now')").run();
      db.prepare(
        `INSERT INTO caution_actions (id, client_id, caution_id, caution_title, severity, involves_json, action, kb_version, at)
         VALUES ('a', 'c', 'x', 'X', 'serious', '[]', 'discussed', '1.0.0', 'now')`,
      ).run();
      const measure = db.prepare(
        `INSERT INTO measure_administrations (id, client_id, instrument, answers_json, given_on, total, flags_json, created_at)
         VALUES ('m', 'c', ?, '[]', '2026-01-01', 0, '[]', 'now')`,
      );
      expect(() => measure.run('dast10')).toThrow(/CHECK constraint failed/);
      measure.run('phq9');
      for (const table of kept) {
        expect(
          () =>
            db
              .prepare(
                `UPDATE ${table} SET at = 'later'`.replace(
                  ' at =',
                  table === 'measure_administrations' ? ' given_on =' : ' at =',
                ),
              )
              .run(),
          table,
        ).toThrow(/HISTORY_FINAL/);
        expect(() => db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/HISTORY_FINAL/);
      }
    },
  },
  5: {
    why: 'an append-only activity log: ids and actions only, UPDATE and DELETE refused',
    check(db) {
      expect(tables(db)).toContain('audit_log');
      expect(isStrict(db, 'audit_log')).toBe(true);
      expect(columns(db, 'audit_log').map((column) => column.name)).toEqual([
        'id',
        'at',
        'action',
        'entity_type',
        'entity_id',
        'detail_json',
      ]);
      const insert = db.prepare(
        "INSERT INTO audit_log (at, action, entity_type, entity_id) VALUES ('now', ?, 'client', 'c1')",
      );
      expect(() => insert.run('')).toThrow(/CHECK constraint failed/);
      insert.run('client.created');
      expect(db.prepare('SELECT detail_json FROM audit_log').pluck().get()).toBe('{}');
      expect(() => db.prepare("UPDATE audit_log SET action = 'client.edited'").run()).toThrow(/HISTORY_FINAL/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/HISTORY_FINAL/);
      expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    },
  },
  6: {
    why: 'the activity log is hash-chained: prev_hash and hash columns (64 hex), still append-only',
    check(db) {
      expect(columns(db, 'audit_log').map((column) => column.name)).toEqual([
        'id',
        'at',
        'action',
        'entity_type',
        'entity_id',
        'detail_json',
        'prev_hash',
        'hash',
      ]);
      const insert = db.prepare(
        "INSERT INTO audit_log (at, action, prev_hash, hash) VALUES ('now', 'client.created', ?, ?)",
      );
      expect(() => insert.run('0'.repeat(64), 'short')).toThrow(/CHECK constraint failed/);
      insert.run('0'.repeat(64), 'a'.repeat(64));
      expect(() => db.prepare("UPDATE audit_log SET hash = 'b'").run()).toThrow(/HISTORY_FINAL/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/HISTORY_FINAL/);
      // Existing rows are chained by the step itself: tests/unit/auditChain.test.ts.
    },
  },
  7: {
    why: 'damaged-record removals: what, the raw row hash, the signed reason; UPDATE and DELETE refused',
    check(db) {
      expect(tables(db)).toContain('damaged_record_removals');
      expect(isStrict(db, 'damaged_record_removals')).toBe(true);
      expect(columns(db, 'damaged_record_removals').map((column) => column.name)).toEqual([
        'id',
        'removed_at',
        'table_name',
        'record_label',
        'raw_sha256',
        'reason',
        'signed_by',
      ]);
      const insert = db.prepare(
        `INSERT INTO damaged_record_removals (removed_at, table_name, record_label, raw_sha256, reason, signed_by)
         VALUES ('now', 'settings', 'crisisLines', ?, ?, 'Dr Ana Ruiz')`,
      );
      expect(() => insert.run('a'.repeat(64), '')).toThrow(/CHECK constraint failed/);
      expect(() => insert.run('short', 'Damaged by an old import.')).toThrow(/CHECK constraint failed/);
      insert.run('a'.repeat(64), 'Damaged by an old import.');
      expect(() => db.prepare("UPDATE damaged_record_removals SET reason = 'x'").run()).toThrow(/HISTORY_FINAL/);
      expect(() => db.prepare('DELETE FROM damaged_record_removals').run()).toThrow(/HISTORY_FINAL/);
    },
  },
  8: {
    why: "homework reviews keep what the client learned or noticed: learned TEXT NOT NULL DEFAULT '', still append-only",
    check(db) {
      expect(columns(db, 'assignment_events').map((column) => column.name)).toEqual([
        'id',
        'assignment_id',
        'status',
        'at',
        'amount',
        'barrier',
        'note_id',
        'learned',
      ]);
      expect(columns(db, 'assignment_events').find((column) => column.name === 'learned')).toEqual({
        name: 'learned',
        type: 'TEXT',
        notnull: 1,
        dflt_value: "''",
        pk: 0,
      });
      expect(isStrict(db, 'assignment_events')).toBe(true);
      db.prepare(
        "INSERT INTO clients (id, display_name, created_at, updated_at) VALUES ('c', 'Ana', 'now', 'now')",
      ).run();
      db.prepare(
        `INSERT INTO assignments (id, client_id, worksheet_id, worksheet_version, worksheet, title, instructions_json,
           frequency_json, start_date, due_date, target, status, created_at, updated_at)
         VALUES ('a', 'c', 'w', 1, '{}', 'T', '{}', '{}', '2026-01-01', '2026-01-08', '', 'done', 'now', 'now')`,
      ).run();
      const insert = db.prepare(
        "INSERT INTO assignment_events (assignment_id, status, at, learned) VALUES ('a', 'done', 'now', ?)",
      );
      expect(() => insert.run(null)).toThrow(/NOT NULL constraint failed/);
      insert.run('Walking lifted my mood.');
      expect(() => db.prepare("UPDATE assignment_events SET learned = 'x'").run()).toThrow(/HISTORY_FINAL/);
      expect(() => db.prepare('DELETE FROM assignment_events').run()).toThrow(/HISTORY_FINAL/);
    },
  },
  9: {
    why: 'a client’s safety plan as dated versions that are never changed or removed (issue 12)',
    check(db) {
      expect(tables(db)).toContain('safety_plans');
      expect(columns(db, 'safety_plans').map((column) => column.name)).toEqual([
        'id',
        'client_id',
        'version',
        'steps_json',
        'note_id',
        'created_at',
      ]);
      expect(isStrict(db, 'safety_plans')).toBe(true);
      db.prepare(
        "INSERT INTO clients (id, display_name, created_at, updated_at) VALUES ('c', 'Ana', 'now', 'now')",
      ).run();
      const insert = db.prepare(
        "INSERT INTO safety_plans (id, client_id, version, steps_json, note_id, created_at) VALUES (?, ?, ?, '{}', NULL, 'now')",
      );
      expect(() => insert.run('p0', 'nobody', 1)).toThrow(/FOREIGN KEY/);
      expect(() => insert.run('p0', 'c', 0)).toThrow(/CHECK constraint failed/);
      insert.run('p1', 'c', 1);
      expect(() => db.prepare("UPDATE safety_plans SET steps_json = '[]'").run()).toThrow(/HISTORY_FINAL/);
      expect(() => db.prepare('DELETE FROM safety_plans').run()).toThrow(/HISTORY_FINAL/);
    },
  },
};

describe('migration 8 on a vault with homework history', () => {
  it("keeps every review written before it, each reading as learned = ''", () => {
    const db = freshDb();
    migrate(db, migrations.slice(0, 7));
    db.prepare(
      "INSERT INTO clients (id, display_name, created_at, updated_at) VALUES ('c', 'Ana', 'now', 'now')",
    ).run();
    db.prepare(
      `INSERT INTO assignments (id, client_id, worksheet_id, worksheet_version, worksheet, title, instructions_json,
         frequency_json, start_date, due_date, target, status, created_at, updated_at)
       VALUES ('a', 'c', 'w', 1, '{}', 'T', '{}', '{}', '2026-01-01', '2026-01-08', '', 'partial', 'now', 'now')`,
    ).run();
    db.prepare(
      "INSERT INTO assignment_events (assignment_id, status, at, amount) VALUES ('a', 'partial', 'then', '4 of 7 days')",
    ).run();
    expect(migrate(db, migrations.slice(0, 8))).toEqual({ from: 7, to: 8 });
    expect(db.prepare('SELECT status, amount, barrier, learned FROM assignment_events').all()).toEqual([
      { status: 'partial', amount: '4 of 7 days', barrier: '', learned: '' },
    ]);
  });
});

describe('each migration', () => {
  it('has a test entry here (add one with every new migration)', () => {
    expect(Object.keys(afterStep).map(Number)).toEqual(migrations.map((step) => step.version));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it.each(migrations.map((step) => ({ ...step, expectation: afterStep[step.version] })))(
    'migration $version ($name)',
    ({ version, expectation }) => {
      const db = freshDb();
      expect(migrate(db, migrations.slice(0, version))).toEqual({ from: 0, to: version });
      expect(pragma(db, 'user_version')).toBe(version);
      expectation?.check(db);
    },
  );
});

describe('migrate', () => {
  it('is idempotent: a second run finds nothing to do and writes nothing', () => {
    const db = freshDb();
    migrate(db, migrations);
    const schemaBefore = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    const changesBefore = pragma(db, 'data_version');
    const totalChangesBefore = db.prepare('SELECT total_changes() AS n').get();

    expect(migrate(db, migrations)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    expect(db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
    expect(pragma(db, 'data_version')).toBe(changesBefore);
    expect(db.prepare('SELECT total_changes() AS n').get()).toEqual(totalChangesBefore);
    expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses a vault from a newer version with VAULT_FROM_NEWER_VERSION and writes nothing', () => {
    const db = freshDb();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    let thrown: unknown;
    try {
      migrate(db, migrations);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CoreError);
    expect((thrown as CoreError).code).toBe('VAULT_FROM_NEWER_VERSION');
    expect(tables(db)).toEqual([]);
    expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(pragma(db, 'application_id')).toBe(0);
  });

  it('rolls back every step when one fails: no table, user_version and application_id unchanged', () => {
    const db = freshDb();
    const failingList: Migration[] = [
      {
        version: 1,
        name: 'creates a table and sets the header',
        up(inner) {
          inner.exec('CREATE TABLE first_step (x TEXT) STRICT');
          inner.pragma('application_id = 1234');
        },
      },
      {
        version: 2,
        name: 'fails half-way',
        up(inner) {
          inner.exec('CREATE TABLE second_step (y TEXT) STRICT');
          throw new Error('step 2 failed');
        },
      },
    ];
    expect(() => migrate(db, failingList)).toThrow('step 2 failed');
    expect(tables(db)).toEqual([]);
    expect(pragma(db, 'user_version')).toBe(0);
    expect(pragma(db, 'application_id')).toBe(0);
    expect(db.inTransaction).toBe(false);

    // The same list without the failure then applies cleanly: the failed run left no trace.
    const fixed = failingList.map((step) => (step.version === 2 ? { ...step, up: () => undefined } : step));
    expect(migrate(db, fixed)).toEqual({ from: 0, to: 2 });
    expect(tables(db)).toEqual(['first_step']);
  });

  it('rolls back only the pending steps: an already-applied step survives a later failure', () => {
    const db = freshDb();
    migrate(db, migrations);
    const next: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'fails',
      up(inner) {
        inner.exec('CREATE TABLE half_done (x TEXT) STRICT');
        throw new Error('next step failed');
      },
    };
    const before = tables(db);
    expect(() => migrate(db, [...migrations, next])).toThrow('next step failed');
    expect(tables(db)).toEqual(before);
    expect(before).not.toContain('half_done');
    expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuses a list whose versions are not 1, 2, 3… in order', () => {
    const db = freshDb();
    const [first] = migrations;
    if (!first) throw new Error('no migrations');
    expect(() => migrate(db, [{ ...first, version: 2 }])).toThrow(/out of order/);
    expect(tables(db)).toEqual([]);
  });
});
