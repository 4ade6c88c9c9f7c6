import {
  type AnswerOption,
  type InstrumentDef,
  type InstrumentId,
  type MeasureResult,
  scoreMeasure,
} from '../../../shared/measures';
import type { MeasureDraft } from './drafts';

/**
 * How answers go into the measure form, as plain functions (no DOM, no React) so they are
 * checked by a table of cases (tests/unit/measureEntry.test.ts): the empty answer list,
 * the shared answer grid, the live score and what a key press answers.
 */

type Sex = MeasureDraft['sex'];

/** One null per item: nothing answered yet. */
export function emptyAnswers(def: InstrumentDef): (number | null)[] {
  return def.items.map(() => null);
}

/**
 * The answer options every item shares (the PHQ and GAD-7 frequencies), laid out as a
 * grid with the options named once above their columns; null when items differ (the
 * AUDIT-C), which get their options written out item by item.
 */
export function sharedOptions(def: InstrumentDef): readonly AnswerOption[] | null {
  const first = def.items[0]?.options;
  if (!first) return null;
  const same = def.items.every(
    (item) =>
      item.options.length === first.length &&
      item.options.every(
        (option, index) => option.score === first[index]?.score && option.label === first[index]?.label,
      ),
  );
  return same ? first : null;
}

/** Scored only when every item is answered: an incomplete measure is never scored. */
export function liveResult(
  instrument: InstrumentId,
  answers: readonly (number | null)[],
  sex: Sex,
): MeasureResult | null {
  if (answers.some((answer) => answer === null)) return null;
  try {
    return scoreMeasure(instrument, answers as number[], sex ? { sex } : {});
  } catch {
    return null;
  }
}

/** The highest score any item can take: the last number key the hint names. */
export function highestScore(def: InstrumentDef): number {
  return Math.max(...def.items.flatMap((item) => item.options.map((option) => option.score)));
}

/** The parts of a key press that decide whether it answers an item. */
export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

/**
 * The score a key press answers an item with: a plain digit key that is one of the item's
 * scores. Null for anything else (a modified key, a letter, a score the item does not
 * have), which is left to the browser.
 */
export function keyScore(press: KeyPress, options: readonly Pick<AnswerOption, 'score'>[]): number | null {
  if (press.ctrlKey || press.metaKey || press.altKey || !/^[0-9]$/.test(press.key)) return null;
  const score = Number(press.key);
  return options.some((option) => option.score === score) ? score : null;
}
