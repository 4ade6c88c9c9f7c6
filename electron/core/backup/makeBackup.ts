import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asStorageError, CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { readKeyFile } from '../vault/keyFile';
import { writeFileAtomic } from '../vault/vaultFiles';
import { type BackupSummary, checkCopy, tableCounts } from './backupCopy';
import { backupBrokenError } from './backupErrors';
import { BROKEN_PREFIX, backupFolderName, PARTIAL_PREFIX } from './backupPolicy';
import { copyFileDurable, fsyncFile, fsyncFolder } from './durableFiles';
import { folderProblem } from './folderCheck';
import { BACKUP_DB, BACKUP_KEY, BACKUP_RECOVERY, describeFiles, fileProblem, MANIFEST, manifestText } from './manifest';

export type BackupStage = 'copying' | 'key-file' | 'verifying' | 'done';

export type MakeBackupOptions = {
  now?: () => Date;
  /**
   * VACUUM INTO reports no page progress, so progress comes in stages: the copy is the
   * bulk of the time, then key file and manifest, then the read-back check.
   */
  onProgress?: (fraction: number, stage: BackupStage) => void;
  nativeBinding?: string;
};

export type MadeBackup = { id: string; path: string; createdAt: string; sizeBytes: number; summary: BackupSummary };

/**
 * Makes one verified, encrypted backup of the open vault in `backupFolder`.
 *
 * The copy is made with `VACUUM INTO` on the open connection, never by copying live
 * files (a copy of vault.db without its WAL is torn). With SQLite3 Multiple Ciphers the
 * target of VACUUM INTO is written with the main database's cipher and key, so the copy
 * is ChaCha20-Poly1305 under the same data key (tests/unit/backup.test.ts proves it).
 * The online backup API (`db.backup()`) was rejected: sqlite3mc refuses it between a
 * keyed source and a target it cannot key ("incompatible source and target databases"),
 * and better-sqlite3 gives no handle on the target to key it.
 *
 * Everything is written into a `.partial-…` folder, flushed, checked (read-only open
 * with the key, integrity_check over every page, row counts per table equal to the
 * source's, manifest hashes) and only then renamed to `sessionkeep-backup-<UTC time>`:
 * an interrupted or failed backup never looks complete.
 */
export async function makeBackup(
  db: VaultDb,
  dataKey: Buffer,
  paths: { keyFile: string; backupFolder: string },
  options: MakeBackupOptions = {},
): Promise<MadeBackup> {
  const createdAt = (options.now ?? (() => new Date()))();
  const progress = options.onProgress ?? (() => undefined);
  requireFolder(paths.backupFolder);
  // The key file is checked before anything is written: a backup without a usable key file is no backup.
  await readKeyFile(paths.keyFile);

  const baseName = backupFolderName(createdAt);
  const partial = join(paths.backupFolder, `${PARTIAL_PREFIX}${baseName}.${randomBytes(4).toString('hex')}`);
  try {
    // Owner-only like the vault (0700 folder, 0600 files): a backup is the same records.
    mkdirSync(partial, { mode: 0o700 });
    chmodSync(partial, 0o700);
    progress(0, 'copying');
    // No await between the counts and the copy: this connection is the vault's only
    // writer, so both see the same state. (VACUUM cannot run inside a transaction.)
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    const counts = tableCounts(db);
    // Created empty and 0600 first: VACUUM INTO fills an empty file and keeps its mode.
    closeSync(openSync(join(partial, BACKUP_DB), 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(join(partial, BACKUP_DB));
    fsyncFile(join(partial, BACKUP_DB));
    progress(0.4, 'key-file');

    copyFileDurable(paths.keyFile, join(partial, BACKUP_KEY));
    // The recovery key's wrap travels with the key file, so the recovery key opens the backup too.
    const recoveryFile = join(dirname(paths.keyFile), BACKUP_RECOVERY);
    if (existsSync(recoveryFile)) copyFileDurable(recoveryFile, join(partial, BACKUP_RECOVERY));
    for (const name of [BACKUP_DB, BACKUP_KEY, BACKUP_RECOVERY]) {
      if (existsSync(join(partial, name))) chmodSync(join(partial, name), 0o600);
    }
    const manifest = {
      format: 'sessionkeep-backup' as const,
      version: 1 as const,
      createdAt: createdAt.toISOString(),
      schemaVersion,
      files: await describeFiles(partial),
    };
    writeFileAtomic(join(partial, MANIFEST), manifestText(manifest));
    fsyncFolder(partial);
    progress(0.5, 'verifying');

    const checked = checkCopy(join(partial, BACKUP_DB), dataKey, counts, options.nativeBinding, {
      integrity: true,
      schemaVersion,
    });
    const filesChanged = await fileProblem(partial, manifest);
    if (!checked.ok || filesChanged) {
      // Kept, not deleted, under a name that lists as broken: the evidence may matter.
      renameSync(partial, join(paths.backupFolder, `${BROKEN_PREFIX}${baseName}.${randomBytes(4).toString('hex')}`));
      fsyncFolder(paths.backupFolder);
      throw backupBrokenError('failed-verification');
    }

    const id = freeName(paths.backupFolder, createdAt);
    renameSync(partial, join(paths.backupFolder, id));
    fsyncFolder(paths.backupFolder);
    progress(1, 'done');
    return {
      id,
      path: join(paths.backupFolder, id),
      createdAt: manifest.createdAt,
      sizeBytes: manifest.files[BACKUP_DB].size + manifest.files[BACKUP_KEY].size,
      summary: checked.summary,
    };
  } catch (error) {
    try {
      rmSync(partial, { recursive: true, force: true });
    } catch {
      // Left behind it lists as "interrupted"; the original failure is what matters.
    }
    throw asStorageError(error);
  }
}

/**
 * A missing folder is most often an unplugged drive: say so rather than create a folder
 * on the mount point. Each problem is named in words (never a code in the status line).
 */
function requireFolder(folder: string): void {
  const problem = folderProblem(folder);
  if (problem === null) return;
  if (problem === 'missing') throw new CoreError('BACKUP_FOLDER_MISSING');
  const inSettings = 'Choose another folder in Settings → Backups.';
  if (problem === 'not-a-folder') {
    throw new CoreError('INVALID_REQUEST', `The backup folder ${folder} is a file, not a folder. ${inSettings}`);
  }
  throw new CoreError('READ_ONLY', `Sessionkeep is not allowed to write in the backup folder ${folder}. ${inSettings}`);
}

/** Two backups in the same second get `-1`, `-2`…: rename would replace an empty folder silently. */
function freeName(folder: string, createdAt: Date): string {
  for (let suffix = 0; ; suffix++) {
    const name = backupFolderName(createdAt, suffix);
    if (!existsSync(join(folder, name))) return name;
  }
}
