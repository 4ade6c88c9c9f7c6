import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import {
  addClient,
  clientList,
  clientNames,
  confirmRecoveryKey,
  createVault,
  openClientTab,
  PASSPHRASE,
  unlock,
  unnamedControls,
} from './pages';

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('a therapist creates a vault, manages clients, locks, and finds everything after a restart', async ({ page }) => {
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  harness = await startHarness(vault);
  await page.goto(harness.url);

  expect(await unnamedControls(page)).toEqual([]);
  const recoveryKey = await createVault(page);
  expect(await unnamedControls(page)).toEqual([]);
  expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
  await confirmRecoveryKey(page, recoveryKey);

  await addClient(page, { name: 'Zoë Ångström', preferred: 'Zo', email: 'zoe@example.org', concerns: 'Low mood.' });
  expect(await unnamedControls(page)).toEqual([]);
  await addClient(page, { name: 'José García' });
  await addClient(page, { name: 'Margaret Oyelaran-Kim' });
  expect(await clientNames(page)).toEqual(['José García', 'Margaret Oyelaran-Kim', 'Zoë Ångström (Zo)']);

  // Search is instant and ignores case and accents.
  const search = page.getByLabel('Search clients');
  await search.fill('ZOE ANG');
  expect(await clientNames(page)).toEqual(['Zoë Ångström (Zo)']);
  await search.fill('garcia');
  expect(await clientNames(page)).toEqual(['José García']);
  await search.fill('nobody like this');
  await expect(page.getByText('No client matches.')).toBeVisible();
  await search.fill('');

  // Archive hides the client from the list, but the record is kept.
  await clientList(page).getByRole('button', { name: 'Margaret Oyelaran-Kim' }).click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was archived' })).toBeVisible();
  expect(await clientNames(page)).toEqual(['José García', 'Zoë Ångström (Zo)']);
  await page.getByLabel('Show archived (1)').check();
  expect(await clientNames(page)).toContain('Margaret Oyelaran-Kim');
  // Taking a client out of the archive is not called "Restore" (that is for backups).
  await clientList(page).getByRole('button', { name: 'Margaret Oyelaran-Kim' }).click();
  await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Unarchive' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is active again' })).toBeVisible();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was archived' })).toBeVisible();

  // Lock clears every client detail from the screen.
  await clientList(page).getByRole('button', { name: 'Zoë Ångström (Zo)' }).click();
  await expect(page.getByRole('heading', { name: 'Zoë Ångström (Zo)' })).toBeVisible();
  await openClientTab(page, 'Details');
  await expect(page.getByText('zoe@example.org')).toBeVisible();
  await page.getByRole('button', { name: /Lock/ }).click();
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  await expect(page.getByText('Zoë')).toHaveCount(0);
  await expect(page.getByText('zoe@example.org')).toHaveCount(0);

  expect(await unnamedControls(page)).toEqual([]);
  // A wrong passphrase is refused with a message.
  await page.getByLabel('Passphrase', { exact: true }).fill('not the right passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/That passphrase is not correct/);

  // Unlocking returns to where the therapist was, on the same tab.
  await unlock(page);
  await expect(page.getByRole('heading', { name: 'Zoë Ångström (Zo)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('zoe@example.org')).toBeVisible();

  // Restart the harness process on the same folder: the records are on disk.
  // (The page is closed first, as the window would be when the app quits.)
  await page.goto('about:blank');
  await harness.stop();
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await unlock(page, PASSPHRASE);
  await page.getByLabel('Show archived (1)').check();
  expect(await clientNames(page)).toEqual(['José García', 'Margaret Oyelaran-Kim', 'Zoë Ångström (Zo)']);
  await clientList(page).getByRole('button', { name: 'Zoë Ångström (Zo)' }).click();
  await openClientTab(page, 'Details');
  await expect(page.getByText('Low mood.')).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  expect(await unnamedControls(page)).toEqual([]);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Change passphrase' })).toBeVisible();
  expect(await unnamedControls(page)).toEqual([]);

  expect(problems).toEqual([]);
});
