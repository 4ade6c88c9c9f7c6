import { deepFreeze, PFIZER_NOTICE, PHQ_FREQUENCY_OPTIONS, PHQ_TIME_FRAME } from './common';
import type { InstrumentDef, MeasureResult } from './types';
import { bandFor, sum, validateAnswers } from './validate';

/**
 * PHQ-9 (reference clinical-facts.md §3.1): the nine DSM-IV criteria for major
 * depression, each 0–3 over the last 2 weeks, total 0–27.
 *
 * Wording: the reference quotes item 9 exactly [S]. Items 1–8 are the Pfizer form's
 * wording as reproduced, word for word alike, in several independent public
 * implementations (checked 2026-11-25); the form itself (phqscreeners.com) was not read
 * directly (reference §5 item 10), so the grade is S, as for the GAD-7 items. Pfizer
 * allows verbatim reproduction with PFIZER_NOTICE (§3.4).
 */

/** Item 9 answered above 0, whatever the total: the client needs a suicide-risk assessment. */
export const ITEM9_FLAG = 'item9';

const verbatim = (number: number, text: string) =>
  ({ number, text, wording: 'verbatim', options: PHQ_FREQUENCY_OPTIONS }) as const;

export const phq9: InstrumentDef = deepFreeze({
  id: 'phq9',
  name: 'PHQ-9',
  fullName: 'Patient Health Questionnaire-9',
  timeFrame: PHQ_TIME_FRAME,
  items: [
    verbatim(1, 'Little interest or pleasure in doing things'),
    verbatim(2, 'Feeling down, depressed, or hopeless'),
    verbatim(3, 'Trouble falling or staying asleep, or sleeping too much'),
    verbatim(4, 'Feeling tired or having little energy'),
    verbatim(5, 'Poor appetite or overeating'),
    verbatim(6, 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down'),
    verbatim(7, 'Trouble concentrating on things, such as reading the newspaper or watching television'),
    verbatim(
      8,
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    ),
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
