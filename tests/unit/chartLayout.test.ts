import { describe, expect, it } from 'vitest';
import {
  CHART,
  dayNumber,
  layoutChart,
  placeXLabels,
  spreadLabels,
  tickValues,
} from '../../renderer/src/measures/chartLayout';
import {
  changeWords,
  chronological,
  cutOffsFor,
  type Given,
  item9Answer,
  listWords,
  previousOf,
  resultWords,
  runningTotal,
  summaryLine,
  unansweredItems,
} from '../../renderer/src/measures/history';
import { bandsOf, phq9 } from '../../shared/measures';

/**
 * The measures chart's geometry (renderer/src/measures/chartLayout.ts) and the words of
 * a client's measures over time (renderer/src/measures/history.ts): pure functions, so
 * the picture and the "down 4 since…" line are checked without a browser.
 */

const phq9Spec = (points: { id: string; date: string; total: number }[]) => ({
  maxTotal: phq9.maxTotal,
  bands: bandsOf('phq9'),
  cutOffs: [],
  points,
});

describe('tickValues', () => {
  it.each([
    [27, [0, 5, 10, 15, 20, 25]],
    [21, [0, 5, 10, 15, 20]],
    [12, [0, 2, 4, 6, 8, 10, 12]],
    [6, [0, 1, 2, 3, 4, 5, 6]],
  ])('a scale to %i has the ticks %j', (max, ticks) => {
    expect(tickValues(max)).toEqual(ticks);
  });
});

describe('layoutChart', () => {
  const layout = layoutChart(
    phq9Spec([
      { id: 'c', date: '2026-12-09', total: 14 },
      { id: 'a', date: '2026-11-11', total: 18 },
      { id: 'b', date: '2026-11-25', total: 9 },
    ]),
  );

  it('puts one point per administration, oldest at the left, in date order', () => {
    expect(layout.points.map((point) => point.id)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = layout.points;
    expect(a && b && c && a.x < b.x && b.x < c.x).toBe(true);
    expect(layout.path.match(/[ML]/g)).toHaveLength(3);
  });

  it('spaces the dates by time: two weeks apart take the same width', () => {
    const [a, b, c] = layout.points.map((point) => point.x);
    expect((b ?? 0) - (a ?? 0)).toBeCloseTo((c ?? 0) - (b ?? 0), 5);
  });

  it('keeps every point and band inside the plot', () => {
    for (const point of layout.points) {
      expect(point.x).toBeGreaterThan(layout.plot.left);
      expect(point.x).toBeLessThan(layout.plot.right);
      expect(point.y).toBeGreaterThan(layout.plot.top);
      expect(point.y).toBeLessThan(layout.plot.bottom);
    }
    expect(layout.bands[0]?.bottom).toBeCloseTo(layout.plot.bottom);
    expect(layout.bands[layout.bands.length - 1]?.top).toBeCloseTo(layout.plot.top);
  });

  it('draws higher scores higher up, and a score inside its band (never on a boundary)', () => {
    const y = (total: number) => layoutChart(phq9Spec([{ id: 'x', date: '2026-01-01', total }])).points[0]?.y ?? 0;
    expect(y(27)).toBeLessThan(y(0));
    for (const band of layout.bands) {
      for (const total of [band.min, band.max]) {
        expect(y(total)).toBeGreaterThan(band.top);
        expect(y(total)).toBeLessThan(band.bottom);
      }
    }
  });

  it('bands touch without gaps or overlaps, each labelled with its name and range', () => {
    for (let index = 1; index < layout.bands.length; index++) {
      expect(layout.bands[index]?.bottom).toBeCloseTo(layout.bands[index - 1]?.top ?? 0);
    }
    expect(layout.bandLabels.map((label) => label.lines)).toEqual([
      ['Severe', '20–27'],
      ['Moderately severe', '15–19'],
      ['Moderate', '10–14'],
      ['Mild', '5–9'],
      ['Minimal', '0–4'],
    ]);
  });

  it('labels every date when there is room, with the year on the first', () => {
    expect(layout.xLabels.map((label) => [label.date, label.withYear])).toEqual([
      ['2026-11-11', true],
      ['2026-11-25', false],
      ['2026-12-09', false],
    ]);
  });

  it('writes the totals beside the points, leaving out those that would crowd (never the latest)', () => {
    expect(layout.points.every((point) => point.showValue)).toBe(true);
    const daily = layoutChart(
      phq9Spec(
        Array.from({ length: 60 }, (_, index) => ({
          id: String(index),
          date: `2026-${String(1 + Math.floor(index / 28)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
          total: index % 27,
        })),
      ),
    );
    const written = daily.points.filter((point) => point.showValue);
    expect(written.length).toBeLessThan(daily.points.length);
    expect(daily.points[daily.points.length - 1]?.showValue).toBe(true);
    for (let index = 1; index < written.length; index++) {
      expect((written[index]?.x ?? 0) - (written[index - 1]?.x ?? 0)).toBeGreaterThanOrEqual(CHART.valueGap);
    }
  });

  it('centres a single administration', () => {
    const one = layoutChart(phq9Spec([{ id: 'x', date: '2026-01-01', total: 5 }]));
    expect(one.points[0]?.x).toBeCloseTo((one.plot.left + one.plot.right) / 2);
    expect(one.path).toMatch(/^M[\d.]+ [\d.]+$/);
  });

  it('draws a screen’s cut-off line just below the first positive score', () => {
    const screen = layoutChart({
      maxTotal: 6,
      bands: [],
      cutOffs: [{ value: 3, lines: ['Cut-off 3', 'positive at 3 or more'] }],
      points: [
        { id: 'neg', date: '2026-01-01', total: 2 },
        { id: 'pos', date: '2026-02-01', total: 3 },
      ],
    });
    const [negative, positive] = screen.points;
    const line = screen.cutOffs[0]?.y ?? 0;
    expect(negative?.y).toBeGreaterThan(line);
    expect(positive?.y).toBeLessThan(line);
    expect(screen.cutOffLabels[0]?.lines).toEqual(['Cut-off 3', 'positive at 3 or more']);
  });
});

describe('spreadLabels', () => {
  it('leaves labels that do not collide where they want to be', () => {
    const placed = spreadLabels(
      [
        { lines: ['a'], y: 50 },
        { lines: ['b'], y: 100 },
      ],
      0,
      200,
    );
    expect(placed.map((label) => label.y)).toEqual([50, 100]);
  });

  it('pushes colliding labels apart and keeps them within bounds', () => {
    const placed = spreadLabels(
      [
        { lines: ['Cut-off 4: men'], y: 100 },
        { lines: ['Cut-off 3: women', 'or sex not recorded'], y: 105 },
        { lines: ['low'], y: 198 },
      ],
      0,
      200,
    );
    for (let index = 1; index < placed.length; index++) {
      const above = placed[index - 1];
      const label = placed[index];
      if (!above || !label) continue;
      const gap =
        label.y - (label.lines.length * CHART.lineHeight) / 2 - (above.y + (above.lines.length * CHART.lineHeight) / 2);
      expect(gap).toBeGreaterThanOrEqual(CHART.labelGap - 1e-9);
    }
    const last = placed[placed.length - 1];
    expect((last?.y ?? 0) + CHART.lineHeight / 2).toBeLessThanOrEqual(200);
    // Each remembers where it points to, for its leader line.
    expect(placed.map((label) => label.anchorY)).toEqual([100, 105, 198]);
  });
});

describe('placeXLabels', () => {
  const width = () => 40;
  it('moves a colliding date to a second row, and leaves out one that fits nowhere', () => {
    const labels = placeXLabels(
      [
        { date: '2026-01-01', x: 100 },
        { date: '2026-01-02', x: 110 },
        { date: '2026-01-03', x: 120 },
        { date: '2026-03-01', x: 300 },
      ],
      width,
      { left: 0, right: 640 },
    );
    expect(labels.map((label) => [label.date, label.row])).toEqual([
      ['2026-01-01', 0],
      ['2026-01-02', 1],
      ['2026-03-01', 0],
    ]);
  });

  it('shows the year again where it changes, and keeps labels inside the chart', () => {
    const labels = placeXLabels(
      [
        { date: '2025-12-20', x: 5 },
        { date: '2026-01-10', x: 200 },
        { date: '2026-02-10', x: 400 },
      ],
      width,
      { left: 0, right: 640 },
    );
    expect(labels.map((label) => label.withYear)).toEqual([true, true, false]);
    expect(labels[0]?.x).toBe(20);
  });

  it('reads dates as calendar days, whatever the time zone', () => {
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-29')).toBe(1);
  });
});

/** An administration as the core returns it, for the words below. */
function given(id: string, fields: Partial<Given> & Pick<Given, 'instrument' | 'total' | 'givenOn'>): Given {
  return {
    id,
    answers: [],
    sex: null,
    band: null,
    positive: null,
    flags: [],
    createdAt: `${fields.givenOn}T10:00:00.000Z`,
    ...fields,
  };
}

const day = (iso: string) => iso;

describe('the words of a client’s measures over time', () => {
  const first = given('1', { instrument: 'phq9', total: 18, band: 'moderately-severe', givenOn: '2026-11-11' });
  const second = given('2', { instrument: 'phq9', total: 14, band: 'moderate', givenOn: '2026-11-25' });
  const gad = given('3', { instrument: 'gad7', total: 6, band: 'mild', givenOn: '2026-11-18' });
  const third = given('4', { instrument: 'phq9', total: 14, band: 'moderate', givenOn: '2026-12-09' });
  const all = [third, gad, second, first];

  it('reads the result with its band, or a screen as positive or negative', () => {
    expect(resultWords(second)).toBe('14, moderate');
    expect(resultWords(given('s', { instrument: 'phq2', total: 4, positive: true, givenOn: '2026-01-01' }))).toBe(
      '4, positive screen',
    );
    expect(resultWords(given('s', { instrument: 'auditc', total: 2, positive: false, givenOn: '2026-01-01' }))).toBe(
      '2, negative screen',
    );
  });

  it('finds the same instrument given just before, whatever the order recorded', () => {
    expect(chronological(all).map((each) => each.id)).toEqual(['1', '3', '2', '4']);
    expect(previousOf(all, second)?.id).toBe('1');
    expect(previousOf(all, third)?.id).toBe('2');
    expect(previousOf(all, first)).toBeNull();
    expect(previousOf(all, gad)).toBeNull();
  });

  it('says the change since last time, as the issue words it', () => {
    expect(summaryLine(second, first, day)).toBe(
      'PHQ-9 14, moderate — down 4 since 2026-11-11 (18, moderately severe)',
    );
    expect(changeWords(third, second, day)).toBe('no change since 2026-11-25 (14, moderate)');
    expect(changeWords(first, null, day)).toBe('the first PHQ-9 recorded for this client');
    const up = given('5', { instrument: 'phq9', total: 21, band: 'severe', givenOn: '2026-12-16' });
    expect(changeWords(up, third, day)).toBe('up 7 since 2026-12-09 (14, moderate)');
  });

  it('orders two given on one day by when they were recorded', () => {
    const morning = given('m', { instrument: 'gad7', total: 3, givenOn: '2026-01-05', createdAt: '2026-01-05T09:00Z' });
    const later = given('l', { instrument: 'gad7', total: 8, givenOn: '2026-01-05', createdAt: '2026-01-05T15:00Z' });
    expect(previousOf([later, morning], later)?.id).toBe('m');
  });

  it('names the PHQ-9 item-9 answer', () => {
    const answers = [1, 1, 1, 1, 1, 1, 1, 1, 2];
    expect(item9Answer({ instrument: 'phq9', answers })).toEqual({ score: 2, label: 'More than half the days' });
    expect(item9Answer({ instrument: 'gad7', answers })).toBeNull();
  });

  it('names the unanswered items, and adds up only what is answered', () => {
    const answers = [0, 1, null, 2, 3, 0, null, 1, null];
    expect(unansweredItems('phq9', answers)).toEqual([3, 7, 9]);
    expect(listWords([3, 7, 9])).toBe('3, 7 and 9');
    expect(listWords([9])).toBe('9');
    expect(runningTotal(answers)).toBe(7);
    expect(unansweredItems('phq2', [])).toEqual([1, 2]);
  });

  it('labels a screen’s cut-off, with both AUDIT-C cut-offs when the history holds both', () => {
    expect(cutOffsFor('phq9', [])).toEqual([]);
    expect(cutOffsFor('phq2', [{ sex: null }])).toEqual([{ value: 3, lines: ['Cut-off 3', 'positive at 3 or more'] }]);
    expect(cutOffsFor('auditc', [{ sex: null }, { sex: 'female' }]).map((each) => each.value)).toEqual([3]);
    expect(cutOffsFor('auditc', [{ sex: 'male' }]).map((each) => each.value)).toEqual([4]);
    expect(cutOffsFor('auditc', [{ sex: 'male' }, { sex: null }])).toEqual([
      { value: 3, lines: ['Cut-off 3: women', 'or sex not recorded'] },
      { value: 4, lines: ['Cut-off 4: men'] },
    ]);
  });
});
