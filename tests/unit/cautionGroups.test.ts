import { describe, expect, it } from 'vitest';
import { factCount, groupBySeverity, severityCounts } from '../../renderer/src/intake/cautionGroups';
import type { Grade, Severity } from '../../shared/cautions';

/**
 * How the cautions panel sums up and groups a client's cautions
 * (renderer/src/intake/cautionGroups.ts): the counts in its heading, the cautions to
 * discuss apart from those for information, and the fact counts per grade.
 */

const list = (...severities: Severity[]) => severities.map((severity, index) => ({ id: `c${index}`, severity }));

describe('severityCounts: the heading’s "(1 serious, 2 caution)"', () => {
  it.each([
    { why: 'no cautions', given: list(), expected: [] },
    {
      why: 'one of each, most severe first',
      given: list('info', 'caution', 'serious'),
      expected: ['1 serious', '1 caution', '1 information'],
    },
    {
      why: 'a severity absent is not named',
      given: list('serious', 'serious', 'info'),
      expected: ['2 serious', '1 information'],
    },
    { why: 'only information', given: list('info', 'info', 'info'), expected: ['3 information'] },
  ])('$why', ({ given, expected }) => {
    expect(severityCounts(given)).toEqual(expected);
  });
});

describe('groupBySeverity: to discuss, and for information', () => {
  it.each([
    { given: list(), pressing: [], information: [] },
    { given: list('serious', 'caution', 'info'), pressing: ['c0', 'c1'], information: ['c2'] },
    // The order given is kept within each group.
    { given: list('caution', 'info', 'serious', 'info'), pressing: ['c0', 'c2'], information: ['c1', 'c3'] },
  ])('$given.length cautions', ({ given, pressing, information }) => {
    const groups = groupBySeverity(given);
    expect(groups.pressing.map((each) => each.id)).toEqual(pressing);
    expect(groups.information.map((each) => each.id)).toEqual(information);
  });
});

describe('factCount: "1 fact" / "3 facts" of one grade', () => {
  const facts = (['A', 'P', 'P', 'U', 'P'] as Grade[]).map((grade, index) => ({ section: `§${index}`, grade }));
  it.each<{ grade: Grade; expected: string }>([
    { grade: 'A', expected: '1 fact' },
    { grade: 'P', expected: '3 facts' },
    { grade: 'U', expected: '1 fact' },
    { grade: 'S', expected: '0 facts' },
  ])('grade $grade: $expected', ({ grade, expected }) => {
    expect(factCount(facts, grade)).toBe(expected);
  });
});
