import { defaultSettings, type Settings, settingsSchema } from '../../../shared/settings';
import type { VaultDb } from '../db/database';

/** A stored setting the app cannot use: its key (cut short) and what is wrong, for Data health. */
export type DamagedSetting = { rowid: number; key: string; problem: string };

/**
 * Longest stored value read: every setting is a short JSON string, number or list (the
 * longest, the crisis lines, stays under about 2,000 characters), so anything far longer is damage, and
 * it is judged by its length in SQL without being read.
 */
const SETTING_VALUE_MAX = 10_000;
const SETTING_KEY_SHOWN = 60;

/**
 * Settings live inside the encrypted vault, one JSON value per key. Reading them never
 * throws: unlocking depends on it, and a vault must never be locked out of its records
 * by one bad row (an old import, damage). Each key is checked on its own; a value that
 * is not JSON or fails its field's rules falls back to that key's default and is
 * reported as damaged, while every other key keeps its stored value.
 */
export function readSettingsChecked(db: VaultDb): { settings: Settings; damaged: DamagedSetting[] } {
  const settings: Record<string, unknown> = { ...defaultSettings };
  const damaged: DamagedSetting[] = [];
  let rows: { rowid: number; key: string; size: number; value: string | null }[];
  try {
    rows = db
      .prepare(
        `SELECT rowid, substr(key, 1, ${SETTING_KEY_SHOWN}) AS key, length(value) AS size,
                CASE WHEN length(value) <= ${SETTING_VALUE_MAX} THEN value END AS value
         FROM settings ORDER BY rowid`,
      )
      .all() as typeof rows;
  } catch (error) {
    console.error(`readSettings: the settings could not be read (${(error as Error)?.name ?? 'unknown'})`);
    return { settings: defaultSettings, damaged: [] };
  }
  const fields = settingsSchema.shape as Record<string, (typeof settingsSchema.shape)[keyof Settings]>;
  for (const row of rows) {
    const problem = (text: string) => damaged.push({ rowid: row.rowid, key: row.key, problem: text });
    if (!Object.hasOwn(fields, row.key)) {
      problem(`"${row.key}" is not a setting this version of Sessionkeep knows.`);
      continue;
    }
    if (row.value === null) {
      problem(`The value of ${row.key} is far too long (${row.size.toLocaleString('en')} characters).`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      problem(`The value of ${row.key} is not valid JSON.`);
      continue;
    }
    const parsed = fields[row.key]?.safeParse(value);
    if (!parsed?.success) {
      problem(
        `The value of ${row.key} is not allowed: ${parsed?.error.issues[0]?.message ?? 'it has the wrong type.'}`,
      );
      continue;
    }
    settings[row.key] = parsed.data;
  }
  return { settings: settings as Settings, damaged };
}

/** The settings in use: a damaged value counts as its default (see readSettingsChecked). */
export function readSettings(db: VaultDb): Settings {
  return readSettingsChecked(db).settings;
}

export function writeSettings(db: VaultDb, settings: Partial<Settings>): Settings {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(settings)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
  })();
  return readSettings(db);
}

export function readMeta(db: VaultDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM vault_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeMeta(db: VaultDb, key: string, value: string): void {
  db.prepare(
    'INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
