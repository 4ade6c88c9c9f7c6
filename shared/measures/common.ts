import type { AnswerOption } from './types';

/**
 * What the PHQ-9, PHQ-2 and GAD-7 share (reference clinical-facts.md §3.1, §3.3, §3.4):
 * the time frame, the four frequency options scored 0–3, and Pfizer's attribution line.
 */

export const PHQ_TIME_FRAME = 'Over the last 2 weeks';

export const PHQ_FREQUENCY_OPTIONS: readonly AnswerOption[] = [
  { score: 0, label: 'Not at all' },
  { score: 1, label: 'Several days' },
  { score: 2, label: 'More than half the days' },
  { score: 3, label: 'Nearly every day' },
];

/**
 * The notice on the phqscreeners.com forms (§3.4). Pfizer released the PHQ and GAD-7
 * in July 2010 "without copyright restriction and at no charge"; the items may be
 * reproduced verbatim with this line, word for word.
 */
export const PFIZER_NOTICE =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

/** Definitions are shared, so nothing may change them in place (strict mode throws). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
