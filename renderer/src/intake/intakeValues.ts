import { knowledgeBase } from '../../../shared/cautions';
import type { IntakeEntry, IntakeFields } from '../../../shared/intake/entry';

/**
 * The intake form's values as plain functions (no DOM, no React), checked by a table of
 * cases in tests/unit/intakeValues.test.ts: an entry's fields as the strings the inputs
 * show, those strings back as fields for the schema, the first error per field, and the
 * names the name field suggests.
 */

export type Kind = IntakeFields['kind'];
/** Every input's text, by field name. */
export type Values = Record<string, string>;
/** One message per field: the first the schema gave. */
export type Errors = Record<string, string>;

const substanceKeys = [
  'name',
  'product',
  'amount',
  'unit',
  'route',
  'frequency',
  'startedOn',
  'lastUseOn',
  'obtainedFrom',
  'clientSaysFor',
  'prescriberKnows',
  'stoppedOn',
] as const;
const medicationKeys = ['name', 'dose', 'prescriber', 'source', 'startedOn', 'stoppedOn'] as const;

/** The inputs' text for a kind: the entry's fields, or the defaults of a new one. */
export function valuesOf(kind: Kind, entry: Pick<IntakeEntry, 'fields'> | null): Values {
  const keys = kind === 'substance' ? substanceKeys : medicationKeys;
  const fields = (entry?.fields ?? {}) as Record<string, unknown>;
  const values: Values = {};
  for (const key of keys) {
    const value = fields[key];
    values[key] = typeof value === 'string' ? value : '';
  }
  if (kind === 'substance' && values.prescriberKnows === '') values.prescriberKnows = 'unknown';
  if (kind === 'medication' && values.source === '') values.source = 'prescribed';
  return values;
}

/** The inputs' text as fields for the schema; "Where obtained" left unset is null, not ''. */
export function fieldsOf(kind: Kind, values: Values): unknown {
  if (kind === 'medication') return { kind, ...values };
  return { kind, ...values, obtainedFrom: values.obtainedFrom === '' ? null : values.obtainedFrom };
}

/** The first message for each field the schema refused; issues about no one field are left out. */
export function firstErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Errors {
  const found: Errors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !found[field]) found[field] = issue.message;
  }
  return found;
}

/** Names and aliases for the name field's suggestions; a substance may also be someone else's medicine. */
export function suggestions(kind: Kind): { value: string; label: string }[] {
  const entries =
    kind === 'medication' ? knowledgeBase.medications : [...knowledgeBase.substances, ...knowledgeBase.medications];
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.aliases]) {
      const folded = name.toLocaleLowerCase();
      if (seen.has(folded)) continue;
      seen.add(folded);
      out.push({ value: name, label: name === entry.name ? '' : entry.name });
    }
  }
  return out;
}
