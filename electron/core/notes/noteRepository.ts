import type { Addendum, NoteStatus, NoteSummary, RevisionSummary } from '../../../shared/notes/note';
import type { NoteKind, NoteValues, RichTextDoc, TemplateDef } from '../../../shared/templates/types';
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

function noteOf(row: NoteRow): StoredNote {
  return {
    ...summaryOf(row),
    template: JSON.parse(row.template) as TemplateDef,
    values: JSON.parse(row.values_json) as NoteValues,
    signedBy: row.signed_by,
    contentHash: row.content_hash,
  };
}

export function findNote(db: VaultDb, id: string): StoredNote {
  const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', 'That note does not exist.');
  return noteOf(row);
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
    .prepare(
      `SELECT id, client_id, template_id, template_version, template_name, note_kind, session_number, status,
              created_at, updated_at, signed_at
       FROM notes WHERE client_id = ? ORDER BY created_at DESC, rowid DESC`,
    )
    .all(clientId) as NoteRow[];
  return rows.map(summaryOf);
}

/** The client's newest progress note, for "start from previous note". */
export function latestProgressNote(db: VaultDb, clientId: string): StoredNote | null {
  const row = db
    .prepare(
      "SELECT * FROM notes WHERE client_id = ? AND note_kind = 'progress' ORDER BY created_at DESC, rowid DESC LIMIT 1",
    )
    .get(clientId) as NoteRow | undefined;
  return row ? noteOf(row) : null;
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
      `SELECT n.id, n.client_id, n.template_id, n.template_version, n.template_name, n.note_kind, n.session_number,
              n.status, n.created_at, n.updated_at, n.signed_at, c.display_name AS client_name
       FROM notes n JOIN clients c ON c.id = n.client_id
       WHERE n.status = 'draft' AND n.created_at < ? ORDER BY n.created_at`,
    )
    .all(olderThan) as (NoteRow & { client_name: string })[];
  return rows.map((row) => ({ ...summaryOf(row), clientName: row.client_name }));
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
  const row = db.prepare('SELECT * FROM note_revisions WHERE id = ? AND note_id = ?').get(revisionId, noteId) as
    | RevisionRow
    | undefined;
  if (!row) throw new CoreError('NOT_FOUND', 'That revision does not exist.');
  return { id: row.id, createdAt: row.updated_at, values: JSON.parse(row.values_json) as NoteValues };
}

type AddendumRow = {
  id: string;
  note_id: string;
  text_json: string;
  created_at: string;
  signed_by: string;
  content_hash: string;
};

export function listAddenda(db: VaultDb, noteId: string): Addendum[] {
  const rows = db
    .prepare('SELECT * FROM addenda WHERE note_id = ? ORDER BY created_at, rowid')
    .all(noteId) as AddendumRow[];
  return rows.map((row) => ({
    id: row.id,
    noteId: row.note_id,
    text: JSON.parse(row.text_json) as RichTextDoc & { type: 'doc' },
    createdAt: row.created_at,
    signedBy: row.signed_by,
    contentHash: row.content_hash,
  }));
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

export function customTemplates(db: VaultDb): TemplateDef[] {
  const rows = db
    .prepare('SELECT definition FROM custom_templates WHERE deleted_at IS NULL ORDER BY created_at')
    .all() as {
    definition: string;
  }[];
  return rows.map((row) => JSON.parse(row.definition) as TemplateDef);
}
