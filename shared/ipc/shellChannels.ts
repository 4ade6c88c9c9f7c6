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

/**
 * What a print view prints (issue 13), with what the activity log needs: whose record
 * (null for a blank worksheet) and how many notes or sheets. Never a path or a file name:
 * the adapter names the PDF and the user chooses where it goes.
 */
export const printJobSchema = z.strictObject({
  kind: z.enum(['note', 'notes', 'record', 'homework', 'worksheet', 'safetyPlan']),
  clientId: z.string().min(1).max(100).nullable(),
  count: z.number().int().min(0).max(10_000),
});
export type PrintJob = z.infer<typeof printJobSchema>;

export const shellContract = {
  /** The save dialog; an unencrypted export is labelled "not encrypted" in its title and its name. */
  'files:chooseExportTarget': {
    request: z.strictObject({ encrypted: z.boolean() }),
    response: chosenFileSchema,
  },
  /** The open dialog, for an export file to check and import. */
  'files:chooseImportSource': { request: z.strictObject({}), response: chosenFileSchema },
  /**
   * How this adapter prints: Electron shows the system's print dialog and saves PDFs
   * itself; the web preview leaves both to the browser's own print dialog.
   */
  'print:capabilities': {
    request: z.strictObject({}),
    response: z.strictObject({ dialog: z.enum(['system', 'browser']), saveAsPdf: z.boolean() }),
  },
  /** The system's print dialog; `printed` is false when the user cancelled. Logged only when printed. */
  'print:print': { request: printJobSchema, response: z.strictObject({ printed: z.boolean() }) },
  /**
   * The same print CSS into a PDF, saved where the user chooses; the file is not encrypted
   * and its name says so. `displayName` is the file's name alone, null when cancelled.
   */
  'print:saveAsPdf': {
    request: printJobSchema,
    response: z.strictObject({ saved: z.boolean(), displayName: z.string().nullable() }),
  },
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

/** The activity log's kind for a printout: notes (one, a range, a record) or sheets. */
export function printLogKind(kind: PrintJob['kind']): 'notes' | 'sheets' {
  return kind === 'note' || kind === 'notes' || kind === 'record' ? 'notes' : 'sheets';
}

const PDF_NAMES: Record<PrintJob['kind'], string> = {
  note: 'note',
  notes: 'notes',
  record: 'client-record',
  homework: 'homework-sheets',
  worksheet: 'worksheet',
  safetyPlan: 'safety-plan',
};

/**
 * The name a PDF is offered under: what it is and the day, never the client's name (a
 * file name shows in folders and recent-file lists), and "not-encrypted", as a PDF is.
 */
export function pdfFileName(kind: PrintJob['kind'], today: string): string {
  return `${PDF_NAMES[kind]}-${today}-not-encrypted.pdf`;
}
