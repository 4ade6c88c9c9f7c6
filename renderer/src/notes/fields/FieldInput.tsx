import { type FocusEvent, type KeyboardEvent, memo, useCallback, useEffect, useRef, useState } from 'react';
import type {
  FieldDef,
  FieldValue,
  GroupField,
  GroupRow,
  RichTextDoc,
  RichTextField as RichTextFieldDef,
  ScalarField,
  ScalarValue,
} from '../../../../shared/templates/types';
import { emptyRow } from '../../../../shared/templates/values';
import { MultiChoiceInput, SingleChoiceInput } from './ChoiceFields';
import { FieldShell } from './FieldShell';
import type { FieldProps } from './fieldProps';
import { helpIdOf, labelIdOf } from './fieldProps';
import { RatingInput } from './RatingInput';
import { RichTextField } from './RichTextField';
import { SessionNumberView, SlotBox } from './StaticFields';
import { TagsInput } from './TagsInput';
import { DateTimeInput, NumberInput, ShortTextInput } from './TextFields';

/*
 * Stored values arrive as `unknown` from the core (checked there against the template);
 * these narrow them for each kind, and anything of the wrong shape shows as empty
 * rather than breaking the form.
 */
const asString = (value: unknown) => (typeof value === 'string' ? value : null);
const asNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const asStrings = (value: unknown) =>
  Array.isArray(value) && value.every((each) => typeof each === 'string') ? (value as string[]) : null;
const asDoc = (value: unknown) =>
  value && typeof value === 'object' && (value as { type?: unknown }).type === 'doc' ? (value as RichTextDoc) : null;
const asMulti = (value: unknown) => {
  if (!value || typeof value !== 'object') return null;
  const { selected, other } = value as { selected?: unknown; other?: unknown };
  const ids = asStrings(selected);
  return ids ? { selected: ids, other: typeof other === 'string' ? other : '' } : null;
};
const asRows = (value: unknown) =>
  Array.isArray(value) ? value.filter((row): row is GroupRow => !!row && typeof row === 'object') : [];

function RichTextInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  labelHidden,
}: FieldProps<RichTextFieldDef, RichTextDoc | null>) {
  return (
    <FieldShell idBase={idBase} label={field.label} help={field.help} labelHidden={labelHidden} as="named">
      <RichTextField
        labelledBy={labelIdOf(idBase)}
        describedBy={field.help ? helpIdOf(idBase) : undefined}
        placeholder={field.placeholder}
        initial={initial}
        onChange={onChange}
        onCommit={onCommit}
      />
    </FieldShell>
  );
}

type AnyProps = {
  field: FieldDef;
  initial: unknown;
  idBase: string;
  sessionNumber: number | null;
  onChange: (read: () => FieldValue) => void;
  onCommit: () => void;
  onProblem?: ((key: string, message: string | null) => void) | undefined;
  labelHidden?: boolean | undefined;
  /** A list only: rows it should also hold, asked when focus moves into it (see GroupInput). */
  seedRows?: SeedRows | undefined;
};

/** Given a list's rows now, the rows it should hold (unchanged rows the same objects), or null when nothing is missing. */
export type SeedRows = (current: GroupRow[], handled: readonly GroupRow[]) => GroupRow[] | null;

/** One field of any kind, drawn by the component for its kind. */
export const FieldInput = memo(function FieldInput({
  field,
  initial,
  idBase,
  sessionNumber,
  onChange,
  onCommit,
  onProblem,
  labelHidden,
  seedRows,
}: AnyProps) {
  const common = { idBase, onChange, onCommit, labelHidden };
  // Keyed by the control's DOM id, unique in the page (a row's field has its own).
  const problemOf = useCallback((message: string | null) => onProblem?.(idBase, message), [onProblem, idBase]);
  switch (field.kind) {
    case 'richText':
      return <RichTextInput field={field} initial={asDoc(initial)} {...common} />;
    case 'shortText':
      return <ShortTextInput field={field} initial={asString(initial) ?? ''} {...common} />;
    case 'number':
      return <NumberInput field={field} initial={asNumber(initial)} onProblem={problemOf} {...common} />;
    case 'dateTime':
      return <DateTimeInput field={field} initial={asString(initial)} onProblem={problemOf} {...common} />;
    case 'rating':
      return <RatingInput field={field} initial={asNumber(initial)} {...common} />;
    case 'singleChoice':
      return <SingleChoiceInput field={field} initial={asString(initial)} {...common} />;
    case 'multiChoice':
      return <MultiChoiceInput field={field} initial={asMulti(initial)} {...common} />;
    case 'tags':
      return <TagsInput field={field} initial={asStrings(initial)} {...common} />;
    case 'group':
      return (
        <GroupInput field={field} initial={asRows(initial)} onProblem={onProblem} seedRows={seedRows} {...common} />
      );
    case 'sessionNumber':
      return <SessionNumberView field={field} value={asNumber(initial) ?? sessionNumber} />;
    case 'slot':
      return <SlotBox field={field} />;
  }
});

type Row = { key: number; initial: GroupRow; readers: Map<string, () => ScalarValue> };

/** Where focus goes when a row is added: its first control (a text box, a rating…). */
const FIRST_CONTROL = 'input, textarea, select, [contenteditable="true"]';

/**
 * Rows of fields (agenda items, thought records). Each row is a fieldset named
 * "Agenda item 2"; the group's value is read from every row's fields when a save goes out.
 * A new row holds every sub-field's empty value (a blank row is a valid draft, dropped at
 * signing: issue 12); focus moves into it, and Enter in a row's one-line text adds the next.
 */
function GroupInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  onProblem,
  labelHidden,
  seedRows,
}: Omit<FieldProps<GroupField, GroupRow[]>, 'onProblem'> & {
  onProblem: AnyProps['onProblem'];
  seedRows?: SeedRows | undefined;
}) {
  const nextKey = useRef(0);
  const makeRow = (row: GroupRow): Row => ({
    key: nextKey.current++,
    initial: { ...emptyRow(field), ...row },
    readers: new Map(),
  });
  const [rows, setRows] = useState<Row[]>(() => {
    const start = initial.map(makeRow);
    while (start.length < Math.max(field.minRows ?? 0, 1)) start.push(makeRow({}));
    return start;
  });
  /** The row just added (or redrawn), and which of its controls to focus once it is drawn. */
  const [focusTarget, setFocusTarget] = useState<{ key: number; control: number } | null>(null);
  const setFocusKey = (key: number) => setFocusTarget({ key, control: 0 });
  const rowElements = useRef(new Map<number, HTMLFieldSetElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusTarget === null) return;
    const controls = rowElements.current.get(focusTarget.key)?.querySelectorAll<HTMLElement>(FIRST_CONTROL);
    controls?.[focusTarget.control]?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const read = useCallback(
    (): GroupRow[] =>
      rowsRef.current.map((row) =>
        Object.fromEntries(
          field.fields.map((sub) => [sub.id, row.readers.get(sub.id)?.() ?? row.initial[sub.id] ?? null]),
        ),
      ),
    [field.fields],
  );
  const report = useCallback(() => onChange(read), [onChange, read]);
  /** Rows offered or removed here: a topic is offered once, so one edited or removed stays so. */
  const handledRows = useRef<GroupRow[]>([]);

  const update = (next: Row[]) => {
    rowsRef.current = next;
    setRows(next);
    report();
  };
  const addRow = (afterIndex: number) => {
    const row = makeRow({});
    const current = rowsRef.current;
    update([...current.slice(0, afterIndex + 1), row, ...current.slice(afterIndex + 1)]);
    setFocusKey(row.key);
  };
  /** Focus goes to the row above (or the one now in its place), never lost with the button. */
  const removeRow = (index: number) => {
    const removing = read()[index];
    if (removing) handledRows.current.push(removing);
    const current = rowsRef.current;
    const next = current.filter((_, at) => at !== index);
    update(next);
    const neighbour = next[Math.max(0, index - 1)];
    if (neighbour) setFocusKey(neighbour.key);
    else addButton.current?.focus();
  };
  // A row of one short line (an agenda item) sits on one line with its Remove button.
  const compact = field.fields.length === 1 && field.fields[0]?.kind === 'shortText';
  // A long row (a thought record) sits in columns on wide windows (notes.css).
  const rowClass = compact ? 'group-row compact' : field.fields.length >= 6 ? 'group-row columns' : 'group-row';
  const onRowKey = (event: KeyboardEvent<HTMLFieldSetElement>, index: number) => {
    const target = event.target as HTMLElement;
    const plainEnter = event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
    // Only in a list of one-liners (agenda items), only in its text box: Enter in rich text
    // is a new paragraph, on a button a press, and in a thought record's "Emotions" it
    // must not start a whole new record.
    if (!compact || !plainEnter || event.nativeEvent.isComposing) return;
    if (!(target instanceof HTMLInputElement) || target.type !== 'text') return;
    event.preventDefault();
    addRow(index);
  };
  /**
   * Moving into the list asks for rows it should also hold (agenda items become "worked
   * on" rows). A row given new text is drawn afresh (each field keeps its own state), and
   * focus goes back to the control it was in.
   */
  const onFocusIn = (event: FocusEvent<HTMLDivElement>) => {
    if (!seedRows) return;
    const current = rowsRef.current;
    const now = read();
    const seeded = seedRows(now, handledRows.current);
    if (!seeded) return;
    let refocus: { key: number; control: number } | null = null;
    const next = seeded.map((values, index) => {
      const row = current[index];
      if (row && values === now[index]) return row;
      const fresh = makeRow(values);
      const element = row ? rowElements.current.get(row.key) : undefined;
      if (element?.contains(event.target)) {
        const controls = Array.from(element.querySelectorAll<HTMLElement>(FIRST_CONTROL));
        refocus = { key: fresh.key, control: Math.max(0, controls.indexOf(event.target)) };
      }
      return fresh;
    });
    handledRows.current.push(...seeded.filter((values, index) => values !== now[index]));
    update(next);
    if (refocus) setFocusTarget(refocus);
  };
  const itemLabel = field.itemLabel;
  const minRows = field.minRows ?? 0;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: listens for focus moving in; nothing to operate
    <div className="group-field-wrap" onFocus={onFocusIn}>
      <FieldShell
        idBase={idBase}
        label={field.label}
        help={field.help}
        labelHidden={labelHidden}
        as="group"
        className="group-field"
      >
        {rows.map((row, index) => (
          <fieldset
            key={row.key}
            ref={(element) => {
              if (element) rowElements.current.set(row.key, element);
              else rowElements.current.delete(row.key);
            }}
            className={rowClass}
            onKeyDown={(event) => onRowKey(event, index)}
          >
            <legend>
              {itemLabel} {index + 1}
            </legend>
            <div className="row-body">
              {field.fields.map((sub) => (
                <GroupCell
                  key={sub.id}
                  field={sub}
                  row={row}
                  idBase={`${idBase}-${row.key}-${sub.id}`}
                  labelHidden={compact}
                  onChanged={report}
                  onCommit={onCommit}
                  onProblem={onProblem}
                />
              ))}
              <div className="row-actions">
                <button
                  type="button"
                  className="quiet small-button"
                  disabled={rows.length <= minRows}
                  onClick={() => removeRow(index)}
                >
                  Remove<span className="visually-hidden">{` ${itemLabel.toLowerCase()} ${index + 1}`}</span>
                </button>
              </div>
            </div>
          </fieldset>
        ))}
        <button type="button" ref={addButton} className="add-row" onClick={() => addRow(rows.length - 1)}>
          + Add {itemLabel.toLowerCase()}
        </button>
      </FieldShell>
    </div>
  );
}

/** One field inside a row: remembers its reader on the row and tells the group. */
function GroupCell({
  field,
  row,
  idBase,
  labelHidden,
  onChanged,
  onCommit,
  onProblem,
}: {
  field: ScalarField;
  row: Row;
  idBase: string;
  labelHidden: boolean;
  onChanged: () => void;
  onCommit: () => void;
  onProblem: AnyProps['onProblem'];
}) {
  const onChange = useCallback(
    (read: () => FieldValue) => {
      row.readers.set(field.id, read as () => ScalarValue);
      onChanged();
    },
    [row, field.id, onChanged],
  );
  return (
    <FieldInput
      field={field}
      initial={row.initial[field.id] ?? null}
      idBase={idBase}
      sessionNumber={null}
      labelHidden={labelHidden}
      onChange={onChange}
      onCommit={onCommit}
      onProblem={onProblem}
    />
  );
}
