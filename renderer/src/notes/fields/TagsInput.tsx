import { useState } from 'react';
import type { TagsField } from '../../../../shared/templates/types';
import { currentDistortions, useDistortions } from '../../templates/distortionList';
import { FieldShell } from './FieldShell';
import type { FieldProps } from './fieldProps';
import { useFieldValue } from './TextFields';

/**
 * The label of a distortion id, from the list as loaded so far (an id not in it, e.g. a
 * custom one before the list has loaded, shows as itself).
 */
export function distortionLabel(id: string): string {
  return currentDistortions().find((each) => each.id === id)?.label ?? id;
}

/**
 * Tags as chips. For the distortions list every chip is a toggle button (aria-pressed),
 * its description in the tooltip; free tags are typed and added with Enter.
 */
export function TagsInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  labelHidden,
}: FieldProps<TagsField, string[] | null>) {
  const [value, set] = useFieldValue<string[]>(initial ?? [], (read) => onChange(read));
  // Burns' ten and the therapist's own; the built-ins alone until the list has loaded.
  const distortions = useDistortions();
  if (field.source === 'distortions') {
    const known = distortions.map((each) => each.id);
    // Keep the list's order; ids not in the list (older or custom ones) stay and show.
    const toggle = (id: string) => {
      const on = !value.includes(id);
      const ordered = known.filter((each) => (each === id ? on : value.includes(each)));
      set([...ordered, ...value.filter((each) => !known.includes(each) && each !== id)]);
    };
    const extra = value.filter((each) => !known.includes(each));
    return (
      <FieldShell idBase={idBase} label={field.label} help={field.help} labelHidden={labelHidden} as="group">
        <div className="chips">
          {[...distortions, ...extra.map((id) => ({ id, label: id, description: '' }))].map((distortion) => (
            <button
              key={distortion.id}
              type="button"
              className="chip"
              aria-pressed={value.includes(distortion.id)}
              title={distortion.description || undefined}
              onClick={() => toggle(distortion.id)}
              onBlur={onCommit}
            >
              {distortion.label}
            </button>
          ))}
        </div>
      </FieldShell>
    );
  }
  return (
    <FreeTags field={field} idBase={idBase} value={value} set={set} onCommit={onCommit} labelHidden={labelHidden} />
  );
}

function FreeTags({
  field,
  idBase,
  value,
  set,
  onCommit,
  labelHidden,
}: {
  field: TagsField;
  idBase: string;
  value: string[];
  set: (next: string[]) => void;
  onCommit: () => void;
  labelHidden?: boolean | undefined;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim();
    if (tag && !value.includes(tag)) set([...value, tag]);
    setDraft('');
  };
  return (
    <FieldShell idBase={idBase} label={field.label} help={field.help} labelHidden={labelHidden} as="group">
      {value.length > 0 && (
        <ul className="chips" aria-label={`${field.label}: tags`}>
          {value.map((tag) => (
            <li key={tag} className="chip static">
              {tag}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${tag}`}
                onClick={() => set(value.filter((each) => each !== tag))}
                onBlur={onCommit}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="other-row">
        <input
          id={`${idBase}-new`}
          type="text"
          value={draft}
          maxLength={60}
          aria-label={`Add to ${field.label}`}
          placeholder="Type a tag and press Enter"
          autoComplete="off"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          onBlur={() => {
            // A typed tag is never lost by leaving the box.
            if (draft.trim()) add();
            onCommit();
          }}
        />
      </div>
    </FieldShell>
  );
}
