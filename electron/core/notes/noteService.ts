import { randomUUID } from 'node:crypto';
import type { Addendum, Note } from '../../../shared/notes/note';
import { type RiskAtSigning, riskAtSigning } from '../../../shared/notes/riskAtSigning';
import { findBuiltInTemplate } from '../../../shared/templates';
import type { NoteValues, RichTextDoc, TemplateDef } from '../../../shared/templates/types';
import {
  carryForward,
  checkChanges,
  initialValues,
  noteText,
  richTextToPlain,
  withoutEmptyRows,
} from '../../../shared/templates/values';
import { getClient } from '../clients/clientRepository';
import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { listAdministrations } from '../measures/measureService';
import { indexDocument } from '../search/searchIndex';
import { readSettings } from '../settings/settingsRepository';
import {
  customTemplates,
  findNote,
  findRevision,
  insertAddendum,
  insertNote,
  insertRevision,
  lastRevision,
  latestProgressNote,
  listAddenda,
  markSigned,
  nextSessionNumber,
  type StoredNote,
  updateNoteValues,
  updateRevision,
} from './noteRepository';
import { revisionAction } from './revisionPolicy';
import { contentHash } from './signature';

/**
 * Session notes: creating from a template, autosaved drafts with coalesced revisions,
 * signing (final, hashed), addenda (append-only, each signed), and keeping the
 * full-text index in step. Every write is one transaction.
 */

export function findTemplate(db: VaultDb, templateId: string): TemplateDef {
  const template = findBuiltInTemplate(templateId) ?? customTemplates(db).find((each) => each.id === templateId);
  if (!template) throw new CoreError('NOT_FOUND', 'That template does not exist.');
  return template;
}

function hasSessionNumber(template: TemplateDef): boolean {
  return template.sections.some((section) => section.fields.some((field) => field.kind === 'sessionNumber'));
}

function searchableText(note: { template: TemplateDef; values: NoteValues }): string {
  // Labels give a snippet its context; one that only repeats its section title is left out.
  return noteText(note.template, note.values)
    .flatMap((section) => [
      section.section,
      ...section.fields.map((field) =>
        field.label === section.section ? field.text : `${field.label}: ${field.text}`,
      ),
    ])
    .join('\n');
}

function reindexNote(
  db: VaultDb,
  note: { id: string; clientId: string; createdAt: string; template: TemplateDef; values: NoteValues },
) {
  indexDocument(db, {
    refId: note.id,
    kind: 'note',
    clientId: note.clientId,
    noteId: note.id,
    date: note.createdAt,
    body: searchableText(note),
  });
}

export function loadNote(db: VaultDb, id: string): Note {
  return { ...findNote(db, id), addenda: listAddenda(db, id) };
}

export function createNote(
  db: VaultDb,
  request: { clientId: string; templateId: string; carryForward?: string[] | undefined },
  now: Date,
): Note {
  const client = getClient(db, request.clientId);
  const template = findTemplate(db, request.templateId);
  const id = randomUUID();
  const at = now.toISOString();
  return db.transaction(() => {
    const sessionNumber =
      template.noteKind === 'progress' && hasSessionNumber(template) ? nextSessionNumber(db, client.id) : null;
    let values = initialValues(template, { now: at, sessionNumber });
    const previous = request.carryForward?.length ? latestProgressNote(db, client.id) : null;
    if (previous && request.carryForward) {
      values = { ...values, ...carryForward(template, previous, request.carryForward) };
    }
    insertNote(db, { id, clientId: client.id, template, sessionNumber, values, at });
    reindexNote(db, { id, clientId: client.id, createdAt: at, template, values });
    return loadNote(db, id);
  })();
}

function requireDraft(note: StoredNote): void {
  if (note.status === 'signed') throw new CoreError('NOTE_SIGNED');
}

/** Merges an autosave's changed fields into the draft and records the revision. */
export function saveDraft(
  db: VaultDb,
  id: string,
  changes: Record<string, unknown>,
  now: Date,
): { savedAt: string; updatedAt: string } {
  return db.transaction(() => {
    const note = findNote(db, id);
    requireDraft(note);
    const checked = checkChanges(note.template, changes);
    if (!checked.ok) {
      throw new CoreError('INVALID_REQUEST', `changes.${checked.field}: ${checked.message}`, {
        field: `changes.${checked.field}`,
      });
    }
    const at = now.toISOString();
    const values = { ...note.values, ...checked.changes };
    updateNoteValues(db, id, values, at);
    const last = lastRevision(db, id);
    if (last && revisionAction({ createdAt: last.created_at, reason: last.reason }, now) === 'update') {
      updateRevision(db, last.id, values, at);
    } else {
      insertRevision(db, id, 'autosave', values, at);
    }
    reindexNote(db, { ...note, values });
    return { savedAt: at, updatedAt: at };
  })();
}

function signerName(db: VaultDb): string {
  const name = readSettings(db).therapistName.trim();
  if (!name) throw new CoreError('SIGNER_NAME_MISSING');
  return name;
}

/**
 * The soft stop (issue 12 item 4, shared/notes/riskAtSigning.ts), enforced here as well
 * as in the sign dialog: a note with PHQ-9 item 9 above 0 and an empty Risk section is
 * signed only with a reason, and a reason is taken only for such a note (it would
 * otherwise record a stop that never happened).
 */
function checkRiskReason(
  db: VaultDb,
  note: StoredNote,
  reason: string | undefined,
): RiskAtSigning & { reason?: string } {
  const measures = listAdministrations(db, note.clientId);
  const decision = riskAtSigning({ id: note.id, template: note.template, values: note.values, measures });
  const given = reason?.trim() ?? '';
  if (decision.softStop && !given) {
    throw new CoreError(
      'INVALID_REQUEST',
      `PHQ-9 item 9 was answered above 0 in this note and the ${decision.riskTitle} section is empty. Fill it in, or give a reason for signing without it.`,
      { field: 'reason' },
    );
  }
  if (!decision.softStop && reason !== undefined) {
    throw new CoreError(
      'INVALID_REQUEST',
      'A reason is asked for only when PHQ-9 item 9 was answered above 0 and the Risk section is empty; this note can be signed without one.',
      { field: 'reason' },
    );
  }
  return decision.softStop ? { ...decision, reason: given } : decision;
}

/** The words kept with the note when it is signed past the soft stop: what was so, and the reason as typed. */
export function riskReasonText(
  item9: { score: number; givenOn: string },
  riskTitle: string,
  reason: string,
): RichTextDoc {
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  return {
    type: 'doc',
    content: [
      paragraph(
        `Signed with the ${riskTitle} section empty. PHQ-9 item 9 was answered above 0 in this note (answer ${item9.score}, given on ${item9.givenOn}).`,
      ),
      paragraph(`Reason given at signing: ${reason}`),
    ],
  };
}

/**
 * Signs a draft: records who and when, stores the content hash; the note is final. Past
 * the soft stop, the reason is kept as a signed addendum made in the same transaction at
 * the same moment: it is read, printed and exported with the note, has its own
 * fingerprint, and leaves the note's own fingerprint exactly as before.
 */
export function signNote(db: VaultDb, id: string, now: Date, reason?: string): Note {
  return db.transaction(() => {
    const note = findNote(db, id);
    requireDraft(note);
    const risk = checkRiskReason(db, note, reason);
    const by = signerName(db);
    const at = now.toISOString();
    // Empty rows ("+ Add agenda item" left blank) are dropped, not just ignored: the
    // signed record is then exactly what is read, printed and exported, and the hash
    // below covers the values stored with it (issue 12). A blank row says nothing
    // clinical, so nothing of the note is lost.
    const values = withoutEmptyRows(note.template, note.values);
    if (JSON.stringify(values) !== JSON.stringify(note.values)) {
      updateNoteValues(db, id, values, at);
      reindexNote(db, { ...note, values });
    }
    const hash = contentHash({
      noteId: note.id,
      clientId: note.clientId,
      templateId: note.template.id,
      templateVersion: note.template.version,
      values,
      signedAt: at,
      signedBy: by,
    });
    insertRevision(db, id, 'signing', values, at);
    markSigned(db, id, { at, by, hash });
    if (risk.softStop && risk.reason) {
      insertSignedAddendum(db, note, riskReasonText(risk.item9, risk.riskTitle, risk.reason), at, by);
    }
    return loadNote(db, id);
  })();
}

function insertSignedAddendum(
  db: VaultDb,
  note: { id: string; clientId: string },
  text: RichTextDoc,
  at: string,
  by: string,
): Addendum {
  const addendum: Addendum = {
    id: randomUUID(),
    noteId: note.id,
    text: text as Addendum['text'],
    createdAt: at,
    signedBy: by,
    contentHash: contentHash({ noteId: note.id, text, createdAt: at, signedBy: by }),
  };
  insertAddendum(db, addendum);
  indexDocument(db, {
    refId: addendum.id,
    kind: 'addendum',
    clientId: note.clientId,
    noteId: note.id,
    date: at,
    body: richTextToPlain(text).trim(),
  });
  return addendum;
}

/** Adds a dated, signed addendum under a signed note. Addenda are never changed. */
export function addAddendum(db: VaultDb, noteId: string, text: RichTextDoc, now: Date): Addendum {
  return db.transaction(() => {
    const note = findNote(db, noteId);
    if (note.status !== 'signed') {
      throw new CoreError('INVALID_REQUEST', 'Addenda are for signed notes: edit the draft instead.', { field: 'id' });
    }
    const plain = richTextToPlain(text).trim();
    if (!plain) throw new CoreError('INVALID_REQUEST', 'An addendum needs some text.', { field: 'text' });
    return insertSignedAddendum(db, note, text, now.toISOString(), signerName(db));
  })();
}

export function restoreRevision(db: VaultDb, noteId: string, revisionId: number, now: Date): Note {
  return db.transaction(() => {
    const note = findNote(db, noteId);
    requireDraft(note);
    const revision = findRevision(db, noteId, revisionId);
    const at = now.toISOString();
    updateNoteValues(db, noteId, revision.values, at);
    insertRevision(db, noteId, 'restore', revision.values, at);
    reindexNote(db, { ...note, values: revision.values });
    return loadNote(db, noteId);
  })();
}
