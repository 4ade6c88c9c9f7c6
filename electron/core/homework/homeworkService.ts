import { randomUUID } from 'node:crypto';
import type {
  Assignment,
  AssignmentEvent,
  AssignmentInput,
  AssignmentStatus,
  Frequency,
  ReviewInput,
} from '../../../shared/homework/assignment';
import type { RichTextDoc } from '../../../shared/templates/types';
import { builtInWorksheets, findBuiltInWorksheet } from '../../../shared/worksheets';
import type { WorksheetDef } from '../../../shared/worksheets/types';
import { getClient } from '../clients/clientRepository';
import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { requireDraftNoteOfClient } from '../notes/noteOfClient';

/**
 * Homework: the worksheet library (built-in plus the therapist's own), assignments
 * and their reviews. An assignment keeps a copy of the worksheet it was given on;
 * every status change is a dated event that is never changed or removed.
 */

export function customWorksheets(db: VaultDb): WorksheetDef[] {
  const rows = db.prepare('SELECT definition FROM custom_worksheets ORDER BY created_at').all() as {
    definition: string;
  }[];
  return rows.map((row) => JSON.parse(row.definition) as WorksheetDef);
}

export function listWorksheets(db: VaultDb): WorksheetDef[] {
  return [...builtInWorksheets, ...customWorksheets(db)];
}

function findWorksheet(db: VaultDb, id: string): WorksheetDef {
  const worksheet = findBuiltInWorksheet(id) ?? customWorksheets(db).find((each) => each.id === id);
  if (!worksheet) throw new CoreError('NOT_FOUND', 'That worksheet does not exist.');
  return worksheet;
}

export function saveCustomWorksheet(db: VaultDb, worksheet: WorksheetDef, now: Date): WorksheetDef {
  if (findBuiltInWorksheet(worksheet.id)) {
    throw new CoreError('INVALID_REQUEST', 'Library worksheets cannot be changed: duplicate one and edit the copy.', {
      field: 'worksheet.id',
    });
  }
  const at = now.toISOString();
  const existing = customWorksheets(db).find((each) => each.id === worksheet.id);
  const saved: WorksheetDef = { ...worksheet, builtIn: false, version: existing ? existing.version + 1 : 1 };
  db.prepare(
    `INSERT INTO custom_worksheets (id, definition, created_at, updated_at) VALUES (@id, @definition, @at, @at)
     ON CONFLICT(id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
  ).run({ id: saved.id, definition: JSON.stringify(saved), at });
  return saved;
}

type AssignmentRow = {
  id: string;
  client_id: string;
  note_id: string | null;
  worksheet_id: string;
  worksheet_version: number;
  title: string;
  instructions_json: string;
  frequency_json: string;
  start_date: string;
  due_date: string;
  target: string;
  status: AssignmentStatus;
  created_at: string;
  updated_at: string;
};
type EventRow = { status: AssignmentStatus; at: string; amount: string; barrier: string; note_id: string | null };

function assignmentOf(db: VaultDb, row: AssignmentRow): Assignment {
  const events = db
    .prepare('SELECT status, at, amount, barrier, note_id FROM assignment_events WHERE assignment_id = ? ORDER BY id')
    .all(row.id) as EventRow[];
  const history: AssignmentEvent[] = events.map((event) => ({
    status: event.status,
    at: event.at,
    amount: event.amount,
    barrier: event.barrier,
    noteId: event.note_id,
  }));
  return {
    id: row.id,
    clientId: row.client_id,
    noteId: row.note_id,
    worksheetId: row.worksheet_id,
    worksheetVersion: row.worksheet_version,
    title: row.title,
    instructions: JSON.parse(row.instructions_json) as RichTextDoc & { type: 'doc' },
    frequency: JSON.parse(row.frequency_json) as Frequency,
    startDate: row.start_date,
    dueDate: row.due_date,
    target: row.target,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history,
  };
}

function findAssignment(db: VaultDb, id: string): Assignment {
  const row = db.prepare('SELECT * FROM assignments WHERE id = ?').get(id) as AssignmentRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', 'That assignment does not exist.');
  return assignmentOf(db, row);
}

function insertEvent(db: VaultDb, assignmentId: string, event: AssignmentEvent): void {
  db.prepare(
    'INSERT INTO assignment_events (assignment_id, status, at, amount, barrier, note_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(assignmentId, event.status, event.at, event.amount, event.barrier, event.noteId);
}

export function assignHomework(db: VaultDb, input: AssignmentInput, now: Date): Assignment {
  if (input.dueDate < input.startDate) {
    throw new CoreError('INVALID_REQUEST', 'The review date cannot be before the start date.', {
      field: 'assignment.dueDate',
    });
  }
  return db.transaction(() => {
    getClient(db, input.clientId);
    if (input.noteId) requireDraftNoteOfClient(db, input.noteId, input.clientId);
    const worksheet = findWorksheet(db, input.worksheetId);
    const id = randomUUID();
    const at = now.toISOString();
    db.prepare(
      `INSERT INTO assignments (id, client_id, note_id, worksheet_id, worksheet_version, worksheet, title,
         instructions_json, frequency_json, start_date, due_date, target, status, created_at, updated_at)
       VALUES (@id, @clientId, @noteId, @worksheetId, @worksheetVersion, @worksheet, @title, @instructions,
         @frequency, @startDate, @dueDate, @target, 'assigned', @at, @at)`,
    ).run({
      id,
      clientId: input.clientId,
      noteId: input.noteId,
      worksheetId: worksheet.id,
      worksheetVersion: worksheet.version,
      worksheet: JSON.stringify(worksheet),
      title: input.title,
      instructions: JSON.stringify(input.instructions),
      frequency: JSON.stringify(input.frequency),
      startDate: input.startDate,
      dueDate: input.dueDate,
      target: input.target,
      at,
    });
    insertEvent(db, id, { status: 'assigned', at, amount: '', barrier: '', noteId: input.noteId });
    return findAssignment(db, id);
  })();
}

export function listHomework(db: VaultDb, clientId: string): Assignment[] {
  getClient(db, clientId);
  const rows = db
    .prepare('SELECT * FROM assignments WHERE client_id = ? ORDER BY created_at DESC, rowid DESC')
    .all(clientId) as AssignmentRow[];
  return rows.map((row) => assignmentOf(db, row));
}

/** Records a review; the assignment's status follows, the event is kept forever. */
export function reviewHomework(db: VaultDb, review: ReviewInput, now: Date): Assignment {
  return db.transaction(() => {
    const assignment = findAssignment(db, review.id);
    if (review.noteId) requireDraftNoteOfClient(db, review.noteId, assignment.clientId);
    const at = now.toISOString();
    insertEvent(db, review.id, {
      status: review.status,
      at,
      amount: review.status === 'partial' ? review.amount : '',
      barrier: review.status === 'notDone' ? review.barrier : '',
      noteId: review.noteId,
    });
    db.prepare('UPDATE assignments SET status = ?, updated_at = ? WHERE id = ?').run(review.status, at, review.id);
    return findAssignment(db, review.id);
  })();
}
