import { useCallback, useEffect, useState } from 'react';
import type { Administration } from '../../../shared/measures/administration';
import type { NoteSummary } from '../../../shared/notes/note';
import { call, messageOf } from '../api';

/**
 * A client's measures, read with `measures:listForClient` and read again whenever a
 * measure is recorded for that client anywhere on screen: the note's measures section
 * and the client's Measures tab stay in step without sharing state (as homework does).
 */
const listeners = new Set<(clientId: string) => void>();

export function measuresChanged(clientId: string): void {
  for (const listener of listeners) listener(clientId);
}

export function useAdministrations(clientId: string): {
  administrations: Administration[] | null;
  error: string | null;
} {
  const [administrations, setAdministrations] = useState<Administration[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const listener = (changed: string) => {
      if (changed === clientId) setGeneration((current) => current + 1);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [clientId]);

  useEffect(() => {
    let live = true;
    // generation: read again after a change (the effect re-runs when it is bumped).
    void generation;
    call('measures:listForClient', { clientId })
      .then((list) => {
        if (!live) return;
        setAdministrations(list);
        setError(null);
      })
      .catch((failure) => live && setError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [clientId, generation]);

  return { administrations, error };
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
