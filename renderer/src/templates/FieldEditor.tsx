import { useState } from 'react';
import {
  type DraftField,
  type DraftOption,
  type DraftScalar,
  type KindChoice,
  kindChoices,
  kindName,
  moved,
  newField,
  newOption,
  rescaleAnchors,
} from './draft';
import { domId, ItemTools, named, TextBox, useEditor, useProblem } from './editorParts';

type ListProps<F extends DraftField> = {
  /** The section or group the fields belong to (their keys' owner, for ids). */
  ownerKey: string;
  /** Names the list in the add control, e.g. “Subjective” or each “Thought record”. */
  addLabel: string;
  fields: F[];
  onChange: (fields: F[]) => void;
  /** Rows of a group hold scalar fields only. */
  nested?: boolean;
};

/** The fields of a section (or of one row of a group), and adding one. */
export function FieldList<F extends DraftField>({ ownerKey, addLabel, fields, onChange, nested }: ListProps<F>) {
  const { focusLater } = useEditor();
  const kinds = kindChoices.filter((each) => !nested || each.scalar);
  const [kind, setKind] = useState<KindChoice>('richText');
  const selectId = domId(ownerKey, 'new-kind');
  const addId = domId(ownerKey, 'add-field');
  const problem = useProblem(`${ownerKey}:fields`);

  function add() {
    const field = newField(kind) as F;
    onChange([...fields, field]);
    focusLater([domId(field.key, 'label')], true);
  }

  function remove(index: number) {
    const neighbour = fields[index + 1] ?? fields[index - 1];
    onChange(fields.filter((_, each) => each !== index));
    focusLater(neighbour ? [domId(neighbour.key, 'label')] : [selectId]);
  }

  return (
    <>
      {fields.length === 0 ? (
        <p className="muted small tpl-empty">No fields yet.</p>
      ) : (
        <ol className={nested ? 'tpl-fields nested' : 'tpl-fields'}>
          {fields.map((field, index) => (
            <FieldEditor
              key={field.key}
              field={field}
              index={index}
              count={fields.length}
              nested={nested}
              onChange={(next) => onChange(fields.map((each) => (each.key === field.key ? (next as F) : each)))}
              onMove={(delta) => onChange(moved(fields, index, delta))}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
      )}
      {problem.node}
      <div className="tpl-add">
        <label htmlFor={selectId}>{nested ? 'Add a field to each row' : 'Add a field'}</label>
        <select id={selectId} value={kind} onChange={(event) => setKind(event.target.value as KindChoice)}>
          {kinds.map((each) => (
            <option key={each.value} value={each.value}>
              {each.label}
            </option>
          ))}
        </select>
        <button type="button" id={addId} onClick={add} aria-label={`Add field to ${addLabel}`}>
          Add field
        </button>
      </div>
    </>
  );
}

type FieldProps = {
  field: DraftField;
  index: number;
  count: number;
  nested?: boolean | undefined;
  onChange: (field: DraftField) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

function FieldEditor({ field, index, count, nested, onChange, onMove, onRemove }: FieldProps) {
  const noun = nested ? 'row field' : 'field';
  return (
    <li className="tpl-field" aria-label={`${kindName(field)}: ${field.label.trim() || 'no label yet'}`}>
      <div className="tpl-item-head">
        <span className="tpl-kind">{kindName(field)}</span>
        <ItemTools
          itemKey={field.key}
          noun={noun}
          name={field.label}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          keep={nested && count === 1 ? 'Each row needs at least one field.' : undefined}
        />
      </div>
      <div className="tpl-grid">
        <TextBox
          itemKey={field.key}
          what="label"
          label="Label"
          value={field.label}
          maxLength={200}
          onChange={(label) => onChange({ ...field, label })}
        />
        <TextBox
          itemKey={field.key}
          what="help"
          label="Help text (optional)"
          placeholder="One line under the label"
          value={field.help ?? ''}
          maxLength={500}
          onChange={(help) => onChange({ ...field, help })}
        />
        {(field.kind === 'richText' || field.kind === 'shortText') && (
          <TextBox
            itemKey={field.key}
            what="placeholder"
            label="Prompt shown in the empty box (optional)"
            className="span-2"
            value={field.placeholder ?? ''}
            maxLength={200}
            onChange={(placeholder) => onChange({ ...field, placeholder })}
          />
        )}
      </div>
      <KindDetails field={field} onChange={onChange} />
    </li>
  );
}

/** What only some kinds have: options, the scale, the fields of each row. */
function KindDetails({ field, onChange }: { field: DraftField; onChange: (field: DraftField) => void }) {
  switch (field.kind) {
    case 'singleChoice':
    case 'multiChoice':
      return (
        <fieldset className="tpl-sub">
          <legend>Options</legend>
          <OptionsEditor
            fieldKey={field.key}
            fieldLabel={field.label}
            options={field.options}
            onChange={(options) => onChange({ ...field, options })}
          />
          {field.kind === 'multiChoice' && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={field.allowOther ?? false}
                onChange={(event) => onChange({ ...field, allowOther: event.target.checked })}
              />
              Offer an “Other” box for anything not listed
            </label>
          )}
        </fieldset>
      );
    case 'rating':
      return (
        <fieldset className="tpl-sub">
          <legend>Scale</legend>
          <div className="tpl-grid three">
            <div className="field">
              <label htmlFor={domId(field.key, 'max')}>Range</label>
              <select
                id={domId(field.key, 'max')}
                value={field.max}
                onChange={(event) => {
                  const max = event.target.value === '100' ? 100 : 10;
                  onChange({ ...field, max, anchors: rescaleAnchors(field.anchors, field.max, max) });
                }}
              >
                <option value={10}>0 to 10</option>
                <option value={100}>0 to 100</option>
              </select>
            </div>
            {field.anchors.map((anchor, index) => (
              <TextBox
                // Anchors have no id of their own; their order never changes here.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={index}
                itemKey={field.key}
                what={`anchor${index}`}
                label={`Words at ${anchor.value}`}
                value={anchor.label}
                maxLength={60}
                onChange={(label) =>
                  onChange({
                    ...field,
                    anchors: field.anchors.map((each, at) => (at === index ? { ...each, label } : each)),
                  })
                }
              />
            ))}
          </div>
        </fieldset>
      );
    case 'group':
      return (
        <fieldset className="tpl-sub">
          <legend>Each row</legend>
          <TextBox
            itemKey={field.key}
            what="itemLabel"
            label="What one row is called"
            placeholder="e.g. Agenda item"
            value={field.itemLabel}
            maxLength={60}
            className="tpl-narrow"
            onChange={(itemLabel) => onChange({ ...field, itemLabel })}
          />
          <FieldList<DraftScalar>
            ownerKey={field.key}
            addLabel={`each ${named(field.itemLabel, 'row')}`}
            fields={field.fields}
            nested
            onChange={(fields) => onChange({ ...field, fields })}
          />
        </fieldset>
      );
    case 'tags':
      return (
        <p className="hint tpl-kind-hint">
          {field.source === 'distortions'
            ? 'Offers the cognitive distortions as chips: Burns’ ten and any you add below.'
            : 'The therapist types short words or phrases.'}
        </p>
      );
    case 'sessionNumber':
      return <p className="hint tpl-kind-hint">Sessionkeep counts the sessions and fills this in.</p>;
    case 'slot':
      return <p className="hint tpl-kind-hint">Sessionkeep fills this part in; you can rename it.</p>;
    default:
      return null;
  }
}

function OptionsEditor({
  fieldKey,
  fieldLabel,
  options,
  onChange,
}: {
  fieldKey: string;
  fieldLabel: string;
  options: DraftOption[];
  onChange: (options: DraftOption[]) => void;
}) {
  const { focusLater } = useEditor();
  const problem = useProblem(`${fieldKey}:options`);
  const addId = domId(fieldKey, 'add-option');
  return (
    <>
      <ol className="tpl-options">
        {options.map((option, index) => (
          <OptionRow
            key={option.key}
            option={option}
            number={index + 1}
            fieldLabel={fieldLabel}
            keep={options.length === 1}
            onChange={(label) => onChange(options.map((each) => (each.key === option.key ? { ...each, label } : each)))}
            onRemove={() => {
              const neighbour = options[index + 1] ?? options[index - 1];
              onChange(options.filter((each) => each.key !== option.key));
              focusLater(neighbour ? [domId(neighbour.key, 'label')] : [addId]);
            }}
          />
        ))}
      </ol>
      {problem.node}
      <button
        type="button"
        id={addId}
        className="small-button"
        disabled={options.length >= 50}
        onClick={() => {
          const option = newOption(options);
          onChange([...options, option]);
          focusLater([domId(option.key, 'label')], true);
        }}
      >
        Add option
      </button>
    </>
  );
}

function OptionRow({
  option,
  number,
  fieldLabel,
  keep,
  onChange,
  onRemove,
}: {
  option: DraftOption;
  number: number;
  fieldLabel: string;
  keep: boolean;
  onChange: (label: string) => void;
  onRemove: () => void;
}) {
  const problem = useProblem(`${option.key}:label`);
  return (
    <li>
      <div className="tpl-option">
        <input
          id={domId(option.key, 'label')}
          type="text"
          value={option.label}
          maxLength={200}
          autoComplete="off"
          aria-label={`Option ${number} of ${named(fieldLabel, 'field')}`}
          aria-invalid={problem.invalid}
          aria-describedby={problem.describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        <button
          type="button"
          className="tpl-icon"
          disabled={keep}
          aria-label={`Remove option ${named(option.label, 'option')}`}
          title={keep ? 'A choice needs at least one option.' : 'Remove option'}
          onClick={onRemove}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {problem.node}
    </li>
  );
}
