import { z } from 'zod';

/** Backups as the renderer sees them: status for Settings and the home screen, and the list. */

export const backupSummarySchema = z.strictObject({
  clients: z.number().int(),
  notes: z.number().int(),
  signedNotes: z.number().int(),
  lastEditAt: z.string().nullable(),
});

export const backupInfoSchema = z.strictObject({
  id: z.string(),
  path: z.string(),
  createdAt: z.string(),
  ok: z.boolean(),
  /** Why a broken backup cannot be used, in words. */
  problem: z.string().nullable(),
  /** Read from the encrypted copy when its key is at hand. */
  summary: backupSummarySchema.nullable(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupStatusSchema = z.strictObject({
  folder: z.string(),
  lastAttempt: z.strictObject({ at: z.string(), ok: z.boolean(), message: z.string() }).nullable(),
  lastSuccessAt: z.string().nullable(),
  /** A folder is set and the last good backup is over a day old (or there is none). */
  due: z.boolean(),
  /** No good backup for more than 7 days (or ever): warn. */
  overdue: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;
