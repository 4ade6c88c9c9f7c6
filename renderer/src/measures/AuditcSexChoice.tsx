import { AUDITC_CUT_OFF, AUDITC_THRESHOLD_EXPLANATION } from '../../../shared/measures';
import type { MeasureDraft } from './drafts';

type Sex = MeasureDraft['sex'];

const SEX_CHOICES: readonly { value: Sex; label: string }[] = [
  { value: null, label: 'Not recorded' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
];

/** The AUDIT-C's optional sex, which sets its cut-off; the hint says which cut-off applies. */
export function AuditcSexChoice({
  formId: id,
  sex,
  onChange,
}: {
  formId: string;
  sex: Sex;
  onChange: (sex: Sex) => void;
}) {
  return (
    <div className="measure-sex">
      <span className="field-label" id={`${id}-sex-label`}>
        Sex <span className="muted">(sets the cut-off; optional)</span>
      </span>
      <div
        className="choice-row"
        role="radiogroup"
        aria-labelledby={`${id}-sex-label`}
        aria-describedby={`${id}-sex-hint`}
      >
        {SEX_CHOICES.map((choice) => (
          <label key={choice.label} className={sex === choice.value ? 'choice checked' : 'choice'}>
            <input
              type="radio"
              name={`${id}-sex`}
              checked={sex === choice.value}
              onChange={() => onChange(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
      <p id={`${id}-sex-hint`} className="hint">
        {sex === null
          ? AUDITC_THRESHOLD_EXPLANATION
          : `Positive at ${sex === 'male' ? AUDITC_CUT_OFF.male : AUDITC_CUT_OFF.female} or more.`}
      </p>
    </div>
  );
}
