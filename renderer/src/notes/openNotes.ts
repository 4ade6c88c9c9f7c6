import type { TemplateDef } from '../../../shared/templates/types';
import { checkChanges } from '../../../shared/templates/values';
import { ApiError, call } from '../api';
import { AutosaveController, type Changes } from './autosave';

/**
 * What outlives an open note editor, in memory only (never written unencrypted):
 *
 * - Changes whose save failed when the editor closed, most often because the vault
 *   locked (the workspace unmounts on lock, and the closing save meets VAULT_LOCKED).
 *   They are put back and sent again when the note opens after unlocking, so nothing
 *   typed is lost to a lock. Same idea as the client form's drafts (ClientForm.tsx).
 * - The closing save itself, so reopening a note waits for it instead of loading
 *   values older than what was just typed.
 * - The controllers of open notes, so a manual lock can save them first.
 */
const unsaved = new Map<string, Changes>();
const closing = new Map<string, Promise<void>>();
const open = new Set<AutosaveController>();

/**
 * Starts autosaving a draft. Changes kept from the last time it was open are handed
 * back (to draw in the fields) and queued to be saved again.
 */
export function openController(
  noteId: string,
  template: TemplateDef,
): { controller: AutosaveController; kept: Changes } {
  const controller = new AutosaveController({
    save: (changes) => saveChecked(noteId, template, changes),
    describeError: (error) =>
      error instanceof ApiError
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: 'The note could not be saved.' },
  });
  open.add(controller);
  const kept = unsaved.get(noteId) ?? {};
  unsaved.delete(noteId);
  for (const [fieldId, value] of Object.entries(kept)) controller.change(fieldId, () => value);
  return { controller, kept };
}

/**
 * Sends the changes that pass the same check the core applies (shared/templates/values.ts)
 * and reports the first that does not: one value the note cannot take must not hold up
 * the saving of everything else typed. The fields flag such values themselves; this is
 * the safety net. The failure keeps all the changes for the retry (resending the valid
 * ones is harmless), so the bad one is sent again once corrected.
 */
async function saveChecked(noteId: string, template: TemplateDef, changes: Changes): Promise<void> {
  const valid: Changes = {};
  let problem: string | null = null;
  for (const [fieldId, value] of Object.entries(changes)) {
    const checked = checkChanges(template, { [fieldId]: value });
    if (checked.ok) valid[fieldId] = value;
    else problem ??= checked.message;
  }
  if (Object.keys(valid).length > 0) await call('notes:saveDraft', { id: noteId, changes: valid });
  if (problem) throw new ApiError('INVALID_REQUEST', `${problem} Everything else is saved.`);
}

/** The editor is going away: save now; whatever cannot be saved is kept for next time. */
export function closeController(noteId: string, controller: AutosaveController): void {
  open.delete(controller);
  const done = controller.flush().then(() => {
    const left = controller.unsavedValues();
    if (Object.keys(left).length > 0) unsaved.set(noteId, { ...unsaved.get(noteId), ...left });
  });
  controller.dispose();
  closing.set(noteId, done);
  void done.finally(() => {
    if (closing.get(noteId) === done) closing.delete(noteId);
  });
}

/** Resolves once the last closing save of this note has finished. */
export function closingSave(noteId: string): Promise<void> {
  return closing.get(noteId) ?? Promise.resolve();
}

/** The note was signed: its controller stops, nothing more can be saved to it. */
export function retireController(controller: AutosaveController): void {
  open.delete(controller);
  controller.dispose();
}

/**
 * The shell is about to lock or quit (issue 13): saves every open note and says whether
 * everything typed is now stored. Within the shell's own bound (3 s), so the answer arrives.
 */
export async function saveEverythingForShell(timeoutMs = 2500): Promise<boolean> {
  await flushOpenNotes(timeoutMs);
  return [...open].every((controller) => !controller.hasUnsaved);
}

/** Saves every open note now (before a manual lock); gives up waiting after `timeoutMs`. */
export function flushOpenNotes(timeoutMs = 2000): Promise<void> {
  const saves = Promise.all([...open].map((controller) => controller.flush())).then(() => undefined);
  return Promise.race([saves, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
