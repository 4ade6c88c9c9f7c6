import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, clientNames, confirmRecoveryKey, createVault, unnamedControls } from './pages';

/**
 * Moving records between vaults through the open archive: export the whole vault sealed
 * with a passphrase from Settings, then in a new vault check the file (dry run) and
 * import it; the clients appear, and a second dry run finds nothing left to add.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const EXPORT_PASSPHRASE = 'seal this export for the move';

test('export the whole vault sealed, then dry-run and import it into a new vault', async ({ page }, testInfo) => {
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

  await page.getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Export and import' });
  const exportForm = card.getByRole('form', { name: 'Export the whole vault' });
  const file = join(exports, 'move.skexport');
  await exportForm.getByLabel('File to write (full path)').fill(file);
  await exportForm.getByRole('textbox', { name: 'Passphrase for the export' }).fill(EXPORT_PASSPHRASE);
  await exportForm.getByRole('textbox', { name: 'Repeat the passphrase' }).fill(EXPORT_PASSPHRASE);
  await exportForm.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(
    exportForm.getByText(/Exported \d+ records to .*move\.skexport, sealed with your passphrase/),
  ).toBeVisible();
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file).includes(Buffer.from('Imani Kariuki'))).toBe(false);
  expect(await unnamedControls(page)).toEqual([]);

  // A new vault on "another computer".
  await page.goto('about:blank');
  await harness.stop();
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Settings' }).click();
  const importForm = page.getByRole('form', { name: 'Import an export' });
  await importForm.getByLabel('Export file (full path)').fill(file);
  await importForm
    .getByRole('textbox', { name: 'Its passphrase (if it was sealed)' })
    .fill('the wrong passphrase entirely');
  await importForm.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect(importForm.getByRole('alert')).toContainText('passphrase');
  await importForm.getByRole('textbox', { name: 'Its passphrase (if it was sealed)' }).fill(EXPORT_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Check the file (dry run)' }).click();
  const clientsRow = importForm.getByRole('row', { name: /^Clients/ });
  await expect(clientsRow).toContainText('2');
  await importForm.screenshot({ path: testInfo.outputPath('import-dry-run.png') });
  await importForm.getByRole('button', { name: /^Import \d+ records$/ }).click();
  await expect(importForm.getByText(/Imported \d+ records/)).toBeVisible();

  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Imani Kariuki', 'Tomas Berg']);

  // Everything is here now: a second dry run has nothing to add.
  await page.getByRole('button', { name: 'Settings' }).click();
  await importForm.getByLabel('Export file (full path)').fill(file);
  await importForm.getByRole('textbox', { name: 'Its passphrase (if it was sealed)' }).fill(EXPORT_PASSPHRASE);
  await importForm.getByRole('button', { name: 'Check the file (dry run)' }).click();
  await expect(importForm.getByText('Nothing to add: everything in this file is already here.')).toBeVisible();
  expect(problems).toEqual([]);
});
