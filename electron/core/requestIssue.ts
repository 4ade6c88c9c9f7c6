import type { z } from 'zod';

/**
 * What the therapist reads when a request fails its schema (issue 12: "no field keys or
 * codes in any message"). The field's key still travels in the envelope's `field`, so
 * the screen can mark the right box; the message is words only.
 *
 * Our schemas carry their own plain messages ("Auto-lock must be at least 1 minute."),
 * shown as they are. Zod's built-in ones ("Invalid input: expected string, received
 * number", "Too big: expected string to have <=120 characters") are developer speak:
 * they are rewritten around the field's label. A request our own screens send never
 * meets those; a hand-made or damaged one might.
 */

/** Field keys as the screens label them; others are spelled out from camelCase. */
const fieldLabels: Readonly<Record<string, string>> = {
  backupFolder: 'The backup folder',
  path: 'The location',
  therapistName: 'Your name',
  practiceName: 'The practice name',
  crisisLines: 'The crisis lines',
  autoLockMinutes: 'Auto-lock',
  draftReminderDays: 'The draft reminder',
  paperSize: 'The paper size',
  displayName: 'The name',
  dob: 'The date of birth',
  dateOfBirth: 'The date of birth',
  passphrase: 'The passphrase',
  currentPassphrase: 'Your current passphrase',
  newPassphrase: 'The new passphrase',
  recoveryKey: 'The recovery key',
  text: 'The text',
  id: 'The record',
  clientId: 'The client',
  noteId: 'The note',
  templateId: 'The template',
};

/** "sessionDate" → "The session date"; the last named key of the path, indexes skipped. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (key === undefined) return 'This request';
  const known = fieldLabels[key];
  if (known) return known;
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  // A key that is no word at all (a symbol, a hostile name) is not echoed back.
  if (!/^[a-z][a-z0-9 ]{0,40}$/.test(words)) return 'A value';
  return `The ${words}`;
}

/** Zod's own wording starts like this; ours never does (tests/unit/requestIssue.test.ts). */
const BUILT_IN = /^(Invalid |Invalid$|Too big:|Too small:|Unrecognized key)/;

export function isBuiltInMessage(message: string): boolean {
  return BUILT_IN.test(message);
}

/** The message for one schema issue: ours as written, zod's in words around the field's label. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return 'This request holds something Sessionkeep does not expect, so it was refused. Nothing was changed.';
  }
  if (!isBuiltInMessage(issue.message)) return issue.message;
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      // Issues carry no input (zod keeps it out by default): zod's own words say "received undefined".
      return /received undefined$/.test(issue.message)
        ? `${label} is missing.`
        : `${label} is not the right kind of value.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? `${label} is empty.` : `${label} is too short.`;
      if (issue.origin === 'number') return `${label} must be at least ${issue.minimum}.`;
      return `${label} has too few entries.`;
    case 'too_big':
      if (issue.origin === 'string') return `${label} is too long (at most ${issue.maximum} characters).`;
      if (issue.origin === 'number') return `${label} can be at most ${issue.maximum}.`;
      return `${label} has too many entries.`;
    case 'invalid_value':
      return `${label} is not one of the choices.`;
    default:
      return `${label} is not valid.`;
  }
}

/** The field key for the envelope (marking the box), and the words for the therapist. */
export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  // A field name comes from the request: cut it short before putting it in `field`.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => key.slice(0, 60)) : [];
  const field = [...issue.path, ...keys.slice(0, 1)].map(String).join('.');
  return { field: field || '(request)', message: issueMessage(issue) };
}
