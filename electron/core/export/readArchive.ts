import { createHash } from 'node:crypto';
import { CoreError } from '../coreError';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { openImportSource, refusedSource } from './boundedRead';
import { IMPORT_LIMITS, mib } from './importLimits';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportManifest } from './manifest';
import { EXPORT_TABLES, type Row, type TableName, tableFile } from './tables';
import {
  inflateEntry,
  type ReadAt,
  readZipDirectory,
  type ZipDirectoryEntry,
  ZipFormatError,
  ZipRefusedError,
} from './zipFile';

export type Archive = {
  manifest: ExportManifest;
  tables: Map<TableName, ArchiveTable>;
  /** Rows in the archive's activity log: never imported (this vault keeps its own). */
  activityLogRows: number;
};

export const damaged = (why: string) =>
  new CoreError('EXPORT_DAMAGED', `This export file is damaged or incomplete (${why}). Nothing was imported.`);

/** Something our exporter never writes: a hostile or hand-made archive. */
export const refused = (why: string) => refusedSource(`This file cannot be imported: ${why.replace(/\.$/, '')}.`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(name: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged(`${name} is not JSON`);
  }
}

const PDF_NAME = /^clients\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.pdf$/;
const TABLE_FILES = new Map<string, TableName>(EXPORT_TABLES.map(({ table }) => [tableFile(table), table]));
const ACTIVITY_LOG_FILE = tableFile('audit_log');

type EntryKind = 'manifest' | 'table' | 'pdf';

/** The documented layout (FORMAT.md): anything else in the zip is refused, unread. */
function kindOfEntry(name: string): EntryKind {
  if (name === 'manifest.json') return 'manifest';
  if (TABLE_FILES.has(name)) return 'table';
  if (PDF_NAME.test(name)) return 'pdf';
  throw refused(`${name} is not part of the export format`);
}

/**
 * Caps every entry, and all of them together, from what the directory declares, before a
 * byte is inflated. A declared size cannot be exceeded afterwards: inflating stops there.
 */
function checkDeclaredSizes(entries: readonly (ZipDirectoryEntry & { kind: EntryKind })[]): void {
  let tables = 0;
  let inflated = 0;
  for (const entry of entries) {
    const cap =
      entry.kind === 'pdf'
        ? IMPORT_LIMITS.pdfBytes
        : entry.kind === 'manifest'
          ? IMPORT_LIMITS.manifestBytes
          : IMPORT_LIMITS.tableFileBytes;
    if (entry.size > cap) {
      throw refused(`${entry.name} would unpack to ${mib(entry.size)}, more than the ${mib(cap)} such a file may be`);
    }
    if (entry.size > IMPORT_LIMITS.ratioFloorBytes && entry.size > IMPORT_LIMITS.ratio * entry.compressedSize) {
      const ratio = Math.round(entry.size / Math.max(1, entry.compressedSize));
      throw refused(
        `${entry.name} would unpack ${mib(entry.compressedSize)} into ${mib(entry.size)} (${ratio.toLocaleString('en')} to 1, more than ${IMPORT_LIMITS.ratio} to 1): a zip bomb`,
      );
    }
    if (entry.kind === 'table' && entry.name !== ACTIVITY_LOG_FILE) tables += entry.size;
    inflated += entry.size;
  }
  if (tables > IMPORT_LIMITS.tablesTotalBytes) {
    throw refused(
      `its table files would unpack to ${mib(tables)}, more than the ${mib(IMPORT_LIMITS.tablesTotalBytes)} an import may hold`,
    );
  }
  if (inflated > IMPORT_LIMITS.inflatedTotalBytes) {
    throw refused(
      `it would unpack to ${mib(inflated)}, more than the ${mib(IMPORT_LIMITS.inflatedTotalBytes)} an export may be`,
    );
  }
}

/** Into one buffer of the declared (capped) size: never the pieces and a copy at once. */
async function inflateWhole(readAt: ReadAt, entry: ZipDirectoryEntry): Promise<Buffer> {
  const whole = Buffer.allocUnsafe(entry.size);
  let filled = 0;
  await inflateEntry(readAt, entry, (piece) => {
    piece.copy(whole, filled);
    filled += piece.length;
  });
  return whole;
}

/** Inflates, hashes and drops: for the printable records and the activity log. */
async function hashEntry(readAt: ReadAt, entry: ZipDirectoryEntry, kind: EntryKind): Promise<string> {
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  await inflateEntry(readAt, entry, (piece) => {
    if (head.length < 5) head = Buffer.concat([head, piece.subarray(0, 5 - head.length)]);
    hash.update(piece);
  });
  if (kind === 'pdf' && head.toString('latin1') !== '%PDF-') throw refused(`${entry.name} is not a PDF`);
  return hash.digest('hex');
}

function checkManifest(manifest: unknown, entries: readonly ZipDirectoryEntry[]): ExportManifest {
  if (!isRecord(manifest) || manifest.format !== EXPORT_FORMAT) throw damaged('not a Sessionkeep export');
  const { formatVersion, schemaVersion, exportedAt } = manifest;
  if (!Number.isInteger(formatVersion) || !Number.isInteger(schemaVersion))
    throw damaged('manifest.json is incomplete');
  if ((formatVersion as number) > EXPORT_FORMAT_VERSION || (schemaVersion as number) > LATEST_SCHEMA_VERSION) {
    throw new CoreError(
      'VAULT_FROM_NEWER_VERSION',
      'This export was made by a newer version of Sessionkeep. Update Sessionkeep to import it. Nothing was imported.',
    );
  }
  if (!isRecord(manifest.files) || !isRecord(manifest.counts)) throw damaged('manifest.json is incomplete');
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt)) || exportedAt.length > 40) {
    throw damaged('manifest.json has no valid export time');
  }
  // Every entry is listed with its size, and every listed file is there.
  const listed = manifest.files;
  for (const entry of entries) {
    if (entry.name === 'manifest.json') continue;
    const expected = listed[entry.name];
    if (!isRecord(expected) || typeof expected.sha256 !== 'string') {
      throw refused(`${entry.name} is in the zip but not in its manifest`);
    }
    if (expected.bytes !== entry.size) throw damaged(`${entry.name} is not the size its manifest gives`);
  }
  for (const name of Object.keys(listed)) {
    if (!entries.some((entry) => entry.name === name)) throw damaged(`${name} is missing`);
  }
  return manifest as unknown as ExportManifest;
}

/**
 * A table file as read: its bytes and where each row's line is. Rows are parsed when they
 * are used (checked, compared, inserted) and dropped again, so an import holds the table
 * files' bytes, not every row as an object at once (issue 11: bounded memory).
 */
export class ArchiveTable {
  constructor(
    readonly columns: string[],
    private readonly data: Buffer,
    /** Start and end (exclusive) of each row's JSON, in pairs. */
    private readonly spans: Uint32Array,
  ) {}

  get count(): number {
    return this.spans.length / 2;
  }

  row(index: number): Row {
    return JSON.parse(this.data.toString('utf8', this.spans[index * 2], this.spans[index * 2 + 1])) as Row;
  }

  *rows(): Generator<Row> {
    for (let index = 0; index < this.count; index++) yield this.row(index);
  }
}

/** A table made in memory (tests, tools): the same interface over rows already parsed. */
export function tableOfRows(columns: string[], rows: readonly Row[]): ArchiveTable {
  const lines = rows.map((row) => Buffer.from(JSON.stringify(row), 'utf8'));
  const spans = new Uint32Array(lines.length * 2);
  let at = 0;
  lines.forEach((line, index) => {
    spans[index * 2] = at;
    at += line.length;
    spans[index * 2 + 1] = at;
  });
  return new ArchiveTable(columns, Buffer.concat(lines), spans);
}

const NEWLINE = 0x0a;

/**
 * Checks a table file row by row: the documented layout is a header line, one row per
 * line and a closing line (FORMAT.md, "A table file"). Each line is parsed on its own (the
 * whole file never becomes one string) and dropped once its shape is checked. JSON never
 * holds a raw newline inside a string, so lines are exactly rows.
 */
function parseTable(name: string, table: TableName, data: Buffer, counted: unknown): ArchiveTable {
  const layout = () => damaged(`${name} does not have the documented layout (one row per line)`);
  const lineEnd = (from: number) => {
    const at = data.indexOf(NEWLINE, from);
    return at < 0 ? data.length : at;
  };
  const firstEnd = lineEnd(0);
  const first = data.toString('utf8', 0, firstEnd);
  const empty = first.endsWith('"rows":[]}');
  if (!empty && !first.endsWith('"rows":[')) throw layout();
  let header: unknown;
  try {
    header = JSON.parse(empty ? first : `${first}]}`);
  } catch {
    throw damaged(`${name} is not JSON`);
  }
  if (!isRecord(header) || header.table !== table || !Array.isArray(header.columns) || !Array.isArray(header.rows)) {
    throw damaged(`${name} does not have the documented shape`);
  }
  const columns = header.columns as unknown[];
  if (!columns.every((column): column is string => typeof column === 'string')) throw damaged(`${name}: columns`);
  const spans: number[] = [];
  let at = firstEnd + 1;
  if (!empty) {
    for (;;) {
      const end = lineEnd(at);
      if (end >= data.length) throw layout();
      const start = at;
      at = end + 1;
      if (end - start === 2 && data.toString('latin1', start, end) === ']}') break;
      const last = data[end - 1] !== 0x2c; // ','
      if (data.toString('latin1', start, start + 3) !== '  {') throw layout();
      const rowStart = start + 2;
      const rowEnd = last ? end : end - 1;
      const number = spans.length / 2 + 1;
      let row: unknown;
      try {
        row = JSON.parse(data.toString('utf8', rowStart, rowEnd));
      } catch {
        throw damaged(`${name} row ${number} is not JSON`);
      }
      const ok =
        isRecord(row) &&
        Object.entries(row).every(
          ([column, value]) =>
            columns.includes(column) && (value === null || typeof value === 'string' || Number.isFinite(value)),
        );
      if (!ok) throw damaged(`${name} row ${number} is malformed`);
      spans.push(rowStart, rowEnd);
      if (last) {
        if (data.toString('latin1', at, lineEnd(at)) !== ']}') throw layout();
        at = lineEnd(at) + 1;
        break;
      }
    }
  }
  // Only a final newline may follow.
  for (let index = at; index < data.length; index++) {
    if (data[index] !== NEWLINE) throw layout();
  }
  const parsed = new ArchiveTable(columns, data, Uint32Array.from(spans));
  if (counted !== parsed.count) throw damaged(`${name} does not hold the rows the manifest counts`);
  return parsed;
}

/**
 * Opens an export (plain zip or passphrase container) and checks everything before any of
 * it is used: the source is a regular file within its size limit; the zip's directory and
 * local headers agree, no entry overlaps another, every name is in the documented layout;
 * sizes and compression ratios are within the limits (all before inflating); then format
 * and schema versions, each file's SHA-256 against the manifest, each table file's shape.
 * Table files are held (they are what gets imported); the rest is hashed and dropped.
 */
export async function readArchive(path: string, passphrase?: string): Promise<Archive> {
  const source = await openImportSource(path, passphrase);
  try {
    const directory = await readZipDirectory(source.readAt, source.size, IMPORT_LIMITS);
    const entries = directory.map((entry) => ({ ...entry, kind: kindOfEntry(entry.name) }));
    checkDeclaredSizes(entries);
    const manifestEntry = entries.find((entry) => entry.kind === 'manifest');
    if (!manifestEntry) throw damaged('manifest.json is missing');
    const manifest = checkManifest(
      parseJson('manifest.json', await inflateWhole(source.readAt, manifestEntry)),
      entries,
    );
    const tables: Archive['tables'] = new Map();
    let activityLogRows = 0;
    for (const entry of entries) {
      if (entry.kind === 'manifest') continue;
      const expected = manifest.files[entry.name]?.sha256;
      const table = TABLE_FILES.get(entry.name);
      if (entry.kind === 'pdf' || entry.name === ACTIVITY_LOG_FILE) {
        if ((await hashEntry(source.readAt, entry, entry.kind)) !== expected) {
          throw damaged(`${entry.name} fails its SHA-256 check`);
        }
        if (entry.name === ACTIVITY_LOG_FILE) activityLogRows = Number(manifest.counts.audit_log) || 0;
        continue;
      }
      const data = await inflateWhole(source.readAt, entry);
      if (createHash('sha256').update(data).digest('hex') !== expected) {
        throw damaged(`${entry.name} fails its SHA-256 check`);
      }
      if (table) tables.set(table, parseTable(entry.name, table, data, manifest.counts[table]));
    }
    // A table the archive's schema did not have yet is absent; any other must be there.
    for (const { table, since } of EXPORT_TABLES) {
      if (table === 'audit_log') continue;
      if (!tables.has(table) && since <= manifest.schemaVersion) throw damaged(`${tableFile(table)} is missing`);
    }
    return { manifest, tables, activityLogRows };
  } catch (error) {
    if (error instanceof ZipFormatError) throw damaged(error.message);
    if (error instanceof ZipRefusedError) throw refused(error.message);
    throw error;
  } finally {
    await source.close();
  }
}
