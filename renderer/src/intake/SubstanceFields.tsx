import { obtainedFromOptions } from '../../../shared/intake/entry';
import { fieldLabels, prescriberKnowsLabels } from './describe';
import { DateField, described, FieldError, type FieldKit, TextField } from './IntakeFields';

/** A substance or supplement's fields after its name: how it is taken, where it comes from, and when. */
export function SubstanceFields({ kit, stopHint }: { kit: FieldKit; stopHint: string }) {
  const { id, values, change } = kit;
  return (
    <>
      <TextField kit={kit} field="amount" />
      <TextField kit={kit} field="unit" />
      <TextField kit={kit} field="frequency" />
      <TextField kit={kit} field="clientSaysFor" className="span-2" />
      <TextField kit={kit} field="route" />
      <fieldset className="field intake-radios span-2">
        <legend>Prescriber knows</legend>
        <div className="intake-radio-row">
          {(['yes', 'no', 'unknown'] as const).map((answer) => (
            <label key={answer} className="review-choice">
              <input
                type="radio"
                name={`${id}-prescriberKnows`}
                value={answer}
                checked={values.prescriberKnows === answer}
                onChange={() => change('prescriberKnows', answer)}
              />
              {prescriberKnowsLabels[answer]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-obtainedFrom`}>{fieldLabels.obtainedFrom}</label>
        <select
          id={`${id}-obtainedFrom`}
          value={values.obtainedFrom ?? ''}
          onChange={(event) => change('obtainedFrom', event.target.value)}
          {...described(kit, 'obtainedFrom')}
        >
          <option value="">Not recorded</option>
          {obtainedFromOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldError kit={kit} field="obtainedFrom" />
      </div>
      <TextField kit={kit} field="product" />
      <DateField kit={kit} field="startedOn" />
      <DateField kit={kit} field="lastUseOn" />
      <DateField kit={kit} field="stoppedOn" hint={stopHint} />
    </>
  );
}
