import { fieldLabels } from './describe';
import type { Errors, Values } from './intakeValues';

/**
 * The pieces every intake field is built from: its label, its input, its error under it
 * and the hint it points at. Each field's ids start with the form's id, so a label, an
 * error and a hint find their input.
 */

/** What a field reads and writes in its form. */
export type FieldKit = {
  /** The form's id. */
  id: string;
  values: Values;
  errors: Errors;
  change: (field: string, value: string) => void;
};

export const placeholders: Record<string, string> = {
  name: 'e.g. kratom, St John’s Wort, alcohol',
  product: 'e.g. brand or shop name',
  amount: 'e.g. 2',
  unit: 'e.g. g, capsules, drinks',
  route: 'e.g. by mouth, tea',
  frequency: 'e.g. daily, weekends',
  clientSaysFor: 'in the client’s words',
  dose: 'e.g. 50 mg once a day',
  prescriber: 'e.g. GP, psychiatrist',
};

const labelOf = (field: string) => fieldLabels[field as keyof typeof fieldLabels];

/** The invalid mark and the ids of the field's error and hint, for its input. */
export function described({ id, errors }: FieldKit, field: string, hint?: boolean) {
  return {
    'aria-invalid': errors[field] ? (true as const) : undefined,
    'aria-describedby':
      [errors[field] ? `${id}-${field}-error` : '', hint ? `${id}-${field}-hint` : ''].filter(Boolean).join(' ') ||
      undefined,
  };
}

export function FieldError({ kit, field }: { kit: FieldKit; field: string }) {
  return kit.errors[field] ? (
    <p id={`${kit.id}-${field}-error`} className="field-error">
      {kit.errors[field]}
    </p>
  ) : null;
}

export function TextField({ kit, field, className = '' }: { kit: FieldKit; field: string; className?: string }) {
  return (
    <div className={`field ${className}`.trim()}>
      <label htmlFor={`${kit.id}-${field}`}>{labelOf(field)}</label>
      <input
        id={`${kit.id}-${field}`}
        value={kit.values[field] ?? ''}
        placeholder={placeholders[field]}
        onChange={(event) => kit.change(field, event.target.value)}
        {...described(kit, field)}
      />
      <FieldError kit={kit} field={field} />
    </div>
  );
}

export function DateField({ kit, field, hint }: { kit: FieldKit; field: string; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={`${kit.id}-${field}`}>{labelOf(field)}</label>
      <input
        id={`${kit.id}-${field}`}
        type="date"
        value={kit.values[field] ?? ''}
        onChange={(event) => kit.change(field, event.target.value)}
        {...described(kit, field, hint !== undefined)}
      />
      <FieldError kit={kit} field={field} />
      {hint && (
        <p id={`${kit.id}-${field}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
