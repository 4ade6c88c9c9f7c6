import { deepFreeze, PFIZER_NOTICE, PHQ_FREQUENCY_OPTIONS, PHQ_TIME_FRAME } from './common';
import type { InstrumentDef, MeasureResult } from './types';
import { bandFor, sum, validateAnswers } from './validate';

/**
 * GAD-7 (reference clinical-facts.md §3.3): 7 items, each 0–3 over the last 2 weeks,
 * total 0–21, cut-offs 5 / 10 / 15. The item wording is quoted in the reference from
 * phqscreeners.com (via code repositories, [S]).
 */

const verbatim = (number: number, text: string) =>
  ({ number, text, wording: 'verbatim', options: PHQ_FREQUENCY_OPTIONS }) as const;

export const gad7: InstrumentDef = deepFreeze({
  id: 'gad7',
  name: 'GAD-7',
  fullName: 'Generalized Anxiety Disorder-7',
  timeFrame: PHQ_TIME_FRAME,
  items: [
    verbatim(1, 'Feeling nervous, anxious or on edge'),
    verbatim(2, 'Not being able to stop or control worrying'),
    verbatim(3, 'Worrying too much about different things'),
    verbatim(4, 'Trouble relaxing'),
    verbatim(5, 'Being so restless that it is hard to sit still'),
    verbatim(6, 'Becoming easily annoyed or irritable'),
    verbatim(7, 'Feeling afraid as if something awful might happen'),
  ],
  maxTotal: 21,
  bands: [
    { band: 'minimal', min: 0, max: 4, label: 'Minimal' },
    { band: 'mild', min: 5, max: 9, label: 'Mild' },
    { band: 'moderate', min: 10, max: 14, label: 'Moderate' },
    { band: 'severe', min: 15, max: 21, label: 'Severe' },
  ],
  source:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092-1097.',
  notice: PFIZER_NOTICE,
});

export function scoreGad7(answers: unknown): MeasureResult {
  const total = sum(validateAnswers(gad7, answers));
  return { total, band: bandFor(gad7, total).band, flags: [] };
}
