import { describe, expect, it } from 'vitest';
import { clientOverview } from '../../renderer/src/clients/clientOverview';
import type { Assignment } from '../../shared/homework/assignment';
import type { Administration } from '../../shared/measures/administration';
import type { NoteSummary } from '../../shared/notes/note';

const TODAY = '2026-12-07';

const note = (id: string, createdAt: string, noteKind: NoteSummary['noteKind'] = 'progress'): NoteSummary =>
  ({ id, noteKind, createdAt, status: 'draft', sessionNumber: 1 }) as NoteSummary;
const homework = (status: Assignment['status'], dueDate: string): Assignment =>
  ({ status, dueDate, createdAt: `${dueDate}T09:00:00Z`, worksheetId: 'thought-record' }) as Assignment;
const given = (
  instrument: Administration['instrument'],
  givenOn: string,
  total: number,
  band: string | null,
  createdAt = `${givenOn}T10:00:00Z`,
) => ({ instrument, givenOn, total, band, createdAt }) as Administration;

describe('the client at a glance', () => {
  it('is empty for a new client', () => {
    expect(clientOverview([], [], [], TODAY)).toEqual({
      lastSession: null,
      openHomework: 0,
      overdueHomework: 0,
      latestScores: [],
    });
  });

  it.each([
    {
      name: 'the newest progress note',
      notes: [note('a', '2026-11-01T10:00'), note('b', '2026-12-01T10:00')],
      last: 'b',
    },
    {
      name: 'a psychotherapy note is not the last session',
      notes: [note('a', '2026-11-01T10:00'), note('p', '2026-12-05T10:00', 'psychotherapy')],
      last: 'a',
    },
    { name: 'only psychotherapy notes', notes: [note('p', '2026-12-05T10:00', 'psychotherapy')], last: null },
  ])('last session: $name', ({ notes, last }) => {
    expect(clientOverview(notes, [], [], TODAY).lastSession?.id ?? null).toBe(last);
  });

  it('counts open homework (assigned or carried over) and the overdue among it', () => {
    const list = [
      homework('assigned', '2026-12-01'),
      homework('carriedOver', '2026-12-14'),
      homework('done', '2026-11-01'),
      homework('dropped', '2026-11-01'),
    ];
    const overview = clientOverview([], list, [], TODAY);
    expect([overview.openHomework, overview.overdueHomework]).toEqual([2, 1]);
  });

  it('keeps the latest score of each measure, in the measures’ order, with the band in words', () => {
    const overview = clientOverview(
      [],
      [],
      [
        given('gad7', '2026-12-01', 8, 'mild'),
        given('phq9', '2026-11-01', 16, 'moderately-severe'),
        given('phq9', '2026-12-01', 11, 'moderate', '2026-12-01T09:00:00Z'),
        // Same day, recorded later: this one is the latest.
        given('phq9', '2026-12-01', 9, 'mild', '2026-12-01T11:00:00Z'),
        given('auditc', '2026-10-01', 3, null),
      ],
      TODAY,
    );
    expect(overview.latestScores).toEqual([
      { name: 'PHQ-9', total: 9, maxTotal: 27, band: 'Mild', givenOn: '2026-12-01' },
      { name: 'GAD-7', total: 8, maxTotal: 21, band: 'Mild', givenOn: '2026-12-01' },
      { name: 'AUDIT-C', total: 3, maxTotal: 12, band: null, givenOn: '2026-10-01' },
    ]);
  });
});
