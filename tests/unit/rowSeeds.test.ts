import { describe, expect, it } from 'vitest';
import { findBuiltInTemplate } from '../../shared/templates';
import { type RowSeed, rowSeedInto, seededRows } from '../../shared/templates/rowSeeds';
import type { GroupRow, RichTextDoc } from '../../shared/templates/types';

const cbt = findBuiltInTemplate('cbt-session');
if (!cbt) throw new Error('the CBT session template is built in');
const seed = rowSeedInto(cbt, 'agendaWork') as RowSeed;

const agenda = (...items: (string | null)[]): GroupRow[] => items.map((item) => ({ item }));
const blank = (): GroupRow => ({ problem: '', notes: null });
const worked = (problem: string, notes: GroupRow['notes'] = null): GroupRow => ({ problem, notes });
const typedNotes: RichTextDoc = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Went well' }] }],
};

describe('agenda items seed the "worked on" rows', () => {
  it('is found in the CBT template and nowhere it does not fit', () => {
    expect(seed).not.toBeNull();
    expect(seed.fromField).toBe('item');
    expect(rowSeedInto(cbt, 'agenda')).toBeNull();
    expect(rowSeedInto(cbt, 'thoughtRecord')).toBeNull();
  });

  const cases: {
    name: string;
    source: unknown;
    target: GroupRow[];
    removed?: GroupRow[];
    expected: GroupRow[] | null;
  }[] = [
    { name: 'no agenda', source: [], target: [blank()], expected: null },
    { name: 'agenda not a list', source: 'Sleep', target: [blank()], expected: null },
    { name: 'only blank agenda rows', source: agenda('', '   ', null), target: [blank()], expected: null },
    { name: 'fills the blank row first', source: agenda('Sleep'), target: [blank()], expected: [worked('Sleep')] },
    {
      name: 'then adds rows at the end',
      source: agenda('Sleep', 'Argument with partner'),
      target: [blank()],
      expected: [worked('Sleep'), { ...blank(), problem: 'Argument with partner' }],
    },
    {
      name: 'never overwrites a typed row',
      source: agenda('Sleep'),
      target: [worked('Work stress')],
      expected: [worked('Work stress'), { ...blank(), problem: 'Sleep' }],
    },
    {
      name: 'a row with only notes typed is not blank',
      source: agenda('Sleep'),
      target: [worked('', typedNotes)],
      expected: [worked('', typedNotes), { ...blank(), problem: 'Sleep' }],
    },
    {
      name: 'a topic already worked on is not added again (case and spacing)',
      source: agenda(' sleep  ', 'Work'),
      target: [worked('Sleep'), worked('WORK')],
      expected: null,
    },
    {
      name: 'a topic listed twice gives one row',
      source: agenda('Sleep', 'SLEEP'),
      target: [blank(), blank()],
      expected: [worked('Sleep'), blank()],
    },
    {
      name: 'hostile rows are skipped',
      source: [null, 7, { item: 42 }, { item: ['x'] }, { item: 'Sleep' }],
      target: [blank()],
      expected: [worked('Sleep')],
    },
    {
      name: 'a topic offered before or removed is not offered again',
      source: agenda('Sleep', 'Work'),
      target: [blank()],
      removed: [worked('sleep')],
      expected: [worked('Work')],
    },
    { name: 'trims the topic', source: agenda('  Sleep '), target: [], expected: [{ ...blank(), problem: 'Sleep' }] },
  ];
  it.each(cases)('$name', ({ source, target, removed, expected }) => {
    const before = structuredClone(target);
    expect(seededRows(seed, source, target, removed)).toEqual(expected);
    expect(target).toEqual(before);
  });
});
