import { medicationSourceOptions } from '../../../shared/intake/entry';
import { fieldLabels } from './describe';
import { DateField, described, FieldError, type FieldKit, TextField } from './IntakeFields';

/** A medication's fields after its name: dose, prescriber, whether it is the client's own, and when. */
export function MedicationFields({ kit, stopHint }: { kit: FieldKit; stopHint: string }) {
  const { id, values, change } = kit;
  return (
    <>
      <TextField kit={kit} field="dose" />
      <TextField kit={kit} field="prescriber" />
      <div className="field span-2">
        <label htmlFor={`${id}-source`}>{fieldLabels.source}</label>
        <select
          id={`${id}-source`}
          value={values.source ?? 'prescribed'}
          onChange={(event) => change('source', event.target.value)}
          {...described(kit, 'source')}
        >
          {medicationSourceOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldError kit={kit} field="source" />
      </div>
      <DateField kit={kit} field="startedOn" />
      <DateField kit={kit} field="stoppedOn" hint={stopHint} />
    </>
  );
}
