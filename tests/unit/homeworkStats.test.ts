import { describe, expect, it } from 'vitest';
import type { Assignment, AssignmentEvent, AssignmentStatus, Frequency } from '../../shared/homework/assignment';
import {
  addDays,
  commonBarriers,
  completionByWeek,
  completionByWorksheet,
  describeFrequency,
  lastReview,
  openAssignments,
  recentLearned,
  reviewsInNote,
  weekStartOf,
} from '../../shared/homework/stats';

/**
 * The homework summaries (shared/homework/stats.ts) behind the client's Homework tab and
 * the note's homework review: what is still open (nothing open is ever silently lost),
 * completion per ISO 8601 week (weeks start on Monday) and per worksheet, and the
 * barriers clients named when homework was not done.
 */

const NOTE_A = '11111111-1111-4111-8111-111111111111';
const NOTE_B = '22222222-2222-4222-8222-222222222222';

let counter = 0;
function assignment(overrides: Partial<Assignment> & { reviews?: Partial<AssignmentEvent>[] } = {}): Assignment {
  counter++;
  const { reviews = [], ...rest } = overrides;
  const createdAt = rest.createdAt ?? `2026-03-02T10:00:${String(counter % 60).padStart(2, '0')}.000Z`;
  const history: AssignmentEvent[] = [
    { status: 'assigned', at: createdAt, amount: '', barrier: '', learned: '', noteId: rest.noteId ?? null },
    ...reviews.map((review, index) => ({
      status: 'done' as AssignmentStatus,
      at: `2026-03-09T10:${String(index).padStart(2, '0')}:00.000Z`,
      amount: '',
      barrier: '',
      learned: '',
      noteId: null,
      ...review,
    })),
  ];
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    clientId: '99999999-9999-4999-8999-999999999999',
    worksheetId: 'thought-record-7',
    worksheetVersion: 1,
    title: `Assignment ${counter}`,
    instructions: { type: 'doc' },
    frequency: { kind: 'daily' },
    startDate: '2026-03-02',
    dueDate: '2026-03-09',
    target: '',
    noteId: null,
    status: history.at(-1)?.status ?? 'assigned',
    createdAt,
    updatedAt: history.at(-1)?.at ?? createdAt,
    history,
    ...rest,
  };
}

describe('calendar dates', () => {
  const weeks: { why: string; date: string; monday: string }[] = [
    { why: 'a Monday starts its own week', date: '2026-03-09', monday: '2026-03-09' },
    { why: 'a Wednesday belongs to the Monday before', date: '2026-03-11', monday: '2026-03-09' },
    {
      why: 'a Sunday ends the ISO week (not starts it, as in the US calendar)',
      date: '2026-03-15',
      monday: '2026-03-09',
    },
    { why: 'a week across a month end', date: '2026-04-02', monday: '2026-03-30' },
    {
      why: 'a week across a year end (ISO week 1 of 2026 starts 29 Dec 2025)',
      date: '2026-01-01',
      monday: '2025-12-29',
    },
    { why: 'a leap day', date: '2028-02-29', monday: '2028-02-28' },
  ];
  it.each(weeks)('weekStartOf: $why', ({ date, monday }) => {
    expect(weekStartOf(date)).toBe(monday);
  });

  const sums: { why: string; date: string; days: number; result: string }[] = [
    { why: 'a week on (the default review date)', date: '2026-03-09', days: 7, result: '2026-03-16' },
    { why: 'across a month end', date: '2026-01-28', days: 7, result: '2026-02-04' },
    {
      why: 'across the spring clock change (UTC counting: no lost day)',
      date: '2026-03-27',
      days: 7,
      result: '2026-04-03',
    },
    { why: 'backwards', date: '2026-03-02', days: -14, result: '2026-02-16' },
    { why: 'into a leap day', date: '2028-02-22', days: 7, result: '2028-02-29' },
  ];
  it.each(sums)('addDays: $why', ({ date, days, result }) => {
    expect(addDays(date, days)).toBe(result);
  });
});

describe('openAssignments', () => {
  const today = '2026-03-09';
  const rows: {
    why: string;
    list: Assignment[];
    expected: { title: string; overdue: boolean }[];
  }[] = [
    { why: 'nothing assigned: nothing open', list: [], expected: [] },
    {
      why: 'assigned and carried over are open; done, partly done, not done and dropped are not',
      list: [
        assignment({ title: 'assigned' }),
        assignment({ title: 'carried', reviews: [{ status: 'carriedOver' }] }),
        assignment({ title: 'done', reviews: [{ status: 'done' }] }),
        assignment({ title: 'partial', reviews: [{ status: 'partial', amount: '4 of 7 days' }] }),
        assignment({ title: 'not done', reviews: [{ status: 'notDone', barrier: 'busy' }] }),
        assignment({ title: 'dropped', reviews: [{ status: 'dropped' }] }),
      ],
      expected: [
        { title: 'assigned', overdue: false },
        { title: 'carried', overdue: false },
      ],
    },
    {
      why: 'oldest due first; due today is not overdue, due yesterday is',
      list: [
        assignment({ title: 'next week', dueDate: '2026-03-16' }),
        assignment({ title: 'today', dueDate: '2026-03-09' }),
        assignment({ title: 'yesterday', dueDate: '2026-03-08' }),
        assignment({ title: 'a month ago', dueDate: '2026-02-09' }),
      ],
      expected: [
        { title: 'a month ago', overdue: true },
        { title: 'yesterday', overdue: true },
        { title: 'today', overdue: false },
        { title: 'next week', overdue: false },
      ],
    },
    {
      why: 'an overdue assignment carried over stays listed (never silently lost)',
      list: [assignment({ title: 'old', dueDate: '2026-01-05', reviews: [{ status: 'carriedOver' }] })],
      expected: [{ title: 'old', overdue: true }],
    },
    {
      why: 'same due date: the one assigned first comes first',
      list: [
        assignment({ title: 'second', createdAt: '2026-03-02T11:00:00.000Z' }),
        assignment({ title: 'first', createdAt: '2026-03-02T09:00:00.000Z' }),
      ],
      expected: [
        { title: 'first', overdue: false },
        { title: 'second', overdue: false },
      ],
    },
  ];
  it.each(rows)('$why', ({ list, expected }) => {
    expect(openAssignments(list, today).map(({ title, overdue }) => ({ title, overdue }))).toEqual(expected);
  });
});

describe('completionByWeek', () => {
  /** A review recorded at midday UTC on this day: the same calendar day in every time zone from UTC−11 to UTC+11. */
  const on = (day: string) => `${day}T12:00:00.000Z`;
  const utcDay = (at: string) => at.slice(0, 10);

  it('counts done as 1 and partly done as 0.5 over the reviewed, in the week of the review', () => {
    const list = [
      assignment({ dueDate: '2026-03-02', reviews: [{ status: 'done', at: on('2026-03-10') }] }),
      assignment({ dueDate: '2026-03-12', reviews: [{ status: 'partial', amount: '3 of 7', at: on('2026-03-12') }] }),
      assignment({ dueDate: '2026-03-23', reviews: [{ status: 'notDone', at: on('2026-03-15') }] }),
      assignment({ dueDate: '2026-03-13', reviews: [{ status: 'dropped', at: on('2026-03-13') }] }),
      assignment({ dueDate: '2026-03-11' }),
      assignment({ dueDate: '2026-03-11', reviews: [{ status: 'carriedOver', at: on('2026-03-11') }] }),
    ];
    const weeks = completionByWeek(list, '2026-03-16', 2, utcDay);
    expect(weeks).toEqual([
      { weekStart: '2026-03-09', reviewed: 3, done: 1, partial: 1, notDone: 1, dropped: 1, rate: 0.5 },
      { weekStart: '2026-03-16', reviewed: 0, done: 0, partial: 0, notDone: 0, dropped: 0, rate: null },
    ]);
  });

  const rows: { why: string; list: Assignment[]; today: string; weeks: number; rates: [string, number | null][] }[] = [
    {
      why: 'eight weeks by default, ending with this week, all empty when nothing was reviewed',
      list: [assignment({ dueDate: '2026-03-09' })],
      today: '2026-03-11',
      weeks: 8,
      rates: [
        ['2026-01-19', null],
        ['2026-01-26', null],
        ['2026-02-02', null],
        ['2026-02-09', null],
        ['2026-02-16', null],
        ['2026-02-23', null],
        ['2026-03-02', null],
        ['2026-03-09', null],
      ],
    },
    {
      why: 'one partly done alone is a 50% week',
      list: [
        assignment({
          dueDate: '2026-03-04',
          reviews: [{ status: 'partial', amount: '4 of 7 days', at: on('2026-03-04') }],
        }),
      ],
      today: '2026-03-09',
      weeks: 2,
      rates: [
        ['2026-03-02', 0.5],
        ['2026-03-09', null],
      ],
    },
    {
      why: 'reviewed a week late: counted in the week of the review, not of the due date',
      list: [assignment({ dueDate: '2026-03-04', reviews: [{ status: 'done', at: on('2026-03-11') }] })],
      today: '2026-03-11',
      weeks: 2,
      rates: [
        ['2026-03-02', null],
        ['2026-03-09', 1],
      ],
    },
    {
      why: 'reviewed early (due next week): counted this week, where the session was',
      list: [assignment({ dueDate: '2026-03-16', reviews: [{ status: 'done', at: on('2026-03-10') }] })],
      today: '2026-03-10',
      weeks: 2,
      rates: [
        ['2026-03-02', null],
        ['2026-03-09', 1],
      ],
    },
    {
      why: 'two due in different weeks, both reviewed in one session: one week, rated together',
      list: [
        assignment({ dueDate: '2026-03-09', reviews: [{ status: 'partial', amount: '2 of 7', at: on('2026-03-09') }] }),
        assignment({ dueDate: '2026-03-23', reviews: [{ status: 'notDone', at: on('2026-03-09') }] }),
      ],
      today: '2026-03-09',
      weeks: 2,
      rates: [
        ['2026-03-02', null],
        ['2026-03-09', 0.25],
      ],
    },
    {
      why: 'a review on a Sunday belongs to the week that started the Monday before',
      list: [assignment({ dueDate: '2026-03-16', reviews: [{ status: 'done', at: on('2026-03-15') }] })],
      today: '2026-03-16',
      weeks: 2,
      rates: [
        ['2026-03-09', 1],
        ['2026-03-16', null],
      ],
    },
    {
      why: 'only dropped: nothing to rate (dropped is not a failure to do it)',
      list: [assignment({ dueDate: '2026-03-09', reviews: [{ status: 'dropped', at: on('2026-03-09') }] })],
      today: '2026-03-09',
      weeks: 1,
      rates: [['2026-03-09', null]],
    },
    {
      why: 'the current status counts, on the day it was recorded: carried over one week, done the next',
      list: [
        assignment({
          dueDate: '2026-03-03',
          reviews: [
            { status: 'carriedOver', at: on('2026-03-03') },
            { status: 'done', at: on('2026-03-10') },
          ],
        }),
        assignment({ dueDate: '2026-03-10', reviews: [{ status: 'notDone', at: on('2026-03-10') }] }),
      ],
      today: '2026-03-10',
      weeks: 2,
      rates: [
        ['2026-03-02', null],
        ['2026-03-09', 0.5],
      ],
    },
    {
      why: 'reviews older than the range are left out',
      list: [assignment({ dueDate: '2026-01-05', reviews: [{ status: 'done', at: on('2026-01-05') }] })],
      today: '2026-03-09',
      weeks: 2,
      rates: [
        ['2026-03-02', null],
        ['2026-03-09', null],
      ],
    },
  ];
  it.each(rows)('$why', ({ list, today, weeks, rates }) => {
    expect(completionByWeek(list, today, weeks, utcDay).map((week) => [week.weekStart, week.rate])).toEqual(rates);
  });

  it('by default takes the review’s day where the therapist is (local time), not in UTC', () => {
    // Built from local time, so these are Sunday night and Monday morning wherever the tests run.
    const lateSunday = new Date(2026, 2, 15, 23, 30).toISOString();
    const earlyMonday = new Date(2026, 2, 16, 0, 30).toISOString();
    const list = [
      assignment({ dueDate: '2026-03-16', reviews: [{ status: 'done', at: lateSunday }] }),
      assignment({ dueDate: '2026-03-09', reviews: [{ status: 'notDone', at: earlyMonday }] }),
    ];
    expect(completionByWeek(list, '2026-03-16', 2).map((week) => [week.weekStart, week.rate])).toEqual([
      ['2026-03-09', 1],
      ['2026-03-16', 0],
    ]);
  });
});

describe('completionByWorksheet', () => {
  it('rates each worksheet type, the most reviewed first; open ones do not count', () => {
    const list = [
      assignment({ worksheetId: 'sleep-diary', reviews: [{ status: 'done' }] }),
      assignment({ worksheetId: 'thought-record-7', reviews: [{ status: 'done' }] }),
      assignment({ worksheetId: 'thought-record-7', reviews: [{ status: 'notDone', barrier: 'forgot' }] }),
      assignment({ worksheetId: 'thought-record-7', reviews: [{ status: 'partial', amount: '2 of 5' }] }),
      assignment({ worksheetId: 'thought-record-7' }),
      assignment({ worksheetId: 'fear-ladder' }),
    ];
    expect(completionByWorksheet(list)).toEqual([
      { worksheetId: 'thought-record-7', reviewed: 3, done: 1, partial: 1, notDone: 1, dropped: 0, rate: 0.5 },
      { worksheetId: 'sleep-diary', reviewed: 1, done: 1, partial: 0, notDone: 0, dropped: 0, rate: 1 },
      { worksheetId: 'fear-ladder', reviewed: 0, done: 0, partial: 0, notDone: 0, dropped: 0, rate: null },
    ]);
  });
});

describe('a safety plan is never homework (issue 12)', () => {
  // Assigned before the core refused it: kept in the list, never counted in adherence.
  const list = [
    assignment({ worksheetId: 'safety-plan', reviews: [{ status: 'notDone', at: '2026-03-09T10:00:00.000Z' }] }),
    assignment({ worksheetId: 'safety-plan', reviews: [{ status: 'done', at: '2026-03-09T11:00:00.000Z' }] }),
    assignment({ worksheetId: 'sleep-diary', reviews: [{ status: 'done', at: '2026-03-09T12:00:00.000Z' }] }),
  ];
  const utcDay = (at: string) => at.slice(0, 10);

  it('is left out of completion per worksheet', () => {
    expect(completionByWorksheet(list).map((row) => row.worksheetId)).toEqual(['sleep-diary']);
    expect(completionByWorksheet(list.slice(0, 2))).toEqual([]);
  });

  it('is left out of completion per week', () => {
    const week = completionByWeek(list, '2026-03-09', 1, utcDay)[0];
    expect(week).toMatchObject({ weekStart: '2026-03-09', reviewed: 1, done: 1, notDone: 0, rate: 1 });
  });

  it('still shows while open, so it can be dropped', () => {
    expect(openAssignments([assignment({ worksheetId: 'safety-plan' })], '2026-03-05')).toHaveLength(1);
  });
});

describe('recentLearned', () => {
  const rows: { why: string; list: Assignment[]; limit?: number; expected: [string, string][] }[] = [
    { why: 'nothing reviewed: nothing learned', list: [assignment()], expected: [] },
    {
      why: 'done and partly done, newest first, with the homework it came from',
      list: [
        assignment({
          title: 'Walks',
          reviews: [{ status: 'done', learned: 'Walking lifts my mood', at: '2026-03-09T10:00:00.000Z' }],
        }),
        assignment({
          title: 'Thought record',
          reviews: [
            { status: 'partial', amount: '3 of 7', learned: 'Thoughts are not facts', at: '2026-03-16T10:00:00.000Z' },
          ],
        }),
      ],
      expected: [
        ['Thoughts are not facts', 'Thought record'],
        ['Walking lifts my mood', 'Walks'],
      ],
    },
    {
      why: 'empty or only spaces is not a mention; spacing inside is tidied',
      list: [
        assignment({ title: 'A', reviews: [{ status: 'done', learned: '   ' }] }),
        assignment({ title: 'B', reviews: [{ status: 'done', learned: '  calmer \n  after   breathing ' }] }),
      ],
      expected: [['calmer after breathing', 'B']],
    },
    {
      why: 'a done review corrected in the same note was a slip: left out',
      list: [
        assignment({
          title: 'Slip',
          reviews: [
            { status: 'done', learned: 'chosen by mistake', noteId: NOTE_A },
            { status: 'notDone', barrier: 'forgot', noteId: NOTE_A },
          ],
        }),
      ],
      expected: [],
    },
    {
      why: 'an earlier review in another note still counts',
      list: [
        assignment({
          title: 'Twice',
          reviews: [
            { status: 'partial', amount: '2 of 7', learned: 'mornings are easier', noteId: NOTE_A },
            { status: 'done', learned: 'evenings too', noteId: NOTE_B, at: '2026-03-16T10:00:00.000Z' },
          ],
        }),
      ],
      expected: [
        ['evenings too', 'Twice'],
        ['mornings are easier', 'Twice'],
      ],
    },
    {
      why: 'at most the limit',
      list: ['one', 'two', 'three'].map((text, index) =>
        assignment({
          title: text,
          reviews: [{ status: 'done', learned: text, at: `2026-03-0${index + 1}T10:00:00.000Z` }],
        }),
      ),
      limit: 2,
      expected: [
        ['three', 'three'],
        ['two', 'two'],
      ],
    },
  ];
  it.each(rows)('$why', ({ list, limit, expected }) => {
    expect(recentLearned(list, limit).map(({ text, title }) => [text, title])).toEqual(expected);
  });
});

describe('commonBarriers', () => {
  const notDone = (barrier: string, at = '2026-03-09T10:00:00.000Z', noteId: string | null = null) =>
    assignment({ reviews: [{ status: 'notDone', barrier, at, noteId }] });
  const rows: { why: string; list: Assignment[]; limit?: number; expected: [string, number][] }[] = [
    { why: 'no reviews: no barriers', list: [assignment()], expected: [] },
    {
      why: 'grouped case-insensitively, ignoring spacing and a final full stop; shown as first written',
      list: [
        notDone('Too tired after work', '2026-03-01T10:00:00.000Z'),
        notDone('too  tired after work.', '2026-03-08T10:00:00.000Z'),
        notDone('TOO TIRED AFTER WORK', '2026-03-15T10:00:00.000Z'),
        notDone('Forgot', '2026-03-02T10:00:00.000Z'),
      ],
      expected: [
        ['Too tired after work', 3],
        ['Forgot', 1],
      ],
    },
    {
      why: 'ties keep the order first mentioned',
      list: [notDone('B', '2026-03-02T10:00:00.000Z'), notDone('A', '2026-03-03T10:00:00.000Z')],
      expected: [
        ['B', 1],
        ['A', 1],
      ],
    },
    {
      why: 'only not-done reviews give barriers; an empty barrier is not one',
      list: [
        assignment({ reviews: [{ status: 'partial', amount: '1 of 7', barrier: 'ignored' }] }),
        notDone('   '),
        notDone('Kids were ill'),
      ],
      expected: [['Kids were ill', 1]],
    },
    {
      why: 'the limit keeps the most frequent',
      list: [notDone('a'), notDone('b'), notDone('b'), notDone('c'), notDone('c'), notDone('c')],
      limit: 2,
      expected: [
        ['c', 3],
        ['b', 2],
      ],
    },
    {
      why: 'a not-done review corrected in the same note is left out; one followed by a later note counts',
      list: [
        assignment({
          reviews: [
            { status: 'notDone', barrier: 'slip of the mouse', noteId: NOTE_A },
            { status: 'partial', amount: '2 of 7', noteId: NOTE_A },
          ],
        }),
        assignment({
          reviews: [
            { status: 'notDone', barrier: 'No time', noteId: NOTE_A },
            { status: 'carriedOver', noteId: NOTE_B },
          ],
        }),
      ],
      expected: [['No time', 1]],
    },
  ];
  it.each(rows)('$why', ({ list, limit, expected }) => {
    expect(commonBarriers(list, limit).map(({ barrier, count }) => [barrier, count])).toEqual(expected);
  });
});

describe('describeFrequency', () => {
  const rows: { frequency: Frequency; text: string }[] = [
    { frequency: { kind: 'once' }, text: 'Once' },
    { frequency: { kind: 'daily' }, text: 'Every day' },
    { frequency: { kind: 'perWeek', times: 1 }, text: 'Once a week' },
    { frequency: { kind: 'perWeek', times: 2 }, text: 'Twice a week' },
    { frequency: { kind: 'perWeek', times: 3 }, text: '3 times a week' },
    { frequency: { kind: 'perWeek', times: 5 }, text: '5 times a week' },
    { frequency: { kind: 'custom', text: 'Whenever the worry comes' }, text: 'Whenever the worry comes' },
  ];
  it.each(rows)('$text', ({ frequency, text }) => {
    expect(describeFrequency(frequency)).toBe(text);
  });
});

describe('reviews of one note', () => {
  it('lastReview is the latest change after assigning, or null', () => {
    expect(lastReview(assignment())).toBeNull();
    const reviewed = assignment({ reviews: [{ status: 'carriedOver' }, { status: 'done' }] });
    expect(lastReview(reviewed)?.status).toBe('done');
  });

  it('reviewsInNote gives the last review per assignment made in that note, and nothing from other notes', () => {
    const corrected = assignment({
      title: 'corrected',
      reviews: [
        { status: 'notDone', noteId: NOTE_A },
        { status: 'done', noteId: NOTE_A },
      ],
    });
    const elsewhere = assignment({ title: 'elsewhere', reviews: [{ status: 'done', noteId: NOTE_B }] });
    const assignedHere = assignment({ title: 'assigned here', noteId: NOTE_A });
    expect(
      reviewsInNote([corrected, elsewhere, assignedHere], NOTE_A).map(({ assignment: a, event }) => [
        a.title,
        event.status,
      ]),
    ).toEqual([['corrected', 'done']]);
  });
});
