import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { checkScreen } from './a11y';
import { freshVaultFolder, guardPage, type Harness, queueChosenFolder, startHarness } from './harness';
import {
  addClient,
  clientList,
  clientNames,
  confirmRecoveryKey,
  createVault,
  setSignerName,
  unnamedControls,
} from './pages';

/**
 * Moving records between vaults through the open archive: export the whole vault sealed
 * with a passphrase from Settings, then in a new vault check the file (dry run) and
 * import it; the clients appear, and a second dry run finds nothing left to add. Settings
 * come only when ticked, protection settings never (issue 11); a file that is refused
 * says exactly why. Issue 13: no path is ever typed; the export arrives as a browser
 * download (the system's save dialog under Electron) and the file to import is chosen with
 * the browser's file chooser (the open dialog).
 */

/** Chooses `file` in the browser's file chooser that "Choose a file to import…" opens. */
async function chooseToImport(page: Page, form: Locator, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Choose a file to import…' }).click();
  await (await chooser).setFiles(file);
}

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const EXPORT_PASSPHRASE = 'seal this export for the move';

test('export the whole vault sealed, then dry-run and import it into a new vault', async ({
  page,
  playwright,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  const exports = join(dirname(vault), 'exports');
  mkdirSync(exports);
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Imani Kariuki', concerns: 'Sleep and worry' });
  await addClient(page, { name: 'Tomas Berg' });
  await setSignerName(page, 'Dr Lena Holm');
  await page.getByLabel('Practice name').fill('Harbour Practice');
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const backups = join(dirname(vault), 'backups');
  mkdirSync(backups);
  await queueChosenFolder(harness, backups);
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(page.getByText('Backup folder saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Export and import' });
  const exportForm = card.getByRole('form', { name: 'Export the whole vault' });
  // No field for a path any more: the file is chosen where it is saved.
  await expect(exportForm.getByRole('textbox', { name: /path/i })).toHaveCount(0);
  await exportForm.getByRole('textbox', { name: 'Passphrase for the export' }).fill(EXPORT_PASSPHRASE);
  await exportForm.getByRole('textbox', { name: 'Repeat the passphrase' }).fill(EXPORT_PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await exportForm.getByRole('button', { name: 'Export…', exact: true }).click();
  const download = await downloading;
  const name = download.suggestedFilename();
  expect(name).toMatch(/^sessionkeep-export-\d{4}-\d\d-\d\d\.skexport$/);
  await expect(
    exportForm.getByText(
      new RegExp(`Exported \\d+ records to ${name.replaceAll('.', '\\.')}, sealed with your passphrase`),
    ),
  ).toBeVisible();
  // The page is told the file's name, never a folder.
  await expect(exportForm).not.toContainText('/');
  const file = join(exports, name);
  await download.saveAs(file);
  // The harness hands the file over once, then removes it; without the cookie, never.
  expect((await page.request.get(download.url())).status()).toBe(404);
  const stranger = await playwright.request.newContext();
  expect((await stranger.get(download.url())).status()).toBe(403);
  await stranger.dispose();
  expect(readFileSync(file).length).toBeGreaterThan(0);
  expect(readFileSync(file).includes(Buffer.from('Imani Kariuki'))).toBe(false);
  expect(await unnamedControls(page)).toEqual([]);
  await checkScreen(page, testInfo, 'export-done');

  // A new vault on "another computer".
  await page.goto('about:blank');
  await harness.stop();
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Settings' }).click();
  const importForm = page.getByRole('form', { name: 'Import an export' });
  // A chooser closed without a file changes nothing and says nothing.
  const closing = page.waitForEvent('filechooser');
  await importForm.getByRole('button', { name: 'Choose a file to import…' }).click();
  await (await closing).setFiles([]);
  await expect(importForm.getByRole('alert')).toHaveCount(0);
  await expect(importForm.getByText('File chosen:')).toHaveCount(0);
  // A refused file says why, and that nothing was imported.
  const notAnExport = join(exports, 'shopping list.zip');
  writeFileSync(notAnExport, 'milk, eggs, bread');
  await chooseToImport(page, importForm, notAnExport);
  await expect(importForm.getByText('File chosen:')).toContainText('shopping list.zip');
  await expect(importForm.getByRole('alert')).toContainText('Not imported.');
  await expect(importForm.getByRole('alert')).toContainText('Nothing was imported.');
  await importForm.screenshot({ path: testInfo.outputPath('import-refused.png') });
  // The downloaded export, with the wrong passphrase first, then the right one on the same choice.
  await importForm
    .getByRole('textbox', { name: 'Its passphrase (if it was sealed)' })
    .fill('the wrong passphrase entirely');
  await chooseToImport(page, importForm, file);
  await expect(importForm.getByText('File chosen:')).toContainText(name);
  await expect(importForm.getByRole('alert')).toContainText('passphrase');
  await importForm.getByRole('textbox', { name: 'Its passphrase (if it was sealed)' }).fill(EXPORT_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Check the file again (dry run)' }).click();
  const clientsRow = importForm.getByRole('row', { name: /^Clients/ });
  await expect(clientsRow).toContainText('2');
  // Settings: listed with both values; the backup folder is shown as not taken, with why.
  const settings = importForm.getByRole('group', { name: 'Settings in this file that differ from yours' });
  await expect(settings.getByText('Backup folder: not taken.')).toBeVisible();
  await expect(settings.getByText(/never taken from a file/)).toBeVisible();
  await expect(settings.getByRole('checkbox', { name: /Backup folder/ })).toHaveCount(0);
  await expect(settings.getByText(backups)).toBeVisible();
  await settings.getByRole('checkbox', { name: 'Take Practice name from the file' }).check();
  await expect(settings.getByRole('checkbox', { name: 'Take Your name from the file' })).not.toBeChecked();
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await importForm.screenshot({ path: testInfo.outputPath(`import-dry-run-${width}.png`) });
  }
  expect(await unnamedControls(page)).toEqual([]);
  await checkScreen(page, testInfo, 'import-dry-run');
  await importForm.getByRole('button', { name: /^Import \d+ records and 1 setting$/ }).click();
  await expect(importForm.getByText(/Imported \d+ records.*settings taken: Practice name\./)).toBeVisible();

  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Imani Kariuki', 'Tomas Berg']);
  // A client changed here after the import: the file's record is in conflict, and the
  // dry run names it as a therapist would, not by table or id (issue 12).
  await clientList(page).getByRole('button', { name: 'Tomas Berg' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Name (required)').fill('Tomas Berg-Lund');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Tomas Berg-Lund' })).toBeVisible();

  // Everything is here now: a second dry run has nothing to add.
  await page.getByRole('button', { name: 'Settings' }).click();
  // Taken: the practice name. Not ticked: the signer's name. Never taken: the backup folder.
  await expect(page.getByLabel('Practice name')).toHaveValue('Harbour Practice');
  await expect(page.getByLabel('Your name, as you sign notes')).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Backups' })).toContainText('No backup folder is chosen yet');
  // The import ended its choice: the file is chosen again.
  await expect(importForm.getByText('File chosen:')).toHaveCount(0);
  await importForm.getByRole('textbox', { name: 'Its passphrase (if it was sealed)' }).fill(EXPORT_PASSPHRASE);
  await chooseToImport(page, importForm, file);
  await expect(importForm.getByText('Nothing to add: everything in this file is already here.')).toBeVisible();
  const kept = importForm.getByRole('list', { name: 'Records kept as they are here' });
  await expect(kept.getByRole('listitem')).toHaveText(['Tomas Berg']);
  await expect(importForm.getByText('One record differs from what is here.', { exact: false })).toBeVisible();
  await expect(importForm).not.toContainText(/clients [0-9a-f]{8}/i);
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await importForm.screenshot({ path: testInfo.outputPath(`import-conflicts-${width}.png`) });
  }
  expect(problems).toEqual([]);
});
