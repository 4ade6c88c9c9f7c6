import { deepFreeze } from './common';
import type { InstrumentDef, MeasureResult, ScoreOptions } from './types';
import { sum, validateAnswers } from './validate';

/**
 * AUDIT-C (reference clinical-facts.md §3.5): questions 1–3 of the WHO AUDIT, each
 * 0–4, total 0–12. Positive at 4 or more for men and 3 or more for women (Bush et al.
 * 1998; Bradley et al. 2003).
 *
 * Wording: questions 1–3 of the WHO AUDIT and their answer options as the WHO form
 * has them, reproduced word for word alike in several independent public
 * implementations (checked 2026-11-25; they agree with the options the reference lists
 * "from memory" in §3.5). The WHO manual itself was not read directly (reference §5
 * item 11), so the grade is S. The reference gives no time frame.
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
      text: 'How often do you have a drink containing alcohol?',
      wording: 'verbatim',
      options: [
        { score: 0, label: 'Never' },
        { score: 1, label: 'Monthly or less' },
        { score: 2, label: '2 to 4 times a month' },
        { score: 3, label: '2 to 3 times a week' },
        { score: 4, label: '4 or more times a week' },
      ],
    },
    {
      number: 2,
      text: 'How many drinks containing alcohol do you have on a typical day when you are drinking?',
      wording: 'verbatim',
      options: [
        { score: 0, label: '1 or 2' },
        { score: 1, label: '3 or 4' },
        { score: 2, label: '5 or 6' },
        { score: 3, label: '7, 8, or 9' },
        { score: 4, label: '10 or more' },
      ],
    },
    {
      number: 3,
      text: 'How often do you have six or more drinks on one occasion?',
      wording: 'verbatim',
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
