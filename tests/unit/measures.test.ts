import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDITC_THRESHOLD_EXPLANATION,
  auditc,
  bandsOf,
  describeResult,
  gad7,
  type InstrumentId,
  instrumentIds,
  instruments,
  PFIZER_NOTICE,
  phq2,
  phq9,
  scoreMeasure,
} from '../../shared/measures';

/**
 * Scoring of the PHQ-9, PHQ-2, GAD-7 and AUDIT-C (shared/measures), table-driven
 * against reference clinical-facts.md §3. Every band boundary is tested on both sides,
 * and every malformed answer list must throw: an incomplete measure is never scored.
 */

/** A valid answer list for `def` adding up to `total`, filled item by item from the first. */
function answersFor(count: number, max: number, total: number): number[] {
  let left = total;
  return Array.from({ length: count }, () => {
    const answer = Math.min(max, left);
    left -= answer;
    return answer;
  });
}

// Reference §3.1: PHQ-9 cut-offs 5 / 10 / 15 / 20, total 0–27.
const phq9Bands = [
  [0, 'minimal'],
  [4, 'minimal'],
  [5, 'mild'],
  [9, 'mild'],
  [10, 'moderate'],
  [14, 'moderate'],
  [15, 'moderately-severe'],
  [19, 'moderately-severe'],
  [20, 'severe'],
  [27, 'severe'],
] as const;

// Reference §3.3: GAD-7 cut-offs 5 / 10 / 15, total 0–21.
const gad7Bands = [
  [0, 'minimal'],
  [4, 'minimal'],
  [5, 'mild'],
  [9, 'mild'],
  [10, 'moderate'],
  [14, 'moderate'],
  [15, 'severe'],
  [21, 'severe'],
] as const;

describe('PHQ-9 bands (reference §3.1, Kroenke 2001)', () => {
  it.each(phq9Bands)('a total of %i is %s', (total, band) => {
    const result = scoreMeasure('phq9', answersFor(9, 3, total));
    expect(result.total).toBe(total);
    expect(result.band).toBe(band);
    expect(result.positive).toBeUndefined();
  });
});

describe('GAD-7 bands (reference §3.3, Spitzer 2006)', () => {
  it.each(gad7Bands)('a total of %i is %s', (total, band) => {
    const result = scoreMeasure('gad7', answersFor(7, 3, total));
    expect(result).toEqual({ total, band, flags: [] });
  });
});

describe('bandsOf: ordered, contiguous, covering 0..max', () => {
  it.each(instrumentIds)('%s', (id) => {
    const bands = bandsOf(id);
    if (bands.length === 0) return expect(['phq2', 'auditc']).toContain(id);
    expect(bands[0]?.min).toBe(0);
    expect(bands.at(-1)?.max).toBe(instruments[id].maxTotal);
    bands.slice(1).forEach((band, index) => {
      expect(band.min).toBe((bands[index]?.max ?? Number.NaN) + 1);
    });
  });

  it('PHQ-9 bands as listed in reference §3.1', () => {
    expect(bandsOf('phq9').map(({ band, min, max }) => [band, min, max])).toEqual([
      ['minimal', 0, 4],
      ['mild', 5, 9],
      ['moderate', 10, 14],
      ['moderately-severe', 15, 19],
      ['severe', 20, 27],
    ]);
  });
});

describe('PHQ-9 item 9 flag (reference §3.1: any item-9 score above 0, regardless of the total)', () => {
  const cases = [
    { why: 'item 9 = 1, total 1', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], total: 1, flagged: true },
    { why: 'item 9 = 3, total 27', answers: [3, 3, 3, 3, 3, 3, 3, 3, 3], total: 27, flagged: true },
    { why: 'item 9 = 0, total 24', answers: [3, 3, 3, 3, 3, 3, 3, 3, 0], total: 24, flagged: false },
    { why: 'item 9 = 0, total 0', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0, flagged: false },
  ];
  it.each(cases)('$why', ({ answers, total, flagged }) => {
    const result = scoreMeasure('phq9', answers);
    expect(result.total).toBe(total);
    expect(result.flags).toEqual(flagged ? ['item9'] : []);
  });
});

describe('PHQ-2 cut-off (reference §3.2: ≥3, Kroenke 2003)', () => {
  it.each([
    [[0, 0], 0, false],
    [[1, 1], 2, false],
    [[2, 1], 3, true],
    [[3, 3], 6, true],
  ])('%j → total %i, positive %s', (answers, total, positive) => {
    expect(scoreMeasure('phq2', answers)).toEqual({ total, positive, flags: [] });
  });
});

describe('AUDIT-C cut-offs (reference §3.5: ≥4 men, ≥3 women; no sex given uses the lower cut-off)', () => {
  const cases = [
    { sex: 'male', answers: [1, 1, 1], total: 3, positive: false },
    { sex: 'male', answers: [2, 1, 1], total: 4, positive: true },
    { sex: 'female', answers: [1, 1, 0], total: 2, positive: false },
    { sex: 'female', answers: [1, 1, 1], total: 3, positive: true },
    { sex: undefined, answers: [2, 0, 0], total: 2, positive: false },
    { sex: undefined, answers: [2, 1, 0], total: 3, positive: true },
    { sex: 'male', answers: [4, 4, 4], total: 12, positive: true },
  ] as const;
  it.each(cases)('sex $sex, total $total → positive $positive', ({ sex, answers, total, positive }) => {
    const options = sex === undefined ? undefined : { sex };
    expect(scoreMeasure('auditc', [...answers], options)).toEqual({ total, positive, flags: [] });
  });

  it('treats an empty options object like no sex given', () => {
    expect(scoreMeasure('auditc', [1, 1, 1], {}).positive).toBe(true);
  });

  it('explains the no-sex threshold in one sentence', () => {
    expect(AUDITC_THRESHOLD_EXPLANATION).toMatch(/^[^.]+\.$/);
    expect(AUDITC_THRESHOLD_EXPLANATION).toContain('3');
  });
});

describe('invalid answers throw a message naming the problem (an incomplete measure is never scored)', () => {
  const sparse = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  delete sparse[4];
  const cases: { why: string; id: string; answers: unknown; message: RegExp; options?: unknown }[] = [
    {
      why: 'PHQ-9 with 8 answers',
      id: 'phq9',
      answers: [0, 0, 0, 0, 0, 0, 0, 0],
      message: /PHQ-9: expected 9 answers, got 8/,
    },
    {
      why: 'PHQ-9 with 10 answers',
      id: 'phq9',
      answers: Array(10).fill(0),
      message: /PHQ-9: expected 9 answers, got 10/,
    },
    { why: 'PHQ-2 with 3 answers', id: 'phq2', answers: [0, 0, 0], message: /PHQ-2: expected 2 answers, got 3/ },
    { why: 'GAD-7 with 6 answers', id: 'gad7', answers: Array(6).fill(0), message: /GAD-7: expected 7 answers, got 6/ },
    { why: 'AUDIT-C with 2 answers', id: 'auditc', answers: [0, 0], message: /AUDIT-C: expected 3 answers, got 2/ },
    { why: 'an empty list', id: 'gad7', answers: [], message: /GAD-7: expected 7 answers, got 0/ },
    {
      why: '-1 on PHQ-9',
      id: 'phq9',
      answers: [0, 0, -1, 0, 0, 0, 0, 0, 0],
      message: /PHQ-9 item 3: .*from 0 to 3, got -1/,
    },
    {
      why: '4 on PHQ-9',
      id: 'phq9',
      answers: [0, 0, 0, 0, 0, 0, 0, 0, 4],
      message: /PHQ-9 item 9: .*from 0 to 3, got 4/,
    },
    { why: '4 on PHQ-2', id: 'phq2', answers: [4, 0], message: /PHQ-2 item 1: .*from 0 to 3, got 4/ },
    { why: '4 on GAD-7', id: 'gad7', answers: [0, 0, 0, 0, 0, 0, 4], message: /GAD-7 item 7: .*from 0 to 3, got 4/ },
    { why: '5 on AUDIT-C', id: 'auditc', answers: [0, 5, 0], message: /AUDIT-C item 2: .*from 0 to 4, got 5/ },
    { why: '-1 on AUDIT-C', id: 'auditc', answers: [-1, 0, 0], message: /AUDIT-C item 1: .*from 0 to 4, got -1/ },
    { why: '1.5', id: 'gad7', answers: [0, 1.5, 0, 0, 0, 0, 0], message: /GAD-7 item 2: .*whole number, got 1\.5/ },
    {
      why: 'NaN',
      id: 'phq9',
      answers: [0, 0, 0, 0, 0, Number.NaN, 0, 0, 0],
      message: /PHQ-9 item 6: .*whole number, got NaN/,
    },
    {
      why: 'Infinity',
      id: 'phq2',
      answers: [0, Number.POSITIVE_INFINITY],
      message: /PHQ-2 item 2: .*whole number, got Infinity/,
    },
    {
      why: "'2' as a string",
      id: 'phq2',
      answers: [0, '2'],
      message: /PHQ-2 item 2: .*must be a number, got the text "2"/,
    },
    {
      why: 'true as an answer',
      id: 'auditc',
      answers: [true, 0, 0],
      message: /AUDIT-C item 1: .*must be a number, got boolean true/,
    },
    {
      why: 'a sparse list',
      id: 'phq9',
      answers: sparse,
      message: /PHQ-9 item 5: no answer \(the list has a gap here\)/,
    },
    {
      why: 'undefined in the list',
      id: 'gad7',
      answers: [0, 0, 0, undefined, 0, 0, 0],
      message: /GAD-7 item 4: no answer \(undefined\)/,
    },
    { why: 'null in the list', id: 'auditc', answers: [0, 0, null], message: /AUDIT-C item 3: no answer \(null\)/ },
    {
      why: 'undefined instead of a list',
      id: 'phq9',
      answers: undefined,
      message: /PHQ-9: answers must be a list of 9 numbers, got undefined/,
    },
    {
      why: 'a string instead of a list',
      id: 'gad7',
      answers: '0000000',
      message: /GAD-7: answers must be a list of 7 numbers, got the text/,
    },
    {
      why: 'an object instead of a list',
      id: 'phq2',
      answers: { 0: 1, 1: 1, length: 2 },
      message: /PHQ-2: answers must be a list of 2 numbers, got an object/,
    },
    {
      why: 'an unknown instrument',
      id: 'dast10',
      answers: [0],
      message: /Unknown measure "dast10": expected one of phq9, phq2, gad7, auditc/,
    },
    {
      why: 'an unknown sex',
      id: 'auditc',
      answers: [1, 1, 1],
      options: { sex: 'f' },
      message: /AUDIT-C: sex must be 'female', 'male' or not given, got "f"/,
    },
  ];
  it.each(cases)('$why', ({ id, answers, message, options }) => {
    expect(() => scoreMeasure(id as InstrumentId, answers as number[], options as never)).toThrow(message);
  });
});

describe('describeResult', () => {
  it.each([
    ['phq9', [3, 3, 3, 3, 0, 0, 0, 0, 0], 'PHQ-9 total 12: moderate.'],
    ['phq9', [3, 3, 3, 3, 3, 0, 0, 0, 0], 'PHQ-9 total 15: moderately severe.'],
    [
      'phq9',
      [0, 0, 0, 0, 0, 0, 0, 0, 1],
      'PHQ-9 total 1: minimal. Item 9 was answered above 0: assess suicide risk further.',
    ],
    ['gad7', [3, 3, 3, 3, 3, 3, 3], 'GAD-7 total 21: severe.'],
    ['phq2', [2, 1], 'PHQ-2 total 3: positive screen.'],
    ['auditc', [1, 0, 0], 'AUDIT-C total 1: negative screen.'],
  ] as const)('%s %j', (id, answers, sentence) => {
    expect(describeResult(id, scoreMeasure(id, [...answers]))).toBe(sentence);
  });
});

describe('instrument definitions (reference §3.1–3.5, §3.10)', () => {
  it('PHQ-9, PHQ-2 and GAD-7 carry the exact Pfizer notice (§3.4)', () => {
    const notice =
      'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';
    expect(PFIZER_NOTICE).toBe(notice);
    for (const def of [phq9, phq2, gad7]) expect(def.notice).toBe(notice);
  });

  it.each([
    ['phq9', 9, 3, 27],
    ['phq2', 2, 3, 6],
    ['gad7', 7, 3, 21],
    ['auditc', 3, 4, 12],
  ] as const)('%s: %i items scored 0–%i, max %i', (id, count, max, maxTotal) => {
    const def = instruments[id];
    expect(def.id).toBe(id);
    expect(def.items.map((item) => item.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (const item of def.items)
      expect(item.options.map((o) => o.score)).toEqual(Array.from({ length: max + 1 }, (_, i) => i));
    expect(def.maxTotal).toBe(maxTotal);
    expect(def.source).toMatch(/\d{4}/);
  });

  it('PHQ/GAD: the 2-week time frame and the four frequency options (§3.1)', () => {
    for (const def of [phq9, phq2, gad7]) {
      expect(def.timeFrame).toBe('Over the last 2 weeks');
      for (const item of def.items) {
        expect(item.options.map((o) => o.label)).toEqual([
          'Not at all',
          'Several days',
          'More than half the days',
          'Nearly every day',
        ]);
      }
    }
  });

  it('reproduces the published wording of every item (PHQ-9, PHQ-2, GAD-7, AUDIT-C)', () => {
    expect(phq9.items[8]).toMatchObject({
      wording: 'verbatim',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way.',
    });
    expect(phq9.items.map((item) => item.text.slice(0, 30))).toEqual([
      'Little interest or pleasure in',
      'Feeling down, depressed, or ho',
      'Trouble falling or staying asl',
      'Feeling tired or having little',
      'Poor appetite or overeating',
      'Feeling bad about yourself — o',
      'Trouble concentrating on thing',
      'Moving or speaking so slowly t',
      'Thoughts that you would be bet',
    ]);
    expect(
      [phq9, phq2, gad7, auditc].flatMap((measure) => measure.items).every((item) => item.wording === 'verbatim'),
    ).toBe(true);
    expect(phq2.items).toEqual(phq9.items.slice(0, 2));
    expect(gad7.items.map((item) => [item.wording, item.text])).toEqual([
      ['verbatim', 'Feeling nervous, anxious or on edge'],
      ['verbatim', 'Not being able to stop or control worrying'],
      ['verbatim', 'Worrying too much about different things'],
      ['verbatim', 'Trouble relaxing'],
      ['verbatim', 'Being so restless that it is hard to sit still'],
      ['verbatim', 'Becoming easily annoyed or irritable'],
      ['verbatim', 'Feeling afraid as if something awful might happen'],
    ]);
    expect(auditc.items.map((item) => [item.text, item.options.map((option) => option.label)])).toEqual([
      [
        'How often do you have a drink containing alcohol?',
        ['Never', 'Monthly or less', '2 to 4 times a month', '2 to 3 times a week', '4 or more times a week'],
      ],
      [
        'How many drinks containing alcohol do you have on a typical day when you are drinking?',
        ['1 or 2', '3 or 4', '5 or 6', '7, 8, or 9', '10 or more'],
      ],
      [
        'How often do you have six or more drinks on one occasion?',
        ['Never', 'Less than monthly', 'Monthly', 'Weekly', 'Daily or almost daily'],
      ],
    ]);
  });

  it('AUDIT-C cites the WHO AUDIT manual (Babor et al. 2001)', () => {
    expect(auditc.source).toContain('Babor TF');
    expect(auditc.source).toContain('2001');
    expect(auditc.source).toContain('WHO/MSD/MSB/01.6a');
  });

  it('definitions are frozen', () => {
    expect(() => {
      (phq9.bands[0] as { max: number }).max = 9;
    }).toThrow(TypeError);
    expect(() => {
      (gad7.items as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe('only licensed-to-reproduce instruments live in shared/measures (reference §3.7, §3.9, §3.10)', () => {
  const dir = join(__dirname, '..', '..', 'shared', 'measures');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const forbidden = [
    /DAST/i,
    /drug abuse screening/i,
    /Skinner/i,
    /always able to stop using drugs/i,
    /C-SSRS/i,
    /Columbia/i,
    /suicide severity/i,
    /wish to be dead/i,
    /active suicidal thoughts/i,
    /Posner/i,
  ];

  it('finds the module sources', () => {
    expect(files).toContain('index.ts');
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s has no excluded instrument wording', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const pattern of forbidden) expect(source).not.toMatch(pattern);
  });
});
