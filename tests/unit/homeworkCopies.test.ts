import { describe, expect, it } from 'vitest';
import { sheetCopies } from '../../renderer/src/worksheets/sheetRequest';
import type { Frequency } from '../../shared/homework/assignment';
import { boundedCopies, copyLabels, defaultCopies, MAX_COPIES } from '../../shared/homework/copies';

/**
 * How many copies of a homework sheet print (issue 12: "'every day' sheets print with the
 * number of days or copies chosen"): one a day from the start up to the review for
 * "Every day", that many a week for "n times a week", else one; the therapist's own
 * number within 1 to 31; each copy labelled with its day and date, or its number.
 */

const daily: Frequency = { kind: 'daily' };

describe('defaultCopies', () => {
  const rows: { why: string; frequency: Frequency; start: string; due: string; copies: number }[] = [
    {
      why: 'every day for a week: 7 (the review day is the session)',
      frequency: daily,
      start: '2026-03-02',
      due: '2026-03-09',
      copies: 7,
    },
    { why: 'every day, reviewed in 3 days: 3', frequency: daily, start: '2026-03-02', due: '2026-03-05', copies: 3 },
    {
      why: 'every day, reviewed the same day: 1, not 0',
      frequency: daily,
      start: '2026-03-02',
      due: '2026-03-02',
      copies: 1,
    },
    {
      why: 'every day across a month end and a leap day',
      frequency: daily,
      start: '2028-02-26',
      due: '2028-03-02',
      copies: 5,
    },
    {
      why: 'every day for 10 weeks: at most 31',
      frequency: daily,
      start: '2026-03-02',
      due: '2026-05-11',
      copies: MAX_COPIES,
    },
    {
      why: 'every day, review before start (never saved, but): 1',
      frequency: daily,
      start: '2026-03-09',
      due: '2026-03-02',
      copies: 1,
    },
    {
      why: '3 times a week for a week: 3',
      frequency: { kind: 'perWeek', times: 3 },
      start: '2026-03-02',
      due: '2026-03-09',
      copies: 3,
    },
    {
      why: '3 times a week for a fortnight: 6',
      frequency: { kind: 'perWeek', times: 3 },
      start: '2026-03-02',
      due: '2026-03-16',
      copies: 6,
    },
    {
      why: '3 times a week for 8 days: two weeks begun, 6',
      frequency: { kind: 'perWeek', times: 3 },
      start: '2026-03-02',
      due: '2026-03-10',
      copies: 6,
    },
    {
      why: '21 times a week for 2 weeks: at most 31',
      frequency: { kind: 'perWeek', times: 21 },
      start: '2026-03-02',
      due: '2026-03-16',
      copies: MAX_COPIES,
    },
    { why: 'once: 1', frequency: { kind: 'once' }, start: '2026-03-02', due: '2026-03-09', copies: 1 },
    {
      why: 'in the therapist’s words (cannot be counted): 1',
      frequency: { kind: 'custom', text: 'Every morning' },
      start: '2026-03-02',
      due: '2026-03-09',
      copies: 1,
    },
  ];
  it.each(rows)('$why', ({ frequency, start, due, copies }) => {
    expect(defaultCopies({ frequency, startDate: start, dueDate: due })).toBe(copies);
  });
});

describe('boundedCopies', () => {
  const rows: { value: unknown; expected: number }[] = [
    { value: 5, expected: 5 },
    { value: 1, expected: 1 },
    { value: 31, expected: 31 },
    { value: 0, expected: 1 },
    { value: -4, expected: 1 },
    { value: 32, expected: 31 },
    { value: 1e9, expected: 31 },
    { value: 2.6, expected: 3 },
    { value: Number.NaN, expected: 7 },
    { value: Number.POSITIVE_INFINITY, expected: 7 },
    { value: '5', expected: 7 },
    { value: undefined, expected: 7 },
    { value: null, expected: 7 },
  ];
  it.each(rows)('$value → $expected (fallback 7)', ({ value, expected }) => {
    expect(boundedCopies(value, 7)).toBe(expected);
  });
});

describe('copyLabels and sheetCopies', () => {
  const week = { frequency: daily, startDate: '2026-03-02', dueDate: '2026-03-09' };

  it('a daily sheet: one per day, each with its day and date in order', () => {
    expect(copyLabels(week, 3)).toEqual([
      { term: 'Day', number: 1, of: 3, date: '2026-03-02' },
      { term: 'Day', number: 2, of: 3, date: '2026-03-03' },
      { term: 'Day', number: 3, of: 3, date: '2026-03-04' },
    ]);
    // A single daily copy still says which day it is for.
    expect(copyLabels(week, 1)).toEqual([{ term: 'Day', number: 1, of: 1, date: '2026-03-02' }]);
  });

  it('any other sheet: numbered when more than one, unlabelled when one', () => {
    const once = { ...week, frequency: { kind: 'once' } as Frequency };
    expect(copyLabels(once, 1)).toEqual([null]);
    expect(copyLabels(once, 2)).toEqual([
      { term: 'Copy', number: 1, of: 2, date: null },
      { term: 'Copy', number: 2, of: 2, date: null },
    ]);
  });

  it('prints the chosen number, or the default when none was chosen or it is out of bounds', () => {
    const assignment = { id: 'a1', ...week };
    const request = (copies?: Record<string, number>) => ({
      kind: 'assignments' as const,
      clientId: 'c',
      assignmentIds: ['a1'],
      ...(copies ? { copies } : {}),
    });
    expect(sheetCopies(request(), assignment)).toHaveLength(7);
    expect(sheetCopies(request({ a1: 5 }), assignment)).toHaveLength(5);
    expect(sheetCopies(request({ other: 5 }), assignment)).toHaveLength(7);
    expect(sheetCopies(request({ a1: 0 }), assignment)).toHaveLength(1);
    expect(sheetCopies(request({ a1: 500 }), assignment)).toHaveLength(31);
    const five = sheetCopies(request({ a1: 5 }), assignment);
    // Distinct keys (React), the first keeping the assignment's own id.
    expect(new Set(five.map((copy) => copy.key)).size).toBe(5);
    expect(five[0]?.key).toBe('a1');
    expect(five[0]?.label).toMatch(/^Day 1 of 5 · /);
    expect(five[4]?.label).toMatch(/^Day 5 of 5 · /);
    expect(five[4]?.label).toContain(
      new Date('2026-03-06T00:00:00').toLocaleDateString(undefined, { weekday: 'long' }),
    );
  });
});
