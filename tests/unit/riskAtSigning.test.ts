import { describe, expect, it } from 'vitest';
import {
  type GivenMeasure,
  latestPositiveItem9,
  positiveItem9,
  riskAtSigning,
  riskSectionOf,
  riskSummaryLine,
  sectionIsEmpty,
} from '../../shared/notes/riskAtSigning';
import { findBuiltInTemplate } from '../../shared/templates';
import type { SectionDef, TemplateDef } from '../../shared/templates/types';

/**
 * The soft stop at signing (issue 12 item 4): PHQ-9 item 9 above 0 in a measure given in
 * this note (PHQ instruction manual, reference clinical-facts.md §3.1: item 9 needs
 * further assessment whatever the total) and the note's Risk section empty.
 */

const NOTE = '22222222-2222-4222-8222-222222222222';
const OTHER_NOTE = '33333333-3333-4333-8333-333333333333';
const template = (id: string) => findBuiltInTemplate(id) as TemplateDef;
const cbt = template('cbt-session');
const risk = riskSectionOf(cbt) as SectionDef;
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

const phq9 = (item9: unknown, over: Partial<GivenMeasure> = {}): GivenMeasure => ({
  noteId: NOTE,
  instrument: 'phq9',
  answers: [1, 1, 1, 1, 1, 1, 1, 1, item9],
  givenOn: '2026-12-01',
  createdAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

describe('the Risk section is empty', () => {
  const rows: [string, Record<string, unknown>, boolean][] = [
    ['no values at all', {}, true],
    ['every field null', Object.fromEntries(risk.fields.map((field) => [field.id, null])), true],
    ['blank text in notes', { riskNotes: doc('   \n ') }, true],
    ['an empty document', { riskNotes: { type: 'doc', content: [] } }, true],
    ['an empty paragraph', { protectiveFactors: { type: 'doc', content: [{ type: 'paragraph' }] } }, true],
    ['plan "Not assessed"', { riskPlan: 'notAssessed' }, true],
    ['plan and intent "Not assessed"', { riskPlan: 'notAssessed', riskIntent: 'notAssessed' }, true],
    ['an empty string choice', { suicidalIdeation: '' }, true],
    ['a whitespace string choice', { suicidalIdeation: '  ' }, true],
    ['"not_assessed" spelled another way', { selfHarm: 'not_assessed' }, true],
    ['"Not assessed" as free text', { selfHarm: ' Not Assessed ' }, true],
    ['a value of no known shape (an object)', { riskNotes: { weird: true } }, true],
    ['a value of no known shape (a boolean)', { riskNotes: true }, true],
    ['an empty list', { riskNotes: [] }, true],
    ['a field not in the section', { summary: doc('Went well') }, true],
    ['ideation "None reported" is an answer', { suicidalIdeation: 'none' }, false],
    ['plan "None" is an answer', { riskPlan: 'none' }, false],
    ['safety plan reviewed "No" is an answer', { safetyPlanReviewed: 'no' }, false],
    ['text in risk notes', { riskNotes: doc('Denies thoughts of harm today.') }, false],
    ['text in protective factors', { protectiveFactors: doc('Children, work') }, false],
    ['"Not assessed" plus a note', { riskPlan: 'notAssessed', riskNotes: doc('Asked; see below.') }, false],
  ];
  it.each(rows)('%s', (_name, values, empty) => {
    expect(sectionIsEmpty(risk, values)).toBe(empty);
  });

  it('multiple choice, group rows and numbers in a custom Risk section', () => {
    const custom: SectionDef = {
      id: 'risk',
      title: 'Risk',
      fields: [
        {
          id: 'flags',
          label: 'Flags',
          kind: 'multiChoice',
          allowOther: true,
          options: [
            { id: 'na', label: 'Not assessed' },
            { id: 'ideation', label: 'Ideation' },
          ],
        },
        { id: 'level', label: 'Level', kind: 'rating', max: 10, anchors: [] },
        {
          id: 'rows',
          label: 'Rows',
          kind: 'group',
          itemLabel: 'Row',
          fields: [{ id: 'what', label: 'What', kind: 'shortText' }],
        },
        { id: 'slot', label: 'Slot', kind: 'slot', slot: 'measures' },
      ],
    };
    expect(sectionIsEmpty(custom, { flags: { selected: [], other: '' } })).toBe(true);
    expect(sectionIsEmpty(custom, { flags: { selected: ['na'], other: ' ' } })).toBe(true);
    expect(sectionIsEmpty(custom, { flags: { selected: ['ideation'], other: '' } })).toBe(false);
    expect(sectionIsEmpty(custom, { flags: { selected: [], other: 'Asked' } })).toBe(false);
    expect(sectionIsEmpty(custom, { level: Number.NaN })).toBe(true);
    expect(sectionIsEmpty(custom, { level: 0 })).toBe(false);
    expect(sectionIsEmpty(custom, { rows: [{ what: '' }, { what: null }] })).toBe(true);
    expect(sectionIsEmpty(custom, { rows: [{ what: 'x' }] })).toBe(false);
    // A slot is filled by the app, not by the therapist's assessment.
    expect(sectionIsEmpty(custom, { slot: 'anything' })).toBe(true);
  });
});

describe('PHQ-9 item 9 above 0', () => {
  const rows: [string, GivenMeasure, number | null][] = [
    ['item 9 = 0', phq9(0), null],
    ['item 9 = 1', phq9(1), 1],
    ['item 9 = 3', phq9(3), 3],
    ['item 9 missing', { ...phq9(0), answers: [1, 1, 1] }, null],
    ['item 9 not a number', phq9('2'), null],
    ['item 9 NaN', phq9(Number.NaN), null],
    ['item 9 negative', phq9(-1), null],
    ['a GAD-7 is not a PHQ-9', { ...phq9(3), instrument: 'gad7' }, null],
    ['a PHQ-2 has no item 9', { ...phq9(3), instrument: 'phq2', answers: [3, 3] }, null],
  ];
  it.each(rows)('%s', (_name, given, score) => {
    expect(positiveItem9(given)?.score ?? null).toBe(score);
  });

  it('the latest positive one, by date given then by when it was recorded', () => {
    const early = phq9(3, { givenOn: '2026-11-01' });
    const later = phq9(1, { givenOn: '2026-12-01', createdAt: '2026-12-01T09:00:00.000Z' });
    const sameDayLater = phq9(2, { givenOn: '2026-12-01', createdAt: '2026-12-01T11:00:00.000Z' });
    const newestButZero = phq9(0, { givenOn: '2026-12-05' });
    expect(latestPositiveItem9([early, sameDayLater, later, newestButZero])?.score).toBe(2);
    expect(latestPositiveItem9([newestButZero])).toBeNull();
    expect(latestPositiveItem9([])).toBeNull();
  });
});

describe('the soft stop at signing', () => {
  const rows: [
    string,
    { template: TemplateDef; values: Record<string, unknown>; measures: GivenMeasure[] },
    boolean,
  ][] = [
    ['item 9 = 1 and Risk empty', { template: cbt, values: {}, measures: [phq9(1)] }, true],
    [
      'item 9 = 1 and only "Not assessed"',
      { template: cbt, values: { riskPlan: 'notAssessed' }, measures: [phq9(1)] },
      true,
    ],
    ['item 9 = 0 and Risk empty', { template: cbt, values: {}, measures: [phq9(0)] }, false],
    ['no measure given', { template: cbt, values: {}, measures: [] }, false],
    [
      'item 9 = 2 and Risk filled',
      { template: cbt, values: { suicidalIdeation: 'passive' }, measures: [phq9(2)] },
      false,
    ],
    ['item 9 = 2 in another note', { template: cbt, values: {}, measures: [phq9(2, { noteId: OTHER_NOTE })] }, false],
    ['item 9 = 2 given outside any note', { template: cbt, values: {}, measures: [phq9(2, { noteId: null })] }, false],
    ['one positive among several in this note', { template: cbt, values: {}, measures: [phq9(0), phq9(1)] }, true],
    [
      'the intake has a Risk section too',
      { template: template('intake-assessment'), values: {}, measures: [phq9(1)] },
      true,
    ],
    ['SOAP has no Risk section', { template: template('soap'), values: {}, measures: [phq9(3)] }, false],
  ];
  it.each(rows)('%s', (_name, note, softStop) => {
    expect(riskAtSigning({ id: NOTE, ...note }).softStop).toBe(softStop);
  });

  it('says which answer and which section', () => {
    expect(riskAtSigning({ id: NOTE, template: cbt, values: {}, measures: [phq9(2)] })).toEqual({
      softStop: true,
      item9: { score: 2, givenOn: '2026-12-01' },
      riskTitle: 'Risk',
    });
  });

  it('a custom template whose section is titled "Risk" under another id', () => {
    const custom: TemplateDef = {
      ...cbt,
      id: 'mine',
      builtIn: false,
      sections: cbt.sections.map((section) => (section.id === 'risk' ? { ...section, id: 'safety' } : section)),
    };
    expect(riskSectionOf(custom)?.id).toBe('safety');
    expect(riskAtSigning({ id: NOTE, template: custom, values: {}, measures: [phq9(1)] }).softStop).toBe(true);
  });
});

describe('the short line for a filled Risk section', () => {
  const rows: [string, Record<string, unknown>, string][] = [
    [
      'choices, "Not assessed" left out',
      { suicidalIdeation: 'passive', riskPlan: 'notAssessed', riskIntent: 'none' },
      'Suicidal ideation: Passive · Intent: None',
    ],
    ['only text', { riskNotes: doc('Asked directly;\n denies.') }, 'Asked directly; denies.'],
    ['nothing', {}, ''],
    ['an unknown option id is not shown', { suicidalIdeation: 'zzz' }, ''],
  ];
  it.each(rows)('%s', (_name, values, line) => {
    expect(riskSummaryLine(risk, values)).toBe(line);
  });

  it('cut short with an ellipsis', () => {
    const line = riskSummaryLine(risk, { riskNotes: doc('x'.repeat(500)) }, 40);
    expect(line).toHaveLength(40);
    expect(line.endsWith('…')).toBe(true);
  });
});
