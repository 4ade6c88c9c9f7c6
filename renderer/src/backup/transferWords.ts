/**
 * The words and small decisions of Settings → Export and import, as plain functions (no
 * DOM, no React), checked by a table of cases in tests/unit/transferWords.test.ts.
 */

/** "note_revisions" → "Note revisions". */
export function tableWords(table: string): string {
  const words = table.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a finished export says: how much, the file's name, and whether it is sealed. */
export function exportedWords(records: number, fileName: string, encrypted: boolean): string {
  return encrypted
    ? `Exported ${records} records to ${fileName}, sealed with your passphrase.`
    : `Exported ${records} records to ${fileName}. It is not encrypted: keep it somewhere safe.`;
}

/** How many records an export wrote, over every table. */
export function recordCount(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** "12 records and 2 settings", "1 setting", or '' when the import would take nothing. */
export function importLabel(recordsToAdd: number, settingsToTake: number): string {
  return [
    recordsToAdd > 0 ? `${recordsToAdd} records` : null,
    settingsToTake > 0 ? `${settingsToTake} setting${settingsToTake === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(' and ');
}

/**
 * The records in conflict by name, in the order first met, with how often each name
 * comes (several saved versions of one note share one name): said once, with its count.
 */
export function conflictNames(conflicts: readonly { record: string }[]): [name: string, count: number][] {
  const counts = new Map<string, number>();
  for (const conflict of conflicts) counts.set(conflict.record, (counts.get(conflict.record) ?? 0) + 1);
  return [...counts];
}
