import { createHash } from 'node:crypto';
import type { DamagedRecord, HealthTable } from '../../../shared/ipc/contract';
import type { TemplateDef } from '../../../shared/templates/types';
import { readClients } from '../clients/clientRepository';
import { CoreError } from '../coreError';
import type { DamagedRow } from '../db/boundedRows';
import type { VaultDb } from '../db/database';
import { damagedAssignmentEvents, damagedAssignments, damagedCustomWorksheets } from '../homework/homeworkService';
import { damagedIntakeRows } from '../intake/intakeService';
import { damagedAdministrations } from '../measures/measureService';
import {
  addendumTextProblem,
  damagedNotes,
  NOTE_VALUES_MAX_BYTES,
  parseTemplate,
  storedValuesProblem,
  TEMPLATE_MAX_BYTES,
} from '../notes/noteRepository';
import { damagedSafetyPlans } from '../safetyPlan/safetyPlanService';
import { readSettings, readSettingsChecked } from '../settings/settingsRepository';

/**
 * Data health (issue 11): the rows the app cannot read, found without ever reading a
 * huge value (sizes are judged in SQL first) or recursing into a deep one; each one's
 * raw row as JSON; and the removal of a damaged row that is not clinical history, with
 * a signed reason kept in damaged_record_removals (migration 0007). Clinical history
 * (notes, revisions, addenda, homework, intake, cautions, measures) is never removed
 * here: it is only flagged and exportable.
 */

/**
 * Rows removable when damaged: settings and the therapist's own library, a client with no
 * record yet, and a client's clinical context (the current value that every change
 * overwrites in place, not history), so a damaged one can be set again.
 */
const REMOVABLE_TABLES = new Set<HealthTable>([
  'settings',
  'clients',
  'intake_context',
  'custom_templates',
  'custom_distortions',
  'custom_worksheets',
]);

/**
 * A client's records judged as their own list reads them (so the scan and the list
 * agree on what is damaged); each takes a client id to count one client's only.
 */
const CLIENT_RECORD_SCANS = {
  assignments: (db, clientId) => damagedAssignments(db, clientId),
  assignment_events: (db, clientId) => damagedAssignmentEvents(db, clientId),
  intake_entries: (db, clientId) => damagedIntakeRows(db, 'intake_entries', clientId),
  intake_events: (db, clientId) => damagedIntakeRows(db, 'intake_events', clientId),
  intake_context: (db, clientId) => damagedIntakeRows(db, 'intake_context', clientId),
  intake_reviews: (db, clientId) => damagedIntakeRows(db, 'intake_reviews', clientId),
  caution_actions: (db, clientId) => damagedIntakeRows(db, 'caution_actions', clientId),
  measure_administrations: (db, clientId) => damagedAdministrations(db, clientId),
  safety_plans: (db, clientId) => damagedSafetyPlans(db, clientId),
} satisfies Partial<Record<HealthTable, (db: VaultDb, clientId?: string) => DamagedRow[]>>;
type ClientRecordTable = keyof typeof CLIENT_RECORD_SCANS;
const isClientRecordTable = (table: HealthTable): table is ClientRecordTable =>
  Object.hasOwn(CLIENT_RECORD_SCANS, table);

/** Tables a client's record lives in: a client with a row in any of them is clinical history. */
const CLIENT_HISTORY_TABLES = [
  'notes',
  'assignments',
  'intake_entries',
  'intake_context',
  'intake_reviews',
  'caution_actions',
  'measure_administrations',
  'safety_plans',
] as const;

const label = (text: string) => text.slice(0, 60);

type Found = Omit<DamagedRecord, 'table' | 'clinical' | 'removable'> & { clinical?: boolean };

function clientHasHistory(db: VaultDb, rowid: number): boolean {
  return CLIENT_HISTORY_TABLES.some(
    (table) =>
      db
        .prepare(`SELECT 1 FROM ${table} WHERE client_id = (SELECT id FROM clients WHERE rowid = ?) LIMIT 1`)
        .get(rowid) !== undefined,
  );
}

/** A revision whose note's template copy cannot be read is still judged for depth alone. */
const NO_TEMPLATE = { sections: [] } as unknown as TemplateDef;

function scanRevisions(db: VaultDb): Found[] {
  const found: Found[] = [];
  const rows = db
    .prepare(
      `SELECT r.rowid AS row_id, substr(r.note_id, 1, 40) AS note_id, octet_length(r.values_json) AS bytes,
              CASE WHEN octet_length(r.values_json) <= ${NOTE_VALUES_MAX_BYTES} THEN r.values_json END AS values_json,
              CASE WHEN octet_length(n.template) <= ${TEMPLATE_MAX_BYTES} THEN n.template END AS template
       FROM note_revisions r LEFT JOIN notes n ON n.id = r.note_id`,
    )
    .iterate() as Iterable<{ row_id: number; note_id: string; values_json: string | null; template: string | null }>;
  // Revisions of the same note share its template copy: judge each copy once.
  const templates = new Map<string | null, TemplateDef>();
  const templateOf = (text: string | null): TemplateDef => {
    let template = templates.get(text);
    if (!template) {
      template = parseTemplate(text) ?? NO_TEMPLATE;
      templates.set(text, template);
    }
    return template;
  };
  for (const row of rows) {
    let problem: string | null = null;
    if (row.values_json === null) problem = 'The revision’s content is far too large.';
    else {
      try {
        problem = storedValuesProblem(templateOf(row.template), JSON.parse(row.values_json), 'revision');
      } catch {
        problem = 'The revision’s content is not valid JSON.';
      }
    }
    if (problem) found.push({ rowid: row.row_id, label: label(`${row.note_id} (revision)`), problem });
  }
  return found;
}

function scanAddenda(db: VaultDb): Found[] {
  const found: Found[] = [];
  const rows = db
    .prepare(
      `SELECT rowid AS row_id, substr(id, 1, 40) AS id, octet_length(text_json) AS bytes,
              CASE WHEN octet_length(text_json) <= ${NOTE_VALUES_MAX_BYTES} THEN text_json END AS text_json
       FROM addenda`,
    )
    .iterate() as Iterable<{ row_id: number; id: string; bytes: number; text_json: string | null }>;
  for (const row of rows) {
    const problem = addendumTextProblem(row.text_json, row.bytes);
    if (problem) found.push({ rowid: row.row_id, label: label(row.id), problem });
  }
  return found;
}

function scanTemplates(db: VaultDb): Found[] {
  const found: Found[] = [];
  const rows = db
    .prepare(
      `SELECT rowid AS row_id, substr(id, 1, 40) AS id,
              CASE WHEN octet_length(definition) <= ${TEMPLATE_MAX_BYTES} THEN definition END AS definition
       FROM custom_templates`,
    )
    .iterate() as Iterable<{ row_id: number; id: string; definition: string | null }>;
  for (const row of rows) {
    if (parseTemplate(row.definition) === null) {
      found.push({ rowid: row.row_id, label: label(row.id), problem: 'This custom template cannot be read.' });
    }
  }
  return found;
}

function scanDistortions(db: VaultDb): Found[] {
  const rows = db
    .prepare(
      `SELECT rowid AS row_id, substr(id, 1, 40) AS id FROM custom_distortions
       WHERE octet_length(label) > 240 OR octet_length(id) > 64 OR length(trim(label)) = 0`,
    )
    .all() as { row_id: number; id: string }[];
  return rows.map((row) => ({
    rowid: row.row_id,
    label: label(row.id),
    problem: 'This custom distortion’s name or id is not one the app can show.',
  }));
}

/** The damaged records of one table (see scanDataHealth). */
function scanTable(db: VaultDb, table: HealthTable): Found[] {
  switch (table) {
    case 'settings':
      return readSettingsChecked(db).damaged.map((each) => ({
        rowid: each.rowid,
        label: label(each.key),
        problem: each.problem,
      }));
    case 'clients':
      return readClients(db, { includeArchived: true }).damaged.map((each) => ({
        rowid: each.rowid,
        label: label(each.id),
        problem: each.problem,
        clinical: clientHasHistory(db, each.rowid),
      }));
    case 'notes':
      return damagedNotes(db).map((each) => ({ rowid: each.rowid, label: label(each.id), problem: each.problem }));
    case 'note_revisions':
      return scanRevisions(db);
    case 'addenda':
      return scanAddenda(db);
    case 'custom_templates':
      return scanTemplates(db);
    case 'custom_worksheets':
      return asFound(damagedCustomWorksheets(db));
    case 'custom_distortions':
      return scanDistortions(db);
    default:
      return isClientRecordTable(table) ? asFound(CLIENT_RECORD_SCANS[table](db, undefined)) : [];
  }
}

const SCANNED_TABLES: HealthTable[] = [
  'settings',
  'clients',
  'notes',
  'note_revisions',
  'addenda',
  'custom_templates',
  'custom_distortions',
  'custom_worksheets',
  ...(Object.keys(CLIENT_RECORD_SCANS) as ClientRecordTable[]),
];

const asFound = (rows: DamagedRow[]): Found[] =>
  rows.map((each) => ({ rowid: each.rowid, label: label(each.id), problem: each.problem }));

function asRecord(table: HealthTable, found: Found): DamagedRecord {
  // A client row is clinical when anything of the record hangs on it; the rest by table.
  const clinical = table === 'clients' ? found.clinical === true : !REMOVABLE_TABLES.has(table);
  return {
    table,
    rowid: found.rowid,
    label: found.label,
    problem: found.problem.slice(0, 500),
    clinical,
    removable: !clinical,
  };
}

/**
 * Every damaged record in the vault (or of one client's records, for a tab's count). Bounded: a value is judged by its size in SQL
 * before it is read, parsed once, and walked without recursion; a 64 MiB value costs
 * nothing. The cost is reading the rows themselves (decrypting every page of notes:
 * about 0.2 ms a note, each holding its template copy), so a vault of 4,500 rows scans
 * in about 0.4 s on a busy two-core machine.
 */
export function scanDataHealth(
  db: VaultDb,
  tables: readonly HealthTable[] = SCANNED_TABLES,
  clientId?: string,
): { records: DamagedRecord[]; scannedRows: number; tookMs: number } {
  const startedAt = performance.now();
  const records: DamagedRecord[] = [];
  let scannedRows = 0;
  for (const table of SCANNED_TABLES.filter((each) => tables.includes(each))) {
    if (clientId !== undefined) {
      // One client's records only (a tab's count): tables that are not a client's are skipped.
      if (!isClientRecordTable(table)) continue;
      const found = asFound(CLIENT_RECORD_SCANS[table](db, clientId));
      for (const each of found) records.push(asRecord(table, each));
      continue;
    }
    scannedRows += db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    for (const found of scanTable(db, table)) records.push(asRecord(table, found));
  }
  return { records, scannedRows, tookMs: Math.round(performance.now() - startedAt) };
}

/** One row exactly as stored, as JSON text (blobs as hex), and the SHA-256 of that text. */
export function rawRecord(db: VaultDb, table: HealthTable, rowid: number): { json: string; sha256: string } {
  const row = db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`).get(rowid) as Record<string, unknown> | undefined;
  if (!row) throw new CoreError('NOT_FOUND', 'That record is no longer in the vault.');
  // Column values are text, numbers, null or blobs: nothing here nests, so stringify cannot overflow.
  const json = JSON.stringify(
    { table, rowid, row },
    (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value),
    2,
  );
  return { json, sha256: createHash('sha256').update(json).digest('hex') };
}

/** The damaged record at table/rowid as the scan sees it now, or a refusal. */
function damagedRecordAt(db: VaultDb, table: HealthTable, rowid: number): DamagedRecord {
  const found = scanTable(db, table).find((each) => each.rowid === rowid);
  if (!found) {
    const exists = db.prepare(`SELECT 1 FROM ${table} WHERE rowid = ?`).get(rowid) !== undefined;
    throw exists
      ? new CoreError(
          'INVALID_REQUEST',
          'That record is not damaged: only records listed under Data health can be removed here.',
          { field: 'rowid' },
        )
      : new CoreError('NOT_FOUND', 'That record is no longer in the vault.');
  }
  return asRecord(table, found);
}

/** The raw row of a damaged record (for the therapist to keep before anything else). */
export function exportDamagedRecord(db: VaultDb, table: HealthTable, rowid: number): { json: string; sha256: string } {
  damagedRecordAt(db, table, rowid);
  return rawRecord(db, table, rowid);
}

/**
 * Removes a damaged record that is not clinical history, with the therapist's reason,
 * their name (as in Settings, as for signing) and the SHA-256 of the raw row kept in
 * damaged_record_removals, in one transaction with the delete.
 */
export function removeDamagedRecord(
  db: VaultDb,
  request: { table: HealthTable; rowid: number; reason: string },
  now: Date,
): { removalId: number; sha256: string } {
  return db.transaction(() => {
    const record = damagedRecordAt(db, request.table, request.rowid);
    if (!record.removable) {
      throw new CoreError(
        'RECORD_NOT_REMOVABLE',
        request.table === 'clients'
          ? 'This client has notes or other records, which are clinical history and never removed. The damaged client row stays listed under Data health and can be exported.'
          : undefined,
      );
    }
    const signedBy = readSettings(db).therapistName.trim();
    if (!signedBy) throw new CoreError('SIGNER_NAME_MISSING');
    const { sha256 } = rawRecord(db, request.table, request.rowid);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO damaged_record_removals (removed_at, table_name, record_label, raw_sha256, reason, signed_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(now.toISOString(), request.table, record.label, sha256, request.reason, signedBy);
    if (request.table === 'clients') {
      // Its search entry goes with it (a client with no record has only its own).
      const id = db.prepare('SELECT id FROM clients WHERE rowid = ?').pluck().get(request.rowid) as string;
      const doc = db.prepare('SELECT rowid FROM search_docs WHERE ref_id = ?').pluck().get(id) as number | undefined;
      if (doc !== undefined) {
        db.prepare('DELETE FROM search_index WHERE rowid = ?').run(doc);
        db.prepare('DELETE FROM search_docs WHERE rowid = ?').run(doc);
      }
    }
    db.prepare(`DELETE FROM ${request.table} WHERE rowid = ?`).run(request.rowid);
    return { removalId: Number(lastInsertRowid), sha256 };
  })();
}
