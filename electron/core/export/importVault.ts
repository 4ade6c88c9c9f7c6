import type { TemplateDef } from '../../../shared/templates/types';
import { noteText, richTextToPlain } from '../../../shared/templates/values';
import { CoreError, storageErrorCode } from '../coreError';
import type { VaultDb } from '../db/database';
import { indexClient, indexDocument } from '../search/searchIndex';
import { checkArchiveRows } from './importRules';
import { planSettings, type SettingChange, takeSettings } from './importSettings';
import { type Archive, type ArchiveTable, damaged, readArchive, refused, tableOfRows } from './readArchive';
import { RecordNamer } from './recordNames';
import { IMPORTED_TABLES, type Row, type TableName, type TableSpec } from './tables';

export type TableCounts = { inArchive: number; toAdd: number; identical: number; conflicts: number };

/** What an import would do (planImport) or did (applyImport). Conflicts are never overwritten. */
export type ImportReport = {
  exportedAt: string;
  formatVersion: number;
  schemaVersion: number;
  tables: Record<TableName, TableCounts>;
  /**
   * Same key, different content (or a history row under such a record): left as they are.
   * `record` names it as a therapist would ("Daniel Reyes, CBT session note, 4 Dec 2026").
   */
  conflicts: { table: TableName; id: string; record: string }[];
  totals: TableCounts;
  /** Each setting the file would change; `taken` after an import (FORMAT.md, "Importing"). */
  settings: SettingChange[];
  /** Entries in the file's activity log: never imported, this vault keeps its own. */
  activityLogRows: number;
};

export type ImportOptions = {
  passphrase?: string | undefined;
  /** The settings (keys from the dry run's list) the therapist ticked to take. */
  settings?: readonly string[] | undefined;
  onProgress?: ((fraction: number) => void) | undefined;
  signal?: AbortSignal | undefined;
  now?: (() => Date) | undefined;
};

type TablePlan = {
  spec: TableSpec;
  columns: string[];
  source: ArchiveTable;
  /** Indexes of the archive rows to add (parsed again when inserted). */
  add: number[];
  /** Surrogate-id rows get fresh ids (in archive order) when any of their ids is taken. */
  renumber: boolean;
  counts: TableCounts;
  /** Each conflicting record's key and its name for the therapist. */
  conflictKeys: Map<string | number, string>;
};

function sameRow(existing: Row, incoming: Row, columns: readonly string[], skip?: string): boolean {
  return columns.every((column) => column === skip || existing[column] === (incoming[column] ?? null));
}

/**
 * Compares the archive with the vault, table by table in parent-before-child order.
 * Pure reads: the same function runs for the dry run and, inside the import's
 * transaction, for the real thing, so what is applied is exactly what is reported.
 */
export function planTables(db: VaultDb, archive: Archive): TablePlan[] {
  const plans = new Map<string, TablePlan>();
  const namer = new RecordNamer(db);
  for (const spec of IMPORTED_TABLES as readonly TableSpec[]) {
    const entry = archive.tables.get(spec.table as TableName) ?? tableOfRows([], []);
    const known = (db.pragma(`table_info("${spec.table}")`) as { name: string }[]).map((column) => column.name);
    const unknown = entry.columns.find((column) => !known.includes(column));
    if (unknown) throw damaged(`${spec.table} has an unknown column ${unknown}`);
    if (entry.count && !entry.columns.includes(spec.key)) throw damaged(`${spec.table} rows have no ${spec.key}`);
    const plan: TablePlan = {
      spec,
      columns: entry.columns,
      add: [],
      renumber: false,
      source: entry,
      counts: { inArchive: entry.count, toAdd: 0, identical: 0, conflicts: 0 },
      conflictKeys: new Map(),
    };
    plans.set(spec.table, plan);
    const ownerConflicts = spec.owner ? plans.get(spec.owner.table)?.conflictKeys : undefined;
    const underConflict = (row: Row) =>
      Boolean(spec.owner && ownerConflicts?.has(row[spec.owner.column] as string | number));
    const byKey = db.prepare(`SELECT * FROM "${spec.table}" WHERE "${spec.key}" = ?`);
    const seen = new Set<string | number>();

    if (spec.surrogate) {
      // Recognised by content: a multiset of the vault's rows without their ids.
      const contentOf = (row: Row) => JSON.stringify(entry.columns.filter((c) => c !== spec.key).map((c) => row[c]));
      const pool = new Map<string, number>();
      for (const row of db.prepare(`SELECT * FROM "${spec.table}"`).all() as Row[]) {
        const content = contentOf(row);
        pool.set(content, (pool.get(content) ?? 0) + 1);
      }
      let index = -1;
      for (const row of entry.rows()) {
        index++;
        const id = row[spec.key];
        if (typeof id !== 'number' || seen.has(id)) throw damaged(`${spec.table} has a bad or repeated id`);
        seen.add(id);
        const content = contentOf(row);
        const left = pool.get(content) ?? 0;
        if (left > 0) {
          pool.set(content, left - 1);
          plan.counts.identical++;
        } else if (underConflict(row)) {
          plan.counts.conflicts++;
          plan.conflictKeys.set(id, namer.name(spec.table, row));
        } else {
          plan.add.push(index);
          if (byKey.get(id)) plan.renumber = true;
        }
      }
    } else {
      const byUnique = spec.unique
        ? db.prepare(`SELECT "${spec.key}" AS key FROM "${spec.table}" WHERE "${spec.unique}" = ?`)
        : null;
      let index = -1;
      for (const row of entry.rows()) {
        index++;
        const key = row[spec.key];
        if (key === null || key === undefined || seen.has(key))
          throw damaged(`${spec.table} has a bad or repeated key`);
        seen.add(key);
        // Parents are named even when they import cleanly: a child in conflict needs the name.
        const name = RecordNamer.remembers(spec.table) ? namer.name(spec.table, row) : null;
        const existing = byKey.get(key) as Row | undefined;
        if (existing && sameRow(existing, row, entry.columns)) {
          plan.counts.identical++;
        } else if (existing || underConflict(row) || (byUnique && spec.unique && byUnique.get(row[spec.unique]))) {
          plan.counts.conflicts++;
          plan.conflictKeys.set(key, name ?? namer.name(spec.table, row));
        } else {
          plan.add.push(index);
        }
      }
    }
    plan.counts.toAdd = plan.add.length;
  }
  return [...plans.values()];
}

export function reportOf(archive: Archive, plans: readonly TablePlan[], settings: SettingChange[]): ImportReport {
  const totals: TableCounts = { inArchive: 0, toAdd: 0, identical: 0, conflicts: 0 };
  const tables = {} as Record<TableName, TableCounts>;
  const conflicts: ImportReport['conflicts'] = [];
  for (const plan of plans) {
    const table = plan.spec.table as TableName;
    tables[table] = { ...plan.counts };
    for (const field of Object.keys(totals) as (keyof TableCounts)[]) totals[field] += plan.counts[field];
    for (const [key, record] of plan.conflictKeys) conflicts.push({ table, id: String(key), record });
  }
  const { exportedAt, formatVersion, schemaVersion } = archive.manifest;
  return {
    exportedAt,
    formatVersion,
    schemaVersion,
    tables,
    conflicts,
    totals,
    settings,
    activityLogRows: archive.activityLogRows,
  };
}

const checkOrder = IMPORTED_TABLES.map((spec) => spec.table);

/**
 * The dry run on an archive already read (readArchive, outside the vault's queue): checks
 * every row as its channel would, compares with the vault, lists the settings it would
 * change. Writes nothing.
 */
export async function planArchive(db: VaultDb, archive: Archive, now: Date = new Date()): Promise<ImportReport> {
  await checkArchiveRows(db, archive, checkOrder, now);
  const settings = planSettings(db, [...(archive.tables.get('settings')?.rows() ?? [])]);
  return reportOf(archive, planTables(db, archive), settings);
}

/** The dry run from a file: reads and checks the archive, compares it with the vault, writes nothing. */
export async function planImport(
  db: VaultDb,
  archivePath: string,
  options: { passphrase?: string | undefined; now?: (() => Date) | undefined } = {},
): Promise<ImportReport> {
  const archive = await readArchive(archivePath, options.passphrase);
  return await planArchive(db, archive, options.now?.());
}

function searchableNoteText(row: Row): string {
  // The same text noteService indexes a note by: section, then "label: text" per field.
  const template = JSON.parse(row.template as string) as TemplateDef;
  return noteText(template, JSON.parse(row.values_json as string))
    .flatMap((section) => [
      section.section,
      ...section.fields.map((field) =>
        field.label === section.section ? field.text : `${field.label}: ${field.text}`,
      ),
    ])
    .join('\n');
}

function indexAdded(db: VaultDb, table: string, row: Row): void {
  if (table === 'clients') {
    indexClient(db, {
      id: row.id as string,
      displayName: row.display_name as string,
      preferredName: row.preferred_name as string,
      presentingConcerns: row.presenting_concerns as string,
      diagnosis: row.diagnosis as string,
      createdAt: row.created_at as string,
    });
  } else if (table === 'notes') {
    indexDocument(db, {
      refId: row.id as string,
      kind: 'note',
      clientId: row.client_id as string,
      noteId: row.id as string,
      date: row.created_at as string,
      body: searchableNoteText(row),
    });
  } else if (table === 'addenda') {
    const note = db.prepare('SELECT client_id FROM notes WHERE id = ?').get(row.note_id) as { client_id: string };
    indexDocument(db, {
      refId: row.id as string,
      kind: 'addendum',
      clientId: note.client_id,
      noteId: row.note_id as string,
      date: row.created_at as string,
      body: richTextToPlain(JSON.parse(row.text_json as string)).trim(),
    });
  }
}

/**
 * Adds everything the plan says, in one transaction: all of it or none. Every row is
 * checked first (importRules.ts), then goes in as it was stored (signatures, content
 * hashes, histories: the append-only triggers allow inserts); conflicts are left
 * untouched; the ticked settings are written; the search index gets the added clients,
 * notes and addenda. The transaction runs synchronously (better-sqlite3), so no other
 * request can slip into it, and an abort seen inside it (or any error) rolls it back.
 */
export async function applyArchive(
  db: VaultDb,
  archive: Archive,
  options: Omit<ImportOptions, 'passphrase'> = {},
): Promise<ImportReport> {
  const { signal, onProgress } = options;
  const now = options.now?.() ?? new Date();
  signal?.throwIfAborted();
  onProgress?.(0.1);
  // Checked before the transaction (the check yields to the event loop; a transaction must
  // not). Inside it, foreign keys still refuse a row whose parent went missing meanwhile.
  await checkArchiveRows(db, archive, checkOrder, now, signal);
  signal?.throwIfAborted();
  onProgress?.(0.2);
  try {
    const report = db.transaction(() => {
      const settingRows = [...(archive.tables.get('settings')?.rows() ?? [])];
      const settings = takeSettings(db, settingRows, planSettings(db, settingRows), options.settings ?? []);
      const plans = planTables(db, archive);
      const total = plans.reduce((sum, plan) => sum + plan.add.length, 0);
      let done = 0;
      // About a hundred progress calls whatever the size; each is also a cancel point.
      const step = Math.max(1, Math.floor(total / 100));
      for (const plan of plans) {
        const { table, key } = plan.spec;
        const columns = plan.renumber ? plan.columns.filter((column) => column !== key) : plan.columns;
        if (!plan.add.length) continue;
        const insert = db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const index of plan.add) {
          const row = plan.source.row(index);
          insert.run(columns.map((column) => row[column] ?? null));
          indexAdded(db, table, row);
          done++;
          if (done % step === 0) {
            signal?.throwIfAborted();
            onProgress?.(0.2 + (0.8 * done) / total);
          }
        }
      }
      signal?.throwIfAborted();
      return reportOf(archive, plans, settings);
    })();
    onProgress?.(1);
    return report;
  } catch (error) {
    if (error instanceof CoreError || (error as Error).name === 'AbortError') throw error;
    const storage = storageErrorCode(error);
    if (storage) throw new CoreError(storage);
    const code = String((error as { code?: unknown }).code ?? '');
    // The rules check parents and types first; the schema is the last line of defence.
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw refused('a record in it refers to one that is not there');
    if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH') {
      throw refused(`a record in it does not fit the vault (${code})`);
    }
    throw error;
  }
}

/** Reads the archive, then imports it (see applyArchive). */
export async function applyImport(
  db: VaultDb,
  archivePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  options.signal?.throwIfAborted();
  options.onProgress?.(0);
  const archive = await readArchive(archivePath, options.passphrase);
  return await applyArchive(db, archive, options);
}
