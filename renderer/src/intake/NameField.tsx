import { useState } from 'react';
import { recognition } from './describe';
import { described, FieldError, type FieldKit, placeholders } from './IntakeFields';
import { type Kind, suggestions } from './intakeValues';

/**
 * The entry's name: suggestions from the built-in list as it is typed, and a line under
 * it saying whether the name is recognised (and as what), read out as it changes.
 */
export function NameField({ kit, kind }: { kit: FieldKit; kind: Kind }) {
  const { id, values } = kit;
  // "Not in the built-in list" waits until the name field is left: mid-word it is only noise.
  const [nameLeft, setNameLeft] = useState(() => (values.name ?? '') !== '');
  const nameFound = recognition(values.name ?? '');
  const recognised = nameFound?.known === false && !nameLeft ? null : nameFound;
  return (
    <div className="field span-2">
      <label htmlFor={`${id}-name`}>{kind === 'medication' ? 'Medication (generic or brand)' : 'Name'}</label>
      <input
        id={`${id}-name`}
        list={`${id}-names`}
        autoComplete="off"
        autoFocus
        value={values.name ?? ''}
        placeholder={kind === 'medication' ? 'e.g. sertraline, Zoloft' : placeholders.name}
        onChange={(event) => {
          setNameLeft(false);
          kit.change('name', event.target.value);
        }}
        onBlur={() => setNameLeft(true)}
        {...described(kit, 'name', true)}
      />
      <datalist id={`${id}-names`}>
        {suggestions(kind).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </datalist>
      <FieldError kit={kit} field="name" />
      <p
        id={`${id}-name-hint`}
        className={recognised?.known === false ? 'hint intake-recognised unknown' : 'hint intake-recognised'}
        aria-live="polite"
      >
        {recognised?.text ?? 'Start typing: names, brands and street names from the built-in list are suggested.'}
      </p>
    </div>
  );
}
