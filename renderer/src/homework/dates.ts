import { localToday } from '../../../shared/dates';

/** How homework dates read on screen: "Mon 9 Mar 2026"; times of reviews with the hour. */

export function formatDay(iso: string): string {
  return new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

export function formatMoment(at: string): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function today(): string {
  return localToday();
}
