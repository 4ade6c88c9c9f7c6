import type { z } from 'zod';
import { templateSchema } from '../../../shared/templates/schema';
import type {
  Anchor,
  ChoiceOption,
  FieldDef,
  GroupField,
  ScalarField,
  SectionDef,
  TemplateDef,
} from '../../../shared/templates/types';

/**
 * The template editor's working copy. Every section, field and option carries a `key`
 * (stable while editing, for React and for DOM ids) and `fresh` (added since the last
 * save). A fresh item gets its id from its label only when the template is saved; after
 * that the id never changes, even if the label does: stored notes key their values by
 * field id, and choice values by option id, so renaming an id would orphan what was
 * written. Items copied from another template keep that template's ids, which also keeps
 * carry-forward (bridge, agenda, plan) working in a duplicate.
 */

export type Meta = { key: string; fresh: boolean };
export type DraftOption = ChoiceOption & Meta;
type DraftOf<F> = F extends { options: ChoiceOption[] }
  ? Omit<F, 'options'> & { options: DraftOption[] } & Meta
  : F extends GroupField
    ? Omit<F, 'fields'> & { fields: DraftScalar[] } & Meta
    : F & Meta;
export type DraftScalar = DraftOf<ScalarField>;
export type DraftField = DraftOf<FieldDef>;
export type DraftSection = Omit<SectionDef, 'fields'> & { fields: DraftField[] } & Meta;
export type DraftTemplate = Omit<TemplateDef, 'sections'> & { sections: DraftSection[] };

let counter = 0;
/** A key unique in this page (never an id: ids cannot contain ':'). */
export const newKey = () => `k:${++counter}`;

const option = (each: ChoiceOption, fresh = false): DraftOption => ({ ...each, key: newKey(), fresh });

function toDraftField<F extends FieldDef>(field: F): DraftOf<F>;
function toDraftField(field: FieldDef): DraftField {
  const meta = { key: newKey(), fresh: false };
  if (field.kind === 'singleChoice' || field.kind === 'multiChoice')
    return { ...field, ...meta, options: field.options.map((each) => option(each)) };
  if (field.kind === 'group') return { ...field, ...meta, fields: field.fields.map((sub) => toDraftField(sub)) };
  return { ...field, ...meta };
}

export function toDraft(template: TemplateDef): DraftTemplate {
  return {
    ...template,
    sections: template.sections.map((section) => ({
      ...section,
      key: newKey(),
      fresh: false,
      fields: section.fields.map((field) => toDraftField(field)),
    })),
  };
}

// ---------------------------------------------------------------------------
// Kinds of field a therapist can add, in plain words

export type KindChoice =
  | 'richText'
  | 'shortText'
  | 'number'
  | 'dateTime'
  | 'rating'
  | 'singleChoice'
  | 'multiChoice'
  | 'distortions'
  | 'tags'
  | 'group'
  | 'sessionNumber';

export const kindChoices: readonly { value: KindChoice; label: string; scalar: boolean }[] = [
  { value: 'richText', label: 'Paragraph (formatted text)', scalar: true },
  { value: 'shortText', label: 'Short text (one line)', scalar: true },
  { value: 'number', label: 'Number', scalar: true },
  { value: 'dateTime', label: 'Date and time', scalar: true },
  { value: 'rating', label: 'Rating scale (0–10 or 0–100)', scalar: true },
  { value: 'singleChoice', label: 'Single choice (pick one)', scalar: true },
  { value: 'multiChoice', label: 'Checklist (tick any)', scalar: true },
  { value: 'distortions', label: 'Cognitive distortions (chips)', scalar: true },
  { value: 'tags', label: 'Tags (free words)', scalar: true },
  { value: 'group', label: 'Repeating rows (e.g. agenda items)', scalar: false },
  { value: 'sessionNumber', label: 'Session number (counted by the app)', scalar: false },
];

const slotNames: Record<string, string> = {
  homeworkReview: 'Homework review',
  newHomework: 'New homework',
  intake: 'Intake',
  measures: 'Measures',
};

/** The short name shown on a field in the editor. */
export function kindName(field: DraftField): string {
  switch (field.kind) {
    case 'richText':
      return 'Paragraph';
    case 'shortText':
      return 'Short text';
    case 'number':
      return 'Number';
    case 'dateTime':
      return 'Date and time';
    case 'rating':
      return `Rating 0–${field.max}`;
    case 'singleChoice':
      return 'Single choice';
    case 'multiChoice':
      return 'Checklist';
    case 'tags':
      return field.source === 'distortions' ? 'Cognitive distortions' : 'Tags';
    case 'group':
      return 'Repeating rows';
    case 'sessionNumber':
      return 'Session number';
    case 'slot':
      return `${slotNames[field.slot] ?? 'Filled by the app'} (filled in by the app)`;
  }
}

const fresh = () => ({ id: '', key: newKey(), fresh: true });
const freshOption = (label: string): DraftOption => ({ ...fresh(), label });

/** A new field with sensible defaults; its label is meant to be replaced at once. */
export function newField(kind: KindChoice): DraftField {
  switch (kind) {
    case 'richText':
      return { ...fresh(), kind, label: 'Notes' };
    case 'shortText':
      return { ...fresh(), kind, label: 'Short answer' };
    case 'number':
      return { ...fresh(), kind, label: 'Number' };
    case 'dateTime':
      return { ...fresh(), kind, label: 'Date and time' };
    case 'rating':
      return {
        ...fresh(),
        kind,
        label: 'Rating',
        max: 10,
        anchors: [
          { value: 0, label: 'Not at all' },
          { value: 10, label: 'Extremely' },
        ],
      };
    case 'singleChoice':
      return { ...fresh(), kind, label: 'Choice', options: [freshOption('Option 1'), freshOption('Option 2')] };
    case 'multiChoice':
      return { ...fresh(), kind, label: 'Checklist', options: [freshOption('Option 1'), freshOption('Option 2')] };
    case 'distortions':
      return { ...fresh(), kind: 'tags', label: 'Cognitive distortions', source: 'distortions' };
    case 'tags':
      return { ...fresh(), kind: 'tags', label: 'Tags', source: 'free' };
    case 'group':
      return {
        ...fresh(),
        kind,
        label: 'Items',
        itemLabel: 'Item',
        fields: [{ ...fresh(), kind: 'shortText', label: 'Description' }],
      };
    case 'sessionNumber':
      return { ...fresh(), kind, label: 'Session number', help: 'Counted by the app.' };
  }
}

export function newOption(options: DraftOption[]): DraftOption {
  return freshOption(`Option ${options.length + 1}`);
}

export function newSection(): DraftSection {
  return { ...fresh(), title: 'New section', fields: [] };
}

/** Moves the anchors of a rating to a new top of scale (the top anchor stays at the top). */
export function rescaleAnchors(anchors: Anchor[], from: number, to: number): Anchor[] {
  return anchors.map((anchor) => ({ ...anchor, value: Math.round((anchor.value / from) * to) }));
}

// ---------------------------------------------------------------------------
// Ids

/** Plain words of a label, accents dropped: "Zoë's mood check" → ["Zoe", "s", "mood", "check"]. */
function words(label: string): string[] {
  return (
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[A-Za-z0-9]+/g) ?? []
  );
}

/** A camelCase id from a label ("Mood check" → moodCheck), unique among `taken`. */
export function camelId(label: string, fallback: string, taken: ReadonlySet<string>): string {
  let base = words(label)
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('')
    .slice(0, 48);
  if (!/^[a-z]/.test(base)) base = base ? `${fallback}${base.charAt(0).toUpperCase()}${base.slice(1)}` : fallback;
  // Values live in plain objects: keep clear of names every object already has.
  if (base in Object.prototype) base = `${base}Field`;
  return unique(base, taken, '');
}

/** A template id from a name, kebab-case and prefixed "my-" ("CBT session" → my-cbt-session). */
export function templateIdFor(name: string, taken: ReadonlySet<string>): string {
  const plain = words(name).map((word) => word.toLowerCase());
  const base = (plain[0] === 'my' ? plain : ['my', ...plain]).join('-').slice(0, 56).replace(/-+$/, '');
  return unique(base, taken, '-');
}

function unique(base: string, taken: ReadonlySet<string>, separator: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${separator}${n}`)) return `${base}${separator}${n}`;
}

/** Ids for a list of items: kept ones stay, fresh ones are made from their labels. */
export function assignIds<T extends Meta & { id: string }>(
  items: readonly T[],
  labelOf: (item: T) => string,
  fallback: string,
) {
  const taken = new Set(items.filter((item) => !item.fresh).map((item) => item.id));
  const ids = new Map<string, string>();
  for (const item of items) {
    if (!item.fresh) ids.set(item.key, item.id);
    else {
      const id = camelId(labelOf(item), fallback, taken);
      taken.add(id);
      ids.set(item.key, id);
    }
  }
  return (item: T) => ids.get(item.key) ?? item.id;
}

// ---------------------------------------------------------------------------
// From the draft to a template, and the schema's complaints back to the draft

/** Drops the editor's bookkeeping and empty optional texts. */
function plain<T extends Meta & { help?: string; placeholder?: string }>(item: T) {
  const { key: _key, fresh: _fresh, ...rest } = item;
  const out: Record<string, unknown> = { ...rest };
  if (!item.help?.trim()) delete out.help;
  if ('placeholder' in item && !item.placeholder?.trim()) delete out.placeholder;
  return out;
}

function candidateField(field: DraftField, id: string): Record<string, unknown> {
  const out = { ...plain(field), id, label: field.label.trim() };
  if (field.kind === 'singleChoice' || field.kind === 'multiChoice') {
    const idOf = assignIds(field.options, (each) => each.label, 'option');
    return { ...out, options: field.options.map((each) => ({ id: idOf(each), label: each.label.trim() })) };
  }
  if (field.kind === 'group') {
    const idOf = assignIds(field.fields, (sub) => sub.label, 'field');
    return { ...out, fields: field.fields.map((sub) => candidateField(sub, idOf(sub))) };
  }
  return out;
}

/** The template the draft stands for, ids made for fresh items; not yet checked. */
export function candidate(draft: DraftTemplate): unknown {
  const sectionId = assignIds(draft.sections, (section) => section.title, 'section');
  const fieldId = assignIds(
    draft.sections.flatMap((section) => section.fields),
    (field) => field.label,
    'field',
  );
  return {
    ...draft,
    name: draft.name.trim(),
    sections: draft.sections.map((section) => ({
      ...plain(section),
      id: sectionId(section),
      title: section.title.trim(),
      fields: section.fields.map((field) => candidateField(field, fieldId(field))),
    })),
  };
}

/** Where a problem shows: `${key}:${what}`, or 'template:${what}' for the template's own fields. */
export type Problems = ReadonlyMap<string, string>;

export type Checked = { ok: true; template: TemplateDef } | { ok: false; problems: Problems; general: string[] };

/** Checks the draft with the same schema the core uses, and places each problem next to its item. */
export function check(draft: DraftTemplate): Checked {
  const parsed = templateSchema.safeParse(candidate(draft));
  if (parsed.success) return { ok: true, template: parsed.data };
  return placeIssues(parsed.error.issues, { placeOf: (path) => placeOf(draft, path), friendly, shown });
}

type Placing = {
  /** The place of the control a schema path belongs to, if any. */
  placeOf: (path: readonly PropertyKey[]) => string | null;
  friendly: (issue: z.core.$ZodIssue) => string;
  /** The places the editor has a control (or a list) for. */
  shown: RegExp;
};

/**
 * Each schema issue shown at its control (the first problem there wins); the rest are
 * reported for the whole definition. `problems` may hold problems found before the schema.
 */
export function placeIssues(
  issues: readonly z.core.$ZodIssue[],
  { placeOf, friendly, shown }: Placing,
  problems = new Map<string, string>(),
): { ok: false; problems: Problems; general: string[] } {
  const general: string[] = [];
  for (const issue of issues) {
    const place = placeOf(issue.path);
    const message = friendly(issue);
    if (place && shown.test(place)) {
      if (!problems.has(place)) problems.set(place, message);
    } else general.push(message);
  }
  return { ok: false, problems, general };
}

/** The places the editor has a control (or a list) for; anything else is reported as a whole. */
const shown = /:(name|description|title|help|label|placeholder|options|fields|itemLabel|anchor\d+)$/;

function placeOf(draft: DraftTemplate, path: readonly PropertyKey[]): string | null {
  const [head, sectionIndex, fieldsKey, fieldIndex, ...rest] = path;
  if (head !== 'sections') return typeof head === 'string' ? `template:${head}` : null;
  const section = typeof sectionIndex === 'number' ? draft.sections[sectionIndex] : undefined;
  if (!section) return 'template:sections';
  if (fieldsKey !== 'fields') return `${section.key}:${String(fieldsKey ?? 'title')}`;
  const field = typeof fieldIndex === 'number' ? section.fields[fieldIndex] : undefined;
  if (!field) return `${section.key}:fields`;
  return placeInField(field, rest);
}

function placeInField(field: DraftField, path: readonly PropertyKey[]): string {
  const [property, index, ...rest] = path;
  if (property === 'options' && 'options' in field) {
    const each = typeof index === 'number' ? field.options[index] : undefined;
    return each ? `${each.key}:label` : `${field.key}:options`;
  }
  if (property === 'fields' && field.kind === 'group') {
    const sub = typeof index === 'number' ? field.fields[index] : undefined;
    return sub ? placeInField(sub, rest) : `${field.key}:fields`;
  }
  if (property === 'anchors') return `${field.key}:anchor${typeof index === 'number' ? index : ''}`;
  return `${field.key}:${String(property ?? 'label')}`;
}

function friendly(issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'too_small') {
    if (last === 'label') {
      if (issue.path.includes('options')) return 'Give this option a label.';
      if (issue.path.includes('anchors')) return 'Give this point of the scale some words.';
      return 'Give this field a label.';
    }
    if (last === 'title') return 'Give this section a title.';
    if (last === 'name') return 'Give the template a name.';
    if (last === 'options') return 'Add at least one option.';
    if (last === 'fields') return 'Each row needs at least one field.';
    if (last === 'sections') return 'A template needs at least one section.';
    if (last === 'itemLabel') return 'Say what one row is called, e.g. “Agenda item”.';
    return 'This cannot be empty.';
  }
  return tooBigMessage(issue) ?? issue.message;
}

/** "Keep this to 120 characters or fewer." for a too-long text or list; null for other problems. */
export function tooBigMessage(issue: z.core.$ZodIssue): string | null {
  if (issue.code !== 'too_big') return null;
  const maximum = 'maximum' in issue ? Number(issue.maximum) : null;
  return maximum === null
    ? 'This is too long.'
    : `Keep this to ${maximum} ${issue.origin === 'array' ? 'items' : 'characters'} or fewer.`;
}
