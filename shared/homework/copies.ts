import type { Assignment } from './assignment';
import { addDays } from './stats';

/**
 * How many copies of a homework sheet to print (issue 12: "'every day' sheets print with
 * the number of days or copies chosen"). A sheet to fill in every day prints once per day
 * from the start date up to the review (the review day is the session itself); a few
 * times a week, that many per week; anything else once. The therapist can choose another
 * number, within 1 to 31 (a month of daily sheets: more is a mistake, not a plan).
 */

export const MIN_COPIES = 1;
export const MAX_COPIES = 31;

/** A number of copies the printout accepts: whole, 1 to 31; anything else falls back. */
export function boundedCopies(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(MAX_COPIES, Math.max(MIN_COPIES, Math.round(value)));
}

/** Calendar days from `from` up to (not including) `to`; 0 when `to` is not later. */
function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.max(0, Math.round((utc(to) - utc(from)) / 86_400_000));
}

type Dated = Pick<Assignment, 'frequency' | 'startDate' | 'dueDate'>;

/** The copies to print when the therapist has not chosen: one per day (daily), per time (a week), else one. */
export function defaultCopies(assignment: Dated): number {
  const days = Math.max(1, daysBetween(assignment.startDate, assignment.dueDate));
  switch (assignment.frequency.kind) {
    case 'daily':
      return boundedCopies(days, 1);
    case 'perWeek':
      return boundedCopies(assignment.frequency.times * Math.ceil(days / 7), 1);
    default:
      return 1;
  }
}

/**
 * What each printed copy says about itself: a daily sheet its day and date ("Day 2 of 7",
 * the start date plus one), any other sheet printed more than once its number ("Copy 2
 * of 3"); a single copy of a non-daily sheet says nothing.
 */
export type CopyLabel = { term: 'Day' | 'Copy'; number: number; of: number; date: string | null };

export function copyLabels(assignment: Dated, copies: number): (CopyLabel | null)[] {
  const count = boundedCopies(copies, 1);
  const daily = assignment.frequency.kind === 'daily';
  return Array.from({ length: count }, (_, index) => {
    if (!daily && count === 1) return null;
    return {
      term: daily ? 'Day' : 'Copy',
      number: index + 1,
      of: count,
      date: daily ? addDays(assignment.startDate, index) : null,
    };
  });
}
