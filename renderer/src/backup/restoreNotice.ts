import { z } from 'zod';

/**
 * What a restore did, carried across the window reload that follows it (Settings reloads
 * to start afresh from the restored vault) in sessionStorage: this window only, gone when
 * it closes. Only counts, a date and a folder path: nothing clinical is kept there.
 */
const KEY = 'sessionkeep.restoreNotice';

const noticeSchema = z.strictObject({
  backupCreatedAt: z.string(),
  summary: z.string().nullable(),
  setAsidePath: z.string().nullable(),
});
export type RestoreNotice = z.infer<typeof noticeSchema>;

export function keepRestoreNotice(notice: RestoreNotice): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(notice));
  } catch {
    // Storage refused (private mode, quota): the restore stands; only its confirmation is lost.
  }
}

/** The notice kept by the last restore in this window, if any (a pure read). */
export function readRestoreNotice(): RestoreNotice | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (raw === null) return null;
    const parsed = noticeSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Once shown, it is not shown again at the next visit home. */
export function forgetRestoreNotice(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
