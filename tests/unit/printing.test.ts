import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions, SaveDialogReturnValue, WebContentsPrintOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { createPrinter, type PrintableContents, pdfPath, ShellFailure } from '../../electron/printing';
import { emptyClientInput } from '../../shared/clients/client';
import type { AuditEntry } from '../../shared/ipc/contract';
import { expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * Issue 13: Print shows the system's print dialog and the activity log records a print
 * only when the dialog says it printed; Save as PDF writes the page's print CSS to a
 * file the user chose, labelled "not encrypted", whole or not at all, owner-only. Real
 * core and encrypted vault; only Electron's webContents and save dialog are stood in for,
 * answering as Electron 45 documents them (print's callback gives success and a reason).
 */

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n% the print CSS, rendered\n%%EOF\n');
let root: string;
let out: string;
let core: Core;
let clientId: string;

beforeEach(async () => {
  root = makeTempFolder('printing');
  out = join(root, 'out');
  mkdirSync(out);
  core = createCore({ folder: join(root, 'vault') });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  const client = expectOk<{ id: string }>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } }),
  );
  clientId = client.id;
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(root);
});

/** webContents.print and printToPDF as documented: print answers through its callback. */
function fakeContents(printAnswer: [success: boolean, failureReason: string]) {
  const calls: { print: WebContentsPrintOptions[]; pdf: PrintToPDFOptions[] } = { print: [], pdf: [] };
  const contents: PrintableContents = {
    print(options, callback) {
      calls.print.push(options);
      // Electron answers later, once the dialog is closed and the job spooled.
      setTimeout(() => callback(...printAnswer), 0);
    },
    async printToPDF(options) {
      calls.pdf.push(options);
      return PDF_BYTES;
    },
  };
  return { contents, calls };
}

/** dialog.showSaveDialog as documented: cancelled, or the path the user chose. */
function fakeSave(answer: { canceled: boolean; filePath?: string }) {
  const shown: SaveDialogOptions[] = [];
  const save = async (options: SaveDialogOptions): Promise<SaveDialogReturnValue> => {
    shown.push(options);
    return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
  };
  return { save, shown };
}

async function printEntries(): Promise<AuditEntry[]> {
  const { entries } = expectOk<{ entries: AuditEntry[] }>(await core.handle('audit:list', { limit: 200 }));
  return entries.filter((entry) => entry.action.startsWith('print.'));
}

const noteJob = () => ({ kind: 'note' as const, clientId, count: 1 });
const TODAY = new Date(2026, 11, 7, 10, 30);

describe('print:print opens the system print dialog and logs only a print that happened', () => {
  it('asks for the dialog (not silent) with backgrounds, and a successful print leaves one entry, as before', async () => {
    const { contents, calls } = fakeContents([true, '']);
    const printer = createPrinter(core, contents, fakeSave({ canceled: true }).save);
    expect(await printer['print:print'](noteJob())).toEqual({ printed: true });
    expect(calls.print).toEqual([{ silent: false, printBackground: true }]);
    const entries = await printEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'print.notes',
      entityType: 'client',
      entityId: clientId,
      detail: { count: 1 },
    });
    expect(entries[0]?.detail).toEqual({ count: 1 });
  });

  it('a cancelled dialog answers printed: false and leaves nothing in the log', async () => {
    const printer = createPrinter(
      core,
      fakeContents([false, 'Print job canceled']).contents,
      fakeSave({ canceled: true }).save,
    );
    expect(await printer['print:print'](noteJob())).toEqual({ printed: false });
    expect(await printEntries()).toEqual([]);
  });

  it('a failed print is an error in plain words and leaves nothing in the log', async () => {
    const printer = createPrinter(
      core,
      fakeContents([false, 'Print job failed']).contents,
      fakeSave({ canceled: true }).save,
    );
    const answer = printer['print:print'](noteJob());
    await expect(answer).rejects.toBeInstanceOf(ShellFailure);
    await expect(answer).rejects.toThrow('The printout did not go through. Check the printer and try again.');
    expect(await printEntries()).toEqual([]);
  });

  it.each([
    { kind: 'notes', action: 'print.notes' },
    { kind: 'record', action: 'print.notes' },
    { kind: 'homework', action: 'print.sheets' },
    { kind: 'safetyPlan', action: 'print.sheets' },
  ] as const)('a printed $kind is logged as $action', async ({ kind, action }) => {
    const printer = createPrinter(core, fakeContents([true, '']).contents, fakeSave({ canceled: true }).save);
    await printer['print:print']({ kind, clientId, count: 3 });
    expect((await printEntries()).map((entry) => [entry.action, entry.detail])).toEqual([[action, { count: 3 }]]);
  });

  it('a blank worksheet for no one is logged without a client', async () => {
    const printer = createPrinter(core, fakeContents([true, '']).contents, fakeSave({ canceled: true }).save);
    await printer['print:print']({ kind: 'worksheet', clientId: null, count: 1 });
    expect(await printEntries()).toMatchObject([{ action: 'print.sheets', entityType: null, entityId: null }]);
  });
});

describe('print:saveAsPdf saves the print CSS as a PDF labelled "not encrypted"', () => {
  it('offers a dated name and a title that say "not encrypted", renders with the CSS page size, writes owner-only, logs once', async () => {
    const chosen = join(out, 'note-2026-12-07-not-encrypted.pdf');
    const { contents, calls } = fakeContents([true, '']);
    const dialog = fakeSave({ canceled: false, filePath: chosen });
    const printer = createPrinter(core, contents, dialog.save, () => TODAY);

    expect(await printer['print:saveAsPdf'](noteJob())).toEqual({
      saved: true,
      displayName: 'note-2026-12-07-not-encrypted.pdf',
    });
    expect(dialog.shown).toHaveLength(1);
    expect(dialog.shown[0]?.defaultPath).toBe('note-2026-12-07-not-encrypted.pdf');
    expect(dialog.shown[0]?.title).toMatch(/not encrypted/);
    expect(calls.pdf).toEqual([{ printBackground: true, preferCSSPageSize: true }]);
    expect(calls.print).toEqual([]);
    expect(readdirSync(out)).toEqual(['note-2026-12-07-not-encrypted.pdf']);
    expect(readFileSync(chosen)).toEqual(Buffer.from(PDF_BYTES));
    if (process.platform !== 'win32') expect(statSync(chosen).mode & 0o777).toBe(0o600);
    expect((await printEntries()).map((entry) => [entry.action, entry.detail])).toEqual([
      ['print.notes', { count: 1, via: 'pdf' }],
    ]);
  });

  it.each([
    { kind: 'notes', name: 'notes-2026-12-07-not-encrypted.pdf' },
    { kind: 'record', name: 'client-record-2026-12-07-not-encrypted.pdf' },
    { kind: 'homework', name: 'homework-sheets-2026-12-07-not-encrypted.pdf' },
    { kind: 'worksheet', name: 'worksheet-2026-12-07-not-encrypted.pdf' },
    { kind: 'safetyPlan', name: 'safety-plan-2026-12-07-not-encrypted.pdf' },
  ] as const)('a $kind is offered as $name (no client name in it)', async ({ kind, name }) => {
    const dialog = fakeSave({ canceled: true });
    const printer = createPrinter(core, fakeContents([true, '']).contents, dialog.save, () => TODAY);
    expect(await printer['print:saveAsPdf']({ kind, clientId, count: 2 })).toEqual({ saved: false, displayName: null });
    expect(dialog.shown[0]?.defaultPath).toBe(name);
    expect(dialog.shown[0]?.defaultPath).not.toMatch(/Amara|Okafor/);
  });

  it.each([
    { typed: 'Amara summary.pdf', written: 'Amara summary-not-encrypted.pdf' },
    { typed: 'Amara summary', written: 'Amara summary-not-encrypted.pdf' },
    { typed: 'letter.PDF', written: 'letter-not-encrypted.PDF' },
    { typed: 'kept-not-encrypted.pdf', written: 'kept-not-encrypted.pdf' },
  ])('a name typed as "$typed" is written as "$written"', async ({ typed, written }) => {
    expect(pdfPath(join(out, typed))).toBe(join(out, written));
    const printer = createPrinter(
      core,
      fakeContents([true, '']).contents,
      fakeSave({ canceled: false, filePath: join(out, typed) }).save,
    );
    expect(await printer['print:saveAsPdf'](noteJob())).toEqual({ saved: true, displayName: written });
    expect(readdirSync(out)).toEqual([written]);
  });

  it('a cancelled save dialog renders nothing, writes nothing, logs nothing', async () => {
    const { contents, calls } = fakeContents([true, '']);
    const printer = createPrinter(core, contents, fakeSave({ canceled: true }).save);
    expect(await printer['print:saveAsPdf'](noteJob())).toEqual({ saved: false, displayName: null });
    expect(calls.pdf).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
    expect(await printEntries()).toEqual([]);
  });

  it('a write that fails leaves no partial file and no entry, and says so plainly', async () => {
    // The chosen name is taken by a folder: the whole PDF is written beside it, then the
    // rename onto the name fails; the temporary file must be gone again.
    mkdirSync(join(out, 'note-not-encrypted.pdf'));
    const printer = createPrinter(
      core,
      fakeContents([true, '']).contents,
      fakeSave({ canceled: false, filePath: join(out, 'note.pdf') }).save,
    );
    const answer = printer['print:saveAsPdf'](noteJob());
    await expect(answer).rejects.toBeInstanceOf(ShellFailure);
    await expect(answer).rejects.toThrow(/could not be saved there/);
    expect(readdirSync(out)).toEqual(['note-not-encrypted.pdf']);
    expect(readdirSync(join(out, 'note-not-encrypted.pdf'))).toEqual([]);
    expect(await printEntries()).toEqual([]);
  });

  it('a PDF that cannot be rendered writes nothing and logs nothing', async () => {
    const contents: PrintableContents = {
      print: () => undefined,
      printToPDF: async () => {
        throw new Error('Printing failed');
      },
    };
    const printer = createPrinter(core, contents, fakeSave({ canceled: false, filePath: join(out, 'n.pdf') }).save);
    await expect(printer['print:saveAsPdf'](noteJob())).rejects.toThrow('The PDF could not be made. Try again.');
    expect(readdirSync(out)).toEqual([]);
    expect(await printEntries()).toEqual([]);
  });
});

describe('the page cannot name a file or a printer', () => {
  it.each([
    { why: 'a path', extra: { path: join('/tmp', 'elsewhere.pdf') } },
    { why: 'a file name', extra: { defaultPath: 'mine.pdf' } },
    { why: 'silent printing', extra: { silent: true } },
    { why: 'a printer', extra: { deviceName: 'Office' } },
  ])('a request with $why is refused before any dialog, nothing written or logged', async ({ extra }) => {
    const { contents, calls } = fakeContents([true, '']);
    const dialog = fakeSave({ canceled: false, filePath: join(out, 'x.pdf') });
    const printer = createPrinter(core, contents, dialog.save);
    await expect(printer['print:saveAsPdf']({ ...noteJob(), ...extra })).rejects.toThrow();
    await expect(printer['print:print']({ ...noteJob(), ...extra })).rejects.toThrow();
    expect(dialog.shown).toEqual([]);
    expect(calls).toEqual({ print: [], pdf: [] });
    expect(readdirSync(out)).toEqual([]);
    expect(await printEntries()).toEqual([]);
  });

  it('answers what it can do: the system dialog and Save as PDF', async () => {
    const printer = createPrinter(core, fakeContents([true, '']).contents, fakeSave({ canceled: true }).save);
    expect(await printer['print:capabilities']({})).toEqual({ dialog: 'system', saveAsPdf: true });
  });
});
