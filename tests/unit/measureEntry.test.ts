import { describe, expect, it } from 'vitest';
import {
  emptyAnswers,
  highestScore,
  type KeyPress,
  keyScore,
  liveResult,
  sharedOptions,
} from '../../renderer/src/measures/measureEntry';
import { getInstrument, type InstrumentId } from '../../shared/measures';

/**
 * How answers go into the measure form (renderer/src/measures/measureEntry.ts): which key
 * answers an item, when answers share a grid, and when the live total is a score. The
 * instruments are the real definitions in shared/measures, so a change there shows here.
 */

const plain = (key: string): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false });
const zeroToThree = [0, 1, 2, 3].map((score) => ({ score }));

describe('keyScore: a number key answers the item with that score', () => {
  it.each([
    { why: 'a digit that is one of the scores', press: plain('2'), expected: 2 },
    { why: 'zero is a score', press: plain('0'), expected: 0 },
    { why: 'a digit above the highest score', press: plain('4'), expected: null },
    { why: 'a letter', press: plain('a'), expected: null },
    { why: 'an arrow key (left to the radio group)', press: plain('ArrowDown'), expected: null },
    { why: 'two characters', press: plain('12'), expected: null },
    { why: 'Ctrl with a digit (a browser shortcut)', press: { ...plain('1'), ctrlKey: true }, expected: null },
    { why: 'Cmd with a digit', press: { ...plain('1'), metaKey: true }, expected: null },
    { why: 'Alt with a digit', press: { ...plain('1'), altKey: true }, expected: null },
  ])('$why', ({ press, expected }) => {
    expect(keyScore(press, zeroToThree)).toBe(expected);
  });

  it('takes the scores from the item: 4 answers an AUDIT-C item, not a PHQ-9 one', () => {
    expect(keyScore(plain('4'), getInstrument('auditc').items[0]?.options ?? [])).toBe(4);
    expect(keyScore(plain('4'), getInstrument('phq9').items[0]?.options ?? [])).toBeNull();
  });
});

describe('sharedOptions and highestScore', () => {
  it.each<{ id: InstrumentId; grid: number | null; highest: number }>([
    { id: 'phq9', grid: 4, highest: 3 },
    { id: 'phq2', grid: 4, highest: 3 },
    { id: 'gad7', grid: 4, highest: 3 },
    // Its three items have their own answers: written out item by item, no grid.
    { id: 'auditc', grid: null, highest: 4 },
  ])('$id: grid of $grid columns, keys up to $highest', ({ id, grid, highest }) => {
    const def = getInstrument(id);
    expect(sharedOptions(def)?.length ?? null).toBe(grid);
    expect(highestScore(def)).toBe(highest);
  });

  it('no grid when one item’s labels differ', () => {
    const def = getInstrument('gad7');
    const changed = {
      ...def,
      items: def.items.map((item, index) =>
        index === 3 ? { ...item, options: item.options.map((option) => ({ ...option, label: 'x' })) } : item,
      ),
    };
    expect(sharedOptions(changed)).toBeNull();
  });
});

describe('liveResult: scored only once every item is answered', () => {
  it.each([
    { why: 'nothing answered', id: 'phq9' as const, answers: emptyAnswers(getInstrument('phq9')), total: null },
    { why: 'one item missing', id: 'phq2' as const, answers: [2, null], total: null },
    { why: 'every item answered', id: 'phq2' as const, answers: [2, 1], total: 3 },
    { why: 'too few answers for the instrument', id: 'gad7' as const, answers: [1, 1], total: null },
  ])('$why', ({ id, answers, total }) => {
    expect(liveResult(id, answers, null)?.total ?? null).toBe(total);
  });

  it.each([
    { sex: null, positive: true },
    { sex: 'female' as const, positive: true },
    { sex: 'male' as const, positive: false },
  ])('AUDIT-C 3 with sex $sex: positive $positive', ({ sex, positive }) => {
    expect(liveResult('auditc', [1, 1, 1], sex)?.positive).toBe(positive);
  });

  it('one null per item', () => {
    expect(emptyAnswers(getInstrument('gad7'))).toEqual([null, null, null, null, null, null, null]);
  });
});
