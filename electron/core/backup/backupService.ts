import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo, BackupStatus } from '../../../shared/backup';
import { recordAudit } from '../audit/auditLog';
import { CoreError } from '../coreError';
import { readMeta, readSettings, writeMeta } from '../settings/settingsRepository';
import { writeFileAtomic } from '../vault/vaultFiles';
import type { VaultSession } from '../vault/vaultSession';
import { backupDue, backupOverdue, DEFAULT_ROTATION } from './backupPolicy';
import { type BackupEntry, listBackups, pruneBackups } from './listBackups';
import { type BackupStage, makeBackup } from './makeBackup';

/**
 * The backup feature as the app uses it: "Back up now", the schedule (at unlock, daily
 * while open, at quit when the last one is over a day old), the status shown in Settings
 * and on the home screen, and where the backups are when the vault cannot be opened.
 */

const LAST_BACKUP = 'last_backup';
/**
 * The backup folder, also kept outside the vault (a path, nothing clinical), so a
 * damaged or forgotten vault can still find its backups from the unlock screen.
 */
export const BACKUP_LOCATION_FILE = 'backup-location.json';

const lastBackupSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  message: z.string(),
  lastSuccessAt: z.string().nullable(),
});
type LastBackup = z.infer<typeof lastBackupSchema>;

function readLast(session: VaultSession): LastBackup | null {
  const raw = readMeta(session.db(), LAST_BACKUP);
  if (!raw) return null;
  const parsed = lastBackupSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export function backupStatus(session: VaultSession, now: Date): BackupStatus {
  const folder = readSettings(session.db()).backupFolder;
  const last = readLast(session);
  const lastSuccess = last?.lastSuccessAt ? new Date(last.lastSuccessAt) : null;
  return {
    folder,
    lastAttempt: last ? { at: last.at, ok: last.ok, message: last.message } : null,
    lastSuccessAt: last?.lastSuccessAt ?? null,
    due: folder !== '' && backupDue(lastSuccess, now),
    overdue: backupOverdue(lastSuccess, now),
  };
}

/** Remembers the backup folder next to the vault, for the unlock screen's restore. */
export function rememberBackupFolder(vaultFolder: string, backupFolder: string): void {
  writeFileAtomic(join(vaultFolder, BACKUP_LOCATION_FILE), `${JSON.stringify({ backupFolder })}\n`);
}

export function rememberedBackupFolder(vaultFolder: string): string {
  try {
    const parsed = z
      .object({ backupFolder: z.string() })
      .safeParse(JSON.parse(readFileSync(join(vaultFolder, BACKUP_LOCATION_FILE), 'utf8')));
    return parsed.success ? parsed.data.backupFolder : '';
  } catch {
    return '';
  }
}

export function infoOf(entry: BackupEntry): BackupInfo {
  return {
    id: entry.id,
    path: entry.path,
    createdAt: entry.createdAt,
    ok: entry.status === 'ok',
    problem: entry.status === 'broken' ? entry.message : null,
    summary: entry.status === 'ok' ? (entry.summary ?? null) : null,
  };
}

type BackUpOptions = {
  now: () => Date;
  /** For the schedule: decided again once queued, so two triggers make one backup. */
  onlyIfDue?: boolean;
  nativeBinding?: string | undefined;
  onProgress?: (fraction: number, stage: BackupStage) => void;
  signal?: AbortSignal | undefined;
};

/**
 * Makes a verified backup, prunes by the rotation, and records the outcome in the vault
 * (status and activity log). A failure is recorded too and then thrown: the therapist
 * sees it, and the status shows it until the next success.
 */
export async function backUpNow(session: VaultSession, options: BackUpOptions): Promise<BackupInfo | null> {
  return session.withUnlocked(async (db, dataKey) => {
    const folder = readSettings(db).backupFolder;
    if (options.onlyIfDue && !backupStatus(session, options.now()).due) return null;
    if (folder === '') throw new CoreError('NO_BACKUP_FOLDER');
    const previous = readLast(session);
    const at = options.now();
    try {
      const made = await makeBackup(
        db,
        dataKey,
        { keyFile: session.paths.keyFile, backupFolder: folder },
        {
          now: options.now,
          onProgress: options.onProgress,
          nativeBinding: options.nativeBinding,
          signal: options.signal,
        },
      );
      // Rotation never removes the newest good backup, so a pruning failure is not a backup failure.
      const offset = -at.getTimezoneOffset();
      await pruneBackups(folder, at, { ...DEFAULT_ROTATION, utcOffsetMinutes: offset }).catch(() => undefined);
      writeMeta(
        db,
        LAST_BACKUP,
        JSON.stringify({
          at: made.createdAt,
          ok: true,
          message: 'Backed up and verified.',
          lastSuccessAt: made.createdAt,
        }),
      );
      recordAudit(db, { action: 'backup.made', entityType: 'backup', entityId: made.id, detail: {} }, at);
      return {
        id: made.id,
        path: made.path,
        createdAt: made.createdAt,
        ok: true,
        problem: null,
        summary: made.summary,
      };
    } catch (error) {
      // A cancelled backup is not a failed one: the status stays as it was.
      if (error instanceof CoreError && error.code === 'CANCELLED') throw error;
      const message = error instanceof CoreError ? error.message : 'The backup could not be made.';
      try {
        writeMeta(
          db,
          LAST_BACKUP,
          JSON.stringify({
            at: at.toISOString(),
            ok: false,
            message,
            lastSuccessAt: previous?.lastSuccessAt ?? null,
          }),
        );
        const code = error instanceof CoreError ? error.code : 'INTERNAL';
        recordAudit(db, { action: 'backup.failed', entityType: 'backup', entityId: null, detail: { code } }, at);
      } catch {
        // A full disk can refuse the status write too; the thrown error still tells the therapist.
      }
      throw error;
    }
  });
}

/** The backups in a folder (the settings' one when none is given), newest first. */
export async function listBackupInfos(
  session: VaultSession,
  folder: string | undefined,
  nativeBinding?: string,
): Promise<BackupInfo[]> {
  const where =
    folder ??
    (session.isUnlocked ? readSettings(session.db()).backupFolder : rememberedBackupFolder(session.paths.folder));
  if (where === '') throw new CoreError('NO_BACKUP_FOLDER');
  const entries = session.isUnlocked
    ? await session.withUnlocked((_db, dataKey) => listBackups(where, { dataKey, nativeBinding }))
    : await listBackups(where, { nativeBinding });
  return entries.map(infoOf);
}
