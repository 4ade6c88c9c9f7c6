import { deepFreeze, PFIZER_NOTICE } from './common';
import { phq9 } from './phq9';
import type { InstrumentDef, MeasureResult } from './types';
import { sum, validateAnswers } from './validate';

/**
 * PHQ-2 (reference clinical-facts.md §3.2): the first two PHQ-9 items (anhedonia,
 * depressed mood), each 0–3, total 0–6. Positive at 3 or more, the optimal cut-point
 * in Kroenke, Spitzer & Williams 2003. The items are the PHQ-9's first two, word for word.
 *
 * A negative PHQ-2 does not rule out thoughts of self-harm: at a cut-off of 3 it would
 * have passed only 49% of people with item-9 thoughts on to the PHQ-9 (§3.2).
 */

export const PHQ2_CUT_OFF = 3;

export const phq2: InstrumentDef = deepFreeze({
  id: 'phq2',
  name: 'PHQ-2',
  fullName: 'Patient Health Questionnaire-2',
  timeFrame: phq9.timeFrame,
  items: phq9.items.slice(0, 2),
  maxTotal: 6,
  bands: [],
  source:
    'Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item depression screener. Med Care 2003;41(11):1284-1292.',
  notice: PFIZER_NOTICE,
});

export function scorePhq2(answers: unknown): MeasureResult {
  const total = sum(validateAnswers(phq2, answers));
  return { total, positive: total >= PHQ2_CUT_OFF, flags: [] };
}
