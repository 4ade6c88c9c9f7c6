import type { Grade } from '../../../shared/cautions';
import { resolveName } from '../../../shared/cautions';
import { type CautionAction, cautionActionLabel } from '../../../shared/intake/cautionAction';
import {
  type IntakeChange,
  type IntakeEntry,
  type IntakeFields,
  type MedicationFields,
  medicationSourceOptions,
  obtainedFromOptions,
  type SubstanceFields,
} from '../../../shared/intake/entry';
import { formatDay, formatMoment } from '../homework/dates';

/** How intake entries, their changes and caution actions read on screen and on paper. */

export const kindLabels: Record<IntakeFields['kind'], string> = {
  substance: 'Substance or supplement',
  medication: 'Medication',
};

type AnyField = keyof SubstanceFields | keyof MedicationFields;

export const fieldLabels: Record<Exclude<AnyField, 'kind'>, string> = {
  name: 'Name',
  product: 'Product or brand',
  amount: 'Amount',
  unit: 'Unit',
  route: 'Route',
  frequency: 'How often',
  startedOn: 'Started',
  lastUseOn: 'Last use',
  obtainedFrom: 'Where obtained',
  clientSaysFor: 'What the client says it is for',
  prescriberKnows: 'Prescriber knows',
  dose: 'Dose',
  prescriber: 'Prescriber',
  source: 'Prescribed to the client?',
  stoppedOn: 'Stopped',
};

export const prescriberKnowsLabels = { yes: 'Yes', no: 'No', unknown: 'Not known' } as const;

const DATE_FIELDS = new Set<string>(['startedOn', 'lastUseOn', 'stoppedOn']);

/** One field's value in words; '' when empty. */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDay(value);
  if (field === 'obtainedFrom')
    return obtainedFromOptions.find((option) => option.id === value)?.label ?? String(value);
  if (field === 'source') return medicationSourceOptions.find((option) => option.id === value)?.label ?? String(value);
  if (field === 'prescriberKnows') return prescriberKnowsLabels[value as keyof typeof prescriberKnowsLabels] ?? '';
  return String(value);
}

/**
 * What a name was recognised as in the knowledge base, for the line under the name field
 * and next to an entry: "Recognised: Kratom", "sertraline → SSRI antidepressant".
 * Null when nothing is typed.
 */
export function recognition(name: string): { known: boolean; text: string } | null {
  if (name.trim() === '') return null;
  const found = resolveName(name);
  if (found === null) return { known: false, text: 'Not in the built-in list: no built-in information' };
  const classes = found.classes.map((each) => each.name).join(', ');
  return { known: true, text: classes ? `Recognised: ${found.name} → ${classes}` : `Recognised: ${found.name}` };
}

/** Short form next to an entry's name: "sertraline · SSRI antidepressant", or null if it adds nothing. */
export function recognisedAs(name: string): string | null {
  const found = resolveName(name);
  if (found === null) return null;
  const parts = [found.name.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase() ? '' : found.name];
  if (found.classes[0]) parts.push(found.classes.map((each) => each.name).join(', '));
  const text = parts.filter(Boolean).join(' · ');
  return text === '' ? null : text;
}

/** The details of an entry as short phrases: "1 tsp", "daily", "for: mood", "prescriber knows: no". */
export function detailPhrases(fields: IntakeFields): string[] {
  if (fields.kind === 'medication') {
    return [
      fields.dose,
      fields.source !== 'prescribed' && valueText('source', fields.source).toLocaleLowerCase(),
      fields.prescriber && `prescribed by ${fields.prescriber}`,
      fields.startedOn && `since ${formatDay(fields.startedOn)}`,
    ].filter((phrase): phrase is string => typeof phrase === 'string' && phrase !== '');
  }
  const amount = [fields.amount, fields.unit].filter(Boolean).join(' ');
  return [
    fields.product,
    amount,
    fields.route,
    fields.frequency,
    fields.clientSaysFor && `for: “${fields.clientSaysFor}”`,
    fields.obtainedFrom && `from: ${valueText('obtainedFrom', fields.obtainedFrom).toLocaleLowerCase()}`,
    `prescriber knows: ${prescriberKnowsLabels[fields.prescriberKnows].toLocaleLowerCase()}`,
    fields.startedOn && `since ${formatDay(fields.startedOn)}`,
    fields.lastUseOn && `last use ${formatDay(fields.lastUseOn)}`,
  ].filter((phrase): phrase is string => typeof phrase === 'string' && phrase !== '');
}

/** The fields that differ between two snapshots, in words: "Dose: 50 mg → 100 mg". */
export function differences(before: IntakeFields, after: IntakeFields): string[] {
  const out: string[] = [];
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (key === 'kind') continue;
    const was = (before as Record<string, unknown>)[key];
    const now = (after as Record<string, unknown>)[key];
    if (was === now) continue;
    const label = fieldLabels[key as keyof typeof fieldLabels] ?? key;
    const from = valueText(key, was) || 'blank';
    const to = valueText(key, now) || 'blank';
    out.push(`${label}: ${from} → ${to}`);
  }
  return out;
}

/**
 * One dated change in words: the verb and what it did, e.g. "Added" + "1 tsp, daily…",
 * "Stopped" + "on 12 Mar 2026", "Changed" + "Dose: 50 mg → 100 mg".
 */
export function changeParts(entry: IntakeEntry, index: number): { verb: string; text: string } {
  const change = entry.history[index] as IntakeChange;
  const before = index > 0 ? entry.history[index - 1] : undefined;
  if (change.change === 'added' || before === undefined) {
    return { verb: changeVerbs.added, text: detailPhrases(change.fields).join(', ') };
  }
  const diff = differences(before.fields, change.fields);
  if (change.change === 'stopped') {
    const rest = diff.filter((line) => !line.startsWith(`${fieldLabels.stoppedOn}:`));
    const stopped = `on ${formatDay(change.fields.stoppedOn)}`;
    return { verb: changeVerbs.stopped, text: rest.length > 0 ? `${stopped}; ${rest.join('; ')}` : stopped };
  }
  return { verb: changeVerbs.changed, text: diff.length > 0 ? diff.join('; ') : 'saved without changes' };
}

/** The same as one line: "Stopped on 12 Mar 2026", "Changed: Dose: 50 mg → 100 mg". */
export function changeText(entry: IntakeEntry, index: number): string {
  const { verb, text } = changeParts(entry, index);
  if (text === '') return verb;
  return verb === changeVerbs.stopped ? `${verb} ${text}` : `${verb}: ${text}`;
}

export const changeVerbs: Record<IntakeChange['change'], string> = {
  added: 'Added',
  changed: 'Changed',
  stopped: 'Stopped',
};

/** What an action recorded, in words: "Not relevant — “only took it once”". */
export function actionText(action: Pick<CautionAction, 'action' | 'reason'>): string {
  const label = cautionActionLabel(action.action);
  return action.reason ? `${label} — “${action.reason}”` : label;
}

/** Where and when an action was recorded: "25 Nov 2026, 14:05, in the note: CBT session · Session 2". */
export function actionWhere(
  action: Pick<CautionAction, 'at' | 'noteId'>,
  noteLabel: (noteId: string) => string,
  thisNoteId?: string,
): string {
  const when = formatMoment(action.at);
  if (action.noteId === null) return `${when}, on the client’s record`;
  if (action.noteId === thisNoteId) return `${when}, in this note`;
  return `${when}, in the note: ${noteLabel(action.noteId)}`;
}

export const severityWords = { serious: 'Serious', caution: 'Caution', info: 'Information' } as const;

export const gradeWords: Record<Grade, string> = {
  A: 'agency or regulator',
  P: 'peer-reviewed',
  S: 'secondary',
  U: 'unconfirmed',
};
