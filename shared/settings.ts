import { z } from 'zod';

/** Auto-lock after inactivity: default 10 minutes, the therapist may choose 1–60. */
export const AUTO_LOCK_DEFAULT_MINUTES = 10;

export const settingsSchema = z.strictObject({
  autoLockMinutes: z
    .number({ error: 'Auto-lock must be a number of minutes.' })
    .int('Auto-lock must be a whole number of minutes.')
    .min(1, 'Auto-lock must be at least 1 minute.')
    .max(60, 'Auto-lock can be at most 60 minutes.'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES };
