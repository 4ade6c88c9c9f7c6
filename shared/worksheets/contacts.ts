import { crisisLinesOf, type Settings } from '../settings';
import type { ContactSource, WorksheetBlock } from './types';

/**
 * What a block of labelled fields prints, from the therapist's safety-plan contacts in
 * Settings (issue 12). Each contact prints only under the field marked with its own
 * source: a field whose contact is not set prints as a blank line to write on, never
 * with another contact in it. Every crisis line prints, each on its own row under the
 * crisis-line label, so none is dropped however many there are.
 */

export type SafetyPlanContacts = Pick<
  Settings,
  | 'therapistName'
  | 'therapistPhone'
  | 'afterHoursLine'
  | 'crisisLineEntries'
  | 'crisisLines'
  | 'emergencyNumber'
  | 'emergencyDepartment'
>;

export type PrintedField = { label: string; value: string };

type Field = Extract<WorksheetBlock, { kind: 'fields' }>['fields'][number];

/**
 * Copies of the version 1 safety plan (custom worksheets) marked three rows
 * 'crisisLines' and filled them in order; by their labels they meant these sources.
 */
const VERSION_1_ROWS: Readonly<Record<string, ContactSource>> = {
  'After-hours or on-call line': 'afterHoursLine',
  'Emergency number': 'emergencyNumber',
};

/** The contact a field is printed with, if any. */
export function contactSourceOf(field: Field): ContactSource | undefined {
  if (field.prefilledFrom === 'crisisLines') return VERSION_1_ROWS[field.label.trim()] ?? 'crisisLines';
  return field.prefilledFrom;
}

/** "Dr Ana Ruiz · 020 7946 0000", or whichever of the two is set. */
function therapistLine(contacts: SafetyPlanContacts): string {
  return [contacts.therapistName.trim(), contacts.therapistPhone.trim()].filter((part) => part !== '').join(' · ');
}

/** The rows a fields block prints, in order; without contacts every row is blank. */
export function printedFields(fields: readonly Field[], contacts?: SafetyPlanContacts): PrintedField[] {
  const rows: PrintedField[] = [];
  let crisisLinesPrinted = false;
  for (const field of fields) {
    const blank = { label: field.label, value: '' };
    const source = contacts ? contactSourceOf(field) : undefined;
    if (!contacts || source === undefined) {
      rows.push(blank);
      continue;
    }
    switch (source) {
      case 'therapist':
        rows.push({ label: field.label, value: therapistLine(contacts) });
        break;
      case 'afterHoursLine':
        rows.push({ label: field.label, value: contacts.afterHoursLine.trim() });
        break;
      case 'emergencyNumber':
        rows.push({ label: field.label, value: contacts.emergencyNumber.trim() });
        break;
      case 'emergencyDepartment':
        rows.push({ label: field.label, value: contacts.emergencyDepartment.trim() });
        break;
      case 'crisisLines': {
        // Printed once: a second crisis-line row (a custom worksheet) is left to write on.
        const lines = crisisLinesPrinted ? [] : crisisLinesOf(contacts);
        crisisLinesPrinted = true;
        if (lines.length === 0) rows.push(blank);
        for (const line of lines) {
          const label = line.label.trim();
          rows.push({ label: field.label, value: label ? `${label}: ${line.number.trim()}` : line.number.trim() });
        }
        break;
      }
    }
  }
  return rows;
}

/** What the worksheet editor says under a field printed from Settings; null for a plain field. */
export function contactHint(field: Field): string | null {
  switch (contactSourceOf(field)) {
    case undefined:
      return null;
    case 'therapist':
      return 'Printed with your name and phone number from Settings.';
    case 'afterHoursLine':
      return 'Printed with the after-hours or on-call line from Settings.';
    case 'crisisLines':
      return 'Printed with every crisis line from Settings, one per row.';
    case 'emergencyNumber':
      return 'Printed with the emergency number from Settings.';
    case 'emergencyDepartment':
      return 'Printed with the nearest emergency department from Settings.';
  }
}
