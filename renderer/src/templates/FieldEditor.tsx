import { AddKindControl, FieldListEditor, ItemCard, type Row } from '../components/fieldList/FieldListEditor';
import { OptionsEditor } from '../components/fieldList/OptionsEditor';
import { useFieldList } from '../components/fieldList/useFieldList';
import {
  type DraftField,
  type DraftScalar,
  type KindChoice,
  kindChoices,
  kindName,
  newField,
  rescaleAnchors,
} from './draft';
import { domId, named, TextBox, TextBoxes } from './editorParts';

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
  const selectId = domId(ownerKey, 'new-kind');
  const list = useFieldList(fields, onChange, { item: (key) => [domId(key, 'label')], whenEmpty: [selectId] });
  return (
    <FieldListEditor
      list={list}
      className={nested ? 'tpl-fields nested' : 'tpl-fields'}
      problemPlace={`${ownerKey}:fields`}
      empty={<p className="muted small tpl-empty">No fields yet.</p>}
      renderItem={(field, row) => <FieldEditor field={field} row={row as Row<DraftField>} nested={nested} />}
    >
      <AddKindControl<KindChoice>
        selectLabel={nested ? 'Add a field to each row' : 'Add a field'}
        selectId={selectId}
        choices={kindChoices.filter((each) => !nested || each.scalar)}
        initial="richText"
        buttonId={domId(ownerKey, 'add-field')}
        buttonText="Add field"
        buttonLabel={`Add field to ${addLabel}`}
        onAdd={(kind) => list.add(newField(kind) as F)}
      />
    </FieldListEditor>
  );
}

type FieldProps = {
  field: DraftField;
  row: Row<DraftField>;
  nested?: boolean | undefined;
};

function FieldEditor({ field, row, nested }: FieldProps) {
  const noun = nested ? 'row field' : 'field';
  const onChange = row.replace;
  return (
    <ItemCard
      row={row}
      className="tpl-field"
      label={`${kindName(field)}: ${field.label.trim() || 'no label yet'}`}
      caption={kindName(field)}
      captionClassName="tpl-kind"
      itemKey={field.key}
      noun={noun}
      name={field.label}
      keepLast={nested ? 'Each row needs at least one field.' : undefined}
    >
      <div className="tpl-grid">
        <TextBoxes
          itemKey={field.key}
          item={field}
          onChange={row.update}
          boxes={[
            { what: 'label', label: 'Label', maxLength: 200 },
            { what: 'help', label: 'Help text (optional)', placeholder: 'One line under the label', maxLength: 500 },
          ]}
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
    </ItemCard>
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
