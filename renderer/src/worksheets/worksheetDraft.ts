import type { z } from 'zod';
import { worksheetSchema } from '../../../shared/worksheets/schema';
import type { ContactSource, WorksheetBlock, WorksheetColumn, WorksheetDef } from '../../../shared/worksheets/types';
import {
  assignIds,
  type Meta,
  newKey,
  type Problems,
  placeIssues,
  templateIdFor,
  tooBigMessage,
} from '../templates/draft';

/**
 * The worksheet editor's working copy, on the model of the template editor's draft
 * (templates/draft.ts): every block, column, step and field carries a `key` (stable while
 * editing, for React and DOM ids) and blocks and columns `fresh` (added since the last
 * save). A fresh item gets its id from its heading when the worksheet is saved; after
 * that the id never changes, so homework assigned with a version keeps its meaning.
 * Numbers the therapist types (rows, lines) stay text until the check, so an empty box
 * is a problem shown at the box rather than a silent 0.
 */

export type DraftColumn = WorksheetColumn & Meta;
export type DraftStep = { key: string; title: string; prompt?: string; lines: string };
export type DraftFieldLine = { key: string; label: string; prefilledFrom?: ContactSource };

type TableBlock = Extract<WorksheetBlock, { kind: 'table' }>;
export type DraftBlock =
  | (Extract<WorksheetBlock, { kind: 'text' | 'reference' | 'scale' }> & Meta)
  | (Omit<TableBlock, 'columns' | 'rows'> & { columns: DraftColumn[]; rows: string | string[] } & Meta)
  | (Omit<Extract<WorksheetBlock, { kind: 'steps' }>, 'steps'> & { steps: DraftStep[] } & Meta)
  | (Omit<Extract<WorksheetBlock, { kind: 'fields' }>, 'fields'> & { fields: DraftFieldLine[] } & Meta);
export type DraftWorksheet = Omit<WorksheetDef, 'blocks'> & { blocks: DraftBlock[] };

const kept = () => ({ key: newKey(), fresh: false });
const fresh = () => ({ id: '', key: newKey(), fresh: true });

function toDraftBlock(block: WorksheetBlock): DraftBlock {
  switch (block.kind) {
    case 'table':
      return {
        ...block,
        ...kept(),
        rows: typeof block.rows === 'number' ? String(block.rows) : block.rows,
        columns: block.columns.map((column) => ({ ...column, ...kept() })),
      };
    case 'steps':
      return {
        ...block,
        ...kept(),
        steps: block.steps.map((step) => ({ ...step, key: newKey(), lines: String(step.lines) })),
      };
    case 'fields':
      return { ...block, ...kept(), fields: block.fields.map((field) => ({ ...field, key: newKey() })) };
    default:
      return { ...block, ...kept() };
  }
}

export function toDraft(worksheet: WorksheetDef): DraftWorksheet {
  return { ...worksheet, blocks: worksheet.blocks.map(toDraftBlock) };
}

/** A copy of any worksheet, ready to edit: "Copy of …", a new id from its title, and where it came from. */
export function duplicateOf(original: WorksheetDef, all: readonly WorksheetDef[]): WorksheetDef {
  const { source: _source, ...rest } = structuredClone(original);
  return {
    ...rest,
    // The source cites what a built-in follows; an edited copy says what it was based on instead.
    id: templateIdFor(original.title, new Set(all.map((worksheet) => worksheet.id))),
    title: `Copy of ${original.title}`.slice(0, 120),
    builtIn: false,
    version: 1,
    basedOn: original.id,
  };
}

// ---------------------------------------------------------------------------
// New items, with the defaults the brief of each kind calls for

export type NewBlockKind = 'text' | 'table' | 'steps' | 'fields';

export const newBlockChoices: readonly { value: NewBlockKind; label: string }[] = [
  { value: 'text', label: 'Text (a paragraph printed as is)' },
  { value: 'table', label: 'Table (3 columns, 8 rows)' },
  { value: 'steps', label: 'Numbered steps (3 steps)' },
  { value: 'fields', label: 'Lines to fill in' },
];

export const newColumn = (number: number): DraftColumn => ({ ...fresh(), heading: `Column ${number}` });
export const newStep = (number: number): DraftStep => ({ key: newKey(), title: `Step ${number}`, lines: '3' });
export const newFieldLine = (number: number): DraftFieldLine => ({ key: newKey(), label: `Line ${number}` });

export function newBlock(kind: NewBlockKind): DraftBlock {
  switch (kind) {
    case 'text':
      return { ...fresh(), kind, heading: 'New text', body: '' };
    case 'table':
      return {
        ...fresh(),
        kind,
        heading: 'New table',
        columns: [newColumn(1), newColumn(2), newColumn(3)],
        rows: '8',
        rowHeight: 'medium',
      };
    case 'steps':
      return { ...fresh(), kind, heading: 'New steps', steps: [newStep(1), newStep(2), newStep(3)] };
    case 'fields':
      return { ...fresh(), kind, heading: 'New lines', fields: [newFieldLine(1), newFieldLine(2)] };
  }
}

/** What a block is, in the editor's words. */
export function blockKindName(block: DraftBlock): string {
  switch (block.kind) {
    case 'text':
      return 'Text';
    case 'reference':
      return 'List of terms';
    case 'table':
      return 'Table';
    case 'steps':
      return 'Numbered steps';
    case 'fields':
      return 'Lines to fill in';
    case 'scale':
      return 'Rating scale';
  }
}

// ---------------------------------------------------------------------------
// From the draft to a worksheet

/** "7" → 7; anything else → NaN, which the schema refuses at the box. */
const count = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** An optional text: trimmed, and left out when empty. */
function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  const trimmed = value?.trim();
  return trimmed ? ({ [name]: trimmed } as Record<K, string>) : {};
}

function candidateBlock(block: DraftBlock, id: string): Record<string, unknown> {
  const { key: _key, fresh: _fresh, ...rest } = block;
  if (block.kind === 'scale') return { ...rest, id };
  const { heading: _heading, ...common } = rest as typeof rest & { heading?: string };
  const base = { ...common, id, ...optional('heading', block.heading) };
  switch (block.kind) {
    case 'table': {
      const columnId = assignIds(block.columns, (column) => column.heading, 'column');
      return {
        ...base,
        rows: typeof block.rows === 'string' ? count(block.rows) : block.rows,
        columns: block.columns.map((column) => {
          const { key: _k, fresh: _f, hint, ...rest } = column;
          return { ...rest, id: columnId(column), heading: column.heading.trim(), ...optional('hint', hint) };
        }),
      };
    }
    case 'steps':
      return {
        ...base,
        steps: block.steps.map(({ key: _k, title, prompt, lines }) => ({
          title: title.trim(),
          ...optional('prompt', prompt),
          lines: count(lines),
        })),
      };
    case 'fields':
      return {
        ...base,
        fields: block.fields.map(({ key: _k, ...field }) => ({ ...field, label: field.label.trim() })),
      };
    default:
      return base;
  }
}

/** The worksheet the draft stands for; a worksheet never saved takes its id from its title. */
export function candidate(draft: DraftWorksheet, saved: boolean, takenIds: ReadonlySet<string>): unknown {
  const blockId = assignIds(draft.blocks, (block) => ('heading' in block ? (block.heading ?? '') : ''), 'part');
  return {
    ...draft,
    id: saved ? draft.id : templateIdFor(draft.title, takenIds),
    title: draft.title.trim(),
    purpose: draft.purpose.trim(),
    instructions: draft.instructions.trim(),
    blocks: draft.blocks.map((block) => candidateBlock(block, blockId(block))),
  };
}

// ---------------------------------------------------------------------------
// The check, and each problem placed next to its control

export type Checked = { ok: true; worksheet: WorksheetDef } | { ok: false; problems: Problems; general: string[] };

/** Places the worksheet's own controls use. */
export const WORKSHEET = 'worksheet';

/** Checks with the core's own schema, plus what the schema allows but prints badly (an empty heading or label). */
export function check(draft: DraftWorksheet, saved: boolean, takenIds: ReadonlySet<string>): Checked {
  const problems = new Map<string, string>();
  for (const block of draft.blocks) {
    if (block.kind === 'table')
      for (const column of block.columns)
        if (!column.heading.trim()) problems.set(`${column.key}:heading`, 'Give this column a heading.');
    if (block.kind === 'steps')
      for (const step of block.steps)
        if (!step.title.trim()) problems.set(`${step.key}:title`, 'Give this step a title.');
    if (block.kind === 'fields')
      for (const field of block.fields)
        if (!field.label.trim()) problems.set(`${field.key}:label`, 'Give this line a label.');
  }
  const parsed = worksheetSchema.safeParse(candidate(draft, saved, takenIds));
  if (parsed.success && problems.size === 0) return { ok: true, worksheet: parsed.data };
  const issues = parsed.success ? [] : parsed.error.issues;
  return placeIssues(issues, { placeOf: (path) => placeOf(draft, path), friendly, shown }, problems);
}

/** The places the editor has a control (or a list) for; anything else is reported as a whole. */
const shown = /:(title|purpose|instructions|heading|hint|body|rows|prompt|lines|label|columns|steps|fields)$/;

function placeOf(draft: DraftWorksheet, path: readonly PropertyKey[]): string | null {
  const [head, blockIndex, property, itemIndex, itemProperty] = path;
  if (head !== 'blocks') return typeof head === 'string' ? `${WORKSHEET}:${head}` : null;
  const block = typeof blockIndex === 'number' ? draft.blocks[blockIndex] : undefined;
  if (!block) return `${WORKSHEET}:blocks`;
  const items =
    block.kind === 'table' && property === 'columns'
      ? block.columns
      : block.kind === 'steps' && property === 'steps'
        ? block.steps
        : block.kind === 'fields' && property === 'fields'
          ? block.fields
          : null;
  const item = items && typeof itemIndex === 'number' ? items[itemIndex] : undefined;
  if (item) return `${item.key}:${String(itemProperty ?? 'label')}`;
  return `${block.key}:${String(property ?? 'heading')}`;
}

function friendly(issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  if (last === 'rows') return 'Enter a number of rows from 1 to 60.';
  if (last === 'lines') return 'Enter a number of lines from 0 to 20.';
  if (issue.code === 'too_small') {
    if (last === 'title' && issue.path.length === 1) return 'Give the worksheet a title.';
    if (last === 'columns') return 'A table needs at least one column.';
    if (last === 'steps') return 'Add at least one step.';
    if (last === 'fields') return 'Add at least one line.';
    if (last === 'blocks') return 'A worksheet needs at least one part.';
    return 'This cannot be empty.';
  }
  return tooBigMessage(issue) ?? issue.message;
}
