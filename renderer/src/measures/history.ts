import { AUDITC_CUT_OFF, getInstrument, type InstrumentId, ITEM9_FLAG, PHQ2_CUT_OFF } from '../../../shared/measures';
import type { Administration } from '../../../shared/measures/administration';

/**
 * How a client's measures read over time, as plain words: the result of one
 * administration ("14, moderate"), the one before it and the change since. Pure (no
 * DOM, no React) so it is unit-tested with the chart layout (tests/unit/chartLayout.test.ts).
 */

/** The fields these summaries read: an Administration, or a test's stand-in for one. */
export type Given = Pick<
  Administration,
  'id' | 'instrument' | 'answers' | 'sex' | 'givenOn' | 'total' | 'band' | 'positive' | 'flags' | 'createdAt'
>;

/** Oldest first: by the date given, then by when it was recorded (two on one day keep their order). */
export function chronological<T extends Given>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.givenOn.localeCompare(b.givenOn) || a.createdAt.localeCompare(b.createdAt));
}

/** The same instrument given to the client just before this one, or null for the first. */
export function previousOf<T extends Given>(list: readonly T[], current: T): T | null {
  const same = chronological(list.filter((each) => each.instrument === current.instrument));
  const index = same.findIndex((each) => each.id === current.id);
  return index > 0 ? (same[index - 1] ?? null) : null;
}

/** The band label ("moderately severe") or the screen ("positive screen"); null when neither applies. */
export function verdict(given: Pick<Given, 'instrument' | 'band' | 'positive'>): string | null {
  const band = getInstrument(given.instrument).bands.find((each) => each.band === given.band);
  if (band) return band.label.toLowerCase();
  if (given.positive === null || given.positive === undefined) return null;
  return given.positive ? 'positive screen' : 'negative screen';
}

/** "14, moderate" or "2, negative screen". */
export function resultWords(given: Pick<Given, 'instrument' | 'total' | 'band' | 'positive'>): string {
  const words = verdict(given);
  return words ? `${given.total}, ${words}` : String(given.total);
}

/** "down 4 since 11 Nov 2026 (18, moderately severe)", "no change since …", or the first time. */
export function changeWords(current: Given, previous: Given | null, formatDay: (iso: string) => string): string {
  const name = getInstrument(current.instrument).name;
  if (!previous) return `the first ${name} recorded for this client`;
  const difference = current.total - previous.total;
  const direction = difference === 0 ? 'no change' : difference < 0 ? `down ${-difference}` : `up ${difference}`;
  return `${direction} since ${formatDay(previous.givenOn)} (${resultWords(previous)})`;
}

/** "PHQ-9 14, moderate — down 4 since 11 Nov 2026 (18, moderately severe)". */
export function summaryLine(current: Given, previous: Given | null, formatDay: (iso: string) => string): string {
  return `${getInstrument(current.instrument).name} ${resultWords(current)} — ${changeWords(current, previous, formatDay)}`;
}

export function hasItem9Flag(given: Pick<Given, 'flags'>): boolean {
  return given.flags.includes(ITEM9_FLAG);
}

/** The answer to PHQ-9 item 9 with its label, e.g. { score: 2, label: 'More than half the days' }. */
export function item9Answer(given: Pick<Given, 'instrument' | 'answers'>): { score: number; label: string } | null {
  if (given.instrument !== 'phq9') return null;
  const score = given.answers[8];
  if (score === undefined) return null;
  const option = getInstrument('phq9').items[8]?.options.find((each) => each.score === score);
  return { score, label: option?.label ?? String(score) };
}

/** The items (1-based numbers) without an answer yet: an incomplete measure is never scored. */
export function unansweredItems(instrument: InstrumentId, answers: readonly (number | null)[]): number[] {
  return getInstrument(instrument)
    .items.filter((_, index) => answers[index] === null || answers[index] === undefined)
    .map((item) => item.number);
}

/** "3", "3 and 7", "3, 7 and 9". */
export function listWords(values: readonly (string | number)[]): string {
  const words = values.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The running total of what has been answered so far (shown, never stored). */
export function runningTotal(answers: readonly (number | null)[]): number {
  return answers.reduce<number>((total, answer) => total + (answer ?? 0), 0);
}

export type CutOff = { value: number; lines: string[] };

/**
 * The cut-off lines of a yes/no screen, for the chart, each with its label: the PHQ-2's
 * 3, and for the AUDIT-C the cut-off each administration was scored with (3 for women
 * and when sex was not recorded, 4 for men), both when the history holds both.
 */
export function cutOffsFor(instrument: InstrumentId, history: readonly Pick<Given, 'sex'>[]): CutOff[] {
  const single = (value: number): CutOff => ({ value, lines: [`Cut-off ${value}`, `positive at ${value} or more`] });
  if (instrument === 'phq2') return [single(PHQ2_CUT_OFF)];
  if (instrument !== 'auditc') return [];
  const men = history.some((each) => each.sex === 'male');
  const others = history.some((each) => each.sex !== 'male');
  if (men && !others) return [single(AUDITC_CUT_OFF.male)];
  if (!men) return [single(AUDITC_CUT_OFF.female)];
  return [
    { value: AUDITC_CUT_OFF.female, lines: [`Cut-off ${AUDITC_CUT_OFF.female}: women`, 'or sex not recorded'] },
    { value: AUDITC_CUT_OFF.male, lines: [`Cut-off ${AUDITC_CUT_OFF.male}: men`] },
  ];
}

/** The cut-off a single AUDIT-C or PHQ-2 result was scored with, for its table row. */
export function cutOffOf(given: Pick<Given, 'instrument' | 'sex'>): number | null {
  if (given.instrument === 'phq2') return PHQ2_CUT_OFF;
  if (given.instrument === 'auditc') return given.sex === 'male' ? AUDITC_CUT_OFF.male : AUDITC_CUT_OFF.female;
  return null;
}
