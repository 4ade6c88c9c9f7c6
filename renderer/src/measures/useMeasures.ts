import { useCallback, useEffect, useState } from 'react';
import type { Administration } from '../../../shared/measures/administration';
import type { NoteSummary } from '../../../shared/notes/note';
import { call } from '../api';
import { clientRecordsChanged, useClientRecords } from '../clientRecords';

/** A client's measures, kept in step across the note's section and the Measures tab. */
export function measuresChanged(clientId: string): void {
  clientRecordsChanged('measures:listForClient', clientId);
}

export function useAdministrations(clientId: string): {
  administrations: Administration[] | null;
  error: string | null;
} {
  const { value, error } = useClientRecords('measures:listForClient', clientId);
  return { administrations: value, error };
}

/** "11 Nov 2026" (in the therapist's locale), from a calendar date. */
export function formatDay(iso: string): string {
  return new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A date under the chart: "11 Nov", with the year where it starts or changes. */
export function formatTick(iso: string, withYear: boolean): string {
  return new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  });
}

/**
 * How a note is named where a measure was given in it: "CBT session · Session 2" (the
 * date given has its own column). Read once per client screen; a note not in the list
 * (yet) is "a note".
 */
export function useNoteNames(clientId: string): (noteId: string) => string {
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
      return note.sessionNumber === null ? note.templateName : `${note.templateName} · Session ${note.sessionNumber}`;
    },
    [notes],
  );
}
