import {
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { type VaultPaths, writeFileAtomic } from './vaultFiles';

/**
 * Re-encrypting the vault with a new data key (a lost laptop, a leaked backup): after
 * it, neither the old key file with the old passphrase (every backup holds one) nor
 * the old recovery key opens the vault.
 *
 * Crash-safe in two halves. Before the journal: a re-encrypted copy (`vault.db.new`),
 * checked (opens with the new key, integrity_check, same tables and row counts), and
 * the new key and recovery files (`vault.key.new`, `vault.recovery.new`) are written
 * beside the vault, which is untouched; a crash here leaves the old vault and the
 * leftovers are removed. Then the journal (`vault.reencrypt`) is written atomically:
 * from that moment the swap only goes forward, at once or at the next start. The old
 * files move into `replaced-by-reencryption-<time>/` (never deleted), the new ones
 * into place, the key file last. So after a crash exactly one set of credentials
 * opens the vault, never neither, and no record is lost.
 */
const NEW = '.new';
const JOURNAL = 'vault.reencrypt';
/** The old vault's files, moved aside in this order (the key file last). */
const OLD_FILES = ['vault.db', 'vault.db-wal', 'vault.db-shm', 'vault.db-journal', 'vault.recovery', 'vault.key'];
const journalSchema = z.strictObject({
  format: z.literal('sessionkeep-reencrypt'),
  version: z.literal(1),
  setAside: z.string().regex(/^replaced-by-reencryption-[0-9A-Za-z-]{1,80}$/),
});

export type ReencryptFiles = { database: string; keyFile: string; recoveryFile: string; journal: string };

export function reencryptFiles(paths: VaultPaths): ReencryptFiles {
  return {
    database: `${paths.database}${NEW}`,
    keyFile: `${paths.keyFile}${NEW}`,
    recoveryFile: `${paths.recoveryFile}${NEW}`,
    journal: join(paths.folder, JOURNAL),
  };
}

function openRaw(path: string, key: Buffer, nativeBinding: string | undefined): VaultDb {
  const db = new Database(path, { fileMustExist: true, nativeBinding });
  db.pragma("cipher = 'chacha20'");
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  return db;
}

/** Table name → row count, for every table of the vault (full-text shadow tables included). */
function rowCounts(db: VaultDb): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  // Names come from sqlite_schema itself, quoted as identifiers.
  return Object.fromEntries(
    tables.map((table) => [
      table,
      Number(
        db
          .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
          .pluck()
          .get(),
      ),
    ]),
  );
}

function fsyncFile(path: string): void {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export type PreparedCopy = {
  /** Rows per table in the vault and (equal) in the copy. */
  counts: Record<string, number>;
};

/**
 * Writes and checks the re-encrypted copy and the new key and recovery files beside
 * the vault. Synchronous on purpose: no request can write to the open vault between
 * the copy and the close that follows, so no record can be left behind. Throws
 * REENCRYPT_FAILED (with the new files removed) when the copy does not check out.
 */
export function prepareReencryptedCopy(options: {
  paths: VaultPaths;
  live: VaultDb;
  oldKey: Buffer;
  newKey: Buffer;
  keyFileText: string;
  recoveryFileText: string;
  /** Rows the copy gets in vault_meta (the pending recovery key, the key file fingerprint). */
  meta: Record<string, string>;
  nativeBinding?: string | undefined;
}): PreparedCopy {
  const files = reencryptFiles(options.paths);
  discardNewFiles(files);
  try {
    // VACUUM INTO writes the live vault (WAL included) as one file, still under the old key.
    options.live.prepare('VACUUM INTO ?').run(files.database);
    const expected = {
      counts: rowCounts(options.live),
      userVersion: options.live.pragma('user_version', { simple: true }),
      applicationId: options.live.pragma('application_id', { simple: true }),
    };
    const copy = openRaw(files.database, options.oldKey, options.nativeBinding);
    try {
      // sqlite3mc re-keys only outside WAL mode; the normal open switches WAL back on.
      copy.pragma('journal_mode = DELETE');
      copy.pragma(`rekey = "x'${options.newKey.toString('hex')}'"`);
    } finally {
      copy.close();
    }
    const check = openRaw(files.database, options.newKey, options.nativeBinding);
    try {
      const integrity = check.pragma('integrity_check', { simple: true });
      const same =
        integrity === 'ok' &&
        check.pragma('user_version', { simple: true }) === expected.userVersion &&
        check.pragma('application_id', { simple: true }) === expected.applicationId &&
        JSON.stringify(rowCounts(check)) === JSON.stringify(expected.counts);
      if (!same) throw new CoreError('REENCRYPT_FAILED');
      const upsert = check.prepare(
        'INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      check.transaction(() => {
        for (const [key, value] of Object.entries(options.meta)) upsert.run(key, value);
      })();
    } finally {
      check.close();
    }
    // The old key must not open the copy (the re-key really happened).
    const stale = openRaw(files.database, options.oldKey, options.nativeBinding);
    try {
      stale.prepare('SELECT count(*) FROM sqlite_schema').get();
      throw new CoreError('REENCRYPT_FAILED');
    } catch (error) {
      if (error instanceof CoreError) throw error;
    } finally {
      stale.close();
    }
    fsyncFile(files.database);
    writeFileAtomic(files.recoveryFile, options.recoveryFileText);
    writeFileAtomic(files.keyFile, options.keyFileText);
    return { counts: expected.counts };
  } catch (error) {
    discardNewFiles(files);
    throw error;
  }
}

function discardNewFiles(files: ReencryptFiles): void {
  for (const path of [files.database, `${files.database}-journal`, files.keyFile, files.recoveryFile]) {
    rmSync(path, { force: true });
  }
}

/**
 * The point of no return, then the swap. The vault's database must be closed. Returns
 * the folder the old files went to.
 */
export function commitReencryption(paths: VaultPaths, now: Date): string {
  const files = reencryptFiles(paths);
  const setAside = `replaced-by-reencryption-${now.toISOString().replace(/[:.]/g, '-')}`;
  writeFileAtomic(files.journal, `${JSON.stringify({ format: 'sessionkeep-reencrypt', version: 1, setAside })}\n`);
  rollForward(paths, setAside);
  return join(paths.folder, setAside);
}

/**
 * Finishes or discards a re-encryption a crash interrupted: with a journal the swap goes
 * forward; without one the unfinished new files are removed (the old vault was never
 * touched). Idempotent, and a no-op when nothing was under way.
 */
export function finishInterruptedReencryption(paths: VaultPaths): 'none' | 'finished' | 'discarded' {
  const files = reencryptFiles(paths);
  if (existsSync(files.journal)) {
    let setAside: string;
    try {
      setAside = journalSchema.parse(JSON.parse(readFileSync(files.journal, 'utf8'))).setAside;
    } catch {
      // Written atomically, so never torn; if edited, the swap still goes forward.
      setAside = `replaced-by-reencryption-${Date.now()}`;
    }
    rollForward(paths, setAside);
    return 'finished';
  }
  const leftovers = [files.database, files.keyFile, files.recoveryFile].filter((path) => existsSync(path));
  if (leftovers.length === 0) return 'none';
  discardNewFiles(files);
  return 'discarded';
}

function rollForward(paths: VaultPaths, setAsideName: string): void {
  const files = reencryptFiles(paths);
  const setAside = join(paths.folder, setAsideName);
  // While the new database has not moved in, whatever sits at the old names is the old vault.
  if (existsSync(files.database)) {
    mkdirSync(setAside, { recursive: true, mode: 0o700 });
    for (const name of OLD_FILES) {
      const path = join(paths.folder, name);
      if (existsSync(path)) renameSync(path, join(setAside, name));
    }
    syncFolder(setAside);
    rmSync(`${files.database}-journal`, { force: true });
    renameSync(files.database, paths.database);
  }
  if (existsSync(files.recoveryFile)) renameSync(files.recoveryFile, paths.recoveryFile);
  if (existsSync(files.keyFile)) renameSync(files.keyFile, paths.keyFile);
  syncFolder(paths.folder);
  rmSync(files.journal, { force: true });
  syncFolder(paths.folder);
}

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a folder: the renames have happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
