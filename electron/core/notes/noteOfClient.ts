import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { findNote } from './noteRepository';

/**
 * Something recorded "in this note" (a homework review, an intake change, a caution
 * action, a measure) must name a draft note of the same client: a signed note's record
 * is final, and another client's note is never the right place.
 */
export function requireDraftNoteOfClient(db: VaultDb, noteId: string, clientId: string): void {
  const note = findNote(db, noteId);
  if (note.clientId !== clientId) {
    throw new CoreError('INVALID_REQUEST', 'That note belongs to another client.', { field: 'noteId' });
  }
  if (note.status === 'signed') throw new CoreError('NOTE_SIGNED');
}
