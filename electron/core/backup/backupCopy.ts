import Database from 'better-sqlite3-multiple-ciphers';
import { SESSIONKEEP_APPLICATION_ID } from '../db/applicationId';
import type { VaultDb } from '../db/database';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

/** Reading an encrypted copy: never through openVaultDatabase, which would switch it to WAL and migrate it. */

export type BackupSummary = {
  clients: number;
  notes: number;
  signedNotes: number;
  /** The newest `updated_at` of any client or note (ISO), null for an empty vault. */
  lastEditAt: string | null;
};

export type CopyProblem =
  | 'cannot-open'
  | 'integrity'
  | 'not-a-vault'
  | 'newer-version'
  | 'manifest-mismatch'
  | 'key-mismatch';

/** What the copy says about itself, read from inside the decrypted file (the manifest can lie). */
export type CopyFacts = { applicationId: number; schemaVersion: number; vaultId: string | null };

export type CopyExpectations = {
  /** integrity_check over every page (slow for a large vault): skipped only for a quick list. */
  integrity: boolean;
  /** What the manifest claims: the database's own user_version must equal it. */
  schemaVersion?: number;
  /** The key file's vault id: the database's own vault_id must equal it. */
  vaultId?: string;
};

/**
 * The first thing wrong with a copy's facts, or null. Pure. Application id first: a file
 * that is not a vault has no meaningful version. Then the manifest's claim, so a copy
 * whose version was raised behind its manifest's back reads as altered, not as newer.
 */
export function factsProblem(facts: CopyFacts, expected: Omit<CopyExpectations, 'integrity'>): CopyProblem | null {
  if (facts.applicationId !== SESSIONKEEP_APPLICATION_ID) return 'not-a-vault';
  if (expected.schemaVersion !== undefined && facts.schemaVersion !== expected.schemaVersion) {
    return 'manifest-mismatch';
  }
  if (facts.schemaVersion > LATEST_SCHEMA_VERSION) return 'newer-version';
  if (expected.vaultId !== undefined && facts.vaultId !== null && facts.vaultId !== expected.vaultId) {
    return 'key-mismatch';
  }
  return null;
}

function readFacts(db: VaultDb): CopyFacts {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  const schemaVersion = Number(db.pragma('user_version', { simple: true }));
  let vaultId: string | null = null;
  try {
    const row = db.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'").get() as
      | { value: unknown }
      | undefined;
    vaultId = typeof row?.value === 'string' ? row.value : null;
  } catch {
    // No vault_meta (not a vault, or a newer layout): the checks above decide.
  }
  return { applicationId, schemaVersion, vaultId };
}

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
  expected: CopyExpectations = { integrity: true },
):
  | { ok: true; summary: BackupSummary; facts: CopyFacts }
  | { ok: false; reason: CopyProblem; detail: string; facts?: CopyFacts } {
  let db: VaultDb;
  try {
    db = openCopy(path, dataKey, nativeBinding);
  } catch (error) {
    const code = sqliteCodeOf(error);
    // A page that fails its tag reads as NOTADB wherever it is: only page 1 tells a wrong key.
    const keyFits = code.startsWith('SQLITE_CORRUPT') || firstPageOpens(path, dataKey, nativeBinding);
    return { ok: false, reason: keyFits ? 'integrity' : 'cannot-open', detail: code };
  }
  try {
    if (expected.integrity) {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
        return { ok: false, reason: 'integrity', detail: 'integrity_check reported problems' };
      }
    }
    const facts = readFacts(db);
    const problem = factsProblem(facts, expected);
    if (problem) return { ok: false, reason: problem, detail: problem, facts };
    if (expectedCounts) {
      const counts = tableCounts(db);
      if (JSON.stringify(counts) !== JSON.stringify(expectedCounts)) {
        return { ok: false, reason: 'integrity', detail: 'row counts differ from the vault' };
      }
    }
    return { ok: true, summary: readSummary(db), facts };
  } catch (error) {
    return { ok: false, reason: 'integrity', detail: sqliteCodeOf(error) };
  } finally {
    db.close();
  }
}

/** Whether the key decrypts page 1 (user_version is read from its header without loading the schema). */
function firstPageOpens(path: string, dataKey: Buffer, nativeBinding?: string): boolean {
  let db: VaultDb | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    db.pragma("cipher = 'chacha20'");
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    db.pragma('user_version', { simple: true });
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Only the SQLite code: an error message could quote a path, never clinical text, but stay terse. */
function sqliteCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
