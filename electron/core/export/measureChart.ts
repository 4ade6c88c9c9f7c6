import { rgb } from 'pdf-lib';
import type { Band } from '../../../shared/measures';
import { CONTENT_WIDTH, INK, type Layout, MARGIN, MUTED, RULE } from './pdfLayout';

/**
 * A vector line chart of one measure's totals over time: the instrument's severity bands
 * as labelled light rectangles, one point per administration placed by date, the dates
 * along the x axis. Drawn with pdf-lib's primitives so it prints sharp at any size.
 */

export type ChartPoint = { date: string; total: number };

const HEIGHT = 150;
const AXIS_LEFT = 30;
/** Room on the right for the band names. */
const BAND_LABELS = 92;
const LABEL_SIZE = 7;

/** Light fills from calm to strong, spread over however many bands an instrument has. */
function bandFill(index: number, count: number) {
  const t = count <= 1 ? 0 : index / (count - 1);
  return rgb(0.93 + 0.04 * t, 0.97 - 0.1 * t, 0.93 - 0.07 * t);
}

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

export function drawMeasureChart(layout: Layout, points: readonly ChartPoint[], bands: readonly Band[], max: number) {
  const { fonts } = layout;
  layout.ensure(HEIGHT + 24);
  const page = layout.page;
  const left = MARGIN.left + AXIS_LEFT;
  const width = CONTENT_WIDTH - AXIS_LEFT - BAND_LABELS;
  const top = layout.y - 6;
  const bottom = top - HEIGHT;
  const yOf = (value: number) => bottom + (Math.min(Math.max(value, 0), max) / max) * HEIGHT;

  bands.forEach((band, index) => {
    // A band covers whole scores min..max: draw it from min-0.5 to max+0.5, clipped to the axis.
    const low = yOf(Math.max(0, band.min - 0.5));
    const high = yOf(Math.min(max, band.max + 0.5));
    page.drawRectangle({ x: left, y: low, width, height: high - low, color: bandFill(index, bands.length) });
    const label = `${band.label} (${band.min}–${band.max})`;
    page.drawText(label, {
      x: left + width + 6,
      y: (low + high) / 2 - LABEL_SIZE / 3,
      size: LABEL_SIZE,
      font: fonts.regular,
      color: MUTED,
    });
  });

  // Axes and y ticks at 0, each band's lower edge and the maximum.
  page.drawLine({ start: { x: left, y: bottom }, end: { x: left + width, y: bottom }, thickness: 0.8, color: INK });
  page.drawLine({ start: { x: left, y: bottom }, end: { x: left, y: top }, thickness: 0.8, color: INK });
  const ticks = [...new Set([0, ...bands.map((band) => band.min), max])].sort((a, b) => a - b);
  let lastTickY = Number.NEGATIVE_INFINITY;
  for (const tick of ticks) {
    const y = yOf(tick);
    if (y - lastTickY < LABEL_SIZE + 1 && tick !== max) continue;
    lastTickY = y;
    const text = String(tick);
    page.drawLine({ start: { x: left - 3, y }, end: { x: left, y }, thickness: 0.6, color: INK });
    page.drawText(text, {
      x: left - 5 - fonts.regular.widthOfTextAtSize(text, LABEL_SIZE),
      y: y - LABEL_SIZE / 3,
      size: LABEL_SIZE,
      font: fonts.regular,
      color: MUTED,
    });
  }

  // Points by date; a single day (or a single point) sits in the middle.
  const days = points.map((point) => dayNumber(point.date));
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  const inset = 14;
  const xOf = (day: number) =>
    span === 0 ? left + width / 2 : left + inset + ((day - first) / span) * (width - 2 * inset);
  const placed = points.map((point, index) => ({ x: xOf(days[index] ?? first), y: yOf(point.total), ...point }));
  for (let index = 1; index < placed.length; index += 1) {
    const from = placed[index - 1];
    const to = placed[index];
    if (from && to) page.drawLine({ start: from, end: to, thickness: 1.2, color: rgb(0.16, 0.33, 0.6) });
  }
  let lastLabelRight = Number.NEGATIVE_INFINITY;
  for (const point of placed) {
    page.drawCircle({ x: point.x, y: point.y, size: 2.6, color: rgb(0.16, 0.33, 0.6) });
    page.drawLine({
      start: { x: point.x, y: bottom },
      end: { x: point.x, y: bottom - 3 },
      thickness: 0.6,
      color: INK,
    });
    // Dates that would overlap the previous label are skipped; the table above lists them all.
    const labelWidth = fonts.regular.widthOfTextAtSize(point.date, LABEL_SIZE);
    const x = point.x - labelWidth / 2;
    if (x > lastLabelRight + 4) {
      page.drawText(point.date, { x, y: bottom - 12, size: LABEL_SIZE, font: fonts.regular, color: MUTED });
      lastLabelRight = x + labelWidth;
    }
  }
  page.drawRectangle({ x: left, y: bottom, width, height: HEIGHT, borderColor: RULE, borderWidth: 0.5 });
  layout.y = bottom - 22;
}
