import { randomUUID } from 'node:crypto';
import { type Client, type ClientStatus, clientSchema, type ValidClientInput } from '../../../shared/clients/client';
import { isIsoDate } from '../../../shared/dates';
import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';

/** SQL for the clients table: plain functions over a handle, parameters always bound. */

type ClientRow = {
  id: string;
  display_name: string;
  preferred_name: string;
  pronouns: string;
  date_of_birth: string;
  phone: string;
  email: string;
  emergency_contact_name: string;
  emergency_contact_phone: string;
  presenting_concerns: string;
  diagnosis: string;
  diagnosis_code: string;
  status: ClientStatus;
  default_template_id: string | null;
  created_at: string;
  updated_at: string;
};

function fromRow(row: ClientRow): Client {
  return {
    id: row.id,
    displayName: row.display_name,
    preferredName: row.preferred_name,
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    phone: row.phone,
    email: row.email,
    emergencyContactName: row.emergency_contact_name,
    emergencyContactPhone: row.emergency_contact_phone,
    presentingConcerns: row.presenting_concerns,
    diagnosis: row.diagnosis,
    diagnosisCode: row.diagnosis_code,
    status: row.status,
    defaultTemplateId: row.default_template_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(input: ValidClientInput) {
  return {
    display_name: input.displayName,
    preferred_name: input.preferredName,
    pronouns: input.pronouns,
    date_of_birth: input.dateOfBirth,
    phone: input.phone,
    email: input.email,
    emergency_contact_name: input.emergencyContactName,
    emergency_contact_phone: input.emergencyContactPhone,
    presenting_concerns: input.presentingConcerns,
    diagnosis: input.diagnosis,
    diagnosis_code: input.diagnosisCode,
  };
}

const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The longest value each column may hold, in characters: what the client form allows
 * (clientInputSchema), ids and timestamps as the core writes them. A stored row over
 * any of them did not come through the app (an old import, damage) and is shown as a
 * damaged record rather than read.
 */
const STORED_MAX: Record<keyof ClientRow, number> = {
  id: 36,
  display_name: 200,
  preferred_name: 100,
  pronouns: 50,
  date_of_birth: 10,
  phone: 40,
  email: 254,
  emergency_contact_name: 200,
  emergency_contact_phone: 40,
  presenting_concerns: 20_000,
  diagnosis: 2_000,
  diagnosis_code: 10,
  status: 8,
  default_template_id: 64,
  created_at: 40,
  updated_at: 40,
};
const COLUMNS = Object.keys(STORED_MAX) as (keyof ClientRow)[];

/**
 * Client rows are read in two steps so a huge value is never read: first only each
 * column's size in bytes, which SQLite knows from the record header (octet_length reads
 * no overflow page, while even filtering on a column stored after a 64 MiB name walks
 * its whole overflow chain); a column over its limit (3 bytes a character covers any
 * UTF-8 text within it) makes the row damaged, named by too_long. Then the rows within
 * bounds are read whole, by rowid.
 */
const SIZES = `SELECT rowid AS row_id,
  CASE ${COLUMNS.map((column) => `WHEN octet_length(${column}) > ${STORED_MAX[column] * 3} THEN '${column}'`).join(' ')} END AS too_long
  FROM clients`;
const BY_ROWID = 'SELECT rowid AS row_id, * FROM clients WHERE rowid = ?';

type SizeRow = { row_id: number; too_long: keyof ClientRow | null };

type GuardedRow = ClientRow & { row_id: number; too_long?: keyof ClientRow | null };

/** A client row the app cannot show, for Data health: its rowid, id (cut short) and what is wrong. */
export type DamagedClient = { rowid: number; id: string; problem: string };

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** What is wrong with a stored client row, or null when it can be shown. */
function storedClientProblem(row: GuardedRow): string | null {
  for (const column of COLUMNS) {
    const value = row[column];
    if (typeof value === 'string' && value.length > STORED_MAX[column]) {
      return `The client's ${column.replaceAll('_', ' ')} is longer than ${STORED_MAX[column]} characters.`;
    }
  }
  const parsed = clientSchema.safeParse(fromRow(row));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'id') return 'The client id is not a UUID.';
    return `The client's ${String(issue?.path[0] ?? 'record')} cannot be read: ${issue?.message ?? 'wrong type'}.`;
  }
  if (!ISO_TIMESTAMP.test(row.created_at) || Number.isNaN(Date.parse(row.created_at))) {
    return 'The client’s creation date is not a date.';
  }
  if (!ISO_TIMESTAMP.test(row.updated_at) || Number.isNaN(Date.parse(row.updated_at))) {
    return 'The client’s last-changed date is not a date.';
  }
  if (row.date_of_birth !== '' && !isIsoDate(row.date_of_birth)) return 'The client’s date of birth is not a date.';
  return null;
}

const shortId = (id: unknown) => (typeof id === 'string' ? id.slice(0, 40) : String(id));

/** One client row within bounds, or what is wrong with it. */
function readRow(
  db: VaultDb,
  size: SizeRow,
): { row: GuardedRow; problem: string | null } | { row: null; problem: string } {
  if (size.too_long) {
    return { row: null, problem: `The client's ${size.too_long.replaceAll('_', ' ')} is far too long.` };
  }
  const row = db.prepare(BY_ROWID).get(size.row_id) as GuardedRow;
  return { row, problem: storedClientProblem(row) };
}

/** Every client row, readable ones as clients and the rest as damaged records. */
export function readClients(
  db: VaultDb,
  options: { includeArchived: boolean },
): { clients: Client[]; damaged: DamagedClient[] } {
  const clients: Client[] = [];
  const damaged: DamagedClient[] = [];
  for (const size of db.prepare(SIZES).all() as SizeRow[]) {
    const read = readRow(db, size);
    if (read.problem !== null) {
      const id =
        read.row?.id ??
        (db.prepare('SELECT substr(id, 1, 40) FROM clients WHERE rowid = ?').pluck().get(size.row_id) as string);
      damaged.push({ rowid: size.row_id, id: shortId(id), problem: read.problem });
    } else if (read.row && (options.includeArchived || read.row.status === 'active')) {
      clients.push(fromRow(read.row));
    }
  }
  // SQLite's NOCASE only folds ASCII: sort as people read names ("Émile" before "Zoë").
  clients.sort((a, b) => nameOrder.compare(a.displayName, b.displayName) || a.createdAt.localeCompare(b.createdAt));
  return { clients, damaged };
}

/** The clients the app can show; a damaged row is left out (and listed under Data health). */
export function listClients(db: VaultDb, options: { includeArchived: boolean }): Client[] {
  return readClients(db, options).clients;
}

export function getClient(db: VaultDb, id: string): Client {
  const size = db.prepare(`${SIZES} WHERE id = ?`).get(id) as SizeRow | undefined;
  if (!size) throw new CoreError('NOT_FOUND', 'That client does not exist.');
  const read = readRow(db, size);
  if (read.problem !== null || !read.row) throw new CoreError('RECORD_DAMAGED', `${read.problem} ${DAMAGED_HINT}`);
  return fromRow(read.row);
}

const DAMAGED_HINT = 'This client’s record cannot be shown; it is listed under Settings → Data health.';

export function createClient(db: VaultDb, input: ValidClientInput, now: Date = new Date()): Client {
  const id = randomUUID();
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO clients (id, display_name, preferred_name, pronouns, date_of_birth, phone, email,
       emergency_contact_name, emergency_contact_phone, presenting_concerns, diagnosis, diagnosis_code,
       status, created_at, updated_at)
     VALUES (@id, @display_name, @preferred_name, @pronouns, @date_of_birth, @phone, @email,
       @emergency_contact_name, @emergency_contact_phone, @presenting_concerns, @diagnosis, @diagnosis_code,
       'active', @at, @at)`,
  ).run({ id, at, ...toParams(input) });
  return getClient(db, id);
}

export function updateClient(db: VaultDb, id: string, input: ValidClientInput, now: Date = new Date()): Client {
  const result = db
    .prepare(
      `UPDATE clients SET display_name = @display_name, preferred_name = @preferred_name, pronouns = @pronouns,
         date_of_birth = @date_of_birth, phone = @phone, email = @email,
         emergency_contact_name = @emergency_contact_name, emergency_contact_phone = @emergency_contact_phone,
         presenting_concerns = @presenting_concerns, diagnosis = @diagnosis, diagnosis_code = @diagnosis_code,
         updated_at = @at
       WHERE id = @id`,
    )
    .run({ id, at: now.toISOString(), ...toParams(input) });
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That client does not exist.');
  return getClient(db, id);
}

export function setDefaultTemplate(db: VaultDb, id: string, templateId: string | null, now: Date = new Date()): Client {
  const result = db
    .prepare('UPDATE clients SET default_template_id = @templateId, updated_at = @at WHERE id = @id')
    .run({ id, templateId, at: now.toISOString() });
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That client does not exist.');
  return getClient(db, id);
}

/** Archive and restore: there is no hard delete, records are kept. */
export function setClientStatus(db: VaultDb, id: string, status: ClientStatus, now: Date = new Date()): Client {
  const result = db
    .prepare('UPDATE clients SET status = @status, updated_at = @at WHERE id = @id')
    .run({ id, status, at: now.toISOString() });
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That client does not exist.');
  return getClient(db, id);
}
