import { deepFreeze } from './common';
import type { InstrumentDef, MeasureResult, ScoreOptions } from './types';
import { sum, validateAnswers } from './validate';

/**
 * AUDIT-C (reference clinical-facts.md §3.5): questions 1–3 of the WHO AUDIT, each
 * 0–4, total 0–12. Positive at 4 or more for men and 3 or more for women (Bush et al.
 * 1998; Bradley et al. 2003).
 *
 * Wording: the reference gives no exact item wording (only the fragment "6 or more
 * drinks on one occasion" for question 3), so all three items are Sessionkeep's own
 * short paraphrases, marked `paraphrase`. The answer options are listed in the
 * reference "from memory" and must be checked against the WHO manual (reference §5
 * item 11), so they are marked `optionsUnverified`. The reference gives no time frame.
 */

export const AUDITC_CUT_OFF = { male: 4, female: 3 } as const;

/** For the UI, next to a result scored without a recorded sex. */
export const AUDITC_THRESHOLD_EXPLANATION =
  'When sex is not recorded, Sessionkeep uses the lower cut-off of 3 that was validated for women instead of 4 for men, so a possible drinking problem is flagged rather than missed.';

export const auditc: InstrumentDef = deepFreeze({
  id: 'auditc',
  name: 'AUDIT-C',
  fullName: 'Alcohol Use Disorders Identification Test – Consumption',
  items: [
    {
      number: 1,
      text: 'How often do you drink alcohol?',
      wording: 'paraphrase',
      optionsUnverified: true,
      options: [
        { score: 0, label: 'Never' },
        { score: 1, label: 'Monthly or less' },
        { score: 2, label: '2-4 times a month' },
        { score: 3, label: '2-3 times a week' },
        { score: 4, label: '4+ times a week' },
      ],
    },
    {
      number: 2,
      text: 'On a usual day when you drink, how many drinks do you have?',
      wording: 'paraphrase',
      optionsUnverified: true,
      options: [
        { score: 0, label: '1-2' },
        { score: 1, label: '3-4' },
        { score: 2, label: '5-6' },
        { score: 3, label: '7-9' },
        { score: 4, label: '10+' },
      ],
    },
    {
      number: 3,
      text: 'How often do you have 6 or more drinks on one occasion?',
      wording: 'paraphrase',
      optionsUnverified: true,
      options: [
        { score: 0, label: 'Never' },
        { score: 1, label: 'Less than monthly' },
        { score: 2, label: 'Monthly' },
        { score: 3, label: 'Weekly' },
        { score: 4, label: 'Daily or almost daily' },
      ],
    },
  ],
  maxTotal: 12,
  bands: [],
  source:
    'Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders Identification Test. Guidelines for Use in Primary Care, 2nd ed. Geneva: World Health Organization; 2001 (WHO/MSD/MSB/01.6a). Scoring: Bush K et al., Arch Intern Med 1998;158(16):1789-95; Bradley KA et al., Arch Intern Med 2003;163(7):821-9.',
});

export function scoreAuditC(answers: unknown, options: ScoreOptions = {}): MeasureResult {
  const sex: unknown = options?.sex;
  if (sex !== undefined && sex !== 'female' && sex !== 'male') {
    throw new Error(`AUDIT-C: sex must be 'female', 'male' or not given, got ${JSON.stringify(sex)}.`);
  }
  const total = sum(validateAnswers(auditc, answers));
  // No sex given: the lower (more sensitive) cut-off, see AUDITC_THRESHOLD_EXPLANATION.
  const cutOff = sex === 'male' ? AUDITC_CUT_OFF.male : AUDITC_CUT_OFF.female;
  return { total, positive: total >= cutOff, flags: [] };
}
