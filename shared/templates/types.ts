/**
 * Note templates are data: a versioned definition (sections of typed fields) that the
 * renderer draws and the core validates against. A note stores a copy of the template
 * it was written with, so editing or deleting a template never changes a note.
 */

export type ChoiceOption = { id: string; label: string };
export type Anchor = { value: number; label: string };

type FieldBase = {
  /** Unique within the whole template (values are keyed by it). */
  id: string;
  label: string;
  /** One line under the label, e.g. what belongs here. */
  help?: string;
};

export type RichTextField = FieldBase & { kind: 'richText'; placeholder?: string };
export type ShortTextField = FieldBase & { kind: 'shortText'; placeholder?: string; maxLength?: number };
export type NumberField = FieldBase & { kind: 'number'; min?: number; max?: number; unit?: string; integer?: boolean };
export type DateTimeField = FieldBase & { kind: 'dateTime' };
/** 0–10 or 0–100 scale with anchor labels at chosen points (e.g. 0 "none", 100 "extreme"). */
export type RatingField = FieldBase & { kind: 'rating'; max: 10 | 100; step?: number; anchors: Anchor[] };
export type SingleChoiceField = FieldBase & { kind: 'singleChoice'; options: ChoiceOption[] };
export type MultiChoiceField = FieldBase & { kind: 'multiChoice'; options: ChoiceOption[]; allowOther?: boolean };
/** Chips: from the cognitive-distortion list (built-in + the therapist's own) or free. */
export type TagsField = FieldBase & { kind: 'tags'; source: 'distortions' | 'free' };
/** Counted by the app (e.g. session number), shown read-only. */
export type SessionNumberField = FieldBase & { kind: 'sessionNumber' };
/** Filled by a later feature (homework, intake, measures); shown as a labelled placeholder. */
export type SlotField = FieldBase & { kind: 'slot'; slot: 'homeworkReview' | 'newHomework' | 'intake' | 'measures' };

export type ScalarField =
  | RichTextField
  | ShortTextField
  | NumberField
  | DateTimeField
  | RatingField
  | SingleChoiceField
  | MultiChoiceField
  | TagsField;

/** Rows of fields: agenda items, thought-record rows. */
export type GroupField = FieldBase & { kind: 'group'; itemLabel: string; fields: ScalarField[]; minRows?: number };

export type FieldDef = ScalarField | GroupField | SessionNumberField | SlotField;
export type FieldKind = FieldDef['kind'];

export type SectionDef = { id: string; title: string; help?: string; fields: FieldDef[] };

export type NoteKind = 'progress' | 'psychotherapy';

export type TemplateDef = {
  id: string;
  name: string;
  version: number;
  /** 'psychotherapy' notes are kept apart and left out of printouts unless chosen. */
  noteKind: NoteKind;
  description: string;
  builtIn: boolean;
  /** Where the structure comes from (built-ins cite the reference they follow). */
  source?: string;
  /** For duplicates: the template this one started from. */
  basedOn?: string;
  sections: SectionDef[];
};

/** A tiptap/ProseMirror JSON document, as stored for a rich-text field. */
export type RichTextDoc = { type: 'doc'; content?: RichTextNode[] };
export type RichTextNode = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: RichTextNode[];
};

export type MultiChoiceValue = { selected: string[]; other: string };
export type ScalarValue = RichTextDoc | string | number | string[] | MultiChoiceValue | null;
export type GroupRow = Record<string, ScalarValue>;
export type FieldValue = ScalarValue | GroupRow[];
/** A note's content: one value per field id. */
export type NoteValues = Record<string, FieldValue>;
