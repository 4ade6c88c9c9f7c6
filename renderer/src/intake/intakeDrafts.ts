import type { Kind, Values } from './intakeValues';

/** What a form edits: a new entry of a kind, or an existing entry. */
export type FormTarget = { kind: Kind; entryId: string | null };

// Unsaved form input survives the form unmounting (the vault locking, leaving the note)
// so nothing typed is lost; it stays in memory only, never on disk. Cancel drops it.
const drafts = new Map<string, { target: FormTarget; values: Values }>();

export const draftKey = (scope: string, target: FormTarget) => `${scope}|${target.entryId ?? `new-${target.kind}`}`;

/** A form left open with typing in it in this place (a note or the client's intake), to open again. */
export function openDraft(scope: string): FormTarget | null {
  for (const [key, draft] of drafts) if (key.startsWith(`${scope}|`)) return draft.target;
  return null;
}

/** The typing kept for a form, if any. */
export const draftValues = (key: string): Values | undefined => drafts.get(key)?.values;

export const hasDraft = (key: string): boolean => drafts.has(key);

export function keepDraft(key: string, target: FormTarget, values: Values): void {
  drafts.set(key, { target, values });
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}
