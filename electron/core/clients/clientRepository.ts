import { randomUUID } from 'node:crypto';
import type { Client, ClientStatus, ValidClientInput } from '../../../shared/clients/client';
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

export function listClients(db: VaultDb, options: { includeArchived: boolean }): Client[] {
  const rows = db
    .prepare(
      `SELECT * FROM clients
       WHERE status = 'active' OR @includeArchived = 1
       ORDER BY created_at`,
    )
    .all({ includeArchived: options.includeArchived ? 1 : 0 }) as ClientRow[];
  // SQLite's NOCASE only folds ASCII: sort as people read names ("Émile" before "Zoë").
  return rows.map(fromRow).sort((a, b) => nameOrder.compare(a.displayName, b.displayName));
}

export function getClient(db: VaultDb, id: string): Client {
  const row = db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', 'That client does not exist.');
  return fromRow(row);
}

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
