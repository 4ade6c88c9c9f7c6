import { randomUUID } from 'node:crypto';
import {
  ASKS_WHAT_WAS_LEARNED,
  type Assignment,
  type AssignmentEvent,
  type AssignmentInput,
  type AssignmentStatus,
  assignmentEventSchema,
  assignmentSchema,
  type Frequency,
  type ReviewInput,
} from '../../../shared/homework/assignment';
import { isHomeworkWorksheet, SAFETY_PLAN_NOT_HOMEWORK } from '../../../shared/safetyPlan/notHomework';
import type { RichTextDoc } from '../../../shared/templates/types';
import { builtInWorksheets, findBuiltInWorksheet } from '../../../shared/worksheets';
import { worksheetSchema } from '../../../shared/worksheets/schema';
import type { WorksheetDef } from '../../../shared/worksheets/types';
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
import { TEMPLATE_MAX_BYTES } from '../notes/noteRepository';

/**
 * Homework: the worksheet library (built-in plus the therapist's own), assignments
 * and their reviews. An assignment keeps a copy of the worksheet it was given on;
 * every status change is a dated event that is never changed or removed.
 */

/** A custom worksheet's definition as stored, or what is wrong with it (too large, not JSON, not a worksheet). */
export function parseStoredWorksheet(definition: string | null): WorksheetDef | string {
  if (definition === null) return 'This custom worksheet is far too large.';
  const parsed = parseStoredJson(definition, columnWords('definition'));
  if ('problem' in parsed) return `This custom worksheet cannot be read. ${parsed.problem}`;
  const problem = schemaProblem(worksheetSchema, parsed.value);
  return problem ? `This custom worksheet cannot be read. ${problem}` : (parsed.value as WorksheetDef);
}

/** Binary text order, as SQLite's ORDER BY on ISO timestamps. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type StoredWorksheet = { rowid: number; id: string; worksheet: WorksheetDef | string };

/** Every custom worksheet row, each read (within TEMPLATE_MAX_BYTES) or with its problem, oldest first. */
function storedWorksheets(db: VaultDb): StoredWorksheet[] {
  const rows = db
    .prepare(
      `SELECT rowid AS row_id, CASE WHEN octet_length(id) <= 192 THEN id ELSE substr(id, 1, 40) END AS id,
              CASE WHEN octet_length(definition) <= ${TEMPLATE_MAX_BYTES} THEN definition END AS definition,
              CASE WHEN octet_length(definition) <= ${TEMPLATE_MAX_BYTES} THEN created_at END AS created_at
       FROM custom_worksheets ORDER BY rowid`,
    )
    .all() as { row_id: number; id: string; definition: string | null; created_at: string | null }[];
  // Sorted here: ordering in SQL on created_at, stored after the definition, would read a huge one.
  rows.sort((a, b) => byText(a.created_at ?? '', b.created_at ?? '') || a.row_id - b.row_id);
  return rows.map((row) => {
    const worksheet = parseStoredWorksheet(row.definition);
    // A definition naming another id than its row would be saved over the wrong row.
    const mismatch = typeof worksheet !== 'string' && worksheet.id !== row.id;
    return {
      rowid: row.row_id,
      id: row.id,
      worksheet: mismatch ? 'This custom worksheet’s definition names another worksheet.' : worksheet,
    };
  });
}

/** The custom worksheets that can be read; a damaged one is left out (and listed under Data health). */
export function customWorksheets(db: VaultDb): WorksheetDef[] {
  return storedWorksheets(db).flatMap((each) => (typeof each.worksheet === 'string' ? [] : [each.worksheet]));
}

/** Custom worksheet rows the app cannot read, for Data health. */
export function damagedCustomWorksheets(db: VaultDb): DamagedRow[] {
  return storedWorksheets(db).flatMap((each) =>
    typeof each.worksheet === 'string' ? [{ rowid: each.rowid, id: shortLabel(each.id), problem: each.worksheet }] : [],
  );
}

export function listWorksheets(db: VaultDb): WorksheetDef[] {
  return [...builtInWorksheets, ...customWorksheets(db)];
}

/** The custom worksheet stored under this id, or a refusal when its row is damaged. */
function customWorksheet(db: VaultDb, id: string): WorksheetDef | undefined {
  const stored = storedWorksheets(db).find((each) => each.id === id);
  if (typeof stored?.worksheet === 'string') {
    throw new CoreError(
      'RECORD_DAMAGED',
      `The custom worksheet “${id}” is damaged and cannot be used. ${stored.worksheet} ${DAMAGED_HINT}`,
    );
  }
  return stored?.worksheet;
}

const DAMAGED_HINT = 'It is listed under Settings → Data health, where it can be exported as raw JSON.';

function findWorksheet(db: VaultDb, id: string): WorksheetDef {
  const worksheet = findBuiltInWorksheet(id) ?? customWorksheet(db, id);
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
  // A damaged row under this id is refused, never saved over: it is kept until removed under Data health.
  const existing = customWorksheet(db, worksheet.id);
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
  worksheet: string;
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
type EventRow = {
  assignment_id: string;
  status: AssignmentStatus;
  at: string;
  amount: string;
  barrier: string;
  learned: string;
  note_id: string | null;
};

/**
 * The most bytes each stored column may hold (3 a character): what the channels allow,
 * ids and timestamps as the core writes them. Instructions are one rich-text value at
 * its budget (1,000,000 characters in 100,000 nodes); the worksheet copy a definition.
 */
const ASSIGNMENT_LIMITS: Record<keyof AssignmentRow, number> = {
  id: 108,
  client_id: 108,
  note_id: 108,
  worksheet_id: 192,
  worksheet_version: 20,
  worksheet: TEMPLATE_MAX_BYTES,
  title: 600,
  instructions_json: 16 * 1024 * 1024,
  frequency_json: 2_000,
  start_date: 30,
  due_date: 30,
  target: 600,
  status: 30,
  created_at: 120,
  updated_at: 120,
};
const EVENT_LIMITS: Record<keyof EventRow, number> = {
  assignment_id: 108,
  status: 30,
  at: 120,
  amount: 300,
  barrier: 3_000,
  learned: 3_000,
  note_id: 108,
};

type ReadAssignment = { rowid: number; id: string; assignment: Assignment } | (DamagedRow & { assignment: null });

/**
 * One assignment row within bounds, with its history, or what is wrong with it. Data
 * health judges the row alone (`withHistory` false): a damaged event is its own record
 * there, so one damage is counted once.
 */
function judgeAssignment(db: VaultDb, read: BoundedRow<AssignmentRow>, withHistory: boolean): ReadAssignment {
  const damaged = (problem: string, id: string) => ({ rowid: read.rowid, id, problem, assignment: null });
  if (read.row === null) {
    return damaged(
      `The assignment’s ${columnWords(read.tooLong)} is far too large.`,
      labelOf(db, 'assignments', 'id', read.rowid),
    );
  }
  const row = read.row;
  const id = shortLabel(row.id);
  const json: Record<string, unknown> = {};
  for (const column of ['worksheet', 'instructions_json', 'frequency_json'] as const) {
    const parsed = parseStoredJson(row[column], columnWords(column));
    if ('problem' in parsed) return damaged(`The assignment cannot be read. ${parsed.problem}`, id);
    json[column] = parsed.value;
  }
  const history: AssignmentEvent[] = [];
  const events = withHistory
    ? readBoundedRows<EventRow>(db, 'assignment_events', EVENT_LIMITS, 'assignment_id = ?', [row.id])
    : [];
  for (const event of events) {
    const problem = assignmentEventProblem(event);
    if (problem) return damaged(`The assignment’s history cannot be read. ${problem}`, id);
    history.push(eventOf(event.row as EventRow));
  }
  const assignment: Assignment = {
    id: row.id,
    clientId: row.client_id,
    noteId: row.note_id,
    worksheetId: row.worksheet_id,
    worksheetVersion: row.worksheet_version,
    title: row.title,
    instructions: json.instructions_json as RichTextDoc & { type: 'doc' },
    frequency: json.frequency_json as Frequency,
    startDate: row.start_date,
    dueDate: row.due_date,
    target: row.target,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history,
  };
  const problem = schemaProblem(assignmentSchema, assignment);
  return problem ? damaged(`The assignment cannot be read. ${problem}`, id) : { rowid: read.rowid, id, assignment };
}

const eventOf = (event: EventRow): AssignmentEvent => ({
  status: event.status,
  at: event.at,
  amount: event.amount,
  barrier: event.barrier,
  learned: event.learned,
  noteId: event.note_id,
});

function assignmentEventProblem(event: BoundedRow<EventRow>): string | null {
  if (event.row === null) return `Its ${columnWords(event.tooLong)} is far too large.`;
  return schemaProblem(assignmentEventSchema, eventOf(event.row));
}

const readAssignments = (db: VaultDb, where: string, params: unknown[], withHistory = true) =>
  readBoundedRows<AssignmentRow>(db, 'assignments', ASSIGNMENT_LIMITS, where, params).map((read) =>
    judgeAssignment(db, read, withHistory),
  );

function findAssignment(db: VaultDb, id: string): Assignment {
  const [read] = readAssignments(db, 'id = ?', [id]);
  if (!read) throw new CoreError('NOT_FOUND', 'That assignment does not exist.');
  if (read.assignment === null) {
    throw new CoreError(
      'RECORD_DAMAGED',
      `This assignment is damaged and cannot be shown or reviewed; nothing was recorded. ${read.problem} ${DAMAGED_HINT}`,
    );
  }
  return read.assignment;
}

/** Assignments the app cannot read (a client's only, when given), for Data health and the homework tab. */
export function damagedAssignments(db: VaultDb, clientId?: string): DamagedRow[] {
  const [where, params] = clientId === undefined ? ['1', []] : ['client_id = ?', [clientId]];
  return readAssignments(db, where, params, false).flatMap((read) =>
    read.assignment === null ? [{ rowid: read.rowid, id: read.id, problem: read.problem }] : [],
  );
}

/** Assignment events the app cannot read (of a client's assignments only, when given), for Data health. */
export function damagedAssignmentEvents(db: VaultDb, clientId?: string): DamagedRow[] {
  const [where, params] =
    clientId === undefined
      ? ['1', []]
      : ['assignment_id IN (SELECT id FROM assignments WHERE client_id = ?)', [clientId]];
  return readBoundedRows<EventRow>(db, 'assignment_events', EVENT_LIMITS, where, params).flatMap((event) => {
    const problem = assignmentEventProblem(event);
    if (!problem) return [];
    const id = event.row
      ? shortLabel(event.row.assignment_id)
      : labelOf(db, 'assignment_events', 'assignment_id', event.rowid);
    return [{ rowid: event.rowid, id: `${id} (history)`, problem }];
  });
}

function insertEvent(db: VaultDb, assignmentId: string, event: AssignmentEvent): void {
  db.prepare(
    `INSERT INTO assignment_events (assignment_id, status, at, amount, barrier, learned, note_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(assignmentId, event.status, event.at, event.amount, event.barrier, event.learned, event.noteId);
}

export function assignHomework(db: VaultDb, input: AssignmentInput, now: Date): Assignment {
  if (!isHomeworkWorksheet(input.worksheetId)) {
    throw new CoreError('INVALID_REQUEST', SAFETY_PLAN_NOT_HOMEWORK, { field: 'assignment.worksheetId' });
  }
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
    insertEvent(db, id, { status: 'assigned', at, amount: '', barrier: '', learned: '', noteId: input.noteId });
    return findAssignment(db, id);
  })();
}

/**
 * The client's assignments, newest first. A damaged one (or one whose history is) is
 * left out; damagedAssignments counts it for the tab and Data health lists it.
 */
export function listHomework(db: VaultDb, clientId: string): Assignment[] {
  getClient(db, clientId);
  return readAssignments(db, 'client_id = ?', [clientId])
    .flatMap((read) => (read.assignment === null ? [] : [{ rowid: read.rowid, assignment: read.assignment }]))
    .sort((a, b) => byText(b.assignment.createdAt, a.assignment.createdAt) || b.rowid - a.rowid)
    .map((each) => each.assignment);
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
      // Kept only where it was asked: a status changed on the way must not leave it behind.
      learned: ASKS_WHAT_WAS_LEARNED.includes(review.status) ? review.learned : '',
      noteId: review.noteId,
    });
    db.prepare('UPDATE assignments SET status = ?, updated_at = ? WHERE id = ?').run(review.status, at, review.id);
    return findAssignment(db, review.id);
  })();
}
