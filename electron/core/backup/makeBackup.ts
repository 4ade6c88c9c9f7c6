import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { asStorageError, CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { readKeyFile } from '../vault/keyFile';
import { writeFileAtomic } from '../vault/vaultFiles';
import { runInWorker } from '../worker/runInWorker';
import type { BackupSummary } from './backupCopy';
import { backupBrokenError } from './backupErrors';
import { BROKEN_PREFIX, backupFolderName, PARTIAL_PREFIX } from './backupPolicy';
import { copyFileDurable, fsyncFolder } from './durableFiles';
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
  nativeBinding?: string | undefined;
  /** Cancels the backup (its partial folder is removed; nothing else was written). */
  signal?: AbortSignal | undefined;
};

export type MadeBackup = { id: string; path: string; createdAt: string; sizeBytes: number; summary: BackupSummary };

/**
 * Makes one verified, encrypted backup of the open vault in `backupFolder`.
 *
 * The copy is made with `VACUUM INTO` on a second connection to the open vault, in a
 * worker thread, never by copying live files (a copy of vault.db without its WAL is
 * torn). `db` is the open vault's connection: only its file name is used. With SQLite3 Multiple Ciphers the
 * target of VACUUM INTO is written with the main database's cipher and key, so the copy
 * is ChaCha20-Poly1305 under the same data key (tests/unit/backup.test.ts proves it).
 * The online backup API (`db.backup()`) was rejected: sqlite3mc refuses it between a
 * keyed source and a target it cannot key ("incompatible source and target databases"),
 * and better-sqlite3 gives no handle on the target to key it.
 *
 * Everything is written into a `.partial-…` folder, flushed, checked (read-only open
 * with the key, integrity_check over every page, row counts per table equal to the
 * source's when no save landed meanwhile, manifest hashes) and only then renamed to `sessionkeep-backup-<UTC time>`:
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
    // The copy is made by a worker thread with its own connection (issue 13): the
    // window's autosaves go on meanwhile on this thread's connection (WAL lets one
    // writer and readers work at once). VACUUM INTO reads one consistent snapshot.
    const copied = await flushingWhileWritten(join(partial, BACKUP_DB), () =>
      runInWorker(
        'copyVault',
        { databasePath: db.name, dataKey, target: join(partial, BACKUP_DB), nativeBinding: options.nativeBinding },
        { signal: options.signal },
      ),
    );
    const { schemaVersion } = copied;
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

    // Every page read back and authenticated, in the worker too. The rows per table must
    // equal the source's when no save landed during the copy; when one did, the counted
    // snapshot is not the copied one, and the copy is held to its own integrity.
    const checked = await runInWorker(
      'checkCopy',
      {
        path: join(partial, BACKUP_DB),
        dataKey,
        expectedCounts: copied.sameSnapshot ? copied.counts : undefined,
        nativeBinding: options.nativeBinding,
        expected: { integrity: true, schemaVersion },
      },
      { signal: options.signal },
    );
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
    if (error instanceof CoreError && error.code === 'CANCELLED') {
      throw new CoreError('CANCELLED', 'The backup was stopped. Nothing was added to the backup folder.');
    }
    throw asStorageError(error);
  }
}

/**
 * Flushes the copy to disk every quarter second while the worker writes it. Left to the
 * end, hundreds of megabytes of written pages go to disk in one burst, and every autosave
 * (synchronous=FULL: one fsync per commit) waits behind that burst; flushed as it grows,
 * each autosave waits for a quarter second's worth at most. The flushes run on libuv's
 * thread pool, never on the main thread.
 */
async function flushingWhileWritten<T>(path: string, write: () => Promise<T>): Promise<T> {
  const opened: { handle: FileHandle | null } = { handle: null };
  let flushing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    flushing = flushing.then(async () => {
      try {
        opened.handle ??= existsSync(path) ? await open(path, 'r') : null;
        await opened.handle?.datasync();
      } catch {
        // Only a head start: the copy is fsynced in full once written.
      }
    });
  }, FLUSH_EVERY_MS);
  try {
    return await write();
  } finally {
    clearInterval(timer);
    await flushing;
    await opened.handle?.close().catch(() => undefined);
  }
}

const FLUSH_EVERY_MS = 250;

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
