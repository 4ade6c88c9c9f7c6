/**
 * A dateTime value is stored as an ISO 8601 instant (e.g. "2026-03-02T14:00:00.000Z",
 * as the core fills sessionAt); a datetime-local input works in local wall-clock time
 * ("2026-03-02T15:00"). These convert between the two.
 */

const pad = (value: number) => String(value).padStart(2, '0');

export function toLocalInput(stored: string | null): string {
  if (!stored) return '';
  const date = new Date(stored);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(local: string): string | null {
  if (!local) return null;
  // Without an offset, Date parses "YYYY-MM-DDTHH:mm" as local time: what the therapist means.
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** For reading: "Monday, 2 March 2026 at 15:00" in the therapist's locale. */
export function formatDateTime(stored: string): string {
  const date = new Date(stored);
  if (Number.isNaN(date.getTime())) return stored;
  return date.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });
}
