/**
 * The layout of a measure's chart over time, as numbers only (no DOM, no React), so the
 * geometry is unit-tested (tests/unit/chartLayout.test.ts) and LineChart.tsx only draws.
 *
 * Scores are whole numbers, so the y scale runs from -0.5 to max + 0.5 and a band such
 * as "mild 5–9" is shaded from 4.5 to 9.5: a point on a cut-off score sits inside its
 * band, never on a boundary line. A screen's cut-off line is drawn the same way, just
 * below the first positive score. Dates are spaced by time (a long gap between sessions
 * shows as one), and each date is labelled where the labels do not collide.
 */

export type ChartBand = { label: string; min: number; max: number };
export type ChartCutOff = { value: number; lines: readonly string[] };
export type ChartPoint = { id: string; date: string; total: number };

export type ChartSpec = {
  maxTotal: number;
  bands: readonly ChartBand[];
  cutOffs: readonly ChartCutOff[];
  points: readonly ChartPoint[];
};

/** A label in the right-hand gutter: a band's name and range, or a cut-off. */
export type GutterLabel = { lines: string[]; y: number; anchorY: number };

export type LaidOutBand = ChartBand & { top: number; bottom: number; index: number };
/** `showValue`: whether the total is written beside the point (not when the points crowd together). */
export type LaidOutPoint = ChartPoint & { x: number; y: number; labelY: number; showValue: boolean };
export type XLabel = { date: string; x: number; row: 0 | 1; withYear: boolean };

export type ChartLayout = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: { value: number; y: number }[];
  bands: LaidOutBand[];
  bandLabels: GutterLabel[];
  cutOffs: { value: number; y: number }[];
  cutOffLabels: GutterLabel[];
  points: LaidOutPoint[];
  xLabels: XLabel[];
  path: string;
};

export const CHART = {
  width: 640,
  plotTop: 14,
  plotHeight: 196,
  left: 44,
  gutter: 140,
  /** Space kept at each end of the time axis so points clear the frame. */
  inset: 28,
  /** Below the plot: one or two rows of date labels. */
  rowHeight: 15,
  bottom: 26,
  /** Height of one line of gutter text and the gap between labels. */
  lineHeight: 12,
  labelGap: 5,
  /** Closest two written totals may be, side by side (two digits of bold 11px text and a gap). */
  valueGap: 22,
  /** Rough width of a character of the 11px axis text, for collision checks. */
  charWidth: 6.2,
} as const;

const MS_PER_DAY = 86_400_000;

/** Days since 1970 of an ISO date (YYYY-MM-DD), in UTC so no time zone shifts it. */
export function dayNumber(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / MS_PER_DAY;
}

/** Score ticks: the smallest of 1, 2, 5, 10 that gives at most 6 steps, from 0 up to the maximum. */
export function tickValues(maxTotal: number): number[] {
  const step = [1, 2, 5, 10].find((candidate) => maxTotal / candidate <= 6) ?? Math.ceil(maxTotal / 6);
  const ticks: number[] = [];
  for (let value = 0; value <= maxTotal; value += step) ticks.push(value);
  return ticks;
}

/**
 * Places labels (sorted by their wanted y) so none overlap, keeping each as close as it
 * can to where it wants to be and all within [minY, maxY]. A label's y is its centre.
 */
export function spreadLabels(
  wanted: readonly { lines: string[]; y: number }[],
  minY: number,
  maxY: number,
): GutterLabel[] {
  const heightOf = (lines: readonly string[]) => lines.length * CHART.lineHeight;
  const placed = [...wanted]
    .sort((a, b) => a.y - b.y)
    .map((label) => ({ lines: [...label.lines], y: label.y, anchorY: label.y }));
  // Downwards: each label starts at least a gap below the one above it.
  for (let index = 0; index < placed.length; index++) {
    const label = placed[index];
    if (!label) continue;
    const above = placed[index - 1];
    const lowest = above
      ? above.y + heightOf(above.lines) / 2 + CHART.labelGap + heightOf(label.lines) / 2
      : minY + heightOf(label.lines) / 2;
    label.y = Math.max(label.y, lowest);
  }
  // Upwards from the bottom edge: whatever was pushed past it comes back up.
  for (let index = placed.length - 1; index >= 0; index--) {
    const label = placed[index];
    if (!label) continue;
    const below = placed[index + 1];
    const highest = below
      ? below.y - heightOf(below.lines) / 2 - CHART.labelGap - heightOf(label.lines) / 2
      : maxY - heightOf(label.lines) / 2;
    label.y = Math.min(label.y, highest);
  }
  return placed;
}

/**
 * Date labels under the points, one per date given: on the first row where they clear
 * the label before them, else on a second row, else left out (each point still carries
 * its date in its title and in the table). The year is shown on the first label and
 * wherever it changes.
 */
export function placeXLabels(
  dates: readonly { date: string; x: number }[],
  textWidth: (date: string, withYear: boolean) => number,
  bounds: { left: number; right: number },
): XLabel[] {
  const ends: [number, number] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const labels: XLabel[] = [];
  let lastYear: string | null = null;
  for (const { date, x } of dates) {
    const year = date.slice(0, 4);
    const withYear = year !== lastYear;
    const half = textWidth(date, withYear) / 2;
    // Kept inside the chart: a label near an edge shifts inwards rather than being cut.
    const centre = Math.min(Math.max(x, bounds.left + half), bounds.right - half);
    const row = ([0, 1] as const).find((candidate) => centre - half >= ends[candidate] + 6);
    if (row === undefined) continue;
    ends[row] = centre + half;
    labels.push({ date, x: centre, row, withYear });
    lastYear = year;
  }
  return labels;
}

export function layoutChart(spec: ChartSpec): ChartLayout {
  const width = CHART.width;
  const plot = {
    left: CHART.left,
    top: CHART.plotTop,
    right: width - CHART.gutter,
    bottom: CHART.plotTop + CHART.plotHeight,
  };
  const low = -0.5;
  const high = spec.maxTotal + 0.5;
  const y = (value: number) => plot.bottom - ((value - low) / (high - low)) * (plot.bottom - plot.top);
  // A score on the scale, never drawn outside it (a bad value must not escape the frame).
  const yOf = (value: number) => y(Math.min(Math.max(value, low), high));

  const bands = spec.bands.map((band, index) => ({
    ...band,
    index,
    top: yOf(band.max + 0.5),
    bottom: yOf(band.min - 0.5),
  }));
  const gutterTop = plot.top;
  const gutterBottom = plot.bottom;
  const bandLabels = spreadLabels(
    bands.map((band) => ({
      lines: [band.label, band.min === band.max ? String(band.min) : `${band.min}–${band.max}`],
      y: (band.top + band.bottom) / 2,
    })),
    gutterTop,
    gutterBottom,
  );
  const cutOffs = spec.cutOffs.map((cutOff) => ({ value: cutOff.value, y: yOf(cutOff.value - 0.5) }));
  const cutOffLabels = spreadLabels(
    spec.cutOffs.map((cutOff) => ({ lines: [...cutOff.lines], y: yOf(cutOff.value - 0.5) })),
    gutterTop,
    gutterBottom,
  );

  // Time axis: oldest at the left; one date alone sits in the middle.
  const days = spec.points.map((point) => dayNumber(point.date));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const innerLeft = plot.left + CHART.inset;
  const innerRight = plot.right - CHART.inset;
  const x = (day: number) =>
    last === first
      ? (innerLeft + innerRight) / 2
      : innerLeft + ((day - first) / (last - first)) * (innerRight - innerLeft);

  const points = spec.points
    .map((point) => ({ point, day: dayNumber(point.date) }))
    .sort((a, b) => a.day - b.day)
    .map(({ point, day }) => {
      const pointY = yOf(point.total);
      // The score's label sits above the point, or below it when the point is near the top.
      const labelY = pointY - 9 < plot.top + 10 ? pointY + 17 : pointY - 9;
      return { ...point, x: x(day), y: pointY, labelY, showValue: false };
    });
  // Totals written beside the points from the latest back, skipping any that would touch
  // the one after it: the latest is always written; the table has every total.
  let lastWritten = Number.POSITIVE_INFINITY;
  for (let index = points.length - 1; index >= 0; index--) {
    const point = points[index];
    if (!point || lastWritten - point.x < CHART.valueGap) continue;
    point.showValue = true;
    lastWritten = point.x;
  }

  const distinctDates = [...new Set(points.map((point) => point.date))].map((date) => ({
    date,
    x: x(dayNumber(date)),
  }));
  const xLabels = placeXLabels(distinctDates, (_date, withYear) => (withYear ? 11 : 6) * CHART.charWidth, {
    left: 0,
    right: plot.right + CHART.gutter / 2,
  });

  const rows = xLabels.some((label) => label.row === 1) ? 2 : 1;
  return {
    width,
    height: plot.bottom + CHART.bottom + (rows - 1) * CHART.rowHeight,
    plot,
    yTicks: tickValues(spec.maxTotal).map((value) => ({ value, y: yOf(value) })),
    bands,
    bandLabels,
    cutOffs,
    cutOffLabels,
    points,
    xLabels,
    path: points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join(' '),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
