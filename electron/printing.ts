import { basename, extname } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions, SaveDialogReturnValue, WebContentsPrintOptions } from 'electron';
import { localToday } from '../shared/dates';
import { type PrintJob, pdfFileName, printLogKind, shellContract } from '../shared/ipc/shellChannels';
import type { Core } from './core/core';
import { writeFileAtomic } from './core/vault/vaultFiles';
import { labelledNotEncrypted, type ShellHandlers } from './fileChooser';

/**
 * Printing as a desktop app does it (issue 13): "Print…" opens the system's print dialog
 * on the asking window, and "Save as PDF…" renders the same print CSS into a PDF saved
 * where the user chooses. The activity log records a print only once it happened: the
 * dialog said it printed, or the PDF is on disk. Electron's webContents and dialog come in
 * from main.ts; under Node the tests give the same documented shape.
 */

/** The two webContents methods used, as Electron 45 documents them. */
export type PrintableContents = {
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
};

export type SaveDialog = (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;

/** A failure whose message is for the user as it stands: the bridge passes it on. */
export class ShellFailure extends Error {
  override name = 'ShellFailure';
}

export type PrintChannel = 'print:capabilities' | 'print:print' | 'print:saveAsPdf';
export type Printer = ShellHandlers<PrintChannel>;

/** The failure reason Electron gives when the user closed the dialog without printing. */
const CANCELLED = /cancel/i;

/**
 * The path the PDF is written to: ending in .pdf and saying "not-encrypted", even when the
 * user typed another name in the dialog.
 */
export function pdfPath(chosen: string): string {
  const withExtension = extname(chosen).toLowerCase() === '.pdf' ? chosen : `${chosen}.pdf`;
  return labelledNotEncrypted(withExtension);
}

/** One entry per printout, the same as a print from the renderer always left. */
async function record(core: Core, job: PrintJob, via?: 'pdf'): Promise<void> {
  const answer = await core.handle('audit:recordPrint', {
    kind: printLogKind(job.kind),
    clientId: job.clientId,
    count: job.count,
    ...(via ? { via } : {}),
  });
  // The paper or the file exists either way; a log that could not be written is reported, not hidden.
  if (!answer.ok) console.error(`printing: the activity log did not take the print (${answer.code})`);
}

export function createPrinter(
  core: Core,
  contents: PrintableContents,
  save: SaveDialog,
  now: () => Date = () => new Date(),
): Printer {
  return {
    'print:capabilities': async (payload) => {
      shellContract['print:capabilities'].request.parse(payload);
      return { dialog: 'system', saveAsPdf: true };
    },
    'print:print': async (payload) => {
      const job = shellContract['print:print'].request.parse(payload);
      const outcome = await new Promise<{ success: boolean; failureReason: string }>((resolve) => {
        contents.print({ silent: false, printBackground: true }, (success, failureReason) =>
          resolve({ success, failureReason }),
        );
      });
      if (outcome.success) {
        await record(core, job);
        return { printed: true };
      }
      if (CANCELLED.test(outcome.failureReason)) return { printed: false };
      console.error(`printing: the print failed (${outcome.failureReason})`);
      throw new ShellFailure('The printout did not go through. Check the printer and try again.');
    },
    'print:saveAsPdf': async (payload) => {
      const job = shellContract['print:saveAsPdf'].request.parse(payload);
      const answer = await save({
        title: 'Save as PDF (not encrypted)',
        defaultPath: pdfFileName(job.kind, localToday(now())),
        buttonLabel: 'Save PDF',
        message: 'A PDF is not encrypted: anyone who has the file can read it.',
        filters: [{ name: 'PDF (not encrypted)', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath) return { saved: false, displayName: null };
      const path = pdfPath(answer.filePath);
      let pdf: Uint8Array;
      try {
        // The page's own print CSS decides the paper (@page size), as on paper.
        pdf = await contents.printToPDF({ printBackground: true, preferCSSPageSize: true });
      } catch (error) {
        console.error(`printing: the PDF could not be made (${(error as Error)?.name ?? 'unknown'})`);
        throw new ShellFailure('The PDF could not be made. Try again.');
      }
      try {
        // Owner-only, and whole or not at all: a failed write leaves no partial file.
        writeFileAtomic(path, pdf);
      } catch (error) {
        console.error(
          `printing: the PDF could not be written (${(error as NodeJS.ErrnoException)?.code ?? 'unknown'})`,
        );
        throw new ShellFailure('The PDF could not be saved there. Choose another folder, or free some space.');
      }
      await record(core, job, 'pdf');
      return { saved: true, displayName: basename(path) };
    },
  };
}
