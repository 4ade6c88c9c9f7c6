import { type Settings, settingsSchema } from '../../../shared/settings';
import { CoreError } from '../coreError';
import type { VaultDb } from '../db/database';
import { readSettings, writeSettings } from '../settings/settingsRepository';
import { refused } from './readArchive';
import type { Row } from './tables';

/**
 * Settings are never imported silently (issue 11): the dry run lists each one the archive
 * would change, and only those the therapist ticks are taken. Protection settings are
 * never taken from a file: a file must not be able to loosen how this computer guards
 * the records (a longer auto-lock, backups sent to another folder).
 */

type SettingKey = keyof Settings;

const LABELS: Record<SettingKey, string> = {
  therapistName: 'Your name',
  practiceName: 'Practice name',
  crisisLines: 'Crisis lines (as kept by an earlier version)',
  therapistPhone: 'Your phone number',
  afterHoursLine: 'After-hours or on-call line',
  crisisLineEntries: 'Crisis lines',
  emergencyNumber: 'Emergency number',
  emergencyDepartment: 'Nearest emergency department',
  draftReminderDays: 'Flag unsigned drafts after',
  paperSize: 'Paper size for client sheets',
  autoLockMinutes: 'Auto-lock',
  backupFolder: 'Backup folder',
};

/** Why each protection setting stays as it is on this computer. */
export const PROTECTION_SETTINGS: Partial<Record<SettingKey, string>> = {
  autoLockMinutes: 'How soon the vault locks protects the records on this computer, so it is never taken from a file.',
  backupFolder: 'Where backups go is chosen on this computer, so it is never taken from a file.',
};

export type SettingChange = {
  key: SettingKey;
  label: string;
  /** Shown as a person reads them ("10 minutes", "(empty)"). */
  current: string;
  incoming: string;
  /** Why it is not taken, for protection settings; null when the therapist may take it. */
  notTaken: string | null;
  /** Whether an import took it (always false in a dry run). */
  taken: boolean;
};

function readable(key: SettingKey, value: Settings[SettingKey]): string {
  if (value === '') return '(empty)';
  if (key === 'autoLockMinutes') return `${value} minute${value === 1 ? '' : 's'}`;
  if (key === 'draftReminderDays') return `${value} day${value === 1 ? '' : 's'}`;
  if (key === 'paperSize') return value === 'a4' ? 'A4' : value === 'letter' ? 'US Letter' : 'The system’s usual size';
  if (Array.isArray(value)) {
    // The crisis lines, one after another as they would print ("Samaritans: 116 123; 999").
    return value.length
      ? value.map((line) => (line.label ? `${line.label}: ${line.number}` : line.number)).join('; ')
      : '(empty)';
  }
  return String(value);
}

/** Values compared as stored (JSON), so two lists with the same lines are the same. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The archive's settings, each checked like `settings:update` would: IMPORT_REFUSED otherwise. */
function archiveSettings(rows: readonly Row[]): Partial<Settings> {
  const incoming: Record<string, unknown> = {};
  rows.forEach((row, index) => {
    const key = row.key;
    const where = `settings.json row ${index + 1} (key ${String(key).slice(0, 64)})`;
    if (typeof key !== 'string' || !Object.hasOwn(settingsSchema.shape, key)) {
      throw refused(`${where}: Sessionkeep has no setting of that name`);
    }
    let value: unknown;
    try {
      value = JSON.parse(String(row.value));
    } catch {
      throw refused(`${where}: its value is not valid JSON`);
    }
    const parsed = settingsSchema.shape[key as SettingKey].safeParse(value);
    if (!parsed.success) throw refused(`${where}: ${parsed.error.issues[0]?.message ?? 'its value is not valid'}`);
    incoming[key] = parsed.data;
  });
  return incoming as Partial<Settings>;
}

/** Each setting the archive would change, with both values. */
export function planSettings(db: VaultDb, rows: readonly Row[]): SettingChange[] {
  const incoming = archiveSettings(rows);
  const current = readSettings(db);
  return (
    (Object.keys(incoming) as SettingKey[])
      .filter((key) => !same(incoming[key], current[key]))
      .map((key) => ({
        key,
        label: LABELS[key],
        current: readable(key, current[key]),
        incoming: readable(key, incoming[key] as Settings[SettingKey]),
        notTaken: PROTECTION_SETTINGS[key] ?? null,
        taken: false,
      }))
      // The ones the therapist may take first; those never taken after them.
      .sort((a, b) => Number(a.notTaken !== null) - Number(b.notTaken !== null))
  );
}

/**
 * Writes the ticked settings (inside the import's transaction). A protection setting, or
 * one the archive would not change, cannot be ticked: INVALID_REQUEST names it.
 */
export function takeSettings(
  db: VaultDb,
  rows: readonly Row[],
  changes: SettingChange[],
  keys: readonly string[],
): SettingChange[] {
  const incoming = archiveSettings(rows);
  const chosen: Partial<Settings> = {};
  for (const key of new Set(keys)) {
    const change = changes.find((each) => each.key === key);
    if (!change) {
      throw new CoreError('INVALID_REQUEST', `The file does not change the setting "${key}". Check the file again.`, {
        field: 'settings',
      });
    }
    if (change.notTaken) {
      throw new CoreError('INVALID_REQUEST', `${change.label}: ${change.notTaken}`, { field: 'settings' });
    }
    Object.assign(chosen, { [change.key]: incoming[change.key] });
  }
  if (Object.keys(chosen).length) writeSettings(db, chosen);
  return changes.map((change) => ({ ...change, taken: Object.hasOwn(chosen, change.key) }));
}
