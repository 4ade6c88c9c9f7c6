import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { SessionkeepApi } from '../../shared/ipc/contract';
import { pdfPageTexts } from '../support/pdf';
import { expectNoAxeViolations, expectNoSideways } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, openClientTab, setSignerName, startCbtNote } from './pages';

/**
 * Issue 13, printing in the web preview. The desktop app prints through the system's
 * dialog and saves PDFs itself (tests/unit/printing.test.ts); the preview keeps the
 * browser's own print dialog, which also saves as PDF, so it offers one button and no
 * "Save as PDF…" of its own. The browser never says whether its dialog printed, so the
 * activity log gets an entry only once the dialog has closed, worded to claim no
 * printout. Headless Chromium opens the dialog (beforeprint) and never closes it, which
 * is exactly "the dialog is still open"; its closing is the browser's `afterprint` event,
 * dispatched here as the browser would. The printed page is Chromium's own PDF printer
 * over the same print CSS (page.pdf), the engine Electron's printToPDF uses.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

type Entry = { action: string; detail: Record<string, unknown> };

/** The activity log's print entries, read through the page's own bridge (the real core). */
async function printEntries(page: Page): Promise<Entry[]> {
  return page.evaluate(async () => {
    const sessionkeep = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
    const answer = await sessionkeep['audit:list']({ limit: 200 });
    if (!answer.ok) throw new Error('audit:list failed');
    return answer.value.entries.flatMap((entry) =>
      'detail' in entry && entry.action.startsWith('print.') ? [{ action: entry.action, detail: entry.detail }] : [],
    );
  });
}

type Watched = Window & { printDialogs?: number };

/** Counts the browser's print dialogs from now on (its `beforeprint`), before anything is clicked. */
async function watchPrintDialogs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watched = window as Watched;
    watched.printDialogs = 0;
    window.addEventListener('beforeprint', () => {
      watched.printDialogs = (watched.printDialogs ?? 0) + 1;
    });
  });
}

/** Waits for the browser's print dialog to have been asked for once. */
async function dialogOpened(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as Watched).printDialogs === 1);
}

async function signedNoteInPrintView(page: Page) {
  await setSignerName(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Ines Okafor' });
  await startCbtNote(page);
  await page.getByLabel('Duration').fill('50');
  await expect(page.locator('.save-state')).toContainText('Saved', { timeout: 5_000 });
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  const sign = page.getByRole('dialog');
  const reason = sign.getByRole('textbox');
  if (await reason.count()) await reason.first().fill('Brief check-in; risk discussed, nothing new.');
  await sign.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  await page.getByRole('button', { name: 'Print…' }).click();
}

test('a note prints through the browser in the preview, logged only once the dialog has closed', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await signedNoteInPrintView(page);

  const print = page.getByRole('button', { name: 'Print or save as PDF…' });
  await expect(print).toBeEnabled();
  // The browser's dialog saves as PDF; the preview has no save of its own.
  await expect(page.getByRole('button', { name: 'Save as PDF…', exact: true })).toHaveCount(0);
  await expect(print).toHaveAttribute('aria-keyshortcuts', 'Control+P Meta+P');

  // The toolbar at half a screen beside a video call: kept, and looked at.
  await page.setViewportSize({ width: 900, height: 768 });
  await expectNoSideways(page, 'note print view at 900 px');
  await expectNoAxeViolations(page, 'note print view');
  await page.locator('.print-toolbar').screenshot({ path: testInfo.outputPath('print-toolbar-900.png') });

  // The printed page, from the print CSS: the note, not the toolbar.
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'sessionkeep-print-shell-')), 'note.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const printed = (await pdfPageTexts(pdfPath)).join(' ').replace(/\s+/g, ' ');
  expect(printed).toContain('CBT session');
  expect(printed).toContain('Ines Okafor');
  expect(printed).toContain('Electronically signed by Dr Ana Ruiz');
  expect(printed).not.toContain('Print or save as PDF');
  expect(printed).not.toContain('Back');
  expect(await printEntries(page)).toEqual([]);

  // The button opens the browser's dialog; while it is open, nothing is claimed.
  await watchPrintDialogs(page);
  await print.click();
  await dialogOpened(page);
  for (let check = 0; check < 3; check++) expect(await printEntries(page)).toEqual([]);

  // The dialog closes (printed or cancelled, the page cannot tell): one entry, saying so.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect
    .poll(() => printEntries(page))
    .toEqual([{ action: 'print.notes', detail: { count: 1, via: 'browser' } }]);
  // A second close of the same dialog is not a second print.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  expect(await printEntries(page)).toHaveLength(1);

  // The activity log says what is known, not that it printed.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const table = page.getByRole('region', { name: 'Activity log' }).getByRole('table', { name: 'Activity log' });
  const row = table.getByRole('row').filter({ hasText: 'print dialog' });
  await expect(row).toContainText('Notes sent to the print dialog (printing not confirmed)');
  await expect(row).not.toContainText('Notes printed');
  expect(problems).toEqual([]);
});

test('Ctrl+P on the homework sheets and the safety plan goes the same way; both views pass axe', async ({ page }) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Ines Okafor' });

  // Homework sheets: the printed page, then Ctrl+P opens the browser's dialog, logged on closing.
  await openClientTab(page, 'Homework');
  await page.getByRole('button', { name: 'Assign homework' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign homework' });
  await assign.getByLabel('Worksheet').selectOption({ label: 'Worry log' });
  await assign.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(assign).toBeHidden();
  await page.getByRole('button', { name: 'Print sheets…' }).click();
  await page
    .getByRole('form', { name: 'Print client sheets' })
    .getByRole('button', { name: /^Print \d+ sheets?$/ })
    .click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Save as PDF…', exact: true })).toHaveCount(0);
  await page.setViewportSize({ width: 900, height: 768 });
  await expectNoSideways(page, 'homework sheets at 900 px');
  await expectNoAxeViolations(page, 'homework sheets print view');
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'sessionkeep-print-shell-')), 'sheets.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true });
  expect((await pdfPageTexts(pdfPath)).join(' ').replace(/\s+/g, ' ')).toContain('Worry log');
  expect(await printEntries(page)).toEqual([]);

  await watchPrintDialogs(page);
  await page.keyboard.press('Control+P');
  await dialogOpened(page);
  expect(await printEntries(page)).toEqual([]);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // One sheet a day for an every-day worry log: the entry counts what the view holds.
  const sheets = await page.locator('article.sheet').count();
  expect(sheets).toBeGreaterThan(0);
  await expect
    .poll(() => printEntries(page))
    .toEqual([{ action: 'print.sheets', detail: { count: sheets, via: 'browser' } }]);
  await page.getByRole('button', { name: 'Back' }).click();

  // The safety plan's print view: one button, axe-clean, nothing logged before a dialog.
  await openClientTab(page, 'Safety plan');
  const plan = page.getByRole('region', { name: 'Safety plan', exact: true });
  await plan.getByRole('button', { name: 'Fill in the safety plan' }).click();
  const form = plan.getByRole('form', { name: 'Fill in the safety plan' });
  await form.getByRole('textbox', { name: 'Step 1: Warning signs, line 1' }).fill('Not sleeping');
  await form.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(plan.getByText(/^Saved as version 1, /)).toBeVisible();
  await plan.getByRole('button', { name: 'Print for the client…' }).click();
  const printView = page.getByRole('dialog', { name: 'Safety plan to print' });
  await expect(printView.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  await expect(printView.getByRole('button', { name: 'Save as PDF…', exact: true })).toHaveCount(0);
  await expectNoSideways(page, 'safety plan print view at 900 px');
  await expectNoAxeViolations(page, 'safety plan print view');
  expect(await printEntries(page)).toHaveLength(1);
  expect(problems).toEqual([]);
});
