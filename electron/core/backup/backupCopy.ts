import Database from 'better-sqlite3-multiple-ciphers';
import type { VaultDb } from '../db/database';

/** Reading an encrypted copy: never through openVaultDatabase, which would switch it to WAL and migrate it. */

export type BackupSummary = {
  clients: number;
  notes: number;
  signedNotes: number;
  /** The newest `updated_at` of any client or note (ISO), null for an empty vault. */
  lastEditAt: string | null;
};

export type CopyProblem = 'cannot-open' | 'integrity';

/**
 * Opens a backup copy read-only with the data key. A read-only handle on a
 * rollback-journal file (what VACUUM INTO writes) creates no -wal/-shm beside it, so
 * checking a backup never changes its folder.
 */
export function openCopy(path: string, dataKey: Buffer, nativeBinding?: string): VaultDb {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    db.pragma("cipher = 'chacha20'");
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Rows per table, for comparing a copy with its source. Table names come from
 * sqlite_master, never from input, and are quoted as identifiers. FTS5 shadow tables
 * are counted too: they are ordinary tables that VACUUM INTO copies.
 */
export function tableCounts(db: VaultDb): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names) {
    if (name.startsWith('sqlite_')) continue;
    counts[name] = Number(
      db
        .prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)
        .pluck()
        .get(),
    );
  }
  return counts;
}

export function readSummary(db: VaultDb): BackupSummary {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM clients) AS clients,
              (SELECT count(*) FROM notes) AS notes,
              (SELECT count(*) FROM notes WHERE status = 'signed') AS signedNotes,
              (SELECT max(at) FROM (SELECT max(updated_at) AS at FROM clients
                                    UNION ALL SELECT max(updated_at) FROM notes)) AS lastEditAt`,
    )
    .get() as BackupSummary;
  return { ...row };
}

/**
 * Checks a copy page by page. sqlite3mc has no cipher-level check of its own (an
 * unknown pragma such as `cipher_integrity_check` answers nothing), but ChaCha20-
 * Poly1305 authenticates every page: integrity_check reads them all, so a tampered or
 * torn page fails its tag and surfaces here as an error, not as wrong data.
 */
export function checkCopy(
  path: string,
  dataKey: Buffer,
  expectedCounts?: Record<string, number>,
  nativeBinding?: string,
  options: { integrity: boolean } = { integrity: true },
): { ok: true; summary: BackupSummary } | { ok: false; reason: CopyProblem; detail: string } {
  let db: VaultDb;
  try {
    db = openCopy(path, dataKey, nativeBinding);
  } catch (error) {
    return { ok: false, reason: 'cannot-open', detail: sqliteCodeOf(error) };
  }
  try {
    if (options.integrity) {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
        return { ok: false, reason: 'integrity', detail: 'integrity_check reported problems' };
      }
    }
    if (expectedCounts) {
      const counts = tableCounts(db);
      if (JSON.stringify(counts) !== JSON.stringify(expectedCounts)) {
        return { ok: false, reason: 'integrity', detail: 'row counts differ from the vault' };
      }
    }
    return { ok: true, summary: readSummary(db) };
  } catch (error) {
    return { ok: false, reason: 'integrity', detail: sqliteCodeOf(error) };
  } finally {
    db.close();
  }
}

/** Only the SQLite code: an error message could quote a path, never clinical text, but stay terse. */
function sqliteCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
