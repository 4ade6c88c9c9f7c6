import { randomUUID } from 'node:crypto';
import type { CautionAction, CautionActionKind } from '../../../shared/intake/cautionAction';
import {
  type ClientIntakeContext,
  emptyIntakeContext,
  type IntakeChange,
  type IntakeEntry,
  type IntakeFields,
} from '../../../shared/intake/entry';
import type { ClientIntake, IntakeReview, ValidRequestOf } from '../../../shared/ipc/contract';
import { getClient } from '../clients/clientRepository';
import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { requireDraftNoteOfClient } from '../notes/noteOfClient';

/**
 * A client's intake: entries for what they take, each change kept as a dated snapshot
 * (optionally in the note it was made in), the clinical context the cautions read, the
 * "reviewed with the client" marks and what was done about each caution.
 */

type EntryRow = { id: string; client_id: string; fields_json: string; created_at: string; updated_at: string };
type EventRow = { change: IntakeChange['change']; at: string; note_id: string | null; fields_json: string };

function entryOf(db: VaultDb, row: EntryRow): IntakeEntry {
  const events = db
    .prepare('SELECT change, at, note_id, fields_json FROM intake_events WHERE entry_id = ? ORDER BY id')
    .all(row.id) as EventRow[];
  return {
    id: row.id,
    clientId: row.client_id,
    fields: JSON.parse(row.fields_json) as IntakeFields,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history: events.map((event) => ({
      at: event.at,
      change: event.change,
      noteId: event.note_id,
      fields: JSON.parse(event.fields_json) as IntakeFields,
    })),
  };
}

function findEntry(db: VaultDb, id: string): IntakeEntry {
  const row = db.prepare('SELECT * FROM intake_entries WHERE id = ?').get(id) as EntryRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', 'That intake entry does not exist.');
  return entryOf(db, row);
}

function insertEvent(
  db: VaultDb,
  entryId: string,
  change: IntakeChange['change'],
  at: string,
  noteId: string | null,
  fields: IntakeFields,
) {
  db.prepare('INSERT INTO intake_events (entry_id, change, at, note_id, fields_json) VALUES (?, ?, ?, ?, ?)').run(
    entryId,
    change,
    at,
    noteId,
    JSON.stringify(fields),
  );
}

export function addIntakeEntry(db: VaultDb, request: ValidRequestOf<'intake:add'>, now: Date): IntakeEntry {
  return db.transaction(() => {
    getClient(db, request.clientId);
    if (request.noteId) requireDraftNoteOfClient(db, request.noteId, request.clientId);
    const id = randomUUID();
    const at = now.toISOString();
    db.prepare(
      'INSERT INTO intake_entries (id, client_id, kind, fields_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, request.clientId, request.fields.kind, JSON.stringify(request.fields), at, at);
    insertEvent(db, id, 'added', at, request.noteId, request.fields);
    return findEntry(db, id);
  })();
}

const sameFields = (a: IntakeFields, b: IntakeFields) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** A change to an entry: a new stop date reads as "stopped", anything else as "changed". */
export function updateIntakeEntry(db: VaultDb, request: ValidRequestOf<'intake:update'>, now: Date): IntakeEntry {
  return db.transaction(() => {
    const entry = findEntry(db, request.id);
    if (request.fields.kind !== entry.fields.kind) {
      throw new CoreError(
        'INVALID_REQUEST',
        'A substance cannot become a medication or the other way round: stop this entry and add a new one.',
        { field: 'fields.kind' },
      );
    }
    if (request.noteId) requireDraftNoteOfClient(db, request.noteId, entry.clientId);
    // Saving an unchanged form adds nothing to the history.
    if (sameFields(entry.fields, request.fields)) return entry;
    const at = now.toISOString();
    const change = entry.fields.stoppedOn === '' && request.fields.stoppedOn !== '' ? 'stopped' : 'changed';
    db.prepare('UPDATE intake_entries SET fields_json = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(request.fields),
      at,
      entry.id,
    );
    insertEvent(db, entry.id, change, at, request.noteId, request.fields);
    return findEntry(db, entry.id);
  })();
}

function readContext(db: VaultDb, clientId: string): ClientIntakeContext {
  const row = db.prepare('SELECT context_json FROM intake_context WHERE client_id = ?').get(clientId) as
    | { context_json: string }
    | undefined;
  return row ? { ...emptyIntakeContext, ...(JSON.parse(row.context_json) as ClientIntakeContext) } : emptyIntakeContext;
}

export function setIntakeContext(
  db: VaultDb,
  clientId: string,
  context: ClientIntakeContext,
  now: Date,
): ClientIntakeContext {
  getClient(db, clientId);
  db.prepare(
    `INSERT INTO intake_context (client_id, context_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(client_id) DO UPDATE SET context_json = excluded.context_json, updated_at = excluded.updated_at`,
  ).run(clientId, JSON.stringify(context), now.toISOString());
  return readContext(db, clientId);
}

export function markIntakeReviewed(db: VaultDb, clientId: string, noteId: string, now: Date): IntakeReview {
  return db.transaction(() => {
    getClient(db, clientId);
    requireDraftNoteOfClient(db, noteId, clientId);
    const at = now.toISOString();
    db.prepare('INSERT INTO intake_reviews (client_id, note_id, at) VALUES (?, ?, ?)').run(clientId, noteId, at);
    return { noteId, at };
  })();
}

type ActionRow = {
  id: string;
  client_id: string;
  note_id: string | null;
  caution_id: string;
  caution_title: string;
  severity: CautionAction['severity'];
  involves_json: string;
  action: CautionActionKind;
  reason: string;
  kb_version: string;
  at: string;
};

const actionOf = (row: ActionRow): CautionAction => ({
  id: row.id,
  clientId: row.client_id,
  noteId: row.note_id,
  cautionId: row.caution_id,
  cautionTitle: row.caution_title,
  severity: row.severity,
  involves: JSON.parse(row.involves_json) as string[],
  action: row.action,
  reason: row.reason,
  kbVersion: row.kb_version,
  at: row.at,
});

export function recordCautionAction(
  db: VaultDb,
  input: ValidRequestOf<'cautions:recordAction'>,
  now: Date,
): CautionAction {
  return db.transaction(() => {
    getClient(db, input.clientId);
    if (input.noteId) requireDraftNoteOfClient(db, input.noteId, input.clientId);
    const id = randomUUID();
    db.prepare(
      `INSERT INTO caution_actions (id, client_id, note_id, caution_id, caution_title, severity, involves_json,
         action, reason, kb_version, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.clientId,
      input.noteId,
      input.cautionId,
      input.cautionTitle,
      input.severity,
      JSON.stringify(input.involves),
      input.action,
      input.reason,
      input.kbVersion,
      now.toISOString(),
    );
    return actionOf(db.prepare('SELECT * FROM caution_actions WHERE id = ?').get(id) as ActionRow);
  })();
}

export function clientIntake(db: VaultDb, clientId: string): ClientIntake {
  getClient(db, clientId);
  const entries = (
    db
      .prepare('SELECT * FROM intake_entries WHERE client_id = ? ORDER BY created_at, rowid')
      .all(clientId) as EntryRow[]
  ).map((row) => entryOf(db, row));
  const actions = (
    db.prepare('SELECT * FROM caution_actions WHERE client_id = ? ORDER BY at, rowid').all(clientId) as ActionRow[]
  ).map(actionOf);
  const reviews = db
    .prepare('SELECT note_id AS noteId, at FROM intake_reviews WHERE client_id = ? ORDER BY id')
    .all(clientId) as IntakeReview[];
  return { entries, context: readContext(db, clientId), actions, reviews };
}
