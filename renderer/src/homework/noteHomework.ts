import { createContext, useContext } from 'react';
import type { TemplateDef } from '../../../shared/templates/types';

/**
 * What a note's homework sections need to know about the note they are in. Provided by
 * NoteEditor around the form (draft) or the read-only note (signed); absent elsewhere
 * (an old revision in the history), where the homework sections are left out.
 */
export type NoteHomework = {
  noteId: string;
  clientId: string;
  signed: boolean;
  template: TemplateDef;
  /** Opens the client sheets for these assignments (and comes back to the note). */
  onPrintSheets: (assignmentIds: string[]) => void;
};

export const NoteHomeworkContext = createContext<NoteHomework | null>(null);

export function useNoteHomework(): NoteHomework | null {
  return useContext(NoteHomeworkContext);
}
