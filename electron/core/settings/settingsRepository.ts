import { defaultSettings, type Settings, settingsSchema } from '../../../shared/settings';
import type { VaultDb } from '../db/database';

/** Settings live inside the encrypted vault, one JSON value per key. */
export function readSettings(db: VaultDb): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  // Unknown or invalid stored values fall back to defaults rather than blocking unlock.
  const parsed = settingsSchema.safeParse({ ...defaultSettings, ...stored });
  return parsed.success ? parsed.data : defaultSettings;
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
