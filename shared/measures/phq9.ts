import { deepFreeze, PFIZER_NOTICE, PHQ_FREQUENCY_OPTIONS, PHQ_TIME_FRAME } from './common';
import type { InstrumentDef, MeasureResult } from './types';
import { bandFor, sum, validateAnswers } from './validate';

/**
 * PHQ-9 (reference clinical-facts.md §3.1): the nine DSM-IV criteria for major
 * depression, each 0–3 over the last 2 weeks, total 0–27.
 *
 * Wording: the reference quotes only item 9 exactly. Items 1–8 are Sessionkeep's own
 * short paraphrases of the criterion each item asks about, marked `paraphrase`; replace
 * them with the published form's wording (reference §5 item 10) before release.
 */

/** Item 9 answered above 0, whatever the total: the client needs a suicide-risk assessment. */
export const ITEM9_FLAG = 'item9';

const paraphrase = (number: number, text: string) =>
  ({ number, text, wording: 'paraphrase', options: PHQ_FREQUENCY_OPTIONS }) as const;

export const phq9: InstrumentDef = deepFreeze({
  id: 'phq9',
  name: 'PHQ-9',
  fullName: 'Patient Health Questionnaire-9',
  timeFrame: PHQ_TIME_FRAME,
  items: [
    paraphrase(1, 'Little interest or enjoyment in things'),
    paraphrase(2, 'Low, depressed or hopeless mood'),
    paraphrase(3, 'Sleep problems (too little or too much)'),
    paraphrase(4, 'Tiredness or low energy'),
    paraphrase(5, 'Appetite changes (poor appetite or overeating)'),
    paraphrase(6, 'Feeling bad about yourself: worthless, a failure or guilty'),
    paraphrase(7, 'Trouble concentrating'),
    paraphrase(8, 'Moving or speaking more slowly, or being more restless, than usual'),
    {
      number: 9,
      // Quoted in the reference from patientdeterminants.org and the Diabetes MILES abstract [S].
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way.',
      wording: 'verbatim',
      options: PHQ_FREQUENCY_OPTIONS,
    },
  ],
  maxTotal: 27,
  // Cut-offs 5 / 10 / 15 / 20 (Kroenke, Spitzer & Williams 2001).
  bands: [
    { band: 'minimal', min: 0, max: 4, label: 'Minimal' },
    { band: 'mild', min: 5, max: 9, label: 'Mild' },
    { band: 'moderate', min: 10, max: 14, label: 'Moderate' },
    { band: 'moderately-severe', min: 15, max: 19, label: 'Moderately severe' },
    { band: 'severe', min: 20, max: 27, label: 'Severe' },
  ],
  source:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606-613.',
  notice: PFIZER_NOTICE,
});

export function scorePhq9(answers: unknown): MeasureResult {
  const valid = validateAnswers(phq9, answers);
  const total = sum(valid);
  // PHQ instruction manual (as quoted; reference §3.1): "A patient who answers yes to
  // question 9 needs further assessment for suicide risk", regardless of the total.
  const flags = (valid[8] ?? 0) > 0 ? [ITEM9_FLAG] : [];
  return { total, band: bandFor(phq9, total).band, flags };
}
