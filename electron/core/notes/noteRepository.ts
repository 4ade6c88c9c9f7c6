import {
  type Addendum,
  addendumSchema,
  type NoteStatus,
  type NoteSummary,
  noteSummarySchema,
  type RevisionSummary,
} from '../../../shared/notes/note';
import { templateSchema } from '../../../shared/templates/schema';
import type { NoteKind, NoteValues, RichTextDoc, TemplateDef } from '../../../shared/templates/types';
import { describeRichTextProblem, richTextProblem } from '../../../shared/templates/values';
import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';

/** SQL for notes, revisions and addenda: plain functions over a handle, parameters bound. */

type NoteRow = {
  id: string;
  client_id: string;
  template_id: string;
  template_version: number;
  template_name: string;
  template: string;
  note_kind: NoteKind;
  session_number: number | null;
  values_json: string;
  status: NoteStatus;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  signed_by: string | null;
  content_hash: string | null;
};

export type StoredNote = NoteSummary & {
  template: TemplateDef;
  values: NoteValues;
  signedBy: string | null;
  contentHash: string | null;
};

function summaryOf(row: NoteRow): NoteSummary {
  return {
    id: row.id,
    clientId: row.client_id,
    templateId: row.template_id,
    templateName: row.template_name,
    noteKind: row.note_kind,
    status: row.status,
    sessionNumber: row.session_number,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
  };
}

/**
 * Stored note content is read only within bounds, so a row that did not come through
 * the app (an old import, damage) is shown as a damaged record instead of breaking a
 * screen: sizes are judged in SQL before a value is read (octet_length reads no
 * overflow page), then parsed, then walked iteratively (never recursively, so a value
 * 20,000 levels deep cannot overflow a stack).
 */
/** A note's values: about 30 rich-text fields at their 1,000,000-character budget, plus room. */
export const NOTE_VALUES_MAX_BYTES = 64 * 1024 * 1024;
/** A template copy: a few hundred fields of labels and options. */
export const TEMPLATE_MAX_BYTES = 1024 * 1024;
/** A value's JSON nesting: a group row's rich text at its depth budget needs about 106. */
const VALUES_MAX_DEPTH = 120;
/** Summary columns (ids, names, dates) that a list reads. */
const SUMMARY_MAX_BYTES = 1_000;

/** The summary columns, each over SUMMARY_MAX_BYTES left unread (null), from table alias `t` when given. */
function noteColumns(t = ''): string {
  const guarded = (column: string) =>
    `CASE WHEN octet_length(${t}${column}) <= ${SUMMARY_MAX_BYTES} THEN ${t}${column} END AS ${column}`;
  return [
    `${t}rowid AS row_id`,
    ...['id', 'client_id', 'template_id', 'template_name', 'created_at', 'updated_at', 'signed_at'].map(guarded),
    ...['template_version', 'note_kind', 'session_number', 'status'].map((column) => `${t}${column}`),
  ].join(', ');
}

/** The summary columns plus the content, judged by size before it is read. */
function noteContentColumns(): string {
  const guarded = (column: string) =>
    `CASE WHEN octet_length(${column}) <= ${SUMMARY_MAX_BYTES} THEN ${column} END AS ${column}`;
  return `${noteColumns()}, ${guarded('signed_by')}, ${guarded('content_hash')},
    octet_length(template) AS template_bytes,
    CASE WHEN octet_length(template) <= ${TEMPLATE_MAX_BYTES} THEN template END AS template,
    octet_length(values_json) AS values_bytes,
    CASE WHEN octet_length(values_json) <= ${NOTE_VALUES_MAX_BYTES} THEN values_json END AS values_json`;
}

type GuardedNoteRow = NoteRow & { row_id: number; template_bytes: number; values_bytes: number };

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** What is wrong with a note's list entry (ids, names, dates), or null. */
export function noteSummaryProblem(row: NoteRow): string | null {
  const parsed = noteSummarySchema.safeParse(summaryOf(row));
  if (parsed.success) return null;
  const field = String(parsed.error.issues[0]?.path[0] ?? 'record');
  if (field === 'id') return 'The note id is not a UUID.';
  if (field === 'clientId') return 'The note’s client id is not a UUID.';
  return `The note’s ${field} cannot be read.`;
}

/**
 * How deep a JSON value nests, walked iteratively; stops counting past `limit` (the
 * answer is then the depth reached on the deepest path walked, at least limit + 1).
 */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    deepest = Math.max(deepest, next.depth);
    // Follow a deep path to its end for the report, but never wider than needed.
    const children = Object.values(next.value);
    if (next.depth > limit) {
      let child: unknown = children.find((item) => typeof item === 'object' && item !== null);
      let depth = next.depth;
      while (typeof child === 'object' && child !== null && depth < 10_000_000) {
        depth += 1;
        child = Object.values(child).find((item) => typeof item === 'object' && item !== null);
      }
      return Math.max(deepest, depth);
    }
    for (const child of children) pending.push({ value: child, depth: next.depth + 1 });
  }
  return deepest;
}

/** What is wrong with a note's stored values for its template, or null when they can be shown. */
export function storedValuesProblem(template: TemplateDef, values: unknown, what = 'note'): string | null {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return `The ${what}’s content is not a set of fields.`;
  }
  const depth = jsonDepth(values, VALUES_MAX_DEPTH);
  if (depth > VALUES_MAX_DEPTH) {
    return `The ${what}’s content nests ${depth.toLocaleString('en')} levels deep (at most ${VALUES_MAX_DEPTH} can be shown).`;
  }
  const record = values as Record<string, unknown>;
  for (const section of template.sections) {
    for (const field of section.fields) {
      const value = Object.hasOwn(record, field.id) ? record[field.id] : undefined;
      if (field.kind === 'richText' && value !== null && value !== undefined) {
        const problem = richTextProblem(value);
        if (problem) return `“${field.label}” ${describeRichTextProblem(problem).replace('to save', 'to show')}`;
      }
      if (field.kind === 'group' && Array.isArray(value)) {
        for (const row of value) {
          if (typeof row !== 'object' || row === null) continue;
          for (const sub of field.fields) {
            const cell = (row as Record<string, unknown>)[sub.id];
            if (sub.kind !== 'richText' || cell === null || cell === undefined) continue;
            const problem = richTextProblem(cell);
            if (problem) return `“${sub.label}” ${describeRichTextProblem(problem).replace('to save', 'to show')}`;
          }
        }
      }
    }
  }
  return null;
}

/** A stored note as the app can show it, or what is wrong with it. */
type JudgedTemplate = TemplateDef | 'unrecognised' | 'notJson';
/**
 * Template copies already judged in one scan: thousands of notes share a handful of
 * them. Keyed by template id and version, then compared whole (a plain string compare,
 * far cheaper than hashing the text or parsing it again).
 */
type TemplateCache = Map<string, { text: string; judged: JudgedTemplate }>;

function readTemplateCopy(text: string, key: string, cache?: TemplateCache): JudgedTemplate {
  const known = cache?.get(key);
  if (known !== undefined && known.text === text) return known.judged;
  let judged: JudgedTemplate;
  try {
    // Kept as stored (the schema trims labels): only whether it passes matters here.
    const template = JSON.parse(text) as TemplateDef;
    judged = templateSchema.safeParse(template).success ? template : 'unrecognised';
  } catch {
    judged = 'notJson';
  }
  if (known === undefined) cache?.set(key, { text, judged });
  return judged;
}

function readNoteRow(row: GuardedNoteRow, cache?: TemplateCache): { note: StoredNote } | { problem: string } {
  const summaryProblem = noteSummaryProblem(row);
  if (summaryProblem) return { problem: summaryProblem };
  if (row.template === null)
    return { problem: `The note’s template copy is far too large (${mebibytes(row.template_bytes)}).` };
  if (row.values_json === null)
    return { problem: `The note’s content is far too large (${mebibytes(row.values_bytes)}).` };
  const template = readTemplateCopy(row.template, `${row.template_id}\u0000${row.template_version}`, cache);
  if (template === 'notJson') return { problem: 'The note’s template copy is not valid JSON.' };
  if (template === 'unrecognised') return { problem: 'The note’s template copy is not a template the app recognises.' };
  let values: unknown;
  try {
    values = JSON.parse(row.values_json);
  } catch {
    return { problem: 'The note’s content is not valid JSON.' };
  }
  const valuesProblem = storedValuesProblem(template, values);
  if (valuesProblem) return { problem: valuesProblem };
  return {
    note: {
      ...summaryOf(row),
      template,
      values: values as NoteValues,
      signedBy: row.signed_by,
      contentHash: row.content_hash,
    },
  };
}

export const DAMAGED_NOTE_HINT =
  'It is listed under Settings → Data health, where it can be exported as raw JSON; the record is kept.';

function damagedNote(problem: string): CoreError {
  return new CoreError('RECORD_DAMAGED', `This note is damaged and cannot be shown. ${problem} ${DAMAGED_NOTE_HINT}`);
}

/** Every note as the app reads it, for Data health: rowid, id (cut short) and the problem of each damaged one. */
export function damagedNotes(db: VaultDb): { rowid: number; id: string; problem: string }[] {
  const cache: TemplateCache = new Map();
  const damaged: { rowid: number; id: string; problem: string }[] = [];
  for (const row of db
    .prepare(`SELECT ${noteContentColumns()} FROM notes ORDER BY rowid`)
    .iterate() as Iterable<GuardedNoteRow>) {
    const read = readNoteRow(row, cache);
    if ('problem' in read)
      damaged.push({ rowid: row.row_id, id: String(row.id ?? '').slice(0, 40), problem: read.problem });
  }
  return damaged;
}

export function findNote(db: VaultDb, id: string): StoredNote {
  const row = db.prepare(`SELECT ${noteContentColumns()} FROM notes WHERE id = ?`).get(id) as
    | GuardedNoteRow
    | undefined;
  if (!row) throw new CoreError('NOT_FOUND', 'That note does not exist.');
  const read = readNoteRow(row);
  if ('problem' in read) throw damagedNote(read.problem);
  return read.note;
}

export function insertNote(
  db: VaultDb,
  note: {
    id: string;
    clientId: string;
    template: TemplateDef;
    sessionNumber: number | null;
    values: NoteValues;
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO notes (id, client_id, template_id, template_version, template_name, template, note_kind,
       session_number, values_json, status, created_at, updated_at)
     VALUES (@id, @clientId, @templateId, @templateVersion, @templateName, @template, @noteKind,
       @sessionNumber, @values, 'draft', @at, @at)`,
  ).run({
    id: note.id,
    clientId: note.clientId,
    templateId: note.template.id,
    templateVersion: note.template.version,
    templateName: note.template.name,
    template: JSON.stringify(note.template),
    noteKind: note.template.noteKind,
    sessionNumber: note.sessionNumber,
    values: JSON.stringify(note.values),
    at: note.at,
  });
}

export function updateNoteValues(db: VaultDb, id: string, values: NoteValues, at: string): void {
  db.prepare("UPDATE notes SET values_json = ?, updated_at = ? WHERE id = ? AND status = 'draft'").run(
    JSON.stringify(values),
    at,
    id,
  );
}

export function markSigned(db: VaultDb, id: string, signed: { at: string; by: string; hash: string }): void {
  db.prepare(
    "UPDATE notes SET status = 'signed', signed_at = @at, signed_by = @by, content_hash = @hash, updated_at = @at WHERE id = @id AND status = 'draft'",
  ).run({ id, ...signed });
}

export function listNotesForClient(db: VaultDb, clientId: string): NoteSummary[] {
  const rows = db
    .prepare(`SELECT ${noteColumns()} FROM notes WHERE client_id = ? ORDER BY created_at DESC, rowid DESC`)
    .all(clientId) as NoteRow[];
  // A row whose list entry cannot be read is left out here and listed under Data health.
  return rows.filter((row) => noteSummaryProblem(row) === null).map(summaryOf);
}

/** The client's newest progress note, for "start from previous note". */
export function latestProgressNote(db: VaultDb, clientId: string): StoredNote | null {
  const row = db
    .prepare(
      `SELECT ${noteContentColumns()} FROM notes WHERE client_id = ? AND note_kind = 'progress'
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(clientId) as GuardedNoteRow | undefined;
  if (!row) return null;
  // A damaged previous note carries nothing forward rather than stopping the new one.
  const read = readNoteRow(row);
  return 'note' in read ? read.note : null;
}

/**
 * The client's progress notes, newest first, read one at a time (the caller stops at the
 * first it needs). A damaged note is skipped; Data health lists it. Psychotherapy notes
 * are kept apart from the record and are not read here.
 */
export function* progressNotesNewestFirst(db: VaultDb, clientId: string): Generator<StoredNote> {
  const cache: TemplateCache = new Map();
  for (const row of db
    .prepare(
      `SELECT ${noteContentColumns()} FROM notes WHERE client_id = ? AND note_kind = 'progress'
       ORDER BY created_at DESC, rowid DESC`,
    )
    .iterate(clientId) as Iterable<GuardedNoteRow>) {
    const read = readNoteRow(row, cache);
    if ('note' in read) yield read.note;
  }
}

export function nextSessionNumber(db: VaultDb, clientId: string): number {
  const row = db
    .prepare('SELECT COALESCE(MAX(session_number), 0) + 1 AS next FROM notes WHERE client_id = ?')
    .get(clientId) as { next: number };
  return row.next;
}

export function overdueDrafts(db: VaultDb, olderThan: string): (NoteSummary & { clientName: string })[] {
  const rows = db
    .prepare(
      `SELECT ${noteColumns('n.')},
              CASE WHEN octet_length(c.display_name) <= ${SUMMARY_MAX_BYTES} THEN c.display_name END AS client_name
       FROM notes n JOIN clients c ON c.id = n.client_id
       WHERE n.status = 'draft' AND n.created_at < ? ORDER BY n.created_at`,
    )
    .all(olderThan) as (NoteRow & { client_name: string | null })[];
  // Damaged rows (a note or client the app cannot read) are left out: Data health lists them.
  return rows
    .filter((row) => row.client_name !== null && noteSummaryProblem(row) === null)
    .map((row) => ({ ...summaryOf(row), clientName: row.client_name ?? '' }));
}

type RevisionRow = {
  id: number;
  created_at: string;
  updated_at: string;
  reason: RevisionSummary['reason'];
  values_json: string;
};

export function lastRevision(db: VaultDb, noteId: string): RevisionRow | null {
  return (
    (db.prepare('SELECT * FROM note_revisions WHERE note_id = ? ORDER BY id DESC LIMIT 1').get(noteId) as
      | RevisionRow
      | undefined) ?? null
  );
}

export function insertRevision(
  db: VaultDb,
  noteId: string,
  reason: RevisionSummary['reason'],
  values: NoteValues,
  at: string,
): void {
  db.prepare(
    'INSERT INTO note_revisions (note_id, created_at, updated_at, reason, values_json) VALUES (?, ?, ?, ?, ?)',
  ).run(noteId, at, at, reason, JSON.stringify(values));
}

export function updateRevision(db: VaultDb, revisionId: number, values: NoteValues, at: string): void {
  db.prepare('UPDATE note_revisions SET values_json = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(values),
    at,
    revisionId,
  );
}

export function listRevisions(db: VaultDb, noteId: string): RevisionSummary[] {
  const rows = db
    .prepare('SELECT id, created_at, updated_at, reason FROM note_revisions WHERE note_id = ? ORDER BY id DESC')
    .all(noteId) as RevisionRow[];
  // A coalesced revision is shown at the time of its last save.
  return rows.map((row) => ({ id: row.id, createdAt: row.updated_at, reason: row.reason }));
}

export function findRevision(
  db: VaultDb,
  noteId: string,
  revisionId: number,
): { id: number; createdAt: string; values: NoteValues } {
  const row = db
    .prepare(
      `SELECT r.id, r.updated_at, octet_length(r.values_json) AS values_bytes,
              CASE WHEN octet_length(r.values_json) <= ${NOTE_VALUES_MAX_BYTES} THEN r.values_json END AS values_json,
              CASE WHEN octet_length(n.template) <= ${TEMPLATE_MAX_BYTES} THEN n.template END AS template
       FROM note_revisions r JOIN notes n ON n.id = r.note_id WHERE r.id = ? AND r.note_id = ?`,
    )
    .get(revisionId, noteId) as
    | { id: number; updated_at: string; values_bytes: number; values_json: string | null; template: string | null }
    | undefined;
  if (!row) throw new CoreError('NOT_FOUND', 'That revision does not exist.');
  const damaged = (problem: string) =>
    new CoreError('RECORD_DAMAGED', `This revision is damaged and cannot be shown. ${problem} ${DAMAGED_NOTE_HINT}`);
  if (row.values_json === null) throw damaged(`Its content is far too large (${mebibytes(row.values_bytes)}).`);
  let values: unknown;
  let template: TemplateDef | null = null;
  try {
    values = JSON.parse(row.values_json);
  } catch {
    throw damaged('Its content is not valid JSON.');
  }
  try {
    const parsed = JSON.parse(row.template ?? '') as TemplateDef;
    if (templateSchema.safeParse(parsed).success) template = parsed;
  } catch {
    // The note itself is damaged then, and findNote says so; the revision is judged alone.
  }
  const problem = storedValuesProblem(template ?? ({ sections: [] } as unknown as TemplateDef), values, 'revision');
  if (problem) throw damaged(problem);
  return { id: row.id, createdAt: row.updated_at, values: values as NoteValues };
}

/** What is wrong with an addendum's stored text, or null. */
export function addendumTextProblem(textJson: string | null, bytes: number): string | null {
  if (textJson === null) return `The addendum is far too large (${mebibytes(bytes)}).`;
  let text: unknown;
  try {
    text = JSON.parse(textJson);
  } catch {
    return 'The addendum’s text is not valid JSON.';
  }
  const problem = richTextProblem(text);
  return problem ? `The addendum ${describeRichTextProblem(problem).replace('to save', 'to show')}` : null;
}

/** Shown in place of an addendum's text that cannot be shown: it stays in the record, flagged. */
function damagedAddendumText(problem: string): RichTextDoc & { type: 'doc' } {
  const say = `This addendum is damaged and cannot be shown. ${problem} ${DAMAGED_NOTE_HINT}`;
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: say }] }] };
}

type AddendumRow = {
  id: string;
  note_id: string;
  text_json: string;
  created_at: string;
  signed_by: string;
  content_hash: string;
};

/**
 * A note's addenda. One whose text cannot be shown stays in the list with a notice in
 * its place (it is signed clinical history: it must not silently disappear); one whose
 * ids or dates cannot be read is left out and listed under Data health.
 */
export function listAddenda(db: VaultDb, noteId: string): Addendum[] {
  const rows = db
    .prepare(
      `SELECT id, note_id, created_at, signed_by, content_hash, octet_length(text_json) AS text_bytes,
              CASE WHEN octet_length(text_json) <= ${NOTE_VALUES_MAX_BYTES} THEN text_json END AS text_json
       FROM addenda WHERE note_id = ? ORDER BY created_at, rowid`,
    )
    .all(noteId) as (Omit<AddendumRow, 'text_json'> & { text_json: string | null; text_bytes: number })[];
  const addenda: Addendum[] = [];
  for (const row of rows) {
    const problem = addendumTextProblem(row.text_json, row.text_bytes);
    const addendum = {
      id: row.id,
      noteId: row.note_id,
      text: problem ? damagedAddendumText(problem) : (JSON.parse(row.text_json ?? '') as RichTextDoc & { type: 'doc' }),
      createdAt: row.created_at,
      signedBy: row.signed_by,
      contentHash: row.content_hash,
    };
    if (addendumSchema.safeParse(addendum).success) addenda.push(addendum);
  }
  return addenda;
}

export function insertAddendum(db: VaultDb, addendum: Addendum): void {
  db.prepare(
    'INSERT INTO addenda (id, note_id, text_json, created_at, signed_by, content_hash) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    addendum.id,
    addendum.noteId,
    JSON.stringify(addendum.text),
    addendum.createdAt,
    addendum.signedBy,
    addendum.contentHash,
  );
}

/** Custom templates in use; one that cannot be read is left out (and listed under Data health). */
export function customTemplates(db: VaultDb): TemplateDef[] {
  const rows = db
    .prepare(
      `SELECT CASE WHEN octet_length(definition) <= ${TEMPLATE_MAX_BYTES} THEN definition END AS definition
       FROM custom_templates WHERE deleted_at IS NULL ORDER BY created_at`,
    )
    .all() as { definition: string | null }[];
  return rows.flatMap((row) => {
    const template = parseTemplate(row.definition);
    return template ? [template] : [];
  });
}

/** A stored template definition, or null when it is not one the app can use. */
export function parseTemplate(definition: string | null): TemplateDef | null {
  if (definition === null) return null;
  try {
    const template = JSON.parse(definition) as TemplateDef;
    return templateSchema.safeParse(template).success ? template : null;
  } catch {
    return null;
  }
}
