import { localToday } from '../dates';
import { isHomeworkWorksheet } from '../safetyPlan/notHomework';
import {
  type Assignment,
  type AssignmentEvent,
  type AssignmentStatus,
  type Frequency,
  OPEN_STATUSES,
} from './assignment';

/**
 * What the homework screens show about a client's assignments: what is still open,
 * how much got done week by week and per worksheet, and what got in the way. Pure
 * functions over the list `homework:listForClient` answers with; dates are ISO
 * calendar dates (YYYY-MM-DD), compared as strings and counted in UTC so no time
 * zone can move a day.
 */

/** The words for each status, as the therapist reads them. */
export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  assigned: 'Assigned',
  done: 'Done',
  partial: 'Partly done',
  notDone: 'Not done',
  carriedOver: 'Carried over to next week',
  dropped: 'Dropped',
};

const DAY_MS = 86_400_000;

function utcOf(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

function isoOf(utc: number): string {
  return new Date(utc).toISOString().slice(0, 10);
}

/** A calendar date `days` later (or earlier, when negative). */
export function addDays(iso: string, days: number): string {
  return isoOf(utcOf(iso) + days * DAY_MS);
}

/** The Monday that starts the ISO 8601 week holding this date. */
export function weekStartOf(iso: string): string {
  const utc = utcOf(iso);
  // getUTCDay: Sunday 0 … Saturday 6; an ISO week starts on Monday.
  const sinceMonday = (new Date(utc).getUTCDay() + 6) % 7;
  return isoOf(utc - sinceMonday * DAY_MS);
}

export function isOpen(assignment: Pick<Assignment, 'status'>): boolean {
  return OPEN_STATUSES.includes(assignment.status);
}

export type OpenAssignment = Assignment & { overdue: boolean };

/**
 * Assignments still waiting for a review (assigned, or carried over), oldest due first.
 * Overdue ones (due before today) stay in the list until reviewed or dropped: nothing
 * open is ever silently lost.
 */
export function openAssignments(list: readonly Assignment[], today: string): OpenAssignment[] {
  return list
    .filter(isOpen)
    .map((assignment) => ({ ...assignment, overdue: assignment.dueDate < today }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt));
}

export type Completion = {
  /** Reviewed as done, partly done or not done: the ones a rate can be given for. */
  reviewed: number;
  done: number;
  partial: number;
  notDone: number;
  /** Dropped by the therapist: counted, but not part of the rate (nothing was tried). */
  dropped: number;
  /** Done counts 1 and partly done 0.5, over the reviewed; null when none was reviewed. */
  rate: number | null;
};

/** Homework whose completion counts: a safety plan assigned before it was refused never does. */
function rated(list: readonly Assignment[]): Assignment[] {
  return list.filter((assignment) => isHomeworkWorksheet(assignment.worksheetId));
}

function tally(list: readonly Assignment[]): Completion {
  const count = (status: AssignmentStatus) => list.filter((assignment) => assignment.status === status).length;
  const done = count('done');
  const partial = count('partial');
  const notDone = count('notDone');
  const reviewed = done + partial + notDone;
  return {
    reviewed,
    done,
    partial,
    notDone,
    dropped: count('dropped'),
    rate: reviewed === 0 ? null : (done + partial * 0.5) / reviewed,
  };
}

export type WeekCompletion = Completion & { weekStart: string };

/** The therapist's calendar day of an instant (local time): the day a review was recorded on. */
export function localDayOf(at: string): string {
  return localToday(new Date(at));
}

/**
 * The day homework got its outcome: the day its latest review was recorded (issue 12:
 * "completion by week uses the day of the review"), not the day it was due. Homework
 * reviewed late, or early, counts in the week the therapist and client went over it.
 */
export function reviewDayOf(assignment: Assignment, dayOf: (at: string) => string = localDayOf): string {
  const review = lastReview(assignment);
  return review ? dayOf(review.at) : assignment.dueDate;
}

/**
 * Completion per ISO week (Monday start) of the day it was reviewed, oldest week first.
 * The range is `weeks` weeks ending with this week, or with the latest week something
 * was reviewed in if that is later (a clock set back). Carried-over and still-assigned
 * homework is not counted: it has no outcome yet; nor is a safety plan, which is not homework. `dayOf` turns a review's instant into
 * a calendar day (local time by default; tests pass their own).
 */
export function completionByWeek(
  list: readonly Assignment[],
  today: string,
  weeks = 8,
  dayOf: (at: string) => string = localDayOf,
): WeekCompletion[] {
  const closed = rated(list)
    .filter((assignment) => !isOpen(assignment))
    .map((assignment) => ({ assignment, week: weekStartOf(reviewDayOf(assignment, dayOf)) }));
  let latest = weekStartOf(today);
  for (const { week } of closed) {
    if (week > latest) latest = week;
  }
  const result: WeekCompletion[] = [];
  for (let index = weeks - 1; index >= 0; index--) {
    const weekStart = addDays(latest, -7 * index);
    const inWeek = closed.filter((each) => each.week === weekStart).map((each) => each.assignment);
    result.push({ weekStart, ...tally(inWeek) });
  }
  return result;
}

export type WorksheetCompletion = Completion & { worksheetId: string };

/** Completion per worksheet type (safety plans left out), the most reviewed first (then by id, to keep a stable order). */
export function completionByWorksheet(all: readonly Assignment[]): WorksheetCompletion[] {
  const list = rated(all);
  const ids = [...new Set(list.map((assignment) => assignment.worksheetId))];
  return ids
    .map((worksheetId) => ({
      worksheetId,
      ...tally(list.filter((assignment) => assignment.worksheetId === worksheetId && !isOpen(assignment))),
    }))
    .sort((a, b) => b.reviewed - a.reviewed || a.worksheetId.localeCompare(b.worksheetId));
}

export type Barrier = { barrier: string; count: number };

/**
 * Every review event with its assignment, except one corrected later in the same note
 * (the next event on the assignment has that note's id): that was a slip, not something
 * the client said.
 */
function keptReviews(list: readonly Assignment[]): { assignment: Assignment; event: AssignmentEvent }[] {
  return list.flatMap((assignment) =>
    assignment.history.flatMap((event, index) => {
      const next = assignment.history[index + 1];
      if (next && event.noteId !== null && next.noteId === event.noteId) return [];
      return [{ assignment, event }];
    }),
  );
}

export type Learned = { text: string; title: string; at: string };

/**
 * What clients said they learned or noticed when homework was done or partly done, in
 * their words, newest first (issue 12): the other half of the barriers. Slips corrected
 * in the same note are left out, as for the barriers.
 */
export function recentLearned(list: readonly Assignment[], limit = 5): Learned[] {
  return keptReviews(list)
    .filter(({ event }) => (event.status === 'done' || event.status === 'partial') && event.learned.trim() !== '')
    .map(({ assignment, event }) => ({
      text: event.learned.trim().replace(/\s+/g, ' '),
      title: assignment.title,
      at: event.at,
    }))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit);
}

/** Same words, however written: case, spacing and a final full stop do not matter. */
function barrierKey(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .toLocaleLowerCase();
}

/**
 * The barriers clients gave when homework was not done, grouped case-insensitively,
 * most frequent first (ties: first mentioned first), shown as first written. A
 * not-done review corrected later in the same note (the next event on the assignment
 * has that note's id) was a slip, not something the client said, and is left out.
 */
export function commonBarriers(list: readonly Assignment[], limit = 5): Barrier[] {
  const mentions = keptReviews(list)
    .filter(({ event }) => event.status === 'notDone' && event.barrier.trim() !== '')
    .map(({ event }) => ({ at: event.at, text: event.barrier.trim().replace(/\s+/g, ' ') }));
  mentions.sort((a, b) => a.at.localeCompare(b.at));
  const groups = new Map<string, Barrier & { first: number }>();
  mentions.forEach((mention, index) => {
    const key = barrierKey(mention.text);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { barrier: mention.text, count: 1, first: index });
  });
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, limit)
    .map(({ barrier, count }) => ({ barrier, count }));
}

/** "Once", "Every day", "3 times a week", or the therapist's own words. */
export function describeFrequency(frequency: Frequency): string {
  switch (frequency.kind) {
    case 'once':
      return 'Once';
    case 'daily':
      return 'Every day';
    case 'perWeek':
      return frequency.times === 1
        ? 'Once a week'
        : frequency.times === 2
          ? 'Twice a week'
          : `${frequency.times} times a week`;
    case 'custom':
      return frequency.text;
  }
}

/** The latest review of an assignment (any change after it was assigned), if any. */
export function lastReview(assignment: Assignment): AssignmentEvent | null {
  return assignment.history.findLast((event) => event.status !== 'assigned') ?? null;
}

/** The reviews recorded in one note: the last one per assignment, in the order given. */
export function reviewsInNote(
  list: readonly Assignment[],
  noteId: string,
): { assignment: Assignment; event: AssignmentEvent }[] {
  return list.flatMap((assignment) => {
    const event = assignment.history.findLast((each) => each.status !== 'assigned' && each.noteId === noteId);
    return event ? [{ assignment, event }] : [];
  });
}
