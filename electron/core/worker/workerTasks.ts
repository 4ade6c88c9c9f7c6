import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { type CopyExpectations, checkCopy, tableCounts } from '../backup/backupCopy';
import { fsyncFile } from '../backup/durableFiles';
import { type ExportResult, exportVault } from '../export/exportVault';
import { type ImportReport, planArchive } from '../export/importVault';
import { readArchive } from '../export/readArchive';

/** What every task gets besides its arguments: the cancel signal and a progress report. */
export type TaskContext = { signal: AbortSignal; onProgress: (fraction: number) => void };

/**
 * The heavy steps that run in a worker thread (issue 13), each with its own connection:
 * the window's autosaves keep the main thread's connection to themselves meanwhile.
 * Arguments and answers are plain data (they cross a postMessage); the key arrives as
 * bytes and is never logged.
 */

export type CopyVaultArgs = {
  databasePath: string;
  dataKey: Uint8Array;
  /** The new file, inside the backup's `.partial-…` folder. */
  target: string;
  nativeBinding?: string | undefined;
};

export type CopiedVault = {
  schemaVersion: number;
  /** Rows per table in the snapshot the counts were read from. */
  counts: Record<string, number>;
  /**
   * Whether no other connection committed between the counts and the end of the copy,
   * so the copy holds exactly those counts. A save that lands mid-copy is normal now
   * that autosave no longer waits for backups; the copy is then still one consistent
   * snapshot (VACUUM INTO reads in a single transaction), just not the counted one.
   */
  sameSnapshot: boolean;
};

function keyed(path: string, dataKey: Uint8Array, nativeBinding: string | undefined): Database.Database {
  const db = new Database(path, { fileMustExist: true, nativeBinding });
  try {
    db.pragma("cipher = 'chacha20'");
    db.pragma(`key = "x'${Buffer.from(dataKey).toString('hex')}'"`);
    // Sorts and temp indices in memory: temp files are not covered by the cipher.
    db.pragma('temp_store = MEMORY');
    // The main thread may hold the write lock for a moment while it saves.
    db.pragma('busy_timeout = 10000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function copyVault(args: CopyVaultArgs): CopiedVault {
  const db = keyed(args.databasePath, args.dataKey, args.nativeBinding);
  try {
    // Counts and schema version from one read transaction; data_version tells afterwards
    // whether another connection (the main thread's autosave) committed since.
    const counted = db.transaction(() => ({
      dataVersion: Number(db.pragma('data_version', { simple: true })),
      schemaVersion: Number(db.pragma('user_version', { simple: true })),
      counts: tableCounts(db),
    }));
    const before = counted();
    // Created empty and 0600 first: VACUUM INTO fills an empty file and keeps its mode.
    closeSync(openSync(args.target, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(args.target);
    const after = Number(db.pragma('data_version', { simple: true }));
    fsyncFile(args.target);
    return { schemaVersion: before.schemaVersion, counts: before.counts, sameSnapshot: before.dataVersion === after };
  } finally {
    db.close();
  }
}

export type CheckCopyArgs = {
  path: string;
  dataKey: Uint8Array;
  expectedCounts?: Record<string, number> | undefined;
  nativeBinding?: string | undefined;
  expected: CopyExpectations;
};

export function checkCopyTask(args: CheckCopyArgs): ReturnType<typeof checkCopy> {
  return checkCopy(args.path, Buffer.from(args.dataKey), args.expectedCounts, args.nativeBinding, args.expected);
}

export type ExportVaultArgs = {
  databasePath: string;
  dataKey: Uint8Array;
  target: string;
  passphrase?: string | undefined;
  /** The export's date (ISO), decided on the main thread like every other time. */
  exportedAt: string;
  /** A file of that name may be replaced: the system's save dialog asked the user. */
  replace?: boolean | undefined;
  nativeBinding?: string | undefined;
};

/**
 * The whole-vault export, read through the worker's own connection: exportVault reads
 * every table in one read transaction, so a save landing meanwhile is either wholly in
 * the archive or wholly not.
 */
export async function exportVaultTask(args: ExportVaultArgs, context: TaskContext): Promise<ExportResult> {
  const db = keyed(args.databasePath, args.dataKey, args.nativeBinding);
  try {
    db.pragma('query_only = 1');
    return await exportVault(db, args.target, {
      passphrase: args.passphrase,
      signal: context.signal,
      onProgress: context.onProgress,
      now: () => new Date(args.exportedAt),
      replace: args.replace,
    });
  } finally {
    db.close();
  }
}

export type PlanImportArgs = {
  databasePath: string;
  dataKey: Uint8Array;
  source: string;
  passphrase?: string | undefined;
  now: string;
  nativeBinding?: string | undefined;
};

/**
 * The import's dry run: the file read, unsealed and checked row by row, then compared
 * with the vault through the worker's own connection. Writes nothing anywhere.
 */
export async function planImportTask(args: PlanImportArgs): Promise<ImportReport> {
  const archive = await readArchive(args.source, args.passphrase);
  const db = keyed(args.databasePath, args.dataKey, args.nativeBinding);
  try {
    db.pragma('query_only = 1');
    return await planArchive(db, archive, new Date(args.now));
  } finally {
    db.close();
  }
}

export const workerTasks = {
  copyVault,
  checkCopy: checkCopyTask,
  exportVault: exportVaultTask,
  planImport: planImportTask,
};

export type WorkerTaskName = keyof typeof workerTasks;
export type WorkerArgs<T extends WorkerTaskName> = Parameters<(typeof workerTasks)[T]>[0];
export type WorkerResult<T extends WorkerTaskName> = Awaited<ReturnType<(typeof workerTasks)[T]>>;
