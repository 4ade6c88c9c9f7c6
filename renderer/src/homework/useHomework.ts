import { useCallback, useEffect, useState } from 'react';
import type { Assignment } from '../../../shared/homework/assignment';
import type { NoteSummary } from '../../../shared/notes/note';
import type { WorksheetDef } from '../../../shared/worksheets/types';
import { call, messageOf } from '../api';
import { clientRecordsChanged, useClientRecords } from '../clientRecords';

/** A client's assignments, kept in step across the note's homework sections and the Homework tab. */
export function assignmentsChanged(clientId: string): void {
  clientRecordsChanged('homework:listForClient', clientId);
}

export function useAssignments(clientId: string): { assignments: Assignment[] | null; error: string | null } {
  const { value, error } = useClientRecords('homework:listForClient', clientId);
  return { assignments: value, error };
}

/** The worksheet library (built-in and the therapist's own), for choosing and naming. */
export function useWorksheets(): { worksheets: WorksheetDef[] | null; error: string | null } {
  const [worksheets, setWorksheets] = useState<WorksheetDef[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('worksheets:list', {})
      .then((list) => live && setWorksheets(list))
      .catch((failure) => live && setError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, []);
  return { worksheets, error };
}

/** A worksheet's title by id; an id no longer in the library still shows as itself. */
export function useWorksheetTitle(worksheets: WorksheetDef[] | null): (id: string) => string {
  return useCallback((id: string) => worksheets?.find((worksheet) => worksheet.id === id)?.title ?? id, [worksheets]);
}

/**
 * How a note is named where a record points to it: "CBT session · Session 2 · 9 Mar 2026",
 * without the date where a column already shows it (`withDate: false`).
 * Read once per client screen; a note not (yet) in the list is "a note".
 */
export function useNoteLabels(clientId: string, { withDate = true } = {}): (noteId: string) => string {
  const [notes, setNotes] = useState<NoteSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    call('notes:listForClient', { clientId })
      .then((list) => live && setNotes(list))
      .catch(() => live && setNotes([]));
    return () => {
      live = false;
    };
  }, [clientId]);
  return useCallback(
    (noteId: string) => {
      const note = notes?.find((each) => each.id === noteId);
      if (!note) return 'a note';
      const day = withDate ? new Date(note.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '';
      return [note.templateName, note.sessionNumber === null ? '' : `Session ${note.sessionNumber}`, day]
        .filter(Boolean)
        .join(' · ');
    },
    [notes, withDate],
  );
}
