import type { Administration } from '../../../shared/measures/administration';
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
