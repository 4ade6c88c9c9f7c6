import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type CautionAction, type CautionActionKind, cautionActionSchema } from '../../../shared/intake/cautionAction';
import {
  type ClientIntakeContext,
  emptyIntakeContext,
  type IntakeChange,
  type IntakeEntry,
  type IntakeFields,
  intakeChangeSchema,
  intakeContextSchema,
  intakeEntrySchema,
} from '../../../shared/intake/entry';
import {
  type ClientIntake,
  type IntakeReview,
  intakeReviewSchema,
  type ValidRequestOf,
} from '../../../shared/ipc/contract';
import { getClient } from '../clients/clientRepository';
import { CoreError } from '../coreError';
import {
  type BoundedRow,
  columnWords,
  type DamagedRow,
  labelOf,
  parseStoredJson,
  readBoundedRows,
  schemaProblem,
  shortLabel,
} from '../db/boundedRows';
import type { VaultDb } from '../db/database';
import { requireDraftNoteOfClient } from '../notes/noteOfClient';

/**
 * A client's intake: entries for what they take, each change kept as a dated snapshot
 * (optionally in the note it was made in), the clinical context the cautions read, the
 * "reviewed with the client" marks and what was done about each caution.
 */

type EntryRow = { id: string; client_id: string; fields_json: string; created_at: string; updated_at: string };
type EventRow = {
  entry_id: string;
  change: IntakeChange['change'];
  at: string;
  note_id: string | null;
  fields_json: string;
};

/** The most bytes each stored column may hold (3 a character): what the channels allow, ids and dates as written. */
const ENTRY_LIMITS: Record<keyof EntryRow, number> = {
  id: 108,
  client_id: 108,
  fields_json: 16_000,
  created_at: 120,
  updated_at: 120,
};
const EVENT_LIMITS: Record<keyof EventRow, number> = {
  entry_id: 108,
  change: 30,
  at: 120,
  note_id: 108,
  fields_json: 16_000,
};
const CONTEXT_LIMITS = { client_id: 108, context_json: 1_000 };
const REVIEW_LIMITS = { client_id: 108, note_id: 108, at: 120 };
const ACTION_LIMITS: Record<keyof ActionRow, number> = {
  id: 108,
  client_id: 108,
  note_id: 108,
  caution_id: 600,
  caution_title: 1_500,
  severity: 30,
  involves_json: 16_000,
  action: 60,
  reason: 6_000,
  kb_version: 120,
  at: 120,
};

const DAMAGED_HINT = 'It is listed under Settings → Data health, where it can be exported as raw JSON.';

type Judged<T> = { rowid: number; id: string; value: T; problem: null } | (DamagedRow & { value: null });

/** The row as its schema reads it (so fields added later get their defaults), or why it cannot be read. */
function judged<T>(rowid: number, id: string, value: T, schema: z.ZodType, what: string): Judged<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { rowid, id, value: parsed.data as T, problem: null };
  return { rowid, id, problem: `${what} cannot be read. ${schemaProblem(schema, value)}`, value: null };
}

/** A stored JSON column, parsed within the depth bound, or the damaged verdict on its row. */
function storedJson(text: string, column: string): { value: unknown } | { problem: string } {
  return parseStoredJson(text, columnWords(column));
}

function judgeEvent(db: VaultDb, read: BoundedRow<EventRow>): Judged<IntakeChange> {
  if (read.row === null) {
    const id = `${labelOf(db, 'intake_events', 'entry_id', read.rowid)} (history)`;
    return { rowid: read.rowid, id, problem: `Its ${columnWords(read.tooLong)} is far too large.`, value: null };
  }
  const row = read.row;
  const id = `${shortLabel(row.entry_id)} (history)`;
  const fields = storedJson(row.fields_json, 'fields_json');
  if ('problem' in fields) return { rowid: read.rowid, id, problem: fields.problem, value: null };
  const change = { at: row.at, change: row.change, noteId: row.note_id, fields: fields.value as IntakeFields };
  return judged(read.rowid, id, change, intakeChangeSchema, 'This intake change');
}

/** One entry row within bounds, with its history, or what is wrong with it. */
function judgeEntry(db: VaultDb, read: BoundedRow<EntryRow>, withHistory: boolean): Judged<IntakeEntry> {
  if (read.row === null) {
    const id = labelOf(db, 'intake_entries', 'id', read.rowid);
    return { rowid: read.rowid, id, problem: `Its ${columnWords(read.tooLong)} is far too large.`, value: null };
  }
  const row = read.row;
  const id = shortLabel(row.id);
  const fields = storedJson(row.fields_json, 'fields_json');
  if ('problem' in fields) return { rowid: read.rowid, id, problem: fields.problem, value: null };
  const history: IntakeChange[] = [];
  // Data health judges the row alone: a damaged change is its own record there, counted once.
  const events = withHistory
    ? readBoundedRows<EventRow>(db, 'intake_events', EVENT_LIMITS, 'entry_id = ?', [row.id])
    : [];
  for (const event of events) {
    const change = judgeEvent(db, event);
    if (change.value === null) {
      return { rowid: read.rowid, id, problem: `Its history cannot be read. ${change.problem}`, value: null };
    }
    history.push(change.value);
  }
  const entry: IntakeEntry = {
    id: row.id,
    clientId: row.client_id,
    fields: fields.value as IntakeFields,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history,
  };
  return judged(read.rowid, id, entry, intakeEntrySchema, 'This intake entry');
}

const readEntries = (db: VaultDb, where: string, params: unknown[], withHistory = true) =>
  readBoundedRows<EntryRow>(db, 'intake_entries', ENTRY_LIMITS, where, params).map((read) =>
    judgeEntry(db, read, withHistory),
  );

function findEntry(db: VaultDb, id: string): IntakeEntry {
  const [read] = readEntries(db, 'id = ?', [id]);
  if (!read) throw new CoreError('NOT_FOUND', 'That intake entry does not exist.');
  if (read.value === null) {
    throw new CoreError(
      'RECORD_DAMAGED',
      `This intake entry is damaged and cannot be shown or changed; nothing was recorded. ${read.problem} ${DAMAGED_HINT}`,
    );
  }
  return read.value;
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

function judgeContext(db: VaultDb, read: BoundedRow<{ client_id: string; context_json: string }>) {
  if (read.row === null) {
    const id = labelOf(db, 'intake_context', 'client_id', read.rowid);
    return { rowid: read.rowid, id, problem: 'The clinical context is far too large.', value: null };
  }
  const id = shortLabel(read.row.client_id);
  const parsed = storedJson(read.row.context_json, 'context_json');
  if ('problem' in parsed) return { rowid: read.rowid, id, problem: parsed.problem, value: null };
  // Older rows may lack a later question: it reads as not known (false).
  const context = { ...emptyIntakeContext, ...(parsed.value as object) } as ClientIntakeContext;
  return judged(read.rowid, id, context, intakeContextSchema, 'The clinical context');
}

const readContexts = (db: VaultDb, where: string, params: unknown[]) =>
  readBoundedRows<{ client_id: string; context_json: string }>(db, 'intake_context', CONTEXT_LIMITS, where, params).map(
    (read) => judgeContext(db, read),
  );

/** The client's clinical context; a damaged one reads as not set (the tab says a record could not be read). */
function readContext(db: VaultDb, clientId: string): ClientIntakeContext {
  return readContexts(db, 'client_id = ?', [clientId])[0]?.value ?? emptyIntakeContext;
}

export function setIntakeContext(
  db: VaultDb,
  clientId: string,
  context: ClientIntakeContext,
  now: Date,
): ClientIntakeContext {
  return db.transaction(() => {
    getClient(db, clientId);
    const [stored] = readContexts(db, 'client_id = ?', [clientId]);
    // A damaged context is never saved over unseen: the therapist exports it and removes
    // it under Data health (it is the current value, not history), then sets it again.
    if (stored && stored.value === null) {
      throw new CoreError(
        'RECORD_DAMAGED',
        `This client’s clinical context is damaged, so nothing was saved. ${stored.problem} Under Settings → Data health, export it as raw JSON, remove it with a reason, then set the context again.`,
      );
    }
    db.prepare(
      `INSERT INTO intake_context (client_id, context_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(client_id) DO UPDATE SET context_json = excluded.context_json, updated_at = excluded.updated_at`,
    ).run(clientId, JSON.stringify(context), now.toISOString());
    return readContext(db, clientId);
  })();
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

const actionOf = (row: ActionRow, involves: string[]): CautionAction => ({
  id: row.id,
  clientId: row.client_id,
  noteId: row.note_id,
  cautionId: row.caution_id,
  cautionTitle: row.caution_title,
  severity: row.severity,
  involves,
  action: row.action,
  reason: row.reason,
  kbVersion: row.kb_version,
  at: row.at,
});

function judgeAction(db: VaultDb, read: BoundedRow<ActionRow>): Judged<CautionAction> {
  if (read.row === null) {
    const id = labelOf(db, 'caution_actions', 'id', read.rowid);
    return { rowid: read.rowid, id, problem: `Its ${columnWords(read.tooLong)} is far too large.`, value: null };
  }
  const id = shortLabel(read.row.id);
  const involves = storedJson(read.row.involves_json, 'involves_json');
  if ('problem' in involves) return { rowid: read.rowid, id, problem: involves.problem, value: null };
  return judged(
    read.rowid,
    id,
    actionOf(read.row, involves.value as string[]),
    cautionActionSchema,
    'This caution action',
  );
}

const readActions = (db: VaultDb, where: string, params: unknown[]) =>
  readBoundedRows<ActionRow>(db, 'caution_actions', ACTION_LIMITS, where, params).map((read) => judgeAction(db, read));

type ReviewRow = { client_id: string; note_id: string; at: string };

function judgeReview(db: VaultDb, read: BoundedRow<ReviewRow>): Judged<IntakeReview> {
  if (read.row === null) {
    const id = labelOf(db, 'intake_reviews', 'note_id', read.rowid);
    return { rowid: read.rowid, id, problem: `Its ${columnWords(read.tooLong)} is far too large.`, value: null };
  }
  const review = { noteId: read.row.note_id, at: read.row.at };
  return judged(read.rowid, shortLabel(read.row.note_id), review, intakeReviewSchema, 'This intake review');
}

const readReviews = (db: VaultDb, where: string, params: unknown[]) =>
  readBoundedRows<ReviewRow>(db, 'intake_reviews', REVIEW_LIMITS, where, params).map((read) => judgeReview(db, read));

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
    const [saved] = readActions(db, 'id = ?', [id]);
    if (!saved?.value) throw new CoreError('INTERNAL');
    return saved.value;
  })();
}

/** Readable rows only, in the order a list shows them (sorted here: see readBoundedRows). */
function readable<T>(rows: Judged<T>[], key: (value: T) => string): T[] {
  return rows
    .flatMap((row) => (row.value === null ? [] : [{ rowid: row.rowid, value: row.value }]))
    .sort((a, b) => {
      const [x, y] = [key(a.value), key(b.value)];
      return (x < y ? -1 : x > y ? 1 : 0) || a.rowid - b.rowid;
    })
    .map((row) => row.value);
}

/**
 * Everything the intake view needs about one client. A damaged row is left out (a
 * damaged context reads as not set); damagedIntakeRows counts them for the tab and
 * Data health lists them.
 */
export function clientIntake(db: VaultDb, clientId: string): ClientIntake {
  getClient(db, clientId);
  const byClient: [string, unknown[]] = ['client_id = ?', [clientId]];
  return {
    entries: readable(readEntries(db, ...byClient), (entry) => entry.createdAt),
    context: readContext(db, clientId),
    actions: readable(readActions(db, ...byClient), (action) => action.at),
    // Reviews in the order they were made (by id, which is the rowid).
    reviews: readable(readReviews(db, ...byClient), () => ''),
  };
}

const damagedOf = <T>(rows: Judged<T>[]): DamagedRow[] =>
  rows.flatMap((row) => (row.problem === null ? [] : [{ rowid: row.rowid, id: row.id, problem: row.problem }]));

/** Intake rows the app cannot read, by table (a client's only, when given), for Data health and the intake tab. */
export function damagedIntakeRows(
  db: VaultDb,
  table: 'intake_entries' | 'intake_events' | 'intake_context' | 'intake_reviews' | 'caution_actions',
  clientId?: string,
): DamagedRow[] {
  const [where, params]: [string, unknown[]] = clientId === undefined ? ['1', []] : ['client_id = ?', [clientId]];
  switch (table) {
    case 'intake_entries':
      return damagedOf(readEntries(db, where, params, false));
    case 'intake_events': {
      const [eventWhere, eventParams]: [string, unknown[]] =
        clientId === undefined
          ? ['1', []]
          : ['entry_id IN (SELECT id FROM intake_entries WHERE client_id = ?)', [clientId]];
      return damagedOf(
        readBoundedRows<EventRow>(db, 'intake_events', EVENT_LIMITS, eventWhere, eventParams).map((read) =>
          judgeEvent(db, read),
        ),
      );
    }
    case 'intake_context':
      return damagedOf(readContexts(db, where, params));
    case 'intake_reviews':
      return damagedOf(readReviews(db, where, params));
    case 'caution_actions':
      return damagedOf(readActions(db, where, params));
  }
}
