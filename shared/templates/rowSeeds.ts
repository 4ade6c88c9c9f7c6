import type { FieldDef, GroupField, GroupRow, ScalarValue, TemplateDef } from './types';
import { emptyRow, isEmptyRow } from './values';

/**
 * One list whose rows start another's: the CBT note's agenda items become its "Agenda
 * items worked on" rows, so a topic is typed once (issue 12 item 8). Pure: the note
 * editor asks when the therapist moves into the worked-on list.
 */
export type RowSeed = { from: GroupField; fromField: string; to: GroupField; toField: string };

/** Which list seeds which, by field ids: any template (a copied CBT note too) that has both. */
const SEEDS = [{ from: 'agenda', fromField: 'item', to: 'agendaWork', toField: 'problem' }] as const;

function topLevelGroup(template: TemplateDef, id: string): GroupField | null {
  for (const section of template.sections) {
    const field = section.fields.find((candidate: FieldDef) => candidate.id === id);
    if (field?.kind === 'group') return field;
  }
  return null;
}

const hasShortText = (group: GroupField, id: string) =>
  group.fields.some((sub) => sub.id === id && sub.kind === 'shortText');

/** The seed that fills the list `toGroupId`, or null when the template has none. */
export function rowSeedInto(template: TemplateDef, toGroupId: string): RowSeed | null {
  for (const seed of SEEDS) {
    if (seed.to !== toGroupId) continue;
    const from = topLevelGroup(template, seed.from);
    const to = topLevelGroup(template, seed.to);
    if (from && to && hasShortText(from, seed.fromField) && hasShortText(to, seed.toField)) {
      return { from, fromField: seed.fromField, to, toField: seed.toField };
    }
  }
  return null;
}

/** "Sleep", " sleep " and "SLEEP" are one topic. */
const topicKey = (value: ScalarValue | undefined): string =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLocaleLowerCase() : '';

/**
 * The target rows with one row for each source topic not already among them, or null
 * when none is missing. Blank target rows (nothing typed anywhere) are filled first, in
 * order, then rows are added at the end. Typed text is never overwritten, a topic already
 * there (any case or spacing) is not added again, and a topic listed twice gives one row.
 * `handled`: rows offered before or removed by the therapist; their topics are not offered again.
 */
export function seededRows(
  seed: RowSeed,
  sourceRows: unknown,
  targetRows: readonly GroupRow[],
  handled: readonly GroupRow[] = [],
): GroupRow[] | null {
  if (!Array.isArray(sourceRows)) return null;
  const present = new Set([...targetRows, ...handled].map((row) => topicKey(row[seed.toField])));
  const missing: string[] = [];
  for (const row of sourceRows) {
    if (typeof row !== 'object' || row === null) continue;
    const value = (row as GroupRow)[seed.fromField];
    const key = topicKey(value);
    if (key === '' || present.has(key) || typeof value !== 'string') continue;
    present.add(key);
    missing.push(value.trim());
  }
  if (missing.length === 0) return null;
  const rows = targetRows.map((row) => {
    if (missing.length === 0 || !isEmptyRow(seed.to, row)) return row;
    return { ...row, [seed.toField]: missing.shift() ?? '' };
  });
  for (const topic of missing) rows.push({ ...emptyRow(seed.to), [seed.toField]: topic });
  return rows;
}
