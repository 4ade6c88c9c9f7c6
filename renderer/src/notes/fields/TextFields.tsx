import { useEffect, useRef, useState } from 'react';
import type { DateTimeField, NumberField, ShortTextField } from '../../../../shared/templates/types';
import { fromLocalInput, toLocalInput } from './dateTimeValue';
import { FieldShell } from './FieldShell';
import { type FieldProps, helpIdOf } from './fieldProps';

/**
 * A field's local state plus the getter handed to the autosave: the state drives the
 * control, the ref is what a save reads (it may run after the field is gone).
 */
function useFieldValue<V>(initial: V, onChange: (read: () => V) => void) {
  const [value, setValue] = useState(initial);
  const ref = useRef(initial);
  const set = (next: V) => {
    ref.current = next;
    setValue(next);
    onChange(() => ref.current);
  };
  return [value, set] as const;
}

export { useFieldValue };

export function ShortTextInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  labelHidden,
}: FieldProps<ShortTextField, string>) {
  const [value, set] = useFieldValue(initial ?? '', onChange);
  return (
    <FieldShell idBase={idBase} label={field.label} help={field.help} labelHidden={labelHidden} as="input">
      <input
        id={idBase}
        type="text"
        value={value}
        maxLength={field.maxLength}
        placeholder={field.placeholder}
        aria-describedby={field.help ? helpIdOf(idBase) : undefined}
        autoComplete="off"
        onChange={(event) => set(event.target.value)}
        onBlur={onCommit}
      />
    </FieldShell>
  );
}

/** Why a typed number cannot be stored, in the therapist's words (null: it can). */
export function numberProblem(field: NumberField, text: string): string | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  const unit = field.unit ? ` ${field.unit}` : '';
  if (!Number.isFinite(value)) return 'Enter a number.';
  if (field.integer && !Number.isInteger(value)) return 'Enter a whole number.';
  if (field.min !== undefined && field.max !== undefined && (value < field.min || value > field.max)) {
    return `Enter a number from ${field.min} to ${field.max}${unit}.`;
  }
  if (field.min !== undefined && value < field.min) return `Enter at least ${field.min}${unit}.`;
  if (field.max !== undefined && value > field.max) return `Enter at most ${field.max}${unit}.`;
  return null;
}

/**
 * A number with its unit. A value the note cannot take (out of range, not whole) is
 * flagged at the field and not sent, so it never holds up the saving of anything else.
 */
export function NumberInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  onProblem,
  labelHidden,
}: FieldProps<NumberField, number | null>) {
  const [text, setText] = useState(initial === null ? '' : String(initial));
  const [invalid, setInvalid] = useState(false);
  const problem = numberProblem(field, text);
  // The save status follows the mark: "Not saved" while shown, back by itself once cleared
  // (also when the field goes away with its row).
  const shownProblem = invalid && problem ? `${field.label}: ${problem}` : null;
  const report = useRef(onProblem);
  report.current = onProblem;
  useEffect(() => report.current?.(shownProblem), [shownProblem]);
  useEffect(() => () => report.current?.(null), []);
  const change = (next: string) => {
    setText(next);
    // An input of type number reports '' while its text is not a number ("1e", "-").
    if (numberProblem(field, next) === null) {
      const value = next.trim() === '' ? null : Number(next);
      onChange(() => value);
    }
  };
  const errorId = `${idBase}-error`;
  const describedBy = [field.help && helpIdOf(idBase), invalid && problem && errorId].filter(Boolean).join(' ');
  return (
    <FieldShell idBase={idBase} label={field.label} help={field.help} labelHidden={labelHidden} as="input">
      <div className="number-row">
        <input
          id={idBase}
          type="number"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          value={text}
          min={field.min}
          max={field.max}
          step={field.integer ? 1 : 'any'}
          aria-invalid={invalid && problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => {
            change(event.target.value);
            if (invalid && numberProblem(field, event.target.value) === null) setInvalid(false);
          }}
          onBlur={() => {
            setInvalid(problem !== null);
            onCommit();
          }}
        />
        {field.unit && <span className="unit">{field.unit}</span>}
      </div>
      {invalid && problem && (
        <p id={errorId} className="field-error">
          {problem} It is not saved until then.
        </p>
      )}
    </FieldShell>
  );
}

/**
 * A date and time. A half-typed one (a segment cleared or left blank) makes the browser
 * report '' with `badInput`: that is flagged at the field and not sent, so the stored
 * date is never silently emptied; an input cleared completely is an empty value.
 */
export function DateTimeInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  onProblem,
  labelHidden,
}: FieldProps<DateTimeField, string | null>) {
  const [text, setText] = useState(toLocalInput(initial));
  const [incomplete, setIncomplete] = useState(false);
  const shownProblem = incomplete ? `${field.label}: Enter the full date and time.` : null;
  const report = useRef(onProblem);
  report.current = onProblem;
  useEffect(() => report.current?.(shownProblem), [shownProblem]);
  useEffect(() => () => report.current?.(null), []);
  const errorId = `${idBase}-error`;
  const describedBy = [field.help && helpIdOf(idBase), incomplete && errorId].filter(Boolean).join(' ');
  return (
    <FieldShell idBase={idBase} label={field.label} help={field.help} labelHidden={labelHidden} as="input">
      <input
        id={idBase}
        className="datetime-input"
        type="datetime-local"
        value={text}
        aria-invalid={incomplete ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          const next = event.target.value;
          const bad = event.target.validity.badInput;
          setText(next);
          setIncomplete(bad);
          if (!bad) onChange(() => fromLocalInput(next));
        }}
        onBlur={onCommit}
      />
      {incomplete && (
        <p id={errorId} className="field-error">
          Enter the full date and time. It is not saved until then.
        </p>
      )}
    </FieldShell>
  );
}
