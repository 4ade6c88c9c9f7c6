import { isIsoDate } from '../dates';
import { builtInDistortions } from './distortions';
import type {
  FieldDef,
  GroupField,
  GroupRow,
  MultiChoiceField,
  MultiChoiceValue,
  NoteValues,
  RichTextDoc,
  ScalarField,
  ScalarValue,
  TemplateDef,
} from './types';

/**
 * Note values as pure functions of a template: the empty note, the checked autosave
 * update, the plain text (search, printing, signature hash) and carry-forward.
 * Nothing here reads a clock or the environment: the caller passes `now`.
 */

// Limits. They bound what one autosave can write; each is generous for a session note.
// The three RICH_TEXT limits are the one budget of every rich-text value, addenda and
// homework instructions included (richTextProblem): a long session note is a few
// thousand characters in a few hundred nodes, a few levels deep.
const SHORT_TEXT_MAX_DEFAULT = 2000;
const MULTI_CHOICE_OTHER_MAX = 500;
const TAG_MAX_LENGTH = 60;
const TAGS_MAX = 30;
const GROUP_ROWS_MAX = 100;
/** Levels of rich-text nodes below the document, text nodes included (lists in quotes in lists…). */
const RICH_TEXT_MAX_DEPTH = 50;
/** Characters of text (and string attributes) in one rich-text value: about 1 MB. */
const RICH_TEXT_MAX_CHARS = 1_000_000;
/** Nodes in one rich-text value, so a flood of empty paragraphs is bounded too. */
const RICH_TEXT_MAX_NODES = 100_000;

// ---------------------------------------------------------------------------
// Empty and initial values

/** The value of a field nobody has touched. */
export function emptyValue(field: Exclude<FieldDef, GroupField>): ScalarValue {
  switch (field.kind) {
    case 'shortText':
      return '';
    case 'multiChoice':
      return { selected: [], other: '' };
    case 'tags':
      return [];
    default:
      // richText, number, dateTime, rating, singleChoice, sessionNumber, slot
      return null;
  }
}

/** One empty row of a group (what "Add row" appends). */
export function emptyRow(group: GroupField): GroupRow {
  const row: GroupRow = {};
  for (const sub of group.fields) row[sub.id] = emptyValue(sub);
  return row;
}

/** A value for every field of the template; groups start with `minRows` rows (default 1). */
export function emptyValues(template: TemplateDef): NoteValues {
  const values: NoteValues = {};
  for (const field of allFields(template)) {
    values[field.id] =
      field.kind === 'group' ? Array.from({ length: field.minRows ?? 1 }, () => emptyRow(field)) : emptyValue(field);
  }
  return values;
}

/** The values of a new note: empty, with the session number and the session's date-time filled in. */
export function initialValues(
  template: TemplateDef,
  context: { now: string; sessionNumber: number | null },
): NoteValues {
  const values = emptyValues(template);
  for (const field of allFields(template)) {
    if (field.kind === 'sessionNumber') values[field.id] = context.sessionNumber;
    if (field.kind === 'dateTime' && field.id === 'sessionAt') values[field.id] = context.now;
  }
  return values;
}

// ---------------------------------------------------------------------------
// Checking an update

export type ChangeCheck = { ok: true; changes: NoteValues } | { ok: false; field: string; message: string };

/**
 * Checks a partial update (only the fields that changed) against the note's template.
 * Returns the changes to store (group rows completed with empty values for missing
 * sub-fields) or the first problem: `field` is a dotted path ('thoughtRecord.2.belief',
 * rows counted from 0) and `message` is written for the therapist.
 */
export function checkChanges(template: TemplateDef, changes: Record<string, unknown>): ChangeCheck {
  if (!isPlainObject(changes)) return { ok: false, field: '', message: 'The changes could not be read.' };
  const fields = new Map(allFields(template).map((field) => [field.id, field]));
  const checked: NoteValues = {};
  try {
    for (const [id, value] of Object.entries(changes)) {
      const field = fields.get(id);
      if (field === undefined) throw new ValueProblem(id, `This note's template has no field "${id}".`);
      const where: Where = { path: id, name: `"${field.label}"` };
      switch (field.kind) {
        case 'sessionNumber':
          throw new ValueProblem(id, `${where.name} is counted by the app and cannot be changed here.`);
        case 'slot':
          throw new ValueProblem(id, `${where.name} is filled in by the app and cannot be changed here.`);
        case 'group':
          checked[id] = checkGroup(field, value, where);
          break;
        default:
          checked[id] = checkScalar(field, value, where);
      }
    }
  } catch (error) {
    if (error instanceof ValueProblem) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
  return { ok: true, changes: checked };
}

/** Where a value sits: its dotted path and how to name it to the therapist. */
type Where = { path: string; name: string };

class ValueProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function fail(where: Where, message: string): never {
  throw new ValueProblem(where.path, `${where.name} ${message}`);
}

function checkGroup(group: GroupField, value: unknown, where: Where): GroupRow[] {
  if (!Array.isArray(value)) fail(where, 'could not be read (expected a list of rows).');
  if (value.length > GROUP_ROWS_MAX) fail(where, `can have at most ${GROUP_ROWS_MAX} rows.`);
  const subFields = new Map(group.fields.map((sub) => [sub.id, sub]));
  return value.map((row: unknown, index) => {
    const rowName = `${group.itemLabel} ${index + 1}`;
    const rowWhere: Where = { path: `${where.path}.${index}`, name: rowName };
    if (!isPlainObject(row)) fail(rowWhere, 'could not be read.');
    for (const key of Object.keys(row)) {
      if (!subFields.has(key)) throw new ValueProblem(`${rowWhere.path}.${key}`, `${rowName} has no field "${key}".`);
    }
    const checked: GroupRow = {};
    for (const sub of group.fields) {
      const subWhere: Where = { path: `${rowWhere.path}.${sub.id}`, name: `"${sub.label}" in ${rowName}` };
      checked[sub.id] = Object.hasOwn(row, sub.id) ? checkScalar(sub, row[sub.id], subWhere) : emptyValue(sub);
    }
    return checked;
  });
}

function checkScalar(field: ScalarField, value: unknown, where: Where): ScalarValue {
  switch (field.kind) {
    case 'richText':
      return checkRichText(value, where);
    case 'shortText': {
      if (typeof value !== 'string') fail(where, 'must be text.');
      const max = field.maxLength ?? SHORT_TEXT_MAX_DEFAULT;
      if (value.length > max) fail(where, `is too long (at most ${max} characters).`);
      return value;
    }
    case 'number': {
      if (value === null) return null;
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, 'must be a number.');
      if (field.integer && !Number.isInteger(value)) fail(where, 'must be a whole number.');
      const unit = field.unit ? ` ${field.unit}` : '';
      if (field.min !== undefined && field.max !== undefined && (value < field.min || value > field.max)) {
        fail(where, `must be between ${field.min} and ${field.max}${unit}.`);
      }
      if (field.min !== undefined && value < field.min) fail(where, `must be at least ${field.min}${unit}.`);
      if (field.max !== undefined && value > field.max) fail(where, `must be at most ${field.max}${unit}.`);
      return value;
    }
    case 'dateTime':
      if (value === null) return null;
      if (typeof value !== 'string' || !isIsoDateTime(value)) fail(where, 'must be a valid date and time.');
      return value;
    case 'rating': {
      if (value === null) return null;
      const step = field.step ?? 1;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > field.max) {
        fail(where, `must be a whole number from 0 to ${field.max}.`);
      }
      if (value % step !== 0) fail(where, `must be in steps of ${step}.`);
      return value;
    }
    case 'singleChoice':
      if (value === null) return null;
      if (typeof value !== 'string' || !field.options.some((option) => option.id === value)) {
        fail(where, 'must be one of its options.');
      }
      return value;
    case 'multiChoice':
      return checkMultiChoice(field, value, where);
    case 'tags': {
      if (!Array.isArray(value)) fail(where, 'could not be read (expected a list of tags).');
      if (value.length > TAGS_MAX) fail(where, `can have at most ${TAGS_MAX} tags.`);
      const seen = new Set<string>();
      for (const tag of value) {
        if (typeof tag !== 'string') fail(where, 'has a tag that could not be read.');
        if (tag.trim() === '') fail(where, 'cannot have an empty tag.');
        if (tag.length > TAG_MAX_LENGTH) fail(where, `has a tag longer than ${TAG_MAX_LENGTH} characters.`);
        if (seen.has(tag)) fail(where, `has the tag "${tag}" twice.`);
        seen.add(tag);
      }
      return value as string[];
    }
  }
}

function checkMultiChoice(field: MultiChoiceField, value: unknown, where: Where): MultiChoiceValue {
  if (!isPlainObject(value) || !Array.isArray(value.selected) || typeof value.other !== 'string') {
    fail(where, 'could not be read.');
  }
  if (Object.keys(value).some((key) => key !== 'selected' && key !== 'other')) fail(where, 'could not be read.');
  const seen = new Set<string>();
  for (const id of value.selected) {
    if (typeof id !== 'string' || !field.options.some((option) => option.id === id)) {
      fail(where, 'has a choice that is not one of its options.');
    }
    if (seen.has(id)) fail(where, 'has the same choice twice.');
    seen.add(id);
  }
  if (value.other.length > MULTI_CHOICE_OTHER_MAX) {
    fail(where, `has an "Other" text that is too long (at most ${MULTI_CHOICE_OTHER_MAX} characters).`);
  }
  if (value.other !== '' && !field.allowOther) fail(where, 'does not take an "Other" answer.');
  return value as MultiChoiceValue;
}

/** A rich-text value: null or a document within the one budget (see richTextProblem). */
function checkRichText(value: unknown, where: Where): RichTextDoc | null {
  if (value === null) return null;
  const problem = richTextProblem(value);
  if (problem) fail(where, describeRichTextProblem(problem));
  return value as RichTextDoc;
}

/** Why a rich-text document cannot be saved or shown; null when it is within the budget. */
export type RichTextProblem =
  | { kind: 'unreadable' }
  | { kind: 'tooDeep'; limit: number }
  | { kind: 'tooManyNodes'; limit: number }
  | { kind: 'tooMuchText'; limit: number };

/**
 * The one size budget for every rich-text value (note fields, addenda, homework
 * instructions): its structure (a tiptap/ProseMirror JSON document: which node types
 * exist is the editor's business) and its size. An iterative walk that stops at the
 * first problem, so a hostile document (4 million nodes, 20,000 levels deep) is refused
 * after at most RICH_TEXT_MAX_NODES nodes, in milliseconds, with no recursion to
 * overflow the stack. The same walk tells a stored value that cannot be shown.
 */
export function richTextProblem(value: unknown): RichTextProblem | null {
  const unreadable: RichTextProblem = { kind: 'unreadable' };
  if (!isPlainObject(value) || value.type !== 'doc') return unreadable;
  if (Object.keys(value).some((key) => key !== 'type' && key !== 'content')) return unreadable;
  if (value.content === undefined) return null;
  if (!Array.isArray(value.content)) return unreadable;
  const budget = { chars: 0, nodes: 0 };
  const pending: { nodes: unknown[]; depth: number }[] = [{ nodes: value.content, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { nodes, depth } = next;
    if (depth > RICH_TEXT_MAX_DEPTH) return { kind: 'tooDeep', limit: RICH_TEXT_MAX_DEPTH };
    for (const node of nodes) {
      budget.nodes += 1;
      if (budget.nodes > RICH_TEXT_MAX_NODES) return { kind: 'tooManyNodes', limit: RICH_TEXT_MAX_NODES };
      if (!isPlainObject(node) || typeof node.type !== 'string' || node.type === '' || node.type.length > 64) {
        return unreadable;
      }
      for (const key in node) {
        if (!NODE_KEYS.has(key)) return unreadable;
      }
      if (node.text !== undefined) {
        if (typeof node.text !== 'string') return unreadable;
        budget.chars += node.text.length;
      }
      if (node.attrs !== undefined && !checkAttrs(node.attrs, budget)) return unreadable;
      if (node.marks !== undefined) {
        if (!Array.isArray(node.marks) || node.marks.length > 50) return unreadable;
        for (const mark of node.marks) {
          const markOk =
            isPlainObject(mark) &&
            typeof mark.type === 'string' &&
            mark.type !== '' &&
            mark.type.length <= 64 &&
            Object.keys(mark).every((key) => key === 'type' || key === 'attrs') &&
            (mark.attrs === undefined || checkAttrs(mark.attrs, budget));
          if (!markOk) return unreadable;
        }
      }
      if (budget.chars > RICH_TEXT_MAX_CHARS) return { kind: 'tooMuchText', limit: RICH_TEXT_MAX_CHARS };
      if (node.content !== undefined) {
        if (!Array.isArray(node.content)) return unreadable;
        pending.push({ nodes: node.content, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** The end of a sentence that starts with what the text is ("The addendum", '"Plan"'). */
export function describeRichTextProblem(problem: RichTextProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return 'could not be read (it is not a text document the app recognises).';
    case 'tooDeep':
      return `is too large to save: lists or quotes are nested too deeply (more than ${problem.limit} levels).`;
    case 'tooManyNodes':
      return `is too large to save: it has more than ${problem.limit.toLocaleString('en')} paragraphs, list items and styled pieces of text.`;
    case 'tooMuchText':
      return `is too long to save (more than ${problem.limit.toLocaleString('en')} characters).`;
  }
}

const NODE_KEYS = new Set(['type', 'text', 'attrs', 'marks', 'content']);

/** Node and mark attributes: flat JSON values (heading level, list start, link href…). */
function checkAttrs(attrs: unknown, budget: { chars: number }): boolean {
  if (!isPlainObject(attrs)) return false;
  const entries = Object.entries(attrs);
  if (entries.length > 50) return false;
  const primitive = (item: unknown): boolean => {
    if (typeof item === 'string') {
      budget.chars += item.length;
      return true;
    }
    return item === null || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item));
  };
  return entries.every(
    ([key, item]) =>
      key.length <= 64 && (primitive(item) || (Array.isArray(item) && item.length <= 1000 && item.every(primitive))),
  );
}

// 'YYYY-MM-DDTHH:mm', optionally with seconds, fraction and a zone (what <input
// type="datetime-local"> and Date#toISOString produce). Date.parse alone would accept
// 30 February (it rolls over), so the calendar date is checked separately.
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

function isIsoDateTime(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1] ?? '') && !Number.isNaN(Date.parse(value));
}

// ---------------------------------------------------------------------------
// Plain text

/**
 * The plain text of a tiptap JSON document: one line per paragraph, heading or list
 * item; hard breaks become newlines; list items start with '• ' or 'n. ' (nested lists
 * are indented by two spaces). Anything that is not a document gives ''.
 */
export function richTextToPlain(doc: unknown): string {
  if (!isPlainObject(doc) || doc.type !== 'doc') return '';
  const lines: string[] = [];
  blockLines(doc.content, '', lines, 0);
  const trimmed = lines.map((line) => line.trimEnd());
  while (trimmed.length > 0 && trimmed[0] === '') trimmed.shift();
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed.join('\n');
}

// Deeper input than the checker allows is not a note we wrote: stop rather than overflow the stack.
const PLAIN_MAX_DEPTH = RICH_TEXT_MAX_DEPTH * 2;
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

function isTextBlock(node: Record<string, unknown>): boolean {
  if (TEXT_BLOCKS.has(String(node.type))) return true;
  return (
    Array.isArray(node.content) &&
    node.content.some((child) => isPlainObject(child) && (child.type === 'text' || child.type === 'hardBreak'))
  );
}

function blockLines(content: unknown, indent: string, lines: string[], depth: number): void {
  if (!Array.isArray(content) || depth > PLAIN_MAX_DEPTH) return;
  for (const node of content) {
    if (!isPlainObject(node)) continue;
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      const attrs = isPlainObject(node.attrs) ? node.attrs : {};
      const start = typeof attrs.start === 'number' && Number.isInteger(attrs.start) ? attrs.start : 1;
      const items = Array.isArray(node.content) ? node.content : [];
      items.forEach((item, index) => {
        const prefix = node.type === 'bulletList' ? '• ' : `${start + index}. `;
        listItemLines(item, indent, prefix, lines, depth + 1);
      });
    } else if (node.type === 'text' || node.type === 'hardBreak' || isTextBlock(node)) {
      const text =
        node.type === 'text' || node.type === 'hardBreak' ? inlineText([node], depth) : inlineText(node.content, depth);
      for (const line of text.split('\n')) lines.push(indent + line);
    } else {
      blockLines(node.content, indent, lines, depth + 1);
    }
  }
}

function listItemLines(item: unknown, indent: string, prefix: string, lines: string[], depth: number): void {
  const children = isPlainObject(item) && Array.isArray(item.content) ? item.content : [];
  const [first, ...rest] = children;
  const inner = `${indent}  `;
  if (isPlainObject(first) && isTextBlock(first)) {
    const [head = '', ...more] = inlineText(first.content, depth).split('\n');
    lines.push(indent + prefix + head);
    for (const line of more) lines.push(inner + line);
    blockLines(rest, inner, lines, depth + 1);
  } else {
    lines.push(indent + prefix);
    blockLines(children, inner, lines, depth + 1);
  }
}

function inlineText(content: unknown, depth: number): string {
  if (!Array.isArray(content) || depth > PLAIN_MAX_DEPTH) return '';
  let text = '';
  for (const node of content) {
    if (!isPlainObject(node)) continue;
    if (node.type === 'text' && typeof node.text === 'string') text += node.text;
    else if (node.type === 'hardBreak') text += '\n';
    else text += inlineText(node.content, depth + 1);
  }
  return text;
}

export type NoteTextSection = { section: string; fields: { label: string; text: string }[] };

/**
 * The readable content of a note, section by section and field by field in template
 * order, leaving out empty values, empty sections and slots (their features render
 * themselves). Feeds search, printing and the signature hash, so the output depends
 * only on the arguments. Dates stay ISO strings: the renderer localises them.
 */
export function noteText(
  template: TemplateDef,
  values: NoteValues,
  options: { distortionLabels?: Record<string, string> } = {},
): NoteTextSection[] {
  const labelOf = (tag: string): string => {
    const custom = options.distortionLabels;
    if (custom !== undefined && Object.hasOwn(custom, tag) && typeof custom[tag] === 'string') return custom[tag];
    return BUILT_IN_DISTORTION_LABELS.get(tag) ?? tag;
  };
  const result: NoteTextSection[] = [];
  for (const section of template.sections) {
    const fields: NoteTextSection['fields'] = [];
    for (const field of section.fields) {
      const value = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
      if (field.kind === 'slot') continue;
      if (field.kind === 'group') {
        const rows = Array.isArray(value) ? value : [];
        let shown = 0;
        for (const row of rows) {
          if (!isPlainObject(row)) continue;
          const parts: { label: string; text: string }[] = [];
          for (const sub of field.fields) {
            const text = scalarText(sub, Object.hasOwn(row, sub.id) ? row[sub.id] : undefined, labelOf);
            if (text !== '') parts.push({ label: sub.label, text });
          }
          if (parts.length === 0) continue;
          shown += 1;
          const text =
            field.fields.length === 1
              ? parts.map((part) => part.text).join('\n')
              : parts.map((part) => `${part.label}: ${part.text}`).join('\n');
          fields.push({ label: `${field.itemLabel} ${shown}`, text });
        }
      } else if (field.kind === 'sessionNumber') {
        if (typeof value === 'number' && Number.isFinite(value))
          fields.push({ label: field.label, text: String(value) });
      } else {
        const text = scalarText(field, value, labelOf);
        if (text !== '') fields.push({ label: field.label, text });
      }
    }
    if (fields.length > 0) result.push({ section: section.title, fields });
  }
  return result;
}

const BUILT_IN_DISTORTION_LABELS = new Map(builtInDistortions.map((distortion) => [distortion.id, distortion.label]));

/** The text of one value, or '' when it is empty (or not of the field's shape). */
function scalarText(field: ScalarField, value: unknown, labelOf: (tag: string) => string): string {
  switch (field.kind) {
    case 'richText':
      return richTextToPlain(value);
    case 'shortText':
      return typeof value === 'string' ? value.trim() : '';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return '';
      return field.unit ? `${value} ${field.unit}` : String(value);
    case 'dateTime':
      return typeof value === 'string' ? value : '';
    case 'rating':
      return typeof value === 'number' && Number.isFinite(value) ? `${value}/${field.max}` : '';
    case 'singleChoice':
      return typeof value === 'string' ? (field.options.find((option) => option.id === value)?.label ?? value) : '';
    case 'multiChoice': {
      if (!isPlainObject(value)) return '';
      const selected = Array.isArray(value.selected) ? value.selected : [];
      // Template order, not click order: the same choices always read the same.
      const parts = field.options.filter((option) => selected.includes(option.id)).map((option) => option.label);
      const other = typeof value.other === 'string' ? value.other.trim() : '';
      if (other !== '') parts.push(`Other: ${other}`);
      return parts.join(', ');
    }
    case 'tags':
      if (!Array.isArray(value)) return '';
      return value
        .filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '')
        .map((tag) => (field.source === 'distortions' ? labelOf(tag) : tag.trim()))
        .join(', ');
  }
}

// ---------------------------------------------------------------------------
// Empty rows

/**
 * A row with nothing in it: every sub-field reads as '' (the same test noteText uses to
 * leave a row out). "+ Add agenda item" makes one, and it is a valid draft (issue 12).
 */
export function isEmptyRow(group: GroupField, row: unknown): boolean {
  if (!isPlainObject(row)) return false;
  return group.fields.every(
    (sub) => scalarText(sub, Object.hasOwn(row, sub.id) ? row[sub.id] : undefined, (tag) => tag) === '',
  );
}

/**
 * The values with every empty group row left out (what a note is signed with). The
 * rest is returned as it was: the same objects, so a note with no empty row comes back
 * equal to what is stored.
 */
export function withoutEmptyRows(template: TemplateDef, values: NoteValues): NoteValues {
  const result: NoteValues = { ...values };
  for (const field of allFields(template)) {
    if (field.kind !== 'group' || !Object.hasOwn(values, field.id)) continue;
    const rows = values[field.id];
    if (Array.isArray(rows)) result[field.id] = rows.filter((row) => !isEmptyRow(field, row)) as GroupRow[];
  }
  return result;
}

// ---------------------------------------------------------------------------
// Carry-forward

/**
 * Values to pre-fill a new note from the client's previous one: for each chosen section
 * of the new template, the fields whose id and kind match a field of the previous note's
 * template and whose value is not empty (choices no longer offered are dropped, group
 * rows keep the sub-fields that still match). The session number, slots, 'sessionAt'
 * and anything that would not pass checkChanges are never carried.
 *
 * Plan → bridge: Beck's bridge reviews what mattered last time (reference
 * cbt-practice.md §5a), so when 'bridge' is chosen and the previous note has a rich-text
 * plan, that plan opens the new note's bridge; the previous note's own bridge (two
 * sessions old by now) is never carried then, even when the plan is empty.
 */
export function carryForward(
  template: TemplateDef,
  previous: { template: TemplateDef; values: NoteValues },
  sectionIds: readonly string[],
): NoteValues {
  const chosen = new Set(sectionIds);
  const before = new Map(allFields(previous.template).map((field) => [field.id, field]));
  const valueBefore = (id: string): unknown => (Object.hasOwn(previous.values, id) ? previous.values[id] : undefined);
  const carried: NoteValues = {};
  for (const section of template.sections) {
    if (!chosen.has(section.id)) continue;
    for (const field of section.fields) {
      // The session number is counted, slots are filled by their features, and the
      // session's own date-time is set when the note is started (initialValues).
      if (field.kind === 'sessionNumber' || field.kind === 'slot' || field.id === 'sessionAt') continue;
      const old = before.get(field.id);
      if (old === undefined || old.kind !== field.kind) continue;
      const value =
        field.kind === 'group' && old.kind === 'group'
          ? carryRows(field, old, valueBefore(field.id))
          : field.kind !== 'group'
            ? carryScalar(field, valueBefore(field.id))
            : undefined;
      if (value !== undefined) carried[field.id] = value;
    }
  }
  const bridge = allFields(template).find((field) => field.id === 'bridge');
  const plan = before.get('plan');
  if (chosen.has('bridge') && bridge?.kind === 'richText' && plan?.kind === 'richText') {
    // The plan takes the bridge's place even when empty: last note's own bridge is two sessions old.
    delete carried.bridge;
    const value = carryScalar(bridge, valueBefore('plan'));
    if (value !== undefined) carried.bridge = value;
  }
  return carried;
}

/** A copy of the value fitted to the new field, or undefined when empty or not valid there. */
function carryScalar(field: ScalarField, value: unknown): ScalarValue | undefined {
  let fitted = value;
  if (field.kind === 'multiChoice' && isPlainObject(value) && Array.isArray(value.selected)) {
    fitted = {
      selected: value.selected.filter((id) => field.options.some((option) => option.id === id)),
      other: field.allowOther && typeof value.other === 'string' ? value.other : '',
    };
  }
  if (scalarText(field, fitted, (tag) => tag) === '') return undefined;
  try {
    return copy(checkScalar(field, fitted, { path: field.id, name: field.label }));
  } catch (error) {
    if (error instanceof ValueProblem) return undefined;
    throw error;
  }
}

function carryRows(field: GroupField, old: GroupField, value: unknown): GroupRow[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const oldKinds = new Map(old.fields.map((sub) => [sub.id, sub.kind]));
  const rows: GroupRow[] = [];
  for (const row of value.slice(0, GROUP_ROWS_MAX)) {
    if (!isPlainObject(row)) continue;
    const next = emptyRow(field);
    let filled = false;
    for (const sub of field.fields) {
      if (oldKinds.get(sub.id) !== sub.kind || !Object.hasOwn(row, sub.id)) continue;
      const carried = carryScalar(sub, row[sub.id]);
      if (carried === undefined) continue;
      next[sub.id] = carried;
      filled = true;
    }
    if (filled) rows.push(next);
  }
  return rows.length > 0 ? rows : undefined;
}

// ---------------------------------------------------------------------------
// Helpers

/** Every top-level field of the template (group sub-fields stay inside their group). */
function allFields(template: TemplateDef): FieldDef[] {
  return template.sections.flatMap((section) => section.fields);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Note values are JSON, so a JSON round trip is a deep copy. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
