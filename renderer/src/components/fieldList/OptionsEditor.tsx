import { type DraftOption, newOption } from '../../templates/draft';
import { domId, named, useProblem } from '../../templates/editorParts';
import { AddButton, FieldListEditor } from './FieldListEditor';
import { useFieldList } from './useFieldList';

type Props = {
  fieldKey: string;
  fieldLabel: string;
  options: DraftOption[];
  onChange: (options: DraftOption[]) => void;
};

/** The options of a choice: rename, remove, add; a choice keeps at least one. */
export function OptionsEditor({ fieldKey, fieldLabel, options, onChange }: Props) {
  const addId = domId(fieldKey, 'add-option');
  const list = useFieldList(options, onChange, { item: (key) => [domId(key, 'label')], whenEmpty: [addId] });
  return (
    <FieldListEditor
      list={list}
      className="tpl-options"
      problemPlace={`${fieldKey}:options`}
      renderItem={(option, row) => (
        <OptionRow
          option={option}
          number={row.index + 1}
          fieldLabel={fieldLabel}
          keep={row.count === 1}
          onChange={(label) => row.update({ label })}
          onRemove={row.remove}
        />
      )}
    >
      <AddButton
        id={addId}
        text="Add option"
        disabled={options.length >= 50}
        onClick={() => list.add(newOption(options))}
      />
    </FieldListEditor>
  );
}

type RowProps = {
  option: DraftOption;
  number: number;
  fieldLabel: string;
  keep: boolean;
  onChange: (label: string) => void;
  onRemove: () => void;
};

function OptionRow({ option, number, fieldLabel, keep, onChange, onRemove }: RowProps) {
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
