import { z } from 'zod';

/** Auto-lock after inactivity: default 10 minutes, the therapist may choose 1–60. */
export const AUTO_LOCK_DEFAULT_MINUTES = 10;

const name = (label: string) => z.string().trim().max(120, `${label} can be at most 120 characters.`);

export const settingsSchema = z.strictObject({
  /** Printed in a note's signature block and recorded when signing. */
  therapistName: name('Your name'),
  /** Printed at the top of printed notes. */
  practiceName: name('The practice name'),
  /**
   * Crisis lines for the therapist's region, one per line ("Samaritans: 116 123"),
   * printed on safety plans. Never built in: a wrong number for the client's region
   * is worse than none.
   */
  crisisLines: z.string().max(1000, 'Keep the crisis lines under 1,000 characters.'),
  autoLockMinutes: z
    .number({ error: 'Auto-lock must be a number of minutes.' })
    .int('Auto-lock must be a whole number of minutes.')
    .min(1, 'Auto-lock must be at least 1 minute.')
    .max(60, 'Auto-lock can be at most 60 minutes.'),
  /**
   * Where automatic backups go: an absolute folder path (an external drive or a synced
   * folder is fine, backups stay encrypted), or '' for no automatic backups yet.
   */
  backupFolder: z
    .string()
    .trim()
    .max(1000, 'The backup folder path is too long.')
    .refine(
      (value) => value === '' || isAbsoluteFolderPath(value),
      'Give the backup folder as a full path, e.g. /Volumes/Backup/Sessionkeep or D:\\Sessionkeep.',
    ),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  therapistName: '',
  practiceName: '',
  crisisLines: '',
  autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES,
  backupFolder: '',
};

/** POSIX (/…), Windows drive (C:\… or C:/…) or UNC (\\server\share) paths. */
export function isAbsoluteFolderPath(path: string): boolean {
  return /^\//.test(path) || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]+\\[^\\]+/.test(path);
}

/** The crisis lines as printed: one per non-empty line. */
export function crisisLineList(settings: Pick<Settings, 'crisisLines'>): string[] {
  return settings.crisisLines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What `settings:update` takes: any subset of the settings. */
export const settingsUpdateSchema = settingsSchema.partial();
