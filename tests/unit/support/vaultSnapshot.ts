import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../electron/core/core';
import { snapshotFolder } from './vaultFolder';

/**
 * What "nothing changed in the vault" means, for tests that send a request and expect
 * it to be refused: every row of every table, the schema, the header pragmas, the key
 * file, the folder's file names, the lock state and the status (throttle included).
 *
 * Rows are compared as one SHA-256 per table (with the row count beside it), so a
 * snapshot stays cheap enough to take around every one of thousands of fuzzed
 * requests; the table that changed is still named in a failing diff.
 */
export type VaultSnapshot = Awaited<ReturnType<typeof snapshotVault>>;

export async function snapshotVault(core: Core, folder: string) {
  const db = core.vault.db();
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return {
    unlocked: core.vault.isUnlocked,
    status: await core.vault.status(),
    userVersion: db.pragma('user_version', { simple: true }),
    applicationId: db.pragma('application_id', { simple: true }),
    schema: db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all(),
    tables: Object.fromEntries(tables.map((table) => [table, tableDigest(db, table)])),
    keyFile: createHash('sha256')
      .update(readFileSync(join(folder, 'vault.key')))
      .digest('hex'),
    files: Object.keys(snapshotFolder(folder)),
  };
}

type Db = ReturnType<Core['vault']['db']>;

/** "<rows>:<sha256>" of a table's rows, in an order that does not depend on rowids. */
function tableDigest(db: Db, table: string): string {
  // Table names come from sqlite_schema itself, quoted as identifiers. Sorted in JS: the
  // full-text index's shadow tables have no rowid to order by.
  const rows = db
    .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
    .all()
    .map((row) => JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
    .sort();
  const hash = createHash('sha256');
  for (const row of rows) hash.update(row).update('\n');
  return `${rows.length}:${hash.digest('hex')}`;
}
