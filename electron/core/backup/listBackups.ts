import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { asStorageError, CoreError } from '../coreError';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { readKeyFile } from '../vault/keyFile';
import { runInWorker } from '../worker/runInWorker';
import { type BackupSummary, type CopyProblem, checkCopy } from './backupCopy';
import { type BrokenReason, brokenReasonText } from './backupErrors';
import { backupsToDelete, DEFAULT_ROTATION, parseBackupFolderName, type RotationPolicy } from './backupPolicy';
import { BACKUP_DB, BACKUP_KEY, fileProblem, readManifest } from './manifest';

export type BackupEntry = {
  /** The folder name inside the backup folder. */
  id: string;
  path: string;
  createdAt: string;
  sizeBytes: number | null;
  schemaVersion: number | null;
} & ({ status: 'ok'; summary?: BackupSummary } | { status: 'broken'; reason: BrokenReason; message: string });

export type CheckOptions = {
  /** With the data key the copy is also opened and summarised; without it only its files are checked. */
  dataKey?: Buffer;
  /** Runs integrity_check over every page (slow for a large vault): before a restore, not for a list. */
  deep?: boolean;
  nativeBinding?: string;
};

/**
 * Every backup in the folder, newest first, each 'ok' or 'broken' with a reason.
 * Hashes are checked against the manifest, which was written only after the copy
 * passed integrity_check: equal hashes mean the same bytes that were verified.
 */
export async function listBackups(folder: string, options: CheckOptions = {}): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    // Named with the folder: this is also asked from the unlock screen, where Settings is out of reach.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CoreError(
        'BACKUP_FOLDER_MISSING',
        `There is no folder at ${folder}. If the backups are on an external drive, connect it; or choose the folder that holds them.`,
        { field: 'folder' },
      );
    }
    if (code === 'ENOTDIR') {
      throw new CoreError(
        'INVALID_REQUEST',
        `The folder ${folder} is a file, not a folder. Choose the folder that holds the backups.`,
        {
          field: 'folder',
        },
      );
    }
    throw asStorageError(error);
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupFolderName(name);
    if (!parsed) continue;
    const path = join(folder, name);
    const base = { id: name, path, createdAt: parsed.createdAt.toISOString(), sizeBytes: null, schemaVersion: null };
    if (parsed.kind === 'partial') entries.push(broken(base, 'interrupted'));
    else if (parsed.kind === 'broken') entries.push(broken(base, 'failed-verification'));
    else entries.push(await checkBackup(path, options));
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** The state of one complete-looking backup folder. */
export async function checkBackup(path: string, options: CheckOptions = {}): Promise<BackupEntry> {
  const id = path.split(/[\\/]/).pop() ?? path;
  const parsed = parseBackupFolderName(id);
  const manifest = await readManifest(path);
  const base = {
    id,
    path,
    createdAt: manifest?.createdAt ?? parsed?.createdAt.toISOString() ?? new Date(0).toISOString(),
    sizeBytes: manifest ? manifest.files[BACKUP_DB].size + manifest.files[BACKUP_KEY].size : null,
    schemaVersion: manifest?.schemaVersion ?? null,
  };
  if (!manifest) return broken(base, 'manifest');
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) return broken(base, 'newer-version');
  const problem = await fileProblem(path, manifest);
  if (problem) return broken(base, problem);
  try {
    await readKeyFile(join(path, BACKUP_KEY));
  } catch {
    return broken(base, 'key-file');
  }
  if (!options.dataKey) return { ...base, status: 'ok' };
  if (!options.deep) {
    const opened = checkCopyQuick(
      join(path, BACKUP_DB),
      options.dataKey,
      manifest.schemaVersion,
      options.nativeBinding,
    );
    return opened.ok ? { ...base, status: 'ok', summary: opened.summary } : broken(base, opened.reason);
  }
  // Every page read back: in a worker thread, so the window's saves go on meanwhile.
  const checked = await runInWorker('checkCopy', {
    path: join(path, BACKUP_DB),
    dataKey: options.dataKey,
    nativeBinding: options.nativeBinding,
    expected: { integrity: true, schemaVersion: manifest.schemaVersion },
  });
  return checked.ok ? { ...base, status: 'ok', summary: checked.summary } : broken(base, checked.reason);
}

/**
 * Opens and summarises without the full page scan (the hashes already vouch for the
 * bytes), but still reads the application id and version from inside the database.
 */
function checkCopyQuick(
  path: string,
  dataKey: Buffer,
  schemaVersion: number,
  nativeBinding?: string,
): { ok: true; summary: BackupSummary } | { ok: false; reason: CopyProblem } {
  const checked = checkCopy(path, dataKey, undefined, nativeBinding, { integrity: false, schemaVersion });
  return checked.ok ? checked : { ok: false, reason: checked.reason === 'integrity' ? 'cannot-open' : checked.reason };
}

function broken<T extends object>(base: T, reason: BrokenReason): T & BackupEntry {
  return { ...base, status: 'broken', reason, message: brokenReasonText(reason) } as T & BackupEntry;
}

/**
 * Applies rotation (backupsToDelete) to the folder and returns the ids removed. Only
 * folders whose names are ours are ever considered, so nothing else in a shared or
 * synced folder can be touched.
 */
export async function pruneBackups(
  folder: string,
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): Promise<string[]> {
  const entries = await listBackups(folder);
  const doomed = backupsToDelete(
    entries.map((entry) => ({ id: entry.id, createdAt: new Date(entry.createdAt), ok: entry.status === 'ok' })),
    now,
    policy,
  );
  for (const id of doomed) {
    if (!parseBackupFolderName(id)) continue;
    await rm(join(folder, id), { recursive: true, force: true });
  }
  return doomed;
}
