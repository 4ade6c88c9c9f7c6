import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncFolder } from '../backup/durableFiles';
import { folderProblem, folderProblemText } from '../backup/folderCheck';
import { asStorageError, CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { openSealer } from './container';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportManifest } from './manifest';
import { clientRecordPdf, type RecordTables } from './recordPdf';
import { EXPORT_TABLES, type Row, type TableName, tableFile } from './tables';
import { ZipWriter } from './zipFile';

export type ExportOptions = {
  /** Given: the zip is sealed in the passphrase container (`.skexport`); absent: a plain `.zip`. */
  passphrase?: string | undefined;
  /** 0…1, rising; called at least at the start and at the end. */
  onProgress?: ((fraction: number) => void) | undefined;
  /** Aborting removes the temp file; the target is never half-written. */
  signal?: AbortSignal | undefined;
  now?: () => Date;
  appVersion?: string | undefined;
  /** The user confirmed replacing a file of that name in the system's save dialog. */
  replace?: boolean | undefined;
};

export type ExportResult = {
  path: string;
  bytes: number;
  encrypted: boolean;
  counts: Record<TableName, number>;
};

type Snapshot = { schemaVersion: number; tables: { table: TableName; columns: string[]; rows: Row[] }[] };

/**
 * Reads every exported table in one read transaction, so the archive is one consistent
 * moment (no revision without its note). Held in memory: years of a practice's notes
 * are tens of megabytes; serialising and compressing then happen with the database free.
 */
export function snapshotVault(db: VaultDb): Snapshot {
  return db.transaction(() => ({
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    tables: EXPORT_TABLES.map(({ table, key }) => ({
      table,
      // Names come from the fixed list in tables.ts, never from input.
      columns: (db.pragma(`table_info("${table}")`) as { name: string }[]).map((column) => column.name),
      rows: db.prepare(`SELECT * FROM "${table}" ORDER BY "${key}"`).all() as Row[],
    })),
  }))();
}

/** Where a client's printable record sits in the zip (ids are UUIDs; anything else is escaped). */
export const clientPdfFile = (clientId: string): string => `clients/${encodeURIComponent(clientId)}.pdf`;

/** One row per line: diffable and readable, still one JSON document. */
export function tableJson(table: string, columns: string[], rows: readonly Row[]): string {
  const body = rows.map((row) => `  ${JSON.stringify(row)}`).join(',\n');
  return `{"table":${JSON.stringify(table)},"columns":${JSON.stringify(columns)},"rows":[${rows.length ? `\n${body}\n` : ''}]}\n`;
}

/** `replace`: a file (never a folder) of that name may be replaced, as a save dialog confirmed. */
function refuseExisting(targetPath: string, replace = false): void {
  if (existsSync(targetPath)) {
    const folder = statSync(targetPath).isDirectory();
    if (replace && !folder) return;
    throw new CoreError(
      'INVALID_REQUEST',
      folder
        ? `${targetPath} is a folder. Add a file name after it, e.g. ${join(targetPath, 'sessionkeep-export.skexport')}.`
        : 'A file of that name is already there. Choose another name: nothing is overwritten.',
      { field: 'path' },
    );
  }
}

/**
 * Every reason the export could not be written is told before any work (issue 12): an
 * existing file, and a folder that is missing, is a file, or cannot be written in.
 */
export function refuseUnwritableTarget(targetPath: string, replace = false): void {
  refuseExisting(targetPath, replace);
  const folder = dirname(targetPath);
  const problem = folderProblem(folder);
  if (problem !== null) {
    throw new CoreError('INVALID_REQUEST', `${folderProblemText(problem, folder, 'The folder')} Nothing was written.`, {
      field: 'path',
    });
  }
}

/**
 * Exports the whole vault (issue "Backups, export and restore"): a zip of one JSON file
 * per table, one printable PDF per client, plus manifest.json, optionally sealed with a
 * passphrase. Written to a temp file beside the target, fsynced, then renamed: a cancel,
 * a full disk or any failure leaves no archive and no temp file behind. An existing file
 * of that name is never replaced (it may be an earlier export someone relies on), unless
 * `replace` says the user confirmed it in the system's save dialog: even then the old
 * file is never truncated, only renamed over once the new one is whole and on disk, so
 * a failure keeps it as it was.
 */
export async function exportVault(db: VaultDb, targetPath: string, options: ExportOptions = {}): Promise<ExportResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  refuseUnwritableTarget(targetPath, options.replace);
  onProgress?.(0);
  const exportedAt = (options.now?.() ?? new Date()).toISOString();
  const snapshot = snapshotVault(db);
  const clientIds = (snapshot.tables.find((each) => each.table === 'clients')?.rows ?? []).map((row) => String(row.id));
  // A printable record per client weighs about as much as a table file in the progress.
  const totalRows = snapshot.tables.reduce((sum, each) => sum + each.rows.length + 1, 0) + clientIds.length * 10;

  const temp = join(dirname(targetPath), `.${basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  let bytes = 0;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    const out = fd;
    const writeFile = (chunk: Buffer) => {
      let written = 0;
      while (written < chunk.length) written += writeSync(out, chunk, written, chunk.length - written);
      bytes += chunk.length;
    };
    const sealer = options.passphrase ? await openSealer(options.passphrase, writeFile) : null;
    const zip = new ZipWriter(sealer ? sealer.write : writeFile, new Date(exportedAt));

    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt,
      app: { name: 'Sessionkeep', version: options.appVersion ?? null },
      schemaVersion: snapshot.schemaVersion,
      counts: {} as Record<TableName, number>,
      files: {},
    };
    let done = 0;
    for (const { table, columns, rows } of snapshot.tables) {
      signal?.throwIfAborted();
      const data = Buffer.from(tableJson(table, columns, rows), 'utf8');
      await zip.add(tableFile(table), data);
      manifest.counts[table] = rows.length;
      manifest.files[tableFile(table)] = {
        sha256: createHash('sha256').update(data).digest('hex'),
        bytes: data.length,
      };
      done += rows.length + 1;
      onProgress?.(Math.min(0.99, done / totalRows));
    }
    // The printable records (FORMAT.md, "The printable records"), derived from the same
    // snapshot: one PDF per client, after the JSON. An import ignores them.
    const recordTables: RecordTables = new Map(snapshot.tables.map(({ table, rows }) => [table, rows]));
    for (const clientId of clientIds) {
      signal?.throwIfAborted();
      const name = clientPdfFile(clientId);
      const data = Buffer.from(await clientRecordPdf(recordTables, clientId, exportedAt));
      await zip.add(name, data);
      manifest.files[name] = { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
      done += 10;
      onProgress?.(Math.min(0.99, done / totalRows));
    }
    signal?.throwIfAborted();
    await zip.add('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
    zip.finish();
    sealer?.finish();
    fsyncSync(out);
    closeSync(out);
    fd = undefined;
    signal?.throwIfAborted();
    refuseExisting(targetPath, options.replace);
    renameSync(temp, targetPath);
    fsyncFolder(dirname(targetPath));
    onProgress?.(1);
    return { path: targetPath, bytes, encrypted: Boolean(sealer), counts: manifest.counts };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw asStorageError(error);
  }
}
