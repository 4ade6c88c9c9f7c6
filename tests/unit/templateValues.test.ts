/**
 * Note values (shared/templates/values.ts): empty and initial values, the autosave
 * check, plain text for search/print/signing, and carry-forward. Clinical references (§)
 * are to ../shared/reference/cbt-practice.md.
 */
import { describe, expect, it } from 'vitest';
import { builtInTemplates, findBuiltInTemplate } from '../../shared/templates/index';
import { templateSchema } from '../../shared/templates/schema';
import type { NoteValues, RichTextDoc, RichTextNode, TemplateDef } from '../../shared/templates/types';
import {
  carryForward,
  checkChanges,
  emptyRow,
  emptyValues,
  initialValues,
  isEmptyRow,
  noteText,
  richTextToPlain,
  withoutEmptyRows,
} from '../../shared/templates/values';

const cbt = findBuiltInTemplate('cbt-session') as TemplateDef;
const soap = findBuiltInTemplate('soap') as TemplateDef;

// --- tiptap JSON builders ----------------------------------------------------------

const text = (value: string, marks?: RichTextNode['marks']): RichTextNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: RichTextNode[]): RichTextNode =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
const p = (value: string): RichTextNode => paragraph(text(value));
const item = (...content: RichTextNode[]): RichTextNode => ({ type: 'listItem', content });
const bullets = (...items: RichTextNode[]): RichTextNode => ({ type: 'bulletList', content: items });
const numbered = (items: RichTextNode[], start?: number): RichTextNode =>
  start === undefined
    ? { type: 'orderedList', content: items }
    : { type: 'orderedList', attrs: { start }, content: items };
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
const say = (value: string): RichTextDoc => doc(p(value));

/** Quotes inside quotes: `levels` levels of nodes below the doc, counting the paragraph and its text. */
function nested(levels: number): RichTextDoc {
  let node: RichTextNode = p('deep');
  for (let level = 2; level < levels; level++) node = { type: 'blockquote', content: [node] };
  return doc(node);
}

// --- a template with every field kind and every constraint ---------------------------

const sink: TemplateDef = {
  id: 'every-kind',
  name: 'Every kind',
  version: 1,
  noteKind: 'progress',
  description: 'Test template with one field of each kind.',
  builtIn: false,
  sections: [
    {
      id: 'main',
      title: 'Main',
      fields: [
        { id: 'notes', label: 'Notes', kind: 'richText' },
        { id: 'title', label: 'Title', kind: 'shortText', maxLength: 20 },
        { id: 'longText', label: 'Long text', kind: 'shortText' },
        { id: 'duration', label: 'Duration', kind: 'number', min: 0, max: 600, integer: true, unit: 'minutes' },
        { id: 'weight', label: 'Weight', kind: 'number', min: 0 },
        { id: 'sessionAt', label: 'Date and time', kind: 'dateTime' },
        { id: 'mood', label: 'Mood', kind: 'rating', max: 10, anchors: [] },
        { id: 'distress', label: 'Distress', kind: 'rating', max: 100, step: 5, anchors: [] },
        {
          id: 'modality',
          label: 'Modality',
          kind: 'singleChoice',
          options: [
            { id: 'inPerson', label: 'In person' },
            { id: 'phone', label: 'Phone' },
          ],
        },
        {
          id: 'interventions',
          label: 'Interventions',
          kind: 'multiChoice',
          allowOther: true,
          options: [
            { id: 'exposure', label: 'Exposure' },
            { id: 'psychoeducation', label: 'Psychoeducation' },
          ],
        },
        {
          id: 'feelings',
          label: 'Feelings',
          kind: 'multiChoice',
          options: [
            { id: 'sad', label: 'Sad' },
            { id: 'angry', label: 'Angry' },
          ],
        },
        { id: 'distortions', label: 'Distortions', kind: 'tags', source: 'distortions' },
        { id: 'keywords', label: 'Keywords', kind: 'tags', source: 'free' },
        {
          id: 'thoughtRecord',
          label: 'Thought records',
          kind: 'group',
          itemLabel: 'Thought record',
          minRows: 2,
          fields: [
            { id: 'situation', label: 'Situation', kind: 'shortText' },
            { id: 'belief', label: 'Belief', kind: 'rating', max: 100, anchors: [] },
            { id: 'thought', label: 'Thought', kind: 'richText' },
          ],
        },
        { id: 'sessionNumber', label: 'Session number', kind: 'sessionNumber' },
        { id: 'measures', label: 'Measures', kind: 'slot', slot: 'measures' },
      ],
    },
  ],
};

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('emptyValues and initialValues', () => {
  it('the test template is itself a valid template', () => {
    expect(templateSchema.safeParse(sink).error?.issues ?? []).toEqual([]);
  });

  it('gives every field kind its empty value (groups get minRows empty rows)', () => {
    const emptyRow = { situation: '', belief: null, thought: null };
    expect(emptyValues(sink)).toEqual({
      notes: null,
      title: '',
      longText: '',
      duration: null,
      weight: null,
      sessionAt: null,
      mood: null,
      distress: null,
      modality: null,
      interventions: { selected: [], other: '' },
      feelings: { selected: [], other: '' },
      distortions: [],
      keywords: [],
      thoughtRecord: [emptyRow, emptyRow],
      sessionNumber: null,
      measures: null,
    });
  });

  it('a group without minRows starts with one row; minRows 0 starts with none', () => {
    expect((emptyValues(cbt).agenda as unknown[]).length).toBe(1);
    const none: TemplateDef = {
      ...sink,
      sections: [
        {
          id: 'main',
          title: 'Main',
          fields: [
            {
              id: 'rows',
              label: 'Rows',
              kind: 'group',
              itemLabel: 'Row',
              minRows: 0,
              fields: [{ id: 'a', label: 'A', kind: 'shortText' }],
            },
          ],
        },
      ],
    };
    expect(emptyValues(none)).toEqual({ rows: [] });
  });

  it('group rows are separate objects (editing one row cannot change another)', () => {
    const rows = emptyValues(sink).thoughtRecord as unknown[];
    expect(rows[0]).not.toBe(rows[1]);
  });

  it('initialValues fills the session number and the session date-time, nothing else', () => {
    const now = '2024-05-01T09:00:00.000Z';
    expect(initialValues(sink, { now, sessionNumber: 7 })).toEqual({
      ...emptyValues(sink),
      sessionAt: now,
      sessionNumber: 7,
    });
    expect(initialValues(cbt, { now, sessionNumber: null })).toMatchObject({ sessionAt: now, sessionNumber: null });
    expect(initialValues(cbt, { now, sessionNumber: null }).nextSessionAt).toBeNull();
  });

  it.each(builtInTemplates.map((def) => ({ id: def.id, def })))(
    '$id: the empty note passes checkChanges once the app-filled fields are left out',
    ({ def }) => {
      const values = emptyValues(def);
      const appFilled = def.sections
        .flatMap((section) => section.fields)
        .filter((field) => field.kind === 'sessionNumber' || field.kind === 'slot');
      for (const field of appFilled) delete values[field.id];
      expect(checkChanges(def, roundTrip(values))).toEqual({ ok: true, changes: values });
    },
  );
});

describe('checkChanges: values survive a save/load round trip for every field kind', () => {
  const rows: { why: string; changes: Record<string, unknown> }[] = [
    { why: 'richText: empty', changes: { notes: null } },
    { why: 'richText: an empty document', changes: { notes: { type: 'doc' } } },
    {
      why: 'richText: paragraphs, marks, attrs, lists, hard break',
      changes: {
        notes: doc(
          { type: 'heading', attrs: { level: 2 }, content: [text('Plan')] },
          paragraph(
            text('bold', [{ type: 'bold' }]),
            { type: 'hardBreak' },
            text('link', [{ type: 'link', attrs: { href: 'https://example.org', target: null } }]),
          ),
          bullets(item(p('one')), item(p('two'))),
          numbered([item(p('first'))], 3),
        ),
      },
    },
    { why: 'richText: nested exactly 50 levels deep (the limit)', changes: { notes: nested(50) } },
    { why: 'richText: exactly 1,000,000 characters (the limit)', changes: { notes: say('x'.repeat(1_000_000)) } },
    { why: 'shortText: empty', changes: { title: '' } },
    { why: 'shortText: at its maxLength', changes: { title: 'x'.repeat(20) } },
    { why: 'shortText: default maxLength is 2000', changes: { longText: 'é'.repeat(2000) } },
    { why: 'number: empty', changes: { duration: null } },
    { why: 'number: whole number in range', changes: { duration: 50 } },
    { why: 'number: bounds are inclusive', changes: { duration: 600 } },
    { why: 'number: a fraction where integer is not required', changes: { weight: 72.5 } },
    { why: 'dateTime: empty', changes: { sessionAt: null } },
    { why: 'dateTime: datetime-local form YYYY-MM-DDTHH:mm', changes: { sessionAt: '2024-05-01T09:30' } },
    { why: 'dateTime: toISOString form', changes: { sessionAt: '2024-05-01T09:30:00.000Z' } },
    { why: 'dateTime: with an offset', changes: { sessionAt: '2024-05-01T09:30:00+01:00' } },
    { why: 'dateTime: 29 February in a leap year', changes: { sessionAt: '2024-02-29T23:59' } },
    { why: 'rating: empty', changes: { mood: null } },
    { why: 'rating: 0 and max are allowed', changes: { mood: 0, distress: 100 } },
    { why: 'rating: a multiple of the step', changes: { distress: 35 } },
    { why: 'singleChoice: empty', changes: { modality: null } },
    { why: 'singleChoice: an option id', changes: { modality: 'phone' } },
    { why: 'multiChoice: empty', changes: { interventions: { selected: [], other: '' } } },
    {
      why: 'multiChoice: options and other text',
      changes: { interventions: { selected: ['psychoeducation', 'exposure'], other: 'Mindfulness' } },
    },
    { why: 'multiChoice: options without other', changes: { feelings: { selected: ['angry'], other: '' } } },
    { why: 'tags: empty', changes: { distortions: [] } },
    { why: 'tags: built-in and custom distortion ids', changes: { distortions: ['mentalFilter', 'myOwnTag'] } },
    {
      why: 'tags: 30 free tags of 60 characters',
      changes: { keywords: Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(60, 'x')) },
    },
    { why: 'group: no rows', changes: { thoughtRecord: [] } },
    {
      why: 'group: full rows',
      changes: {
        thoughtRecord: [
          { situation: 'At work', belief: 80, thought: say('They think I am useless') },
          { situation: '', belief: null, thought: null },
        ],
      },
    },
    {
      why: 'group: 100 rows (the limit)',
      changes: { thoughtRecord: Array.from({ length: 100 }, () => ({ situation: 'x', belief: 5, thought: null })) },
    },
    { why: 'several fields at once', changes: { title: 'Session', mood: 6, modality: 'inPerson' } },
    { why: 'nothing changed', changes: {} },
  ];

  it.each(rows)('$why', ({ changes }) => {
    const loaded = roundTrip(changes);
    expect(loaded).toEqual(changes);
    expect(checkChanges(sink, loaded)).toEqual({ ok: true, changes });
  });

  it('a whole note with every kind (including the app-filled ones) survives JSON unchanged', () => {
    const values: NoteValues = {
      ...initialValues(sink, { now: '2024-05-01T09:00:00.000Z', sessionNumber: 3 }),
      ...Object.assign({}, ...rows.map((row) => row.changes)),
    };
    expect(roundTrip(values)).toEqual(values);
  });

  it('missing sub-fields of a row are filled with their empty value', () => {
    expect(checkChanges(sink, { thoughtRecord: [{ situation: 'On the bus' }, {}] })).toEqual({
      ok: true,
      changes: {
        thoughtRecord: [
          { situation: 'On the bus', belief: null, thought: null },
          { situation: '', belief: null, thought: null },
        ],
      },
    });
  });
});

describe('checkChanges: refused values', () => {
  const longRows = Array.from({ length: 101 }, () => ({}));
  const rows: { why: string; changes: Record<string, unknown>; field: string; message: string }[] = [
    // Which fields may be written at all
    { why: 'unknown field id', changes: { nope: 1 }, field: 'nope', message: 'no field "nope"' },
    {
      why: 'an Object.prototype name is not a field',
      changes: { constructor: null },
      field: 'constructor',
      message: 'no field',
    },
    {
      why: '__proto__ from JSON is not a field',
      changes: JSON.parse('{"__proto__": {"x": 1}}'),
      field: '__proto__',
      message: 'no field',
    },
    {
      why: 'a group sub-field id is not a top-level field',
      changes: { belief: 5 },
      field: 'belief',
      message: 'no field "belief"',
    },
    {
      why: 'the session number is counted by the app',
      changes: { sessionNumber: 5 },
      field: 'sessionNumber',
      message: '"Session number" is counted by the app',
    },
    {
      why: 'a slot is filled by its feature',
      changes: { measures: null },
      field: 'measures',
      message: '"Measures" is filled in by the app',
    },
    {
      why: 'the first problem is reported',
      changes: { title: 'fine', mood: 11, modality: 'x' },
      field: 'mood',
      message: '"Mood" must be a whole number from 0 to 10',
    },
    // richText
    {
      why: 'richText: a plain string',
      changes: { notes: 'hello' },
      field: 'notes',
      message: '"Notes" could not be read',
    },
    {
      why: 'richText: not a doc',
      changes: { notes: { type: 'paragraph' } },
      field: 'notes',
      message: 'could not be read',
    },
    {
      why: 'richText: content is not a list',
      changes: { notes: { type: 'doc', content: 'x' } },
      field: 'notes',
      message: 'could not be read',
    },
    {
      why: 'richText: an unknown key on the doc',
      changes: { notes: { type: 'doc', content: [], html: '<p>' } },
      field: 'notes',
      message: 'could not be read',
    },
    {
      why: 'richText: an unknown key on a node',
      changes: { notes: doc({ ...p('x'), style: 'red' } as RichTextNode) },
      field: 'notes',
      message: 'could not be read',
    },
    {
      why: 'richText: a node without a type',
      changes: { notes: { type: 'doc', content: [{ text: 'x' }] } },
      field: 'notes',
      message: 'could not be read',
    },
    {
      why: 'richText: text that is not a string',
      changes: { notes: { type: 'doc', content: [{ type: 'text', text: 5 }] } },
      field: 'notes',
      message: 'could not be read',
    },
    {
      why: 'richText: an attribute holding an object',
      changes: { notes: doc({ type: 'heading', attrs: { level: { x: 1 } } }) },
      field: 'notes',
      message: 'could not be read',
    },
    {
      why: 'richText: a mark with an unknown key',
      changes: { notes: doc(paragraph(text('x', [{ type: 'bold', x: 1 } as { type: string }]))) },
      field: 'notes',
      message: 'could not be read',
    },
    {
      why: 'richText: nested 51 levels deep',
      changes: { notes: nested(51) },
      field: 'notes',
      message: 'nested too deeply (more than 50 levels)',
    },
    {
      why: 'richText: more than 1,000,000 characters',
      changes: { notes: doc(p('x'.repeat(600_000)), p('y'.repeat(400_001))) },
      field: 'notes',
      message: 'too long to save (more than 1,000,000 characters)',
    },
    {
      why: 'richText: long attribute text counts too',
      changes: { notes: doc({ type: 'paragraph', attrs: { note: 'x'.repeat(1_000_001) } }) },
      field: 'notes',
      message: 'too long to save',
    },
    // shortText
    { why: 'shortText: a number', changes: { title: 5 }, field: 'title', message: '"Title" must be text' },
    { why: 'shortText: null (empty is "")', changes: { title: null }, field: 'title', message: 'must be text' },
    {
      why: 'shortText: over its maxLength',
      changes: { title: 'x'.repeat(21) },
      field: 'title',
      message: 'too long (at most 20 characters)',
    },
    {
      why: 'shortText: over the default 2000',
      changes: { longText: 'x'.repeat(2001) },
      field: 'longText',
      message: 'at most 2000 characters',
    },
    // number
    { why: 'number: a string', changes: { duration: '50' }, field: 'duration', message: '"Duration" must be a number' },
    { why: 'number: NaN', changes: { duration: Number.NaN }, field: 'duration', message: 'must be a number' },
    {
      why: 'number: Infinity',
      changes: { weight: Number.POSITIVE_INFINITY },
      field: 'weight',
      message: 'must be a number',
    },
    {
      why: 'number: a fraction where whole numbers are required',
      changes: { duration: 50.5 },
      field: 'duration',
      message: 'must be a whole number',
    },
    {
      why: 'number: below min',
      changes: { duration: -1 },
      field: 'duration',
      message: 'must be between 0 and 600 minutes',
    },
    {
      why: 'number: above max',
      changes: { duration: 601 },
      field: 'duration',
      message: 'must be between 0 and 600 minutes',
    },
    { why: 'number: below a lone min', changes: { weight: -0.5 }, field: 'weight', message: 'must be at least 0' },
    // dateTime
    {
      why: 'dateTime: 30 February',
      changes: { sessionAt: '2024-02-30T10:00' },
      field: 'sessionAt',
      message: '"Date and time" must be a valid date and time',
    },
    {
      why: 'dateTime: a date without a time',
      changes: { sessionAt: '2024-05-01' },
      field: 'sessionAt',
      message: 'valid date and time',
    },
    {
      why: 'dateTime: 24:00',
      changes: { sessionAt: '2024-05-01T24:00' },
      field: 'sessionAt',
      message: 'valid date and time',
    },
    {
      why: 'dateTime: an impossible offset',
      changes: { sessionAt: '2024-05-01T10:00+25:00' },
      field: 'sessionAt',
      message: 'valid date and time',
    },
    {
      why: 'dateTime: words',
      changes: { sessionAt: 'next Tuesday' },
      field: 'sessionAt',
      message: 'valid date and time',
    },
    {
      why: 'dateTime: a timestamp number',
      changes: { sessionAt: 1714550400000 },
      field: 'sessionAt',
      message: 'valid date and time',
    },
    // rating
    { why: 'rating: above max', changes: { mood: 11 }, field: 'mood', message: 'from 0 to 10' },
    { why: 'rating: negative', changes: { mood: -1 }, field: 'mood', message: 'from 0 to 10' },
    { why: 'rating: a fraction', changes: { mood: 7.5 }, field: 'mood', message: 'whole number' },
    { why: 'rating: a string', changes: { mood: '7' }, field: 'mood', message: 'whole number' },
    {
      why: 'rating: not a multiple of the step',
      changes: { distress: 33 },
      field: 'distress',
      message: 'in steps of 5',
    },
    // singleChoice
    {
      why: 'singleChoice: not an option',
      changes: { modality: 'video' },
      field: 'modality',
      message: '"Modality" must be one of its options',
    },
    {
      why: 'singleChoice: an option label instead of its id',
      changes: { modality: 'Phone' },
      field: 'modality',
      message: 'one of its options',
    },
    // multiChoice
    {
      why: 'multiChoice: null (empty is {selected: [], other: ""})',
      changes: { interventions: null },
      field: 'interventions',
      message: 'could not be read',
    },
    {
      why: 'multiChoice: a bare list',
      changes: { interventions: ['exposure'] },
      field: 'interventions',
      message: 'could not be read',
    },
    {
      why: 'multiChoice: other missing',
      changes: { interventions: { selected: [] } },
      field: 'interventions',
      message: 'could not be read',
    },
    {
      why: 'multiChoice: an extra key',
      changes: { interventions: { selected: [], other: '', x: 1 } },
      field: 'interventions',
      message: 'could not be read',
    },
    {
      why: 'multiChoice: not an option',
      changes: { interventions: { selected: ['dancing'], other: '' } },
      field: 'interventions',
      message: 'not one of its options',
    },
    {
      why: 'multiChoice: the same option twice',
      changes: { interventions: { selected: ['exposure', 'exposure'], other: '' } },
      field: 'interventions',
      message: 'same choice twice',
    },
    {
      why: 'multiChoice: other over 500 characters',
      changes: { interventions: { selected: [], other: 'x'.repeat(501) } },
      field: 'interventions',
      message: 'at most 500 characters',
    },
    {
      why: 'multiChoice: other text where allowOther is off',
      changes: { feelings: { selected: [], other: 'numb' } },
      field: 'feelings',
      message: '"Feelings" does not take an "Other" answer',
    },
    // tags
    {
      why: 'tags: a string instead of a list',
      changes: { keywords: 'sleep' },
      field: 'keywords',
      message: 'expected a list of tags',
    },
    {
      why: 'tags: a number in the list',
      changes: { keywords: [5] },
      field: 'keywords',
      message: 'a tag that could not be read',
    },
    {
      why: 'tags: an empty tag',
      changes: { keywords: ['  '] },
      field: 'keywords',
      message: 'cannot have an empty tag',
    },
    {
      why: 'tags: the same tag twice',
      changes: { distortions: ['mentalFilter', 'mentalFilter'] },
      field: 'distortions',
      message: 'has the tag "mentalFilter" twice',
    },
    {
      why: 'tags: a tag over 60 characters',
      changes: { keywords: ['x'.repeat(61)] },
      field: 'keywords',
      message: 'longer than 60 characters',
    },
    {
      why: 'tags: more than 30',
      changes: { keywords: Array.from({ length: 31 }, (_, i) => `t${i}`) },
      field: 'keywords',
      message: 'at most 30 tags',
    },
    // group
    {
      why: 'group: not a list',
      changes: { thoughtRecord: { situation: 'x' } },
      field: 'thoughtRecord',
      message: 'expected a list of rows',
    },
    {
      why: 'group: more than 100 rows',
      changes: { thoughtRecord: longRows },
      field: 'thoughtRecord',
      message: 'at most 100 rows',
    },
    {
      why: 'group: a row that is not an object',
      changes: { thoughtRecord: [{}, 'x'] },
      field: 'thoughtRecord.1',
      message: 'Thought record 2 could not be read',
    },
    {
      why: 'group: an unknown sub-field',
      changes: { thoughtRecord: [{ mood: 3 }] },
      field: 'thoughtRecord.0.mood',
      message: 'Thought record 1 has no field "mood"',
    },
    {
      why: 'group: a bad sub-field value names row and field',
      changes: { thoughtRecord: [{}, {}, { belief: 101 }] },
      field: 'thoughtRecord.2.belief',
      message: '"Belief" in Thought record 3 must be a whole number from 0 to 100',
    },
    {
      why: 'group: a bad rich text in a row',
      changes: { thoughtRecord: [{ thought: 'plain' }] },
      field: 'thoughtRecord.0.thought',
      message: '"Thought" in Thought record 1 could not be read',
    },
  ];

  it.each(rows)('$why → $field', ({ changes, field, message }) => {
    const result = checkChanges(sink, changes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.message).toContain(message);
  });

  it.each([
    { why: 'null', changes: null },
    { why: 'a list', changes: [] },
  ])('changes that are $why are refused', ({ changes }) => {
    expect(checkChanges(sink, changes as unknown as Record<string, unknown>)).toEqual({
      ok: false,
      field: '',
      message: 'The changes could not be read.',
    });
  });

  it('a CBT thought-record belief over 100 is refused with the row path (the issue’s example)', () => {
    const rows = [{}, {}, { belief: 120 }];
    expect(checkChanges(cbt, { thoughtRecord: rows })).toEqual({
      ok: false,
      field: 'thoughtRecord.2.belief',
      message: '"Belief in the thought" in Thought record 3 must be a whole number from 0 to 100.',
    });
  });
});

describe('richTextToPlain', () => {
  const rows: { why: string; doc: unknown; plain: string }[] = [
    { why: 'null gives empty text', doc: null, plain: '' },
    { why: 'a string gives empty text', doc: 'hello', plain: '' },
    { why: 'a node that is not a doc gives empty text', doc: p('hello'), plain: '' },
    { why: 'an empty doc gives empty text', doc: { type: 'doc' }, plain: '' },
    { why: 'one empty paragraph gives empty text', doc: doc(paragraph()), plain: '' },
    { why: 'paragraphs are separate lines', doc: doc(p('one'), p('two')), plain: 'one\ntwo' },
    {
      why: 'blank lines inside are kept, at the ends dropped',
      doc: doc(paragraph(), p('a'), paragraph(), p('b'), paragraph()),
      plain: 'a\n\nb',
    },
    {
      why: 'headings are lines of their own',
      doc: doc({ type: 'heading', attrs: { level: 2 }, content: [text('Title')] }, p('Body')),
      plain: 'Title\nBody',
    },
    {
      why: 'a hard break is a newline',
      doc: doc(paragraph(text('line 1'), { type: 'hardBreak' }, text('line 2'))),
      plain: 'line 1\nline 2',
    },
    {
      why: 'marks do not change the text',
      doc: doc(paragraph(text('very ', [{ type: 'bold' }]), text('tired', [{ type: 'italic' }]))),
      plain: 'very tired',
    },
    { why: 'bullet list items start with •', doc: doc(bullets(item(p('one')), item(p('two')))), plain: '• one\n• two' },
    {
      why: 'ordered list items are numbered',
      doc: doc(numbered([item(p('one')), item(p('two'))])),
      plain: '1. one\n2. two',
    },
    {
      why: 'an ordered list keeps its start number',
      doc: doc(numbered([item(p('three')), item(p('four'))], 3)),
      plain: '3. three\n4. four',
    },
    {
      why: 'nested lists are indented by two spaces',
      doc: doc(numbered([item(p('one'), bullets(item(p('sub a')), item(p('sub b')))), item(p('two'))])),
      plain: '1. one\n  • sub a\n  • sub b\n2. two',
    },
    {
      why: 'a second paragraph in an item is indented under it',
      doc: doc(bullets(item(p('first'), p('second')))),
      plain: '• first\n  second',
    },
    {
      why: 'a hard break inside a list item continues indented',
      doc: doc(bullets(item(paragraph(text('a'), { type: 'hardBreak' }, text('b'))))),
      plain: '• a\n  b',
    },
    {
      why: 'a list around a paragraph',
      doc: doc(p('Before'), bullets(item(p('x'))), p('After')),
      plain: 'Before\n• x\nAfter',
    },
    {
      why: 'blockquotes give their lines',
      doc: doc({ type: 'blockquote', content: [p('quoted'), p('more')] }),
      plain: 'quoted\nmore',
    },
    { why: 'code blocks keep their lines', doc: doc({ type: 'codeBlock', content: [text('a\nb')] }), plain: 'a\nb' },
    { why: 'a horizontal rule adds nothing', doc: doc(p('a'), { type: 'horizontalRule' }, p('b')), plain: 'a\nb' },
    {
      why: 'unknown containers are read through',
      doc: doc({
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p('cell')] }] }],
      }),
      plain: 'cell',
    },
    { why: 'garbage children are skipped', doc: { type: 'doc', content: [5, null, 'x', p('kept')] }, plain: 'kept' },
    { why: 'trailing spaces on a line are dropped', doc: doc(p('end   ')), plain: 'end' },
    { why: 'very deep input does not throw', doc: nested(5000), plain: '' },
  ];

  it.each(rows)('$why', ({ doc: input, plain }) => {
    expect(richTextToPlain(input)).toBe(plain);
  });
});

describe('noteText', () => {
  /** A filled CBT session note (Beck structure, §5a; thought record, §7a; distortions, §7b). */
  function filledCbtNote(): NoteValues {
    return {
      ...initialValues(cbt, { now: '2024-05-01T09:00:00.000Z', sessionNumber: 4 }),
      duration: 50,
      modality: 'telehealth',
      mood: 4,
      moodNotes: say('A hard week at work.'),
      bridge: doc(p('Last time: noticing thoughts before bed.')),
      agenda: [{ item: 'Sleep' }, { item: '   ' }, { item: 'Argument with partner' }],
      agendaWork: [{ problem: 'Sleep', notes: doc(bullets(item(p('Wind-down routine')), item(p('No phone in bed')))) }],
      thoughtRecord: [
        {
          situation: say('Lying awake at 2am'),
          automaticThoughts: say("I'll fail the presentation"),
          belief: 80,
          emotions: 'anxious',
          emotionIntensity: 90,
          distortions: ['jumpingToConclusions', 'magnification', 'comparing', 'unknownTag'],
          evidenceFor: null,
          evidenceAgainst: say('Prepared well; past talks went fine'),
          alternativeThought: say('I am tired but prepared'),
          alternativeBelief: 60,
          emotionRerated: 50,
        },
      ],
      interventions: { selected: ['socraticQuestioning', 'cognitiveRestructuring'], other: ' sleep hygiene ' },
      suicidalIdeation: 'none',
      homicidalIdeation: 'none',
      selfHarm: 'thoughts',
      riskPlan: 'none',
      riskIntent: 'none',
      protectiveFactors: say('Partner, job'),
      safetyPlanReviewed: 'yes',
      summary: say('Worked on sleep worry.'),
      clientFeedback: say('Found the thought record useful.'),
      plan: say('Review the sleep diary.'),
      nextSessionAt: '2024-05-08T09:00',
    };
  }

  const expected = [
    {
      section: 'Session',
      fields: [
        { label: 'Date and time', text: '2024-05-01T09:00:00.000Z' },
        { label: 'Duration', text: '50 minutes' },
        { label: 'Session number', text: '4' },
        { label: 'Modality', text: 'Telehealth (video)' },
      ],
    },
    {
      section: 'Mood check',
      fields: [
        { label: 'Mood', text: '4/10' },
        { label: 'Mood notes', text: 'A hard week at work.' },
      ],
    },
    {
      section: 'Bridge from the last session',
      fields: [{ label: 'Bridge', text: 'Last time: noticing thoughts before bed.' }],
    },
    {
      section: 'Agenda',
      fields: [
        { label: 'Agenda item 1', text: 'Sleep' },
        { label: 'Agenda item 2', text: 'Argument with partner' },
      ],
    },
    {
      section: 'Agenda items',
      fields: [{ label: 'Agenda item 1', text: 'Problem: Sleep\nNotes: • Wind-down routine\n• No phone in bed' }],
    },
    {
      section: 'Cognitive work',
      fields: [
        {
          label: 'Thought record 1',
          text: [
            'Situation: Lying awake at 2am',
            "Automatic thoughts: I'll fail the presentation",
            'Belief in the thought: 80/100',
            'Emotions: anxious',
            'Emotion intensity: 90/100',
            'Cognitive distortions: Jumping to conclusions (mind reading, fortune telling), Magnification/catastrophizing and minimization, Comparing, unknownTag',
            'Evidence against the hot thought: Prepared well; past talks went fine',
            'Alternative thought: I am tired but prepared',
            'Belief in the alternative: 60/100',
            'Emotion intensity now: 50/100',
          ].join('\n'),
        },
      ],
    },
    {
      section: 'Interventions',
      fields: [
        { label: 'Interventions used', text: 'Cognitive restructuring, Socratic questioning, Other: sleep hygiene' },
      ],
    },
    {
      section: 'Risk',
      fields: [
        { label: 'Suicidal ideation', text: 'None reported' },
        { label: 'Homicidal ideation', text: 'None reported' },
        { label: 'Self-harm', text: 'Thoughts' },
        { label: 'Plan', text: 'None' },
        { label: 'Intent', text: 'None' },
        { label: 'Protective factors', text: 'Partner, job' },
        { label: 'Safety plan reviewed', text: 'Yes' },
      ],
    },
    { section: 'Summary', fields: [{ label: 'Summary', text: 'Worked on sleep worry.' }] },
    { section: 'Client feedback', fields: [{ label: 'Client feedback', text: 'Found the thought record useful.' }] },
    {
      section: 'Plan and next session',
      fields: [
        { label: 'Plan', text: 'Review the sleep diary.' },
        { label: 'Next session', text: '2024-05-08T09:00' },
      ],
    },
  ];

  it('reads a filled CBT note section by section, skipping empty values, empty sections and slots', () => {
    expect(noteText(cbt, filledCbtNote(), { distortionLabels: { comparing: 'Comparing' } })).toEqual(expected);
  });

  it('is deterministic: same output for the same note, whatever order its values were stored in', () => {
    const values = filledCbtNote();
    const reversed = Object.fromEntries(Object.entries(values).reverse());
    const first = JSON.stringify(noteText(cbt, values, { distortionLabels: { comparing: 'Comparing' } }));
    expect(JSON.stringify(noteText(cbt, roundTrip(values), { distortionLabels: { comparing: 'Comparing' } }))).toBe(
      first,
    );
    expect(JSON.stringify(noteText(cbt, reversed, { distortionLabels: { comparing: 'Comparing' } }))).toBe(first);
  });

  it('multiChoice reads in template order, not in the order the boxes were ticked', () => {
    const ticked = (selected: string[]) =>
      noteText(cbt, { interventions: { selected, other: '' } })[0]?.fields[0]?.text;
    expect(ticked(['exposure', 'cognitiveRestructuring'])).toBe('Cognitive restructuring, Exposure');
    expect(ticked(['cognitiveRestructuring', 'exposure'])).toBe('Cognitive restructuring, Exposure');
  });

  it('an empty note reads as nothing; a new note only as its header', () => {
    expect(noteText(cbt, emptyValues(cbt))).toEqual([]);
    expect(noteText(cbt, initialValues(cbt, { now: '2024-05-01T09:00:00.000Z', sessionNumber: 1 }))).toEqual([
      {
        section: 'Session',
        fields: [
          { label: 'Date and time', text: '2024-05-01T09:00:00.000Z' },
          { label: 'Session number', text: '1' },
        ],
      },
    ]);
  });

  it('distortion tags without custom labels use the built-in labels (Burns, §7b) or the tag itself', () => {
    const values = { thoughtRecord: [{ distortions: ['shouldStatements', 'custom'] }] };
    expect(noteText(cbt, values)[0]?.fields[0]?.text).toBe('Cognitive distortions: Should statements, custom');
  });

  it('a tag named like an Object.prototype key is shown as itself', () => {
    const values = { thoughtRecord: [{ distortions: ['constructor', 'toString'] }] };
    expect(noteText(cbt, values, { distortionLabels: {} })[0]?.fields[0]?.text).toBe(
      'Cognitive distortions: constructor, toString',
    );
  });

  it('values of the wrong shape are skipped, not thrown on', () => {
    const values = {
      mood: 'high',
      agenda: 'x',
      interventions: ['a'],
      plan: 'plain',
      modality: 5,
    } as unknown as NoteValues;
    expect(noteText(cbt, values)).toEqual([]);
  });
});

describe('carryForward', () => {
  const previousCbt = (values: NoteValues): { template: TemplateDef; values: NoteValues } => ({
    template: cbt,
    values: { ...emptyValues(cbt), ...values },
  });

  /** A custom template whose field ids clash with the CBT template's but whose kinds do not. */
  const clashing: TemplateDef = {
    ...sink,
    id: 'clashing',
    sections: [
      {
        id: 'main',
        title: 'Main',
        fields: [
          { id: 'agenda', label: 'Agenda', kind: 'richText' },
          { id: 'plan', label: 'Plan', kind: 'shortText' },
          {
            id: 'thoughtRecord',
            label: 'Thought records',
            kind: 'group',
            itemLabel: 'Row',
            fields: [
              { id: 'situation', label: 'Situation', kind: 'shortText' },
              { id: 'belief', label: 'Belief', kind: 'rating', max: 100, anchors: [] },
            ],
          },
          {
            id: 'interventions',
            label: 'Interventions',
            kind: 'multiChoice',
            allowOther: true,
            options: [
              { id: 'exposure', label: 'Exposure' },
              { id: 'hypnosis', label: 'Hypnosis' },
            ],
          },
        ],
      },
    ],
  };

  const rows: {
    why: string;
    template: TemplateDef;
    previous: { template: TemplateDef; values: NoteValues };
    sectionIds: string[];
    carried: NoteValues;
  }[] = [
    {
      why: 'plan → bridge: last session’s plan opens the bridge (Beck bridge, §5a.2), not last session’s bridge',
      template: cbt,
      previous: previousCbt({ plan: say('Review the sleep diary.'), bridge: say('Old bridge') }),
      sectionIds: ['bridge'],
      carried: { bridge: say('Review the sleep diary.') },
    },
    {
      why: 'plan → bridge works from a SOAP note to a CBT note',
      template: cbt,
      previous: { template: soap, values: { ...emptyValues(soap), plan: say('Start exposure hierarchy.') } },
      sectionIds: ['bridge'],
      carried: { bridge: say('Start exposure hierarchy.') },
    },
    {
      why: 'plan → bridge needs the bridge chosen',
      template: cbt,
      previous: previousCbt({ plan: say('Review the sleep diary.') }),
      sectionIds: ['plan'],
      carried: { plan: say('Review the sleep diary.') },
    },
    {
      why: 'plan → bridge needs a rich-text plan in the previous note',
      template: cbt,
      previous: { template: clashing, values: { plan: 'short plan' } },
      sectionIds: ['bridge'],
      carried: {},
    },
    {
      why: 'an empty plan leaves the bridge to the new note',
      template: cbt,
      previous: previousCbt({ plan: null, bridge: say('Old bridge') }),
      sectionIds: ['bridge'],
      carried: {},
    },
    {
      why: 'agenda rows are copied, empty rows dropped (standing agenda items, §5a.3)',
      template: cbt,
      previous: previousCbt({ agenda: [{ item: 'Sleep' }, { item: '' }, { item: 'Work stress' }] }),
      sectionIds: ['agenda'],
      carried: { agenda: [{ item: 'Sleep' }, { item: 'Work stress' }] },
    },
    {
      why: 'unrelated sections are not copied',
      template: cbt,
      previous: previousCbt({ agenda: [{ item: 'Sleep' }], summary: say('Summary'), mood: 3, plan: say('Plan') }),
      sectionIds: ['agenda'],
      carried: { agenda: [{ item: 'Sleep' }] },
    },
    {
      why: 'several sections at once; empty fields are not carried',
      template: cbt,
      previous: previousCbt({ mood: 3, moodNotes: null, summary: say('Summary') }),
      sectionIds: ['moodCheck', 'summary'],
      carried: { mood: 3, summary: say('Summary') },
    },
    {
      why: 'a field whose kind changed is not copied (rich-text agenda → group agenda)',
      template: cbt,
      previous: { template: clashing, values: { agenda: say('Sleep') } },
      sectionIds: ['agenda'],
      carried: {},
    },
    {
      why: 'group rows keep only sub-fields whose id and kind still match',
      template: cbt,
      previous: {
        template: clashing,
        values: { thoughtRecord: [{ situation: 'On the bus', belief: 70 }] },
      },
      sectionIds: ['cognitiveWork'],
      carried: {
        thoughtRecord: [{ ...(emptyValues(cbt).thoughtRecord as NoteValues[])[0], belief: 70 }],
      },
    },
    {
      why: 'choices no longer offered are dropped; the other text stays',
      template: cbt,
      previous: {
        template: clashing,
        values: { interventions: { selected: ['hypnosis', 'exposure'], other: 'Mindfulness' } },
      },
      sectionIds: ['interventions'],
      carried: { interventions: { selected: ['exposure'], other: 'Mindfulness' } },
    },
    {
      why: 'the session number, slots and the session date-time are never carried',
      template: cbt,
      previous: previousCbt({
        sessionNumber: 3,
        sessionAt: '2024-04-24T09:00',
        duration: 50,
        modality: 'phone',
        measures: null,
      }),
      sectionIds: ['header', 'moodCheck', 'homeworkReview', 'newHomework'],
      carried: { duration: 50, modality: 'phone' },
    },
    {
      why: 'section ids the template does not have are ignored',
      template: soap,
      previous: previousCbt({ agenda: [{ item: 'Sleep' }], plan: say('Plan') }),
      sectionIds: ['agenda', 'bridge', 'nope'],
      carried: {},
    },
    {
      why: 'values that would not pass the new template are not carried',
      template: cbt,
      previous: { template: clashing, values: { interventions: { selected: ['exposure', 'exposure'], other: '' } } },
      sectionIds: ['interventions'],
      carried: {},
    },
  ];

  it.each(rows)('$why', ({ template, previous, sectionIds, carried }) => {
    const result = carryForward(template, previous, sectionIds);
    expect(result).toEqual(carried);
    expect(checkChanges(template, result)).toEqual({ ok: true, changes: carried });
  });

  it('returns copies: editing the new note cannot change the previous one', () => {
    const previous = previousCbt({ agenda: [{ item: 'Sleep' }], plan: say('Plan') });
    const result = carryForward(cbt, previous, ['agenda', 'bridge']);
    const [row] = result.agenda as { item: string }[];
    if (row) row.item = 'Changed';
    (result.bridge as RichTextDoc).content = [];
    expect(previous.values.agenda).toEqual([{ item: 'Sleep' }]);
    expect(previous.values.plan).toEqual(say('Plan'));
  });
});

describe('empty rows (issue 12: a blank agenda row is a valid draft, dropped at signing)', () => {
  const agendaWork = cbt.sections.flatMap((section) => section.fields).find((field) => field.id === 'agendaWork');
  if (agendaWork?.kind !== 'group') throw new Error('the CBT template has no agendaWork group');
  const thoughtRecord = cbt.sections.flatMap((section) => section.fields).find((field) => field.id === 'thoughtRecord');
  if (thoughtRecord?.kind !== 'group') throw new Error('the CBT template has no thoughtRecord group');

  it('a new row of every built-in group passes the autosave check ("+ Add" must never turn the status red)', () => {
    for (const template of builtInTemplates) {
      for (const field of template.sections.flatMap((section) => section.fields)) {
        if (field.kind !== 'group') continue;
        const changes = { [field.id]: [emptyRow(field), emptyRow(field)] };
        expect(checkChanges(template, changes), `${template.id}.${field.id}`).toEqual({ ok: true, changes });
      }
    }
  });

  const rows: { why: string; row: unknown; empty: boolean }[] = [
    { why: 'a new row', row: emptyRow(agendaWork), empty: true },
    { why: 'a row with no keys (sub-fields filled with empty values)', row: {}, empty: true },
    { why: 'spaces only in the one-line text', row: { problem: '   ', notes: null }, empty: true },
    { why: 'an empty rich-text document', row: { problem: '', notes: doc(paragraph()) }, empty: true },
    { why: 'text in the one-line field', row: { problem: 'Sleep', notes: null }, empty: false },
    { why: 'text in the rich-text field only', row: { problem: '', notes: say('Worked on sleep') }, empty: false },
    { why: 'not a row at all (kept: it is not ours to drop)', row: 'Sleep', empty: false },
  ];
  it.each(rows)('isEmptyRow: $why → $empty', ({ row, empty }) => {
    expect(isEmptyRow(agendaWork, row)).toBe(empty);
  });

  const ratingRows: { why: string; row: Record<string, unknown>; empty: boolean }[] = [
    { why: 'a new thought record', row: emptyRow(thoughtRecord), empty: true },
    {
      why: 'a belief rating of 0 is an answer',
      row: { ...emptyRow(thoughtRecord), alternativeBelief: 0 },
      empty: false,
    },
    {
      why: 'a distortion tag is an answer',
      row: { ...emptyRow(thoughtRecord), distortions: ['catastrophizing'] },
      empty: false,
    },
  ];
  it.each(ratingRows)('isEmptyRow (thought record): $why → $empty', ({ row, empty }) => {
    expect(thoughtRecord.fields.map((sub) => sub.id)).toEqual(expect.arrayContaining(Object.keys(row)));
    expect(isEmptyRow(thoughtRecord, row)).toBe(empty);
  });

  it('withoutEmptyRows drops only the empty rows, in order, and leaves other fields as they are', () => {
    const summary = say('Summary');
    const values = {
      ...emptyValues(cbt),
      summary,
      agenda: [{ item: 'Sleep' }, { item: '' }, { item: 'Argument with partner' }, { item: '  ' }],
      agendaWork: [emptyRow(agendaWork)],
    };
    const result = withoutEmptyRows(cbt, values);
    expect(result.agenda).toEqual([{ item: 'Sleep' }, { item: 'Argument with partner' }]);
    expect(result.agendaWork).toEqual([]);
    expect(result.summary).toBe(summary);
    expect(Object.keys(result).sort()).toEqual(Object.keys(values).sort());
    // The input is not changed (the draft as stored stays what it was until signing writes).
    expect(values.agenda).toHaveLength(4);
  });

  it('withoutEmptyRows leaves a note with no empty row equal to itself', () => {
    const values = { ...emptyValues(cbt), agenda: [{ item: 'Sleep' }], agendaWork: [], thoughtRecord: [] };
    expect(withoutEmptyRows(cbt, values)).toEqual(values);
  });
});
