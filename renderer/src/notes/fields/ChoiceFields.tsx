import type { MultiChoiceField, MultiChoiceValue, SingleChoiceField } from '../../../../shared/templates/types';
import { FieldShell } from './FieldShell';
import type { FieldProps } from './fieldProps';
import { useFieldValue } from './TextFields';

export function SingleChoiceInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  labelHidden,
}: FieldProps<SingleChoiceField, string | null>) {
  const [value, set] = useFieldValue(initial, onChange);
  return (
    <FieldShell idBase={idBase} label={field.label} help={field.help} labelHidden={labelHidden} as="group">
      <div className="choice-row">
        {field.options.map((option) => (
          <label key={option.id} className={value === option.id ? 'choice checked' : 'choice'}>
            <input
              type="radio"
              name={idBase}
              value={option.id}
              checked={value === option.id}
              onChange={() => set(option.id)}
              onBlur={onCommit}
            />
            {option.label}
          </label>
        ))}
        {value !== null && (
          <button type="button" className="quiet small-button" onClick={() => set(null)} onBlur={onCommit}>
            Clear<span className="visually-hidden"> {field.label}</span>
          </button>
        )}
      </div>
    </FieldShell>
  );
}

const emptyMulti: MultiChoiceValue = { selected: [], other: '' };

export function MultiChoiceInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  labelHidden,
}: FieldProps<MultiChoiceField, MultiChoiceValue | null>) {
  const [value, set] = useFieldValue<MultiChoiceValue>(initial ?? emptyMulti, (read) => onChange(read));
  const toggle = (id: string, on: boolean) => {
    // Keep the template's order, whatever order the boxes were ticked in.
    const selected = field.options
      .map((option) => option.id)
      .filter((each) => (each === id ? on : value.selected.includes(each)));
    // Ids no longer in the template (an older version) are kept, never silently dropped.
    const unknown = value.selected.filter((each) => !field.options.some((option) => option.id === each));
    set({ ...value, selected: [...selected, ...unknown] });
  };
  return (
    <FieldShell idBase={idBase} label={field.label} help={field.help} labelHidden={labelHidden} as="group">
      <div className="choice-grid">
        {field.options.map((option) => (
          <label key={option.id} className={value.selected.includes(option.id) ? 'choice checked' : 'choice'}>
            <input
              type="checkbox"
              checked={value.selected.includes(option.id)}
              onChange={(event) => toggle(option.id, event.target.checked)}
              onBlur={onCommit}
            />
            {option.label}
          </label>
        ))}
      </div>
      {field.allowOther && (
        <div className="other-row">
          <label htmlFor={`${idBase}-other`}>Other</label>
          <input
            id={`${idBase}-other`}
            type="text"
            value={value.other}
            maxLength={500}
            placeholder="Anything else, in a few words"
            autoComplete="off"
            onChange={(event) => set({ ...value, other: event.target.value })}
            onBlur={onCommit}
          />
        </div>
      )}
    </FieldShell>
  );
}
