import type { FieldDef, SectionDef, TemplateDef } from '../templates/types';
import { richTextToPlain } from '../templates/values';

/**
 * PHQ-9 item 9 and the note's Risk section at signing (issue 12 item 4). The PHQ
 * instruction manual (reference clinical-facts.md §3.1): "A patient who answers yes to
 * question 9 needs further assessment for suicide risk", whatever the total. A note that
 * records such an answer and leaves its Risk section empty is not refused, since the
 * assessment may be recorded elsewhere; signing asks first, and a reason is kept (a soft
 * stop). The core and the sign dialog both decide with these functions, so they agree.
 */

/** The Risk section of the built-in CBT session and intake templates (builtins/sections.ts riskSection). */
export const RISK_SECTION_ID = 'risk';
/** The longest reason kept for signing past the soft stop. */
export const RISK_REASON_MAX = 1000;

/** The PHQ-9 item-9 answer, 0-based index in the stored answers. */
const ITEM9_INDEX = 8;

/** What this module reads of a measure given: an Administration, or a test's stand-in for one. */
export type GivenMeasure = {
  noteId: string | null;
  instrument: string;
  answers: readonly unknown[];
  givenOn: string;
  createdAt: string;
};

export type PositiveItem9 = { score: number; givenOn: string };

export type RiskAtSigning = { softStop: false } | { softStop: true; item9: PositiveItem9; riskTitle: string };

/** The note's Risk section, matched by id (custom copies of a built-in keep it) or by its title. */
export function riskSectionOf(template: TemplateDef): SectionDef | undefined {
  return (
    template.sections.find((section) => section.id === RISK_SECTION_ID) ??
    template.sections.find((section) => section.title.trim().toLowerCase() === 'risk')
  );
}

/** "Not assessed" (as an option id or label, however spelled) records that nothing was assessed. */
function isNotAssessed(text: string): boolean {
  return text.toLowerCase().replace(/[^a-z]/g, '') === 'notassessed';
}

/**
 * Whether a stored value says anything. Empty: nothing, blank text, a rich-text document
 * without text, a choice of "Not assessed". A value of a shape no field stores says
 * nothing readable, so it counts as empty too (the soft stop then asks, rather than
 * letting an unreadable value pass for an assessment).
 */
export function valueSaysSomething(value: unknown, optionLabel: (id: string) => string | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') {
    const text = value.trim();
    return text !== '' && !isNotAssessed(text) && !isNotAssessed(optionLabel(text) ?? '');
  }
  if (Array.isArray(value)) return value.some((each) => valueSaysSomething(each, optionLabel));
  if (typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  if (record.type === 'doc') return richTextToPlain(value).trim() !== '';
  if (Array.isArray(record.selected) || typeof record.other === 'string') {
    // A multiple choice: something ticked (other than "Not assessed"), or text under Other.
    return valueSaysSomething(record.selected, optionLabel) || valueSaysSomething(record.other, () => undefined);
  }
  // A group row (fields by id).
  return Object.values(record).some((each) => valueSaysSomething(each, optionLabel));
}

/** The choice labels of a field (or of a group's fields) by option id. */
function optionLabels(field: FieldDef): Map<string, string> {
  const labels = new Map<string, string>();
  for (const each of field.kind === 'group' ? field.fields : [field]) {
    if (each.kind === 'singleChoice' || each.kind === 'multiChoice') {
      for (const option of each.options) labels.set(option.id, option.label);
    }
  }
  return labels;
}

/** Whether the section records anything. Counted and placeholder fields (slots, session number) do not count. */
export function sectionIsEmpty(section: SectionDef, values: Record<string, unknown>): boolean {
  return !section.fields.some((field) => {
    if (field.kind === 'slot' || field.kind === 'sessionNumber') return false;
    const labels = optionLabels(field);
    return valueSaysSomething(values[field.id], (id) => labels.get(id));
  });
}

/** The PHQ-9 item-9 answer of one measure, when it is a number above 0; null otherwise. */
export function positiveItem9(given: GivenMeasure): PositiveItem9 | null {
  if (given.instrument !== 'phq9') return null;
  const score = given.answers[ITEM9_INDEX];
  return typeof score === 'number' && Number.isFinite(score) && score > 0 ? { score, givenOn: given.givenOn } : null;
}

/** The latest measure (by date given, then by when it was recorded) with item 9 above 0, or null. */
export function latestPositiveItem9<T extends GivenMeasure>(
  measures: readonly T[],
): (PositiveItem9 & { of: T }) | null {
  let latest: (PositiveItem9 & { of: T }) | null = null;
  for (const given of measures) {
    const positive = positiveItem9(given);
    if (!positive) continue;
    if (
      !latest ||
      given.givenOn > latest.of.givenOn ||
      (given.givenOn === latest.of.givenOn && given.createdAt >= latest.of.createdAt)
    ) {
      latest = { ...positive, of: given };
    }
  }
  return latest;
}

/**
 * The soft stop at signing: a PHQ-9 given in this note with item 9 above 0, and the
 * note's Risk section empty. A template without a Risk section has nowhere to go to, so
 * it signs as before (the item-9 prompt in the note already says so).
 */
export function riskAtSigning(note: {
  id: string;
  template: TemplateDef;
  values: Record<string, unknown>;
  measures: readonly GivenMeasure[];
}): RiskAtSigning {
  const section = riskSectionOf(note.template);
  if (!section) return { softStop: false };
  const item9 = latestPositiveItem9(note.measures.filter((given) => given.noteId === note.id));
  if (!item9 || !sectionIsEmpty(section, note.values)) return { softStop: false };
  return { softStop: true, item9: { score: item9.score, givenOn: item9.givenOn }, riskTitle: section.title };
}

/**
 * A short line for what a filled Risk section records: its choices ("Suicidal ideation:
 * Passive · Plan: None"), else the start of its first text. Nothing of the wording is
 * judged or added.
 */
export function riskSummaryLine(section: SectionDef, values: Record<string, unknown>, maxLength = 160): string {
  const parts: string[] = [];
  let firstText = '';
  for (const field of section.fields) {
    const value = values[field.id];
    if (field.kind === 'singleChoice' && typeof value === 'string') {
      const label = field.options.find((option) => option.id === value)?.label;
      if (label && !isNotAssessed(label) && !isNotAssessed(value)) parts.push(`${field.label}: ${label}`);
    } else if (field.kind === 'richText' && !firstText) {
      firstText = richTextToPlain(value).replace(/\s+/g, ' ').trim();
    } else if (field.kind === 'shortText' && !firstText && typeof value === 'string') {
      firstText = value.replace(/\s+/g, ' ').trim();
    }
  }
  const line = parts.length > 0 ? parts.join(' · ') : firstText;
  return line.length > maxLength ? `${line.slice(0, maxLength - 1).trimEnd()}…` : line;
}
