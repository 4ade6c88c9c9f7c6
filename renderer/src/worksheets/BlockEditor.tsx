import type { ReactNode } from 'react';
import { contactHint } from '../../../shared/worksheets/contacts';
import { AddButton, FieldListEditor, ItemCard, ItemRow, type Row } from '../components/fieldList/FieldListEditor';
import type { Keyed } from '../components/fieldList/fieldList';
import { useFieldList } from '../components/fieldList/useFieldList';
import { domId, named, TextBox, TextBoxes, useEditor, useProblem } from '../templates/editorParts';
import { blockKindName, type DraftBlock, newColumn, newFieldLine, newStep } from './worksheetDraft';

/** One part of the sheet: its heading and what its kind has (text, columns, steps, lines). */
export function BlockEditor({ block, row }: { block: DraftBlock; row: Row<DraftBlock> }) {
  const { confirm } = useEditor();
  const name = block.kind === 'scale' ? block.label : (block.heading ?? '');
  const kind = blockKindName(block);
  const onChange = row.replace;
  return (
    <ItemCard
      row={row}
      className="tpl-section"
      label={`Part ${row.index + 1}: ${kind}${name.trim() ? `, ${name.trim()}` : ''}`}
      caption={`Part ${row.index + 1} · ${kind}`}
      captionClassName="tpl-section-number"
      itemKey={block.key}
      noun="part"
      name={name}
      keepLast="A worksheet needs at least one part."
      onRemove={() =>
        confirm({
          title: 'Remove this part?',
          body: <p>The part {named(name, 'part')} will be removed from this worksheet when you save.</p>,
          action: 'Remove part',
          onConfirm: row.remove,
        })
      }
    >
      {block.kind === 'scale' ? (
        <p className="hint">
          A rating scale from {block.min} to {block.max}, kept as it is.
        </p>
      ) : (
        <div className="tpl-grid">
          <TextBox
            itemKey={block.key}
            what="heading"
            label="Heading (optional)"
            value={block.heading ?? ''}
            maxLength={120}
            onChange={(heading) => onChange({ ...block, heading })}
          />
        </div>
      )}
      {block.kind === 'text' && (
        <TextBox
          itemKey={block.key}
          what="body"
          label="Text"
          multiline
          value={block.body}
          maxLength={4000}
          onChange={(body) => onChange({ ...block, body })}
        />
      )}
      {block.kind === 'reference' && (
        <p className="hint">
          {block.items.length === 1 ? 'One term' : `${block.items.length} terms`} with their descriptions, kept as they
          are.
        </p>
      )}
      {block.kind === 'table' && <TableParts block={block} onChange={onChange} />}
      {block.kind === 'steps' && <StepParts block={block} onChange={onChange} />}
      {block.kind === 'fields' && <FieldParts block={block} onChange={onChange} />}
    </ItemCard>
  );
}

type Of<K extends DraftBlock['kind']> = Extract<DraftBlock, { kind: K }>;
type PartsProps<K extends DraftBlock['kind']> = { block: Of<K>; onChange: (block: DraftBlock) => void };

/** How the list inside each kind of block is called, what its items' first box is, and its limits. */
const itemLists = {
  table: { title: 'Columns', place: 'columns', noun: 'column', first: 'heading', standIn: 'table', max: 16 },
  steps: { title: 'Steps', place: 'steps', noun: 'step', first: 'title', standIn: 'steps', max: 20 },
  fields: { title: 'Lines', place: 'fields', noun: 'line', first: 'label', standIn: 'lines', max: 30 },
} as const;

/** Why the last item stays (the schema wants at least one). */
const keepLast = {
  table: 'A table needs at least one column.',
  steps: 'Numbered steps need at least one step.',
  fields: 'Lines to fill in need at least one line.',
} as const;

type ItemsProps<T extends Keyed> = {
  block: Of<'table' | 'steps' | 'fields'>;
  items: T[];
  onChange: (items: T[]) => void;
  nameOf: (item: T) => string;
  /** A fresh item, numbered after the ones there are. */
  newItem: (number: number) => T;
  boxesClassName?: string;
  /** An item's boxes. */
  children: (item: T, row: Row<T>) => ReactNode;
};

/** The columns of a table, the steps of numbered steps, the lines to fill in: one shape for all three. */
function BlockItems<T extends Keyed>({ block, items, onChange, nameOf, newItem, ...props }: ItemsProps<T>) {
  const { title, place, noun, first, standIn, max } = itemLists[block.kind];
  const list = useFieldList(items, onChange, { item: (key) => [domId(key, first)] });
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <>
      <h3 className="ws-sub-title">{title}</h3>
      <FieldListEditor
        list={list}
        className="tpl-fields"
        problemPlace={`${block.key}:${place}`}
        renderItem={(item, row) => (
          <ItemRow
            row={row}
            label={`${Noun} ${row.index + 1}: ${nameOf(item)}`}
            boxesClassName={props.boxesClassName}
            itemKey={item.key}
            noun={noun}
            name={nameOf(item)}
            keepLast={keepLast[block.kind]}
          >
            {props.children(item, row)}
          </ItemRow>
        )}
      >
        <AddButton
          text={`Add ${noun}`}
          label={`Add ${noun} to ${named(block.heading ?? '', standIn)}`}
          disabled={items.length >= max}
          onClick={() => list.add(newItem(items.length + 1))}
        />
      </FieldListEditor>
    </>
  );
}

function TableParts({ block, onChange }: PartsProps<'table'>) {
  return (
    <>
      <BlockItems
        block={block}
        items={block.columns}
        onChange={(columns) => onChange({ ...block, columns })}
        nameOf={(column) => column.heading}
        newItem={newColumn}
        boxesClassName="tpl-grid"
      >
        {(column, row) => (
          <TextBoxes
            itemKey={column.key}
            item={column}
            onChange={row.update}
            boxes={[
              { what: 'heading', label: `Column ${row.index + 1} heading`, maxLength: 80 },
              { what: 'hint', label: 'Hint under the heading (optional)', maxLength: 200 },
            ]}
          />
        )}
      </BlockItems>
      <div className="ws-table-rows">
        {typeof block.rows === 'string' ? (
          <NumberBox
            itemKey={block.key}
            what="rows"
            label="Blank rows"
            value={block.rows}
            min={1}
            max={60}
            onChange={(rows) => onChange({ ...block, rows })}
          />
        ) : (
          <p className="hint ws-labelled">
            Labelled rows, kept as they are: {block.rows.slice(0, 3).join(', ')}
            {block.rows.length > 3 ? ` … (${block.rows.length} in all)` : ''}
          </p>
        )}
        <div className="field">
          <label htmlFor={domId(block.key, 'rowHeight')}>Row height</label>
          <select
            id={domId(block.key, 'rowHeight')}
            value={block.rowHeight}
            onChange={(event) => onChange({ ...block, rowHeight: event.target.value as (typeof block)['rowHeight'] })}
          >
            <option value="small">Small (for numbers)</option>
            <option value="medium">Medium (a few words)</option>
            <option value="large">Large (sentences)</option>
          </select>
        </div>
      </div>
    </>
  );
}

function StepParts({ block, onChange }: PartsProps<'steps'>) {
  return (
    <BlockItems
      block={block}
      items={block.steps}
      onChange={(steps) => onChange({ ...block, steps })}
      nameOf={(step) => step.title}
      newItem={newStep}
      boxesClassName="tpl-grid ws-step-grid"
    >
      {(step, row) => (
        <>
          <TextBox
            itemKey={step.key}
            what="title"
            label={`Step ${row.index + 1} title`}
            value={step.title}
            maxLength={200}
            onChange={(title) => row.update({ title })}
          />
          <NumberBox
            itemKey={step.key}
            what="lines"
            label="Lines to write on"
            value={step.lines}
            min={0}
            max={20}
            onChange={(lines) => row.update({ lines })}
          />
          <TextBox
            itemKey={step.key}
            what="prompt"
            label="Prompt (optional)"
            className="span-2"
            value={step.prompt ?? ''}
            maxLength={600}
            onChange={(prompt) => row.update({ prompt })}
          />
        </>
      )}
    </BlockItems>
  );
}

function FieldParts({ block, onChange }: PartsProps<'fields'>) {
  return (
    <BlockItems
      block={block}
      items={block.fields}
      onChange={(fields) => onChange({ ...block, fields })}
      nameOf={(field) => field.label}
      newItem={newFieldLine}
    >
      {(field, row) => (
        <>
          <TextBox
            itemKey={field.key}
            what="label"
            label={`Line ${row.index + 1} label`}
            value={field.label}
            maxLength={120}
            onChange={(label) => row.update({ label })}
          />
          {contactHint(field) && <p className="hint">{contactHint(field)}</p>}
        </>
      )}
    </BlockItems>
  );
}

type NumberBoxProps = {
  itemKey: string;
  what: string;
  label: string;
  value: string;
  min: number;
  max: number;
  onChange: (value: string) => void;
};

/** A labelled whole-number box with its problem underneath (the draft keeps what was typed). */
function NumberBox({ itemKey, what, label, value, min, max, onChange }: NumberBoxProps) {
  const problem = useProblem(`${itemKey}:${what}`);
  const id = domId(itemKey, what);
  return (
    <div className="field ws-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-invalid={problem.invalid}
        aria-describedby={problem.describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem.node}
    </div>
  );
}
