import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { errorMessages } from '../../../shared/errors';
import { decodeRecoveryKey } from '../../../shared/vault/recoveryKey';
import { asStorageError, CoreError, storageErrorCode } from '../coreError';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { type KeyFile, readKeyFile, unwrapDataKey } from '../vault/keyFile';
import { dataKeyForRecoveryKey, readRecoveryFile } from '../vault/recoveryFile';
import { ensurePrivateFolder, vaultPaths } from '../vault/vaultFiles';
import { runInWorker } from '../worker/runInWorker';
import type { BackupSummary, CopyFacts } from './backupCopy';
import { backupBrokenError } from './backupErrors';
import { backupStamp } from './backupPolicy';
import { copyFileDurable, fsyncFolder, sha256OfFile } from './durableFiles';
import { type BackupEntry, checkBackup } from './listBackups';
import { BACKUP_DB, BACKUP_KEY, BACKUP_RECOVERY, type BackupManifest, listedFiles, readManifest } from './manifest';

/** The files that make up a vault: the database with its WAL/journal companions, the key file and the recovery wrap. */
const VAULT_FILES = ['vault.db', 'vault.db-wal', 'vault.db-shm', 'vault.db-journal', 'vault.key', 'vault.recovery'];

export type Secret = { passphrase: string } | { recoveryKey: string };

export type RestoreOptions = {
  now?: () => Date;
  /**
   * The key that opens the backup (backupDataKey), and how it was obtained: through the
   * backup's key file and a passphrase, or typed as the recovery key.
   */
  dataKey: Buffer;
  via: 'passphrase' | 'recoveryKey';
  nativeBinding?: string;
};

/**
 * The backup's files checked against its manifest (and its key file parsed), without a
 * key: run before the passphrase, so a damaged backup says so rather than asking for a
 * passphrase it could not use anyway.
 */
export async function requireIntactBackup(backupPath: string): Promise<BackupEntry> {
  const backup = await checkBackup(backupPath);
  if (backup.status === 'broken') {
    throw backupBrokenError(backup.reason, { schemaVersion: backup.schemaVersion ?? undefined });
  }
  return backup;
}

/**
 * The data key a backup opens with: its own key file unwrapped with the passphrase that
 * was current when it was made, or the recovery key. This is the passphrase check
 * before a summary or a restore (WRONG_PASSPHRASE, WRONG_RECOVERY_KEY…).
 */
export async function backupDataKey(backupPath: string, secret: Secret): Promise<Buffer> {
  if ('passphrase' in secret)
    return unwrapDataKey(await readBackupKeyFile(join(backupPath, BACKUP_KEY)), secret.passphrase);
  const decoded = decodeRecoveryKey(secret.recoveryKey);
  if (!decoded.ok) throw new CoreError('RECOVERY_KEY_MALFORMED', decoded.reason, { field: 'recoveryKey' });
  // The backup's own recovery file when it has one; an older backup's recovery key is its data key.
  return dataKeyForRecoveryKey(join(backupPath, BACKUP_RECOVERY), decoded.key).dataKey;
}

async function readBackupKeyFile(path: string): Promise<KeyFile> {
  try {
    return await readKeyFile(path);
  } catch (error) {
    if (error instanceof CoreError && error.code === 'KEY_FILE_MISSING') throw backupBrokenError('missing-files');
    if (error instanceof CoreError && error.code === 'KEY_FILE_DAMAGED') throw backupBrokenError('key-file');
    throw error;
  }
}

/** A backup's files by role: in its folder, or copied beside the vault under temporary names. */
export type BackupFiles = { db: string; key: string; recovery?: string };
const fileRole = { [BACKUP_DB]: 'db', [BACKUP_KEY]: 'key', [BACKUP_RECOVERY]: 'recovery' } as const;

/** The files a manifest lists, in `folder`, by role. */
function filesIn(folder: string, manifest: BackupManifest): BackupFiles {
  return {
    db: join(folder, BACKUP_DB),
    key: join(folder, BACKUP_KEY),
    ...(manifest.files[BACKUP_RECOVERY] ? { recovery: join(folder, BACKUP_RECOVERY) } : {}),
  };
}

/**
 * Everything a backup must be before it may replace a vault, checked on the exact files
 * given (for a restore: the copies already in the vault folder, so nothing can change
 * between the check and the swap): sizes and hashes as the manifest recorded, a key
 * file that parses, a database the key opens, integrity_check over every page, the
 * Sessionkeep application id, a schema version this app can read and that equals the
 * manifest's claim, and the key file's vault id equal to the database's. The manifest
 * is not signed (anyone can recompute it), so every fact that matters is read from
 * inside the decrypted database itself.
 */
export async function verifyBackupFiles(
  files: BackupFiles,
  manifest: BackupManifest,
  dataKey: Buffer,
  via: 'passphrase' | 'recoveryKey',
  nativeBinding?: string,
): Promise<{ summary: BackupSummary; facts: CopyFacts }> {
  for (const name of listedFiles(manifest)) {
    const path = files[fileRole[name]];
    const recorded = manifest.files[name];
    if (!path || !recorded || !existsSync(path)) throw backupBrokenError('missing-files');
    if (statSync(path).size !== recorded.size || (await sha256OfFile(path)) !== recorded.sha256) {
      throw backupBrokenError('hash-mismatch');
    }
  }
  const keyFile = await readBackupKeyFile(files.key);
  if (files.recovery) {
    const recovery = readRecoveryFile(files.recovery);
    if (recovery.state !== 'ok') throw backupBrokenError('key-file');
    if (recovery.file.vaultId !== keyFile.vaultId) throw backupBrokenError('key-mismatch');
  }
  // Every page read back, in a worker thread (the vault may still be open and saving).
  const checked = await runInWorker('checkCopy', {
    path: files.db,
    dataKey,
    nativeBinding,
    expected: { integrity: true, schemaVersion: manifest.schemaVersion, vaultId: keyFile.vaultId },
  });
  if (checked.ok) return { summary: checked.summary, facts: checked.facts };
  if (checked.reason === 'cannot-open') {
    // The passphrase opened the key file, so its key is not this database's.
    if (via === 'passphrase') throw backupBrokenError('key-mismatch');
    throw new CoreError('WRONG_RECOVERY_KEY', 'That recovery key does not open this backup. Nothing was changed.', {
      field: 'recoveryKey',
    });
  }
  throw backupBrokenError(checked.reason, { schemaVersion: checked.facts?.schemaVersion });
}

/**
 * Puts a backup in place of the current vault: prepareRestore, then swap (the vault
 * must be LOCKED for the swap, its database closed).
 */
export async function restoreBackup(
  vaultFolder: string,
  backupPath: string,
  options: RestoreOptions,
): Promise<{ setAsidePath: string | null; backup: BackupEntry }> {
  const prepared = await prepareRestore(vaultFolder, backupPath, options);
  return { setAsidePath: prepared.swap((options.now ?? (() => new Date()))()), backup: prepared.backup };
}

export type PreparedRestore = {
  backup: BackupEntry;
  /**
   * Sets the current vault aside (never overwritten: `set-aside-<time>/` in the vault
   * folder, brought back with bringBack) and renames the verified copies into its place.
   * Returns the set-aside folder, or null when there was no vault to set aside.
   */
  swap(now: Date): string | null;
  /** Removes the verified copies when the swap will not happen after all. */
  discard(): void;
};

/**
 * Everything before the swap, with the vault still open if it is: the backup's files
 * are copied and flushed beside the vault under temporary names, then those very copies
 * are verified (verifyBackupFiles), so nothing can change between the check and the
 * swap. A full disk or any failed check removes the copies and leaves the vault folder
 * byte-identical (tests/unit/tamperedBackup.test.ts).
 */
export async function prepareRestore(
  vaultFolder: string,
  backupPath: string,
  options: Omit<RestoreOptions, 'now'>,
): Promise<PreparedRestore> {
  const manifest = await readManifest(backupPath);
  if (!manifest) throw backupBrokenError('manifest');
  // A newer app's backup is refused before anything is copied (the database is checked again below).
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw backupBrokenError('newer-version', { schemaVersion: manifest.schemaVersion });
  }
  const source = filesIn(backupPath, manifest);
  if (!existsSync(source.db) || !existsSync(source.key)) throw backupBrokenError('missing-files');

  const paths = vaultPaths(vaultFolder);
  const folderExisted = existsSync(vaultFolder);
  const tag = randomBytes(4).toString('hex');
  const incoming: BackupFiles = {
    db: `${paths.database}.restoring-${tag}`,
    key: `${paths.keyFile}.restoring-${tag}`,
    ...(source.recovery ? { recovery: `${join(vaultFolder, BACKUP_RECOVERY)}.restoring-${tag}` } : {}),
  };
  // Best effort: a copy that cannot be removed must not hide the error that matters.
  const discard = () => {
    for (const path of [
      `${incoming.db}-journal`,
      `${incoming.db}-wal`,
      `${incoming.db}-shm`,
      ...Object.values(incoming),
    ]) {
      removed(path);
    }
    if (!folderExisted) removeEmpty(vaultFolder);
  };
  try {
    await ensurePrivateFolder(vaultFolder);
    for (const role of ['db', 'key', 'recovery'] as const) {
      const from = source[role];
      const to = incoming[role];
      if (!from || !to) continue;
      copyFileDurable(from, to);
      chmodSync(to, 0o600);
    }
  } catch (error) {
    discard();
    throw asStorageError(error);
  }
  let verified: { summary: BackupSummary; facts: CopyFacts };
  try {
    verified = await verifyBackupFiles(incoming, manifest, options.dataKey, options.via, options.nativeBinding);
  } catch (error) {
    discard();
    throw asStorageError(error);
  }
  const backup: BackupEntry = {
    id: basename(backupPath),
    path: backupPath,
    createdAt: manifest.createdAt,
    sizeBytes: manifest.files[BACKUP_DB].size + manifest.files[BACKUP_KEY].size,
    schemaVersion: verified.facts.schemaVersion,
    status: 'ok',
    summary: verified.summary,
  };
  return {
    backup,
    discard,
    swap(now) {
      const aside = setAsideForSwap(vaultFolder, now, discard);
      try {
        // The database first, the key files last: as at creation, a key file never sits beside no database.
        renameSync(incoming.db, paths.database);
        renameSync(incoming.key, paths.keyFile);
        if (incoming.recovery) renameSync(incoming.recovery, join(vaultFolder, BACKUP_RECOVERY));
        fsyncFolder(vaultFolder);
      } catch (error) {
        putBackAfterFailedSwap(vaultFolder, aside, incoming, error);
      }
      return aside.moved.length > 0 ? aside.path : removeEmpty(aside.path);
    },
  };
}

/**
 * The vault swapped in could not be opened: the message says so, and where the vault
 * that was in use went (it is never "Nothing was changed" here: the files did move).
 */
export function afterSwapError(error: unknown, setAsidePath: string | null, what: 'restore' | 'bringBack'): unknown {
  const failure = asStorageError(error);
  if (!(failure instanceof CoreError)) return failure;
  const reason = (failure.message === failure.code ? errorMessages[failure.code] : failure.message)
    .replace(/\s*Nothing was changed\.?/g, '')
    .replace(/\s*Restore it from a backup\.?/g, '');
  const placed = what === 'restore' ? 'The backup was put in place' : 'The set-aside vault was put back in place';
  const where =
    setAsidePath === null
      ? 'There was no vault in the folder before, so nothing else was moved.'
      : `The vault you were using is set aside, unchanged, in ${setAsidePath}: bring it back from the unlock screen (“Vaults set aside”) with its passphrase.`;
  return new CoreError(failure.code, `${placed}, but it could not be opened: ${reason} ${where}`, failure.details);
}

/**
 * Undoes a restore: the vault now in place is set aside in turn (so nothing is ever
 * lost), and the files of `setAsidePath` move back. Returns where the replaced vault went.
 */
export function bringBack(vaultFolder: string, setAsidePath: string, now: Date = new Date()): string | null {
  const names = readdirSync(setAsidePath).filter((name) => VAULT_FILES.includes(name));
  if (!names.includes('vault.db') && !names.includes('vault.key')) {
    throw new CoreError('NOT_FOUND', 'That folder holds no set-aside vault.');
  }
  const aside = setAsideCurrent(vaultFolder, now);
  const returned: string[] = [];
  try {
    for (const name of names) {
      renameSync(join(setAsidePath, name), join(vaultFolder, name));
      returned.push(name);
    }
    fsyncFolder(vaultFolder);
  } catch (error) {
    const stuck: string[] = [];
    for (const name of returned) {
      try {
        renameSync(join(vaultFolder, name), join(setAsidePath, name));
      } catch {
        stuck.push(join(vaultFolder, name));
      }
    }
    const notBack = stuck.length === 0 ? undoSetAside(vaultFolder, aside) : aside.moved;
    if (stuck.length > 0 || notBack.length > 0) {
      throw new CoreError(
        'RESTORE_INCOMPLETE',
        `Bringing the vault back stopped part-way (${whyMoveFailed(error)}) and not every file could be moved back. ` +
          `The vault you were using is in ${aside.path}; the one being brought back is in ${setAsidePath}` +
          `${stuck.length > 0 ? ` (except ${stuck.join(', ')})` : ''}. Nothing was deleted: ask for help before moving files.`,
      );
    }
    throw new CoreError(
      storageErrorCode(error) ?? 'RESTORE_INCOMPLETE',
      `The set-aside vault could not be brought back (${whyMoveFailed(error)}). Every file was moved back where it was: the vault you were using is still in place, and the set-aside one is still in ${setAsidePath}.`,
    );
  }
  removeEmpty(setAsidePath);
  return aside.moved.length > 0 ? aside.path : removeEmpty(aside.path);
}

/** The vaults a restore set aside in the vault folder, newest first. */
export function listSetAside(vaultFolder: string): { path: string; name: string; setAsideAt: string }[] {
  let names: string[];
  try {
    names = readdirSync(vaultFolder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith('set-aside-') && existsSync(join(vaultFolder, name, 'vault.key')))
    .map((name) => {
      const path = join(vaultFolder, name);
      return { path, name, setAsideAt: statSync(path).mtime.toISOString() };
    })
    .sort((a, b) => b.setAsideAt.localeCompare(a.setAsideAt) || b.name.localeCompare(a.name));
}

/**
 * What a backup holds, read with its own key file and a passphrase (the one current
 * when it was made) or with the recovery key, so a locked or damaged vault can still
 * choose what to restore. Runs every check a restore runs: this is the step before it.
 */
export async function readBackupSummary(
  backupPath: string,
  secret: Secret,
  options: { nativeBinding?: string } = {},
): Promise<{ backup: BackupEntry; summary: BackupSummary }> {
  const manifest = await readManifest(backupPath);
  if (!manifest) throw backupBrokenError('manifest');
  const backup = await requireIntactBackup(backupPath);
  const dataKey = await backupDataKey(backupPath, secret);
  try {
    const files = filesIn(backupPath, manifest);
    const via = 'passphrase' in secret ? 'passphrase' : 'recoveryKey';
    const { summary } = await verifyBackupFiles(files, manifest, dataKey, via, options.nativeBinding);
    return { backup, summary };
  } finally {
    dataKey.fill(0);
  }
}

type SetAside = { path: string; moved: string[] };

/**
 * Moves the current vault's files into a new `set-aside-<time>/` folder (0700). If a
 * move fails, the files moved so far go back; the error says whether they all did.
 */
function setAsideCurrent(vaultFolder: string, now: Date): SetAside {
  let path = join(vaultFolder, `set-aside-${backupStamp(now)}`);
  for (let suffix = 1; existsSync(path); suffix++) path = join(vaultFolder, `set-aside-${backupStamp(now)}-${suffix}`);
  try {
    mkdirSync(path, { mode: 0o700 });
    chmodSync(path, 0o700);
  } catch (error) {
    throw new CoreError(
      storageErrorCode(error) ?? 'RESTORE_INCOMPLETE',
      `The current vault could not be set aside (${whyMoveFailed(error)}), so nothing was moved and the backup was not put in place.`,
    );
  }
  const aside: SetAside = { path, moved: [] };
  try {
    for (const name of VAULT_FILES) {
      if (!existsSync(join(vaultFolder, name))) continue;
      renameSync(join(vaultFolder, name), join(path, name));
      aside.moved.push(name);
    }
    fsyncFolder(path);
    fsyncFolder(vaultFolder);
    return aside;
  } catch (error) {
    const notBack = undoSetAside(vaultFolder, aside);
    if (notBack.length > 0) {
      throw new CoreError(
        'RESTORE_INCOMPLETE',
        `Setting the current vault aside stopped part-way (${whyMoveFailed(error)}) and not every file could be moved back: ` +
          `${notBack.join(', ')} ${notBack.length === 1 ? 'is' : 'are'} in ${path}, the rest in ${vaultFolder}. ` +
          'Nothing was deleted: move those files back into the vault folder to open the vault as it was.',
      );
    }
    throw new CoreError(
      storageErrorCode(error) ?? 'RESTORE_INCOMPLETE',
      `The current vault could not be set aside (${whyMoveFailed(error)}). Every file was moved back where it was, and the backup was not put in place.`,
    );
  }
}

/** Moves set-aside files back; returns the names that could not be moved (empty: all back). */
function undoSetAside(vaultFolder: string, aside: SetAside): string[] {
  const notBack: string[] = [];
  for (const name of aside.moved) {
    try {
      renameSync(join(aside.path, name), join(vaultFolder, name));
    } catch {
      notBack.push(name);
    }
  }
  fsyncFolder(vaultFolder);
  if (notBack.length === 0) removeEmpty(aside.path);
  return notBack;
}

/** For a restore: the incoming copies go too when the current vault cannot be set aside. */
function setAsideForSwap(vaultFolder: string, now: Date, discardIncoming: () => void): SetAside {
  try {
    return setAsideCurrent(vaultFolder, now);
  } catch (error) {
    discardIncoming();
    throw error;
  }
}

/**
 * A swap that failed after the current vault was set aside: the backup's copies leave
 * the vault's place and the set-aside files return. Always throws, saying where every
 * file is when they could not all go back.
 */
function putBackAfterFailedSwap(vaultFolder: string, aside: SetAside, incoming: BackupFiles, error: unknown): never {
  const paths = vaultPaths(vaultFolder);
  const placedAt = { db: paths.database, key: paths.keyFile, recovery: join(vaultFolder, BACKUP_RECOVERY) };
  let cleared = true;
  for (const role of ['db', 'key', 'recovery'] as const) {
    const copy = incoming[role];
    // Only what this restore put there: the set-aside files are not in the folder any more.
    if (!copy || !existsSync(placedAt[role]) || existsSync(copy)) continue;
    try {
      renameSync(placedAt[role], copy);
    } catch {
      cleared = false;
    }
  }
  const copies = Object.values(incoming).join(', ');
  const notBack = cleared ? undoSetAside(vaultFolder, aside) : aside.moved;
  if (notBack.length > 0) {
    throw new CoreError(
      'RESTORE_INCOMPLETE',
      `The restore stopped part-way (${whyMoveFailed(error)}) and could not move everything back. ` +
        `Your vault’s files (${notBack.join(', ')}) are in ${aside.path}; the backup’s copies are ${copies}. ` +
        'Nothing was deleted: move the files in the set-aside folder back into the vault folder to open your vault as it was.',
    );
  }
  const leftovers = Object.values(incoming).filter((path) => !removed(path));
  const left =
    leftovers.length === 0
      ? ''
      : ` The backup’s copies ${leftovers.join(', ')} could not be removed; they can be deleted.`;
  throw new CoreError(
    storageErrorCode(error) ?? 'RESTORE_INCOMPLETE',
    `The backup could not be put in place (${whyMoveFailed(error)}). Every file of your vault was moved back where it was, and the backup was not restored.${left}`,
  );
}

/** Removes a file if it is there; false when it stays (then the message names it). */
function removed(path: string): boolean {
  try {
    rmSync(path, { force: true });
    return true;
  } catch {
    return false;
  }
}

function whyMoveFailed(error: unknown): string {
  const code = storageErrorCode(error);
  if (code === 'DISK_FULL') return 'the disk is full';
  if (code === 'READ_ONLY') return 'the vault folder cannot be written to';
  const errno = (error as { code?: unknown } | null)?.code;
  return typeof errno === 'string' ? `a file could not be moved: ${errno}` : 'a file could not be moved';
}

function removeEmpty(folder: string): null {
  try {
    rmdirSync(folder);
  } catch {
    // not empty or already gone: leave it
  }
  return null;
}
