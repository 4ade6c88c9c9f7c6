import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256OfFile } from './durableFiles';

/**
 * manifest.json beside the copy: enough to tell a complete, unaltered backup from a
 * damaged one without the key. Deliberately nothing clinical and no counts: the folder
 * may sit on a synced drive, and even "312 notes" says something about a practice.
 */
export const BACKUP_DB = 'vault.db';
export const BACKUP_KEY = 'vault.key';
/** The recovery key's own wrap of the data key (issue 11); backups made before it have none. */
export const BACKUP_RECOVERY = 'vault.recovery';
export const MANIFEST = 'manifest.json';

const fileEntry = z.strictObject({ size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

const manifestSchema = z.strictObject({
  format: z.literal('sessionkeep-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  /** The vault's `user_version` when copied: a newer app refuses it the same way as a vault. */
  schemaVersion: z.number().int().nonnegative(),
  files: z.strictObject({ [BACKUP_DB]: fileEntry, [BACKUP_KEY]: fileEntry, [BACKUP_RECOVERY]: fileEntry.optional() }),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export async function describeFiles(folder: string): Promise<BackupManifest['files']> {
  const entry = async (name: string) => ({
    size: (await stat(join(folder, name))).size,
    sha256: await sha256OfFile(join(folder, name)),
  });
  const files: BackupManifest['files'] = { [BACKUP_DB]: await entry(BACKUP_DB), [BACKUP_KEY]: await entry(BACKUP_KEY) };
  if (existsSync(join(folder, BACKUP_RECOVERY))) files[BACKUP_RECOVERY] = await entry(BACKUP_RECOVERY);
  return files;
}

/** The files a manifest lists, by name. */
export function listedFiles(
  manifest: BackupManifest,
): (typeof BACKUP_DB | typeof BACKUP_KEY | typeof BACKUP_RECOVERY)[] {
  return manifest.files[BACKUP_RECOVERY] ? [BACKUP_DB, BACKUP_KEY, BACKUP_RECOVERY] : [BACKUP_DB, BACKUP_KEY];
}

export function manifestText(manifest: BackupManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest, or null when it is missing or not one of ours. */
export async function readManifest(folder: string): Promise<BackupManifest | null> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Null when every file has the size and hash the manifest recorded; otherwise why not. */
export async function fileProblem(
  folder: string,
  manifest: BackupManifest,
): Promise<'missing-files' | 'hash-mismatch' | null> {
  for (const name of listedFiles(manifest)) {
    const recorded = manifest.files[name];
    const path = join(folder, name);
    if (!recorded || !existsSync(path)) return 'missing-files';
    if ((await stat(path)).size !== recorded.size || (await sha256OfFile(path)) !== recorded.sha256) {
      return 'hash-mismatch';
    }
  }
  return null;
}
