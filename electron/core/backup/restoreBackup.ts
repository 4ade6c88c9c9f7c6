import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRecoveryKey } from '../../../shared/vault/recoveryKey';
import { asStorageError, CoreError } from '../coreError';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { readKeyFile, unwrapDataKey } from '../vault/keyFile';
import { ensurePrivateFolder, vaultPaths } from '../vault/vaultFiles';
import { type BackupSummary, checkCopy } from './backupCopy';
import { backupBrokenError } from './backupErrors';
import { backupStamp } from './backupPolicy';
import { copyFileDurable, fsyncFolder } from './durableFiles';
import { type BackupEntry, checkBackup } from './listBackups';
import { BACKUP_DB, BACKUP_KEY } from './manifest';

/** The files that make up a vault: the database with its WAL/journal companions, and the key file. */
const VAULT_FILES = ['vault.db', 'vault.db-wal', 'vault.db-shm', 'vault.db-journal', 'vault.key'];

export type RestoreOptions = {
  now?: () => Date;
  /** With the data key the copy also passes integrity_check before anything moves. */
  dataKey?: Buffer;
  nativeBinding?: string;
};

/**
 * Puts a backup in place of the current vault. The vault must be LOCKED (its database
 * closed): the caller locks first. Nothing is overwritten: the current files are moved
 * into `set-aside-<time>/` in the vault folder and the returned path brings them back
 * (bringBack). The backup's files are copied and flushed beside the vault before
 * anything moves, so a full disk fails with the current vault untouched. The restored
 * vault then opens through the normal unlock, with the passphrase that was current when
 * the backup was made, or with the recovery key.
 */
export async function restoreBackup(
  vaultFolder: string,
  backupPath: string,
  options: RestoreOptions = {},
): Promise<{ setAsidePath: string | null; backup: BackupEntry }> {
  const backup = await checkBackup(backupPath, {
    dataKey: options.dataKey,
    deep: true,
    nativeBinding: options.nativeBinding,
  });
  if (backup.status === 'broken') throw backupBrokenError(backup.reason);
  if ((backup.schemaVersion ?? 0) > LATEST_SCHEMA_VERSION) throw new CoreError('VAULT_FROM_NEWER_VERSION');

  const paths = vaultPaths(vaultFolder);
  const tag = randomBytes(4).toString('hex');
  const incomingDb = `${paths.database}.restoring-${tag}`;
  const incomingKey = `${paths.keyFile}.restoring-${tag}`;
  try {
    await ensurePrivateFolder(vaultFolder);
    copyFileDurable(join(backupPath, BACKUP_DB), incomingDb);
    copyFileDurable(join(backupPath, BACKUP_KEY), incomingKey);
    chmodSync(incomingDb, 0o600);
    chmodSync(incomingKey, 0o600);
  } catch (error) {
    rmSync(incomingDb, { force: true });
    rmSync(incomingKey, { force: true });
    throw asStorageError(error);
  }

  let aside: SetAside | null = null;
  try {
    aside = setAsideCurrent(vaultFolder, (options.now ?? (() => new Date()))());
    // The database first, the key file last: as at creation, a key file never sits beside no database.
    renameSync(incomingDb, paths.database);
    renameSync(incomingKey, paths.keyFile);
    fsyncFolder(vaultFolder);
  } catch (error) {
    rmSync(incomingDb, { force: true });
    rmSync(incomingKey, { force: true });
    if (aside) undoSetAside(vaultFolder, aside);
    throw asStorageError(error);
  }
  return { setAsidePath: aside.moved.length > 0 ? aside.path : removeEmpty(aside.path), backup };
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
    for (const name of returned) renameSync(join(vaultFolder, name), join(setAsidePath, name));
    undoSetAside(vaultFolder, aside);
    throw asStorageError(error);
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

export type Secret = { passphrase: string } | { recoveryKey: string };

/**
 * What a backup holds, read with its own key file and a passphrase (the one current
 * when it was made) or with the recovery key, so a locked or damaged vault can still
 * choose what to restore. Runs the full integrity check: this is the step before a restore.
 */
export async function readBackupSummary(
  backupPath: string,
  secret: Secret,
  options: { nativeBinding?: string } = {},
): Promise<{ backup: BackupEntry; summary: BackupSummary }> {
  const backup = await checkBackup(backupPath);
  if (backup.status === 'broken') throw backupBrokenError(backup.reason);
  const dataKey = await keyFor(backupPath, secret);
  try {
    const checked = checkCopy(join(backupPath, BACKUP_DB), dataKey, undefined, options.nativeBinding);
    if (checked.ok) return { backup, summary: checked.summary };
    if (checked.reason === 'cannot-open' && 'recoveryKey' in secret) throw new CoreError('WRONG_RECOVERY_KEY');
    throw backupBrokenError(checked.reason);
  } finally {
    dataKey.fill(0);
  }
}

async function keyFor(backupPath: string, secret: Secret): Promise<Buffer> {
  if ('passphrase' in secret) return unwrapDataKey(await readKeyFile(join(backupPath, BACKUP_KEY)), secret.passphrase);
  const decoded = decodeRecoveryKey(secret.recoveryKey);
  if (!decoded.ok) throw new CoreError('RECOVERY_KEY_MALFORMED', decoded.reason, { field: 'recoveryKey' });
  return Buffer.from(decoded.key);
}

type SetAside = { path: string; moved: string[] };

function setAsideCurrent(vaultFolder: string, now: Date): SetAside {
  let path = join(vaultFolder, `set-aside-${backupStamp(now)}`);
  for (let suffix = 1; existsSync(path); suffix++) path = join(vaultFolder, `set-aside-${backupStamp(now)}-${suffix}`);
  mkdirSync(path, { mode: 0o700 });
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
    undoSetAside(vaultFolder, aside);
    throw error;
  }
}

function undoSetAside(vaultFolder: string, aside: SetAside): void {
  for (const name of aside.moved) renameSync(join(aside.path, name), join(vaultFolder, name));
  fsyncFolder(vaultFolder);
  removeEmpty(aside.path);
}

function removeEmpty(folder: string): null {
  try {
    rmdirSync(folder);
  } catch {
    // not empty or already gone: leave it
  }
  return null;
}
