import { useCallback, useMemo, useState } from 'react';
import { contactHint } from '../../../shared/worksheets/contacts';
import type { WorksheetDef } from '../../../shared/worksheets/types';
import { call } from '../api';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../templates/ConfirmDialog';
import { domId, EditorContext, ItemTools, named, TextBox, useEditor, useProblem } from '../templates/editorParts';
import { type DraftCheck, useDraftEditor } from '../templates/useDraftEditor';
import {
  blockKindName,
  candidate,
  check,
  type DraftBlock,
  type DraftWorksheet,
  moved,
  type NewBlockKind,
  newBlock,
  newBlockChoices,
  newColumn,
  newFieldLine,
  newStep,
  toDraft,
  WORKSHEET,
} from './worksheetDraft';
import '../templates/templates.css';
import './worksheetEditor.css';

type Props = {
  /** The worksheet to edit: one of the therapist's own, or a fresh duplicate not saved yet. */
  worksheet: WorksheetDef;
  /** False for a duplicate that has never been saved. */
  saved: boolean;
  /** Every id in the library, so a new worksheet's id is unique. */
  takenIds: ReadonlySet<string>;
  /** The title of the worksheet it was copied from, if any. */
  basedOnTitle: string | null;
  onSaved: (worksheet: WorksheetDef) => void;
  onClose: () => void;
};

/**
 * The worksheet editor: replaces the library while open. Nothing is stored until Save;
 * the draft is checked with the core's own schema first, each problem shown at its control.
 * Built from the template editor's parts, so both editors look and behave alike.
 */
export function WorksheetEditor({ worksheet, saved, takenIds, basedOnTitle, onSaved, onClose }: Props) {
  const initial = useMemo(() => toDraft(worksheet), [worksheet]);
  const [adding, setAdding] = useState<NewBlockKind>('text');
  // A fresh copy's id follows its title until the first save, so checks need both facts.
  const checkWorksheet = useCallback(
    (draft: DraftWorksheet): DraftCheck<WorksheetDef> => {
      const result = check(draft, saved, takenIds);
      return result.ok ? { ok: true, value: result.worksheet } : result;
    },
    [saved, takenIds],
  );
  const worksheetText = useCallback(
    (draft: DraftWorksheet) => JSON.stringify(candidate(draft, saved, takenIds)),
    [saved, takenIds],
  );
  const { draft, setDraft, problems, problemCount, busy, failure, confirmation, setConfirmation, tools, save, leave } =
    useDraftEditor<DraftWorksheet, WorksheetDef>({
      initial,
      check: checkWorksheet,
      candidateText: worksheetText,
      persist: (checked) => call('worksheets:save', { worksheet: checked }),
      onSaved,
      onClose,
      firstControl: { item: WORKSHEET, what: 'title' },
      saved,
      noun: 'worksheet',
    });

  const setBlocks = (blocks: DraftBlock[]) => setDraft({ ...draft, blocks });

  return (
    <EditorContext.Provider value={tools}>
      <section className="card template-editor worksheet-editor" aria-labelledby="worksheet-editor-title">
        <button type="button" className="link back" onClick={leave}>
          ← Back to Worksheets
        </button>
        <div className="tpl-title-row">
          <h1 id="worksheet-editor-title">{saved ? 'Edit worksheet' : 'New worksheet'}</h1>
          <span className="badge">{saved ? `Saved version ${worksheet.version}` : 'Not saved yet'}</span>
        </div>
        <p className="hint">
          {basedOnTitle ? `Based on “${basedOnTitle}”. ` : ''}
          Homework already assigned keeps the version it was assigned with; your changes apply from the next print.
        </p>

        <div className="tpl-grid tpl-head">
          <TextBox
            itemKey={WORKSHEET}
            what="title"
            label="Title (printed at the top)"
            value={draft.title}
            maxLength={120}
            onChange={(title) => setDraft({ ...draft, title })}
          />
          <div className="field">
            <label htmlFor={domId(WORKSHEET, 'orientation')}>Paper</label>
            <select
              id={domId(WORKSHEET, 'orientation')}
              value={draft.orientation}
              onChange={(event) =>
                setDraft({ ...draft, orientation: event.target.value === 'landscape' ? 'landscape' : 'portrait' })
              }
            >
              <option value="portrait">Portrait (upright)</option>
              <option value="landscape">Landscape (sideways, for wide tables)</option>
            </select>
          </div>
          <TextBox
            itemKey={WORKSHEET}
            what="purpose"
            label="What it is for (shown to you in the library)"
            className="span-2"
            value={draft.purpose}
            maxLength={300}
            onChange={(purpose) => setDraft({ ...draft, purpose })}
          />
          <TextBox
            itemKey={WORKSHEET}
            what="instructions"
            label="Instructions for the client (printed under the title)"
            className="span-2"
            multiline
            value={draft.instructions}
            maxLength={3000}
            onChange={(instructions) => setDraft({ ...draft, instructions })}
          />
        </div>

        <h2 className="tpl-sections-title">Parts of the sheet, top to bottom</h2>
        <ol className="tpl-sections">
          {draft.blocks.map((block, index) => (
            <BlockEditor
              key={block.key}
              block={block}
              index={index}
              count={draft.blocks.length}
              onChange={(next) => setBlocks(draft.blocks.map((each) => (each.key === block.key ? next : each)))}
              onMove={(delta) => setBlocks(moved(draft.blocks, index, delta))}
              onRemove={() => {
                const neighbour = draft.blocks[index + 1] ?? draft.blocks[index - 1];
                setBlocks(draft.blocks.filter((each) => each.key !== block.key));
                tools.focusLater(neighbour ? [domId(neighbour.key, 'up'), domId(neighbour.key, 'down')] : ['ws-add']);
              }}
            />
          ))}
        </ol>
        <div className="tpl-add">
          <label htmlFor="ws-add-kind">New part</label>
          <select id="ws-add-kind" value={adding} onChange={(event) => setAdding(event.target.value as NewBlockKind)}>
            {newBlockChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            id="ws-add"
            disabled={draft.blocks.length >= 30}
            onClick={() => {
              const block = newBlock(adding);
              setBlocks([...draft.blocks, block]);
              tools.focusLater([domId(block.key, 'heading')], true);
            }}
          >
            Add part
          </button>
        </div>

        <div className="tpl-footer">
          {problemCount > 0 && (
            <Alert kind="error">
              {problemCount === 1 ? 'One thing needs fixing' : `${problemCount} things need fixing`} before the
              worksheet can be saved{problems.size > 0 ? ': see the marked boxes.' : '.'}
            </Alert>
          )}
          {failure && <Alert kind="error">{failure}</Alert>}
          <div className="actions">
            <button type="button" onClick={leave}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save worksheet'}
            </button>
          </div>
        </div>
      </section>
      {confirmation && <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />}
    </EditorContext.Provider>
  );
}

/** A labelled whole-number box with its problem underneath (the draft keeps what was typed). */
function NumberBox({
  itemKey,
  what,
  label,
  value,
  min,
  max,
  onChange,
}: {
  itemKey: string;
  what: string;
  label: string;
  value: string;
  min: number;
  max: number;
  onChange: (value: string) => void;
}) {
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

/** A problem with a whole list (e.g. no columns left), shown under the list. */
function ListProblem({ place }: { place: string }) {
  return useProblem(place).node;
}

type BlockProps = {
  block: DraftBlock;
  index: number;
  count: number;
  onChange: (block: DraftBlock) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

function BlockEditor({ block, index, count, onChange, onMove, onRemove }: BlockProps) {
  const { confirm } = useEditor();
  const name = block.kind === 'scale' ? block.label : (block.heading ?? '');
  const kind = blockKindName(block);
  return (
    <li className="tpl-section" aria-label={`Part ${index + 1}: ${kind}${name.trim() ? `, ${name.trim()}` : ''}`}>
      <div className="tpl-item-head">
        <span className="tpl-section-number">
          Part {index + 1} · {kind}
        </span>
        <ItemTools
          itemKey={block.key}
          noun="part"
          name={name}
          index={index}
          count={count}
          onMove={onMove}
          keep={count === 1 ? 'A worksheet needs at least one part.' : undefined}
          onRemove={() =>
            confirm({
              title: 'Remove this part?',
              body: <p>The part {named(name, 'part')} will be removed from this worksheet when you save.</p>,
              action: 'Remove part',
              onConfirm: onRemove,
            })
          }
        />
      </div>
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
    </li>
  );
}

type Of<K extends DraftBlock['kind']> = Extract<DraftBlock, { kind: K }>;

function TableParts({ block, onChange }: { block: Of<'table'>; onChange: (block: DraftBlock) => void }) {
  const { focusLater } = useEditor();
  const columns = block.columns;
  const setColumns = (next: typeof columns) => onChange({ ...block, columns: next });
  return (
    <>
      <h3 className="ws-sub-title">Columns</h3>
      <ol className="tpl-fields">
        {columns.map((column, index) => (
          <li key={column.key} className="tpl-field" aria-label={`Column ${index + 1}: ${column.heading}`}>
            <div className="ws-item-row">
              <div className="tpl-grid ws-grow">
                <TextBox
                  itemKey={column.key}
                  what="heading"
                  label={`Column ${index + 1} heading`}
                  value={column.heading}
                  maxLength={80}
                  onChange={(heading) => setColumns(columns.map((c) => (c.key === column.key ? { ...c, heading } : c)))}
                />
                <TextBox
                  itemKey={column.key}
                  what="hint"
                  label="Hint under the heading (optional)"
                  value={column.hint ?? ''}
                  maxLength={200}
                  onChange={(hint) => setColumns(columns.map((c) => (c.key === column.key ? { ...c, hint } : c)))}
                />
              </div>
              <ItemTools
                itemKey={column.key}
                noun="column"
                name={column.heading}
                index={index}
                count={columns.length}
                onMove={(delta) => setColumns(moved(columns, index, delta))}
                keep={columns.length === 1 ? 'A table needs at least one column.' : undefined}
                onRemove={() => {
                  const neighbour = columns[index + 1] ?? columns[index - 1];
                  setColumns(columns.filter((c) => c.key !== column.key));
                  focusLater(neighbour ? [domId(neighbour.key, 'heading')] : []);
                }}
              />
            </div>
          </li>
        ))}
      </ol>
      <ListProblem place={`${block.key}:columns`} />
      <button
        type="button"
        className="small-button"
        disabled={columns.length >= 16}
        aria-label={`Add column to ${named(block.heading ?? '', 'table')}`}
        onClick={() => {
          const column = newColumn(columns.length + 1);
          setColumns([...columns, column]);
          focusLater([domId(column.key, 'heading')], true);
        }}
      >
        Add column
      </button>
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

function StepParts({ block, onChange }: { block: Of<'steps'>; onChange: (block: DraftBlock) => void }) {
  const { focusLater } = useEditor();
  const steps = block.steps;
  const setSteps = (next: typeof steps) => onChange({ ...block, steps: next });
  const update = (key: string, change: Partial<(typeof steps)[number]>) =>
    setSteps(steps.map((step) => (step.key === key ? { ...step, ...change } : step)));
  return (
    <>
      <h3 className="ws-sub-title">Steps</h3>
      <ol className="tpl-fields">
        {steps.map((step, index) => (
          <li key={step.key} className="tpl-field" aria-label={`Step ${index + 1}: ${step.title}`}>
            <div className="ws-item-row">
              <div className="tpl-grid ws-grow ws-step-grid">
                <TextBox
                  itemKey={step.key}
                  what="title"
                  label={`Step ${index + 1} title`}
                  value={step.title}
                  maxLength={200}
                  onChange={(title) => update(step.key, { title })}
                />
                <NumberBox
                  itemKey={step.key}
                  what="lines"
                  label="Lines to write on"
                  value={step.lines}
                  min={0}
                  max={20}
                  onChange={(lines) => update(step.key, { lines })}
                />
                <TextBox
                  itemKey={step.key}
                  what="prompt"
                  label="Prompt (optional)"
                  className="span-2"
                  value={step.prompt ?? ''}
                  maxLength={600}
                  onChange={(prompt) => update(step.key, { prompt })}
                />
              </div>
              <ItemTools
                itemKey={step.key}
                noun="step"
                name={step.title}
                index={index}
                count={steps.length}
                onMove={(delta) => setSteps(moved(steps, index, delta))}
                keep={steps.length === 1 ? 'Numbered steps need at least one step.' : undefined}
                onRemove={() => {
                  const neighbour = steps[index + 1] ?? steps[index - 1];
                  setSteps(steps.filter((each) => each.key !== step.key));
                  focusLater(neighbour ? [domId(neighbour.key, 'title')] : []);
                }}
              />
            </div>
          </li>
        ))}
      </ol>
      <ListProblem place={`${block.key}:steps`} />
      <button
        type="button"
        className="small-button"
        disabled={steps.length >= 20}
        aria-label={`Add step to ${named(block.heading ?? '', 'steps')}`}
        onClick={() => {
          const step = newStep(steps.length + 1);
          setSteps([...steps, step]);
          focusLater([domId(step.key, 'title')], true);
        }}
      >
        Add step
      </button>
    </>
  );
}

function FieldParts({ block, onChange }: { block: Of<'fields'>; onChange: (block: DraftBlock) => void }) {
  const { focusLater } = useEditor();
  const fields = block.fields;
  const setFields = (next: typeof fields) => onChange({ ...block, fields: next });
  return (
    <>
      <h3 className="ws-sub-title">Lines</h3>
      <ol className="tpl-fields">
        {fields.map((field, index) => (
          <li key={field.key} className="tpl-field" aria-label={`Line ${index + 1}: ${field.label}`}>
            <div className="ws-item-row">
              <div className="ws-grow">
                <TextBox
                  itemKey={field.key}
                  what="label"
                  label={`Line ${index + 1} label`}
                  value={field.label}
                  maxLength={120}
                  onChange={(label) =>
                    setFields(fields.map((each) => (each.key === field.key ? { ...each, label } : each)))
                  }
                />
                {contactHint(field) && <p className="hint">{contactHint(field)}</p>}
              </div>
              <ItemTools
                itemKey={field.key}
                noun="line"
                name={field.label}
                index={index}
                count={fields.length}
                onMove={(delta) => setFields(moved(fields, index, delta))}
                keep={fields.length === 1 ? 'Lines to fill in need at least one line.' : undefined}
                onRemove={() => {
                  const neighbour = fields[index + 1] ?? fields[index - 1];
                  setFields(fields.filter((each) => each.key !== field.key));
                  focusLater(neighbour ? [domId(neighbour.key, 'label')] : []);
                }}
              />
            </div>
          </li>
        ))}
      </ol>
      <ListProblem place={`${block.key}:fields`} />
      <button
        type="button"
        className="small-button"
        disabled={fields.length >= 30}
        aria-label={`Add line to ${named(block.heading ?? '', 'lines')}`}
        onClick={() => {
          const field = newFieldLine(fields.length + 1);
          setFields([...fields, field]);
          focusLater([domId(field.key, 'label')], true);
        }}
      >
        Add line
      </button>
    </>
  );
}
