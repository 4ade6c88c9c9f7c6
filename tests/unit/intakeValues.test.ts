import { describe, expect, it } from 'vitest';
import { fieldsOf, firstErrors, type Kind, suggestions, valuesOf } from '../../renderer/src/intake/intakeValues';
import { knowledgeBase } from '../../shared/cautions';
import { type IntakeEntry, intakeFieldsSchema } from '../../shared/intake/entry';

/**
 * The intake form's values (renderer/src/intake/intakeValues.ts): what the inputs show
 * for an entry, what goes back to the schema, which error shows at which field, and the
 * names the name field suggests. Checked against the real schema and knowledge base.
 */

const entry = (fields: Record<string, unknown>) => ({ fields }) as unknown as Pick<IntakeEntry, 'fields'>;

describe('valuesOf: the inputs’ text', () => {
  it.each<{ why: string; kind: Kind; given: Record<string, unknown> | null; expected: Record<string, string> }>([
    {
      why: 'a new substance: every field empty, the prescriber’s knowledge unknown',
      kind: 'substance',
      given: null,
      expected: {
        name: '',
        product: '',
        amount: '',
        unit: '',
        route: '',
        frequency: '',
        startedOn: '',
        lastUseOn: '',
        obtainedFrom: '',
        clientSaysFor: '',
        prescriberKnows: 'unknown',
        stoppedOn: '',
      },
    },
    {
      why: 'a new medication: prescribed to the client unless said otherwise',
      kind: 'medication',
      given: null,
      expected: { name: '', dose: '', prescriber: '', source: 'prescribed', startedOn: '', stoppedOn: '' },
    },
    {
      why: 'a saved medication: its fields; a null stop date shows as empty',
      kind: 'medication',
      given: { kind: 'medication', name: 'sertraline', dose: '50 mg', source: 'online', stoppedOn: null },
      expected: { name: 'sertraline', dose: '50 mg', prescriber: '', source: 'online', startedOn: '', stoppedOn: '' },
    },
    {
      why: 'a saved substance with no "where obtained": empty, shown as "Not recorded"',
      kind: 'substance',
      given: { kind: 'substance', name: 'kratom', obtainedFrom: null, prescriberKnows: 'no' },
      expected: expect.objectContaining({ name: 'kratom', obtainedFrom: '', prescriberKnows: 'no' }),
    },
  ])('$why', ({ kind, given, expected }) => {
    expect(valuesOf(kind, given ? entry(given) : null)).toEqual(expected);
  });
});

describe('fieldsOf: the text back as fields the schema accepts', () => {
  it.each<{ kind: Kind; name: string; extra: Record<string, string>; obtainedFrom?: string | null }>([
    { kind: 'substance', name: 'kratom', extra: {}, obtainedFrom: null },
    { kind: 'substance', name: 'kratom', extra: { obtainedFrom: 'online' }, obtainedFrom: 'online' },
    { kind: 'medication', name: 'sertraline', extra: { dose: '50 mg' } },
  ])('a $kind named $name', ({ kind, name, extra, obtainedFrom }) => {
    const fields = fieldsOf(kind, { ...valuesOf(kind, null), name, ...extra }) as Record<string, unknown>;
    expect(fields.kind).toBe(kind);
    if (kind === 'substance') expect(fields.obtainedFrom).toBe(obtainedFrom);
    expect(intakeFieldsSchema.safeParse(fields).success).toBe(true);
  });
});

describe('firstErrors: one message per field, the first', () => {
  it.each([
    { why: 'none', issues: [], expected: {} },
    {
      why: 'two fields',
      issues: [
        { path: ['name'], message: 'Enter a name.' },
        { path: ['startedOn'], message: 'Not a date.' },
      ],
      expected: { name: 'Enter a name.', startedOn: 'Not a date.' },
    },
    {
      why: 'the same field twice keeps the first',
      issues: [
        { path: ['name'], message: 'first' },
        { path: ['name'], message: 'second' },
      ],
      expected: { name: 'first' },
    },
    { why: 'an issue about no one field is left out', issues: [{ path: [], message: 'whole' }], expected: {} },
  ])('$why', ({ issues, expected }) => {
    expect(firstErrors(issues)).toEqual(expected);
  });

  it('an empty name, refused by the real schema, shows at the name', () => {
    const parsed = intakeFieldsSchema.safeParse(fieldsOf('medication', valuesOf('medication', null)));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(Object.keys(firstErrors(parsed.error.issues))).toContain('name');
  });
});

describe('suggestions: the built-in names for the name field', () => {
  const names = (kind: Kind) => suggestions(kind).map((option) => option.value.toLocaleLowerCase());

  it.each<{ kind: Kind; name: string; offered: boolean }>([
    { kind: 'medication', name: 'sertraline', offered: true },
    { kind: 'medication', name: 'zoloft', offered: true },
    // Someone else's medicine may be taken as a substance.
    { kind: 'substance', name: 'sertraline', offered: true },
    { kind: 'substance', name: 'kratom', offered: true },
    { kind: 'medication', name: 'kratom', offered: false },
  ])('$kind: $name offered: $offered', ({ kind, name, offered }) => {
    expect(names(kind).includes(name)).toBe(offered);
  });

  it.each<Kind>(['substance', 'medication'])('%s: each name once, whatever its case', (kind) => {
    expect(new Set(names(kind)).size).toBe(names(kind).length);
  });

  it('a brand is labelled with its generic name; the generic name itself has no label', () => {
    const list = suggestions('medication');
    expect(list.find((option) => option.value === 'Zoloft')?.label).toBe('sertraline');
    expect(list.find((option) => option.value === 'sertraline')?.label).toBe('');
    expect(list.length).toBeGreaterThanOrEqual(knowledgeBase.medications.length);
  });
});
