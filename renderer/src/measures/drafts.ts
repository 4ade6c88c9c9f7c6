import type { InstrumentId } from '../../../shared/measures';

/**
 * Measures being entered and not yet recorded, in memory only (never written
 * unencrypted), like the note's unsaved changes (notes/openNotes.ts): leaving the note
 * for a moment, or the vault locking mid-measure, must not lose the answers already
 * entered. A draft is per client and per place (a note, or the client's Measures tab),
 * and is dropped once recorded or discarded.
 */
export type MeasureDraft = {
  instrument: InstrumentId;
  /** Per instrument, so switching to another and back keeps what was entered. */
  answers: Partial<Record<InstrumentId, (number | null)[]>>;
  sex: 'female' | 'male' | null;
  givenOn: string;
};

const drafts = new Map<string, MeasureDraft>();

export function draftKey(clientId: string, noteId: string | null): string {
  return `${clientId}/${noteId ?? 'tab'}`;
}

export function readDraft(key: string): MeasureDraft | undefined {
  return drafts.get(key);
}

export function keepDraft(key: string, draft: MeasureDraft): void {
  drafts.set(key, draft);
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}
