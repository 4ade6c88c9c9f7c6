import { z } from 'zod';

/** Auto-lock after inactivity: default 10 minutes, the therapist may choose 1–60. */
export const AUTO_LOCK_DEFAULT_MINUTES = 10;

/** Unsigned drafts are flagged on the home screen after 3 days unless the therapist sets 1–60. */
export const DRAFT_REMINDER_DEFAULT_DAYS = 3;
export const DRAFT_REMINDER_MAX_DAYS = 60;

const name = (label: string) => z.string().trim().max(120, `${label} can be at most 120 characters.`);

/** Printed in one row of a sheet: no line breaks or other control characters. */
const oneLine = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), `${label} must be on one line.`);

const PHONE_MAX = 40;

/** A number to call or text: free text ("Text SHOUT to 85258"), but with at least one digit. */
const phone = (label: string) =>
  oneLine(label, PHONE_MAX).refine((value) => value === '' || /\d/.test(value), `${label} needs at least one digit.`);

/** A safety plan stays a page or two: more lines than this would crowd out the client's own steps. */
export const CRISIS_LINES_MAX = 12;

/** One crisis line: its name ("Samaritans") and the number to call or text. */
export const crisisLineSchema = z.strictObject(
  {
    label: oneLine('A crisis line’s name', 80),
    number: phone('A crisis line’s number').refine((value) => value !== '', 'Give the crisis line’s number.'),
  },
  { error: 'Each crisis line needs a name and a number.' },
);
export type CrisisLine = z.infer<typeof crisisLineSchema>;

export const settingsSchema = z.strictObject({
  /** Printed in a note's signature block and recorded when signing. */
  therapistName: name('Your name'),
  /** Printed at the top of printed notes. */
  practiceName: name('The practice name'),
  /**
   * Crisis lines typed before Sessionkeep kept them as labelled rows: free text, one per
   * line ("Samaritans: 116 123"). Still read and printed as crisis lines (see
   * `crisisLinesOf`), so a vault or an archive from before loses none; the Settings card
   * moves them into `crisisLineEntries` when it is saved.
   */
  crisisLines: z.string().max(1000, 'Keep the crisis lines under 1,000 characters.'),
  /*
   * The contacts printed on a safety plan, each under its own label (issue 12). None is
   * ever built in: a wrong number for the client's region is worse than none.
   */
  therapistPhone: phone('Your phone number'),
  afterHoursLine: oneLine('The after-hours or on-call line', 120),
  crisisLineEntries: z
    .array(crisisLineSchema, { error: 'The crisis lines must be a list.' })
    .max(CRISIS_LINES_MAX, `Up to ${CRISIS_LINES_MAX} crisis lines can be kept.`),
  emergencyNumber: phone('The emergency number'),
  emergencyDepartment: oneLine('The nearest emergency department', 200),
  /** Unsigned drafts older than this many days are listed on the home screen (default 3). */
  draftReminderDays: z
    .number({ error: 'The reminder must be a number of days.' })
    .int('The reminder must be a whole number of days.')
    .min(1, 'Flag drafts after at least 1 day.')
    .max(DRAFT_REMINDER_MAX_DAYS, `Flag drafts after at most ${DRAFT_REMINDER_MAX_DAYS} days.`),
  /** The paper client sheets print on unless chosen otherwise; 'auto' follows the system language. */
  paperSize: z.enum(['auto', 'a4', 'letter'], { error: 'Choose A4, US Letter or the system’s usual size.' }),
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
  therapistPhone: '',
  afterHoursLine: '',
  crisisLineEntries: [],
  emergencyNumber: '',
  emergencyDepartment: '',
  draftReminderDays: DRAFT_REMINDER_DEFAULT_DAYS,
  paperSize: 'auto',
  autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES,
  backupFolder: '',
};

/** POSIX (/…), Windows drive (C:\… or C:/…) or UNC (\\server\share) paths. */
export function isAbsoluteFolderPath(path: string): boolean {
  return /^\//.test(path) || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]+\\[^\\]+/.test(path);
}

/**
 * Every crisis line to print and show: the labelled rows, then any kept as free text
 * from before (each non-empty line; "Name: number" split at its first colon, otherwise
 * the whole line is the number). None is dropped.
 */
export function crisisLinesOf(settings: Pick<Settings, 'crisisLineEntries' | 'crisisLines'>): CrisisLine[] {
  const typedBefore = settings.crisisLines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      const label = colon > 0 ? line.slice(0, colon).trim() : '';
      const number = colon > 0 ? line.slice(colon + 1).trim() : line;
      return number ? { label, number } : { label: '', number: line };
    });
  return [...settings.crisisLineEntries, ...typedBefore];
}

/**
 * What the page may change: every setting but the backup folder, which is chosen in the
 * system's dialog and saved from its token (settings:setBackupFolder, issue 13). Strict,
 * so a path sent as `backupFolder` is refused.
 */
export const settingsUpdateSchema = settingsSchema.omit({ backupFolder: true }).partial();
