/**
 * Pure backup policy: folder names, rotation and due-ness. No file system here, so
 * every rule is tested with a table of cases (tests/unit/backupRotation.test.ts).
 */

const DAY_MS = 86_400_000;

export const BACKUP_PREFIX = 'sessionkeep-backup-';
export const PARTIAL_PREFIX = '.partial-';
export const BROKEN_PREFIX = '.broken-';

/** `2026-11-25T15:02:09.123Z` → `2026-11-25T15-02-09Z`: no colons, so valid on Windows and in sync tools. */
export function backupStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

export function backupFolderName(at: Date, suffix = 0): string {
  return `${BACKUP_PREFIX}${backupStamp(at)}${suffix > 0 ? `-${suffix}` : ''}`;
}

const NAME =
  /^(\.partial-|\.broken-)?sessionkeep-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z(?:-\d+)?(?:\.[0-9a-f]+)?$/;

/** What a folder name says about itself; null for anything that is not ours. */
export function parseBackupFolderName(
  name: string,
): { kind: 'complete' | 'partial' | 'broken'; createdAt: Date } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const createdAt = new Date(`${match[2]}T${match[3]}:${match[4]}:${match[5]}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  const kind = match[1] === PARTIAL_PREFIX ? 'partial' : match[1] === BROKEN_PREFIX ? 'broken' : 'complete';
  return { kind, createdAt };
}

export type RotationPolicy = {
  daily: number;
  weekly: number;
  monthly: number;
  /**
   * The therapist's offset from UTC in minutes (`-new Date().getTimezoneOffset()`), so
   * "today" and "this week" are the therapist's, not Greenwich's.
   */
  utcOffsetMinutes: number;
};

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, utcOffsetMinutes: 0 };

export type RotationCandidate = { id: string; createdAt: Date; ok: boolean };

/**
 * Which backups rotation removes. Kept: the newest good backup of each of the last
 * `daily` days, of each of the last `weekly` ISO weeks (Monday first) and of each of
 * the last `monthly` calendar months, counting the current one; the newest good backup
 * whatever its age; every backup made today (good or not: today's failure is still
 * being looked at); anything dated in the future (a wrong clock is no reason to
 * delete). Everything else goes, broken backups included.
 */
export function backupsToDelete(
  backups: readonly RotationCandidate[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const offsetMs = policy.utcOffsetMinutes * 60_000;
  const dayOf = (at: Date) => Math.floor((at.getTime() + offsetMs) / DAY_MS);
  // 1970-01-01 was a Thursday: shifting by 3 days makes Monday the first day of a week.
  const weekOf = (at: Date) => Math.floor((dayOf(at) + 3) / 7);
  const monthOf = (at: Date) => {
    const local = new Date(at.getTime() + offsetMs);
    return local.getUTCFullYear() * 12 + local.getUTCMonth();
  };

  const keep = new Set<string>();
  const good = backups.filter((backup) => backup.ok).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (good[0]) keep.add(good[0].id);

  const keepNewestPerBucket = (bucketOf: (at: Date) => number, count: number) => {
    const current = bucketOf(now);
    const seen = new Set<number>();
    for (const backup of good) {
      const bucket = bucketOf(backup.createdAt);
      if (bucket > current - count && bucket <= current && !seen.has(bucket)) {
        seen.add(bucket);
        keep.add(backup.id);
      }
    }
  };
  keepNewestPerBucket(dayOf, policy.daily);
  keepNewestPerBucket(weekOf, policy.weekly);
  keepNewestPerBucket(monthOf, policy.monthly);

  const today = dayOf(now);
  for (const backup of backups) {
    if (dayOf(backup.createdAt) >= today) keep.add(backup.id);
  }
  return backups.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id);
}

/** A backup is due once the last good one is a day old (or there is none). */
export function backupDue(lastSuccessAt: Date | null, now: Date): boolean {
  return lastSuccessAt === null || now.getTime() - lastSuccessAt.getTime() >= DAY_MS;
}

/** More than a week without a good backup: the therapist is warned. No backup ever counts as overdue. */
export function backupOverdue(lastSuccessAt: Date | null, now: Date): boolean {
  return lastSuccessAt === null || now.getTime() - lastSuccessAt.getTime() > 7 * DAY_MS;
}
