import { z } from 'zod';
import type { ShellChannel } from './channels';
import type { Envelope } from './envelope';

export { type ShellChannel, shellChannels } from './channels';

/**
 * Channels served by the ADAPTERS, not the core (issue 13): choosing where an export is
 * saved and which file is imported. Electron's main process shows the system's own
 * dialogs; the web harness uses a browser download and the browser's file chooser. The
 * chosen path stays with the adapter and the core; the page gets back an opaque token
 * for export:vault / import:plan / import:apply and the file's name to show, or null
 * when the user cancelled.
 */

const chosenFileSchema = z
  .strictObject({
    token: z.string(),
    /** The file's name alone, never its folder. */
    displayName: z.string(),
  })
  .nullable();
export type ChosenFileView = z.infer<typeof chosenFileSchema>;

export const shellContract = {
  /** The save dialog; an unencrypted export is labelled "not encrypted" in its title and its name. */
  'files:chooseExportTarget': {
    request: z.strictObject({ encrypted: z.boolean() }),
    response: chosenFileSchema,
  },
  /** The open dialog, for an export file to check and import. */
  'files:chooseImportSource': { request: z.strictObject({}), response: chosenFileSchema },
  /**
   * The open dialog for a folder: where backups go (`backups`, for settings:setBackupFolder)
   * or one to restore from (`restore`, for backup:list). The display name is the folder's
   * own name and the one around it ("Sessionkeep, in Backup drive"), to show, never to send.
   */
  'files:chooseBackupFolder': {
    request: z.strictObject({ purpose: z.enum(['backups', 'restore']) }),
    response: chosenFileSchema,
  },
} satisfies Record<ShellChannel, { request: z.ZodType; response: z.ZodType }>;

export type ShellRequestOf<C extends ShellChannel> = z.input<(typeof shellContract)[C]['request']>;
export type ShellResponseOf<C extends ShellChannel> = z.infer<(typeof shellContract)[C]['response']>;

/** The shell channels as `window.sessionkeep` exposes them: each answers its own response type. */
export type ShellApi = {
  [C in ShellChannel]: (request: ShellRequestOf<C>) => Promise<Envelope<ShellResponseOf<C>>>;
};

/**
 * The name an export is saved under: dated, and saying "not-encrypted" when it is not
 * sealed, so the file itself warns whoever finds it.
 */
export function exportFileName(encrypted: boolean, today: string): string {
  return encrypted ? `sessionkeep-export-${today}.skexport` : `sessionkeep-export-${today}-not-encrypted.zip`;
}
