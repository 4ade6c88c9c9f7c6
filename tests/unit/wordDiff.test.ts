import { describe, expect, it } from 'vitest';
import { revisionChanges } from '../../renderer/src/notes/revisionDiff';
import type { TemplateDef } from '../../shared/templates/types';
import { type DiffPart, wordDiff } from '../../shared/wordDiff';

const parts = (before: string, after: string): DiffPart[] | string => {
  const diff = wordDiff(before, after);
  return diff.kind === 'parts' ? diff.parts : diff.kind;
};

describe('wordDiff', () => {
  it.each<[string, string, string, DiffPart[] | string]>([
    ['both empty', '', '', 'same'],
    ['identical', 'Low mood this week.', 'Low mood this week.', 'same'],
    ['text added to empty', '', 'Slept badly', [{ op: 'added', text: 'Slept badly' }]],
    ['text cleared', 'Slept badly', '', [{ op: 'removed', text: 'Slept badly' }]],
    [
      'one word replaced',
      'Mood was low today',
      'Mood was better today',
      [
        { op: 'same', text: 'Mood was ' },
        { op: 'removed', text: 'low' },
        { op: 'added', text: 'better' },
        { op: 'same', text: ' today' },
      ],
    ],
    [
      'words appended',
      'Went to work',
      'Went to work and the gym',
      [
        { op: 'same', text: 'Went to work' },
        { op: 'added', text: ' and the gym' },
      ],
    ],
    [
      'unicode words and accents',
      'Zoë felt 😟 at the café',
      'Zoë felt 🙂 at the café',
      [
        { op: 'same', text: 'Zoë felt ' },
        { op: 'removed', text: '😟' },
        { op: 'added', text: '🙂' },
        { op: 'same', text: ' at the café' },
      ],
    ],
    [
      'only whitespace changed',
      'a b',
      'a  b',
      [
        { op: 'same', text: 'a' },
        { op: 'removed', text: ' ' },
        { op: 'added', text: '  ' },
        { op: 'same', text: 'b' },
      ],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(parts(before, after)).toEqual(expected);
  });

  it('joins back to both texts', () => {
    const before = 'I should always cope on my own, and asking is weak.';
    const after = 'I would like to cope on my own, but asking is allowed.';
    const diff = wordDiff(before, after);
    if (diff.kind !== 'parts') throw new Error('expected parts');
    const keep = (op: DiffPart['op']) =>
      diff.parts
        .filter((part) => part.op === 'same' || part.op === op)
        .map((part) => part.text)
        .join('');
    expect(keep('removed')).toBe(before);
    expect(keep('added')).toBe(after);
  });

  it('says only "tooLong" for very long, wholly different texts, quickly', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ');
    const started = performance.now();
    expect(wordDiff(before, after).kind).toBe('tooLong');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('still shows a small edit inside a very long text (shared start and end are trimmed)', () => {
    const long = Array.from({ length: 50_000 }, (_, i) => `w${i}`).join(' ');
    const started = performance.now();
    const diff = wordDiff(long, long.replace('w25000', 'changed'));
    expect(performance.now() - started).toBeLessThan(500);
    if (diff.kind !== 'parts') throw new Error('expected parts');
    expect(diff.parts.filter((part) => part.op !== 'same')).toEqual([
      { op: 'removed', text: 'w25000' },
      { op: 'added', text: 'changed' },
    ]);
  });
});

const template: TemplateDef = {
  id: 't',
  name: 'Test',
  kind: 'progress',
  builtIn: false,
  sections: [
    {
      id: 's',
      title: 'Session',
      fields: [
        { id: 'summary', label: 'Summary', kind: 'richText' },
        { id: 'mood', label: 'Mood', kind: 'rating', max: 10, anchors: [] },
        {
          id: 'plan',
          label: 'Plan',
          kind: 'singleChoice',
          options: [
            { id: 'weekly', label: 'Weekly' },
            { id: 'fortnightly', label: 'Fortnightly' },
          ],
        },
        {
          id: 'agenda',
          label: 'Agenda',
          kind: 'group',
          itemLabel: 'Item',
          fields: [{ id: 'item', label: 'Item', kind: 'shortText' }],
        },
        { id: 'hw', label: 'Homework', kind: 'slot', slot: 'newHomework' },
      ],
    },
  ],
} as unknown as TemplateDef;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('revisionChanges', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    ['no values either side', {}, {}, []],
    ['identical values', { summary: doc('Same'), mood: 4 }, { summary: doc('Same'), mood: 4 }, []],
    ['a rich-text field edited', { summary: doc('Felt low') }, { summary: doc('Felt calmer') }, ['Summary']],
    [
      'rating and choice changed, by label',
      { mood: 3, plan: 'weekly' },
      { mood: 5, plan: 'fortnightly' },
      ['Mood', 'Plan'],
    ],
    ['a row added', { agenda: [{ item: 'Sleep' }] }, { agenda: [{ item: 'Sleep' }, { item: 'Work' }] }, ['Agenda']],
    ['an empty row added counts as no change', { agenda: [] }, { agenda: [{ item: '' }] }, []],
    ['slots are not compared', { hw: 1 }, { hw: 2 }, []],
    [
      'hostile values do not throw',
      { summary: 42, mood: 'x', agenda: 'nope', plan: null },
      { summary: null, mood: {}, agenda: [null] },
      ['Summary', 'Mood'],
    ],
  ])('%s', (_name, before, after, labels) => {
    expect(revisionChanges(template, before, after).map((change) => change.label)).toEqual(labels);
  });

  it('compares the words a reader sees', () => {
    const [change] = revisionChanges(template, { plan: 'weekly' }, { plan: 'fortnightly' });
    expect(change?.diff).toEqual({
      kind: 'parts',
      parts: [
        { op: 'removed', text: 'Weekly' },
        { op: 'added', text: 'Fortnightly' },
      ],
    });
  });
});
