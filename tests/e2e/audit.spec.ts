/**
 * The activity log as a therapist sees it: Settings › Activity log lists what was done
 * (a failed unlock included), pages back with "Load older", and exports CSV through
 * a Blob download. No client name appears in the table or the file.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, unlock, unnamedControls } from './pages';

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('the activity log shows actions and failed unlocks and exports CSV without names', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Rosalind Featherstonehaugh' });

  // A wrong passphrase while locked, then the right one.
  await page.getByRole('button', { name: /^Lock/ }).click();
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase at all');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await unlock(page);

  await page.getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Activity log' });
  const table = card.getByRole('table', { name: 'Activity log' });
  await expect(table.getByRole('row').nth(1)).toContainText('Unlocked');
  await expect(table.getByRole('row').nth(2)).toContainText('Failed unlock attempt');
  await expect(table).toContainText('Locked');
  await expect(table).toContainText('Client added');
  await expect(table).toContainText('Vault created');
  await expect(card).not.toContainText('Rosalind');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: testInfo.outputPath('activity-log.png') });

  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sessionkeep-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toBe('id,at,action,entity_type,entity_id,detail');
  expect(csv).toContain('unlock.failed');
  expect(csv).not.toContain('Rosalind');
  await expect(card.getByText(/Exported \d+ entries as CSV/)).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText('Activity log exported');

  expect(await unnamedControls(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('"Load older" pages back through a long log', async ({ page }) => {
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  // 60 settings saves through the app's own bridge: more than one page of 50.
  await page.evaluate(async () => {
    const api = (window as unknown as { sessionkeep: { 'settings:update'(r: object): Promise<unknown> } }).sessionkeep;
    for (let i = 0; i < 60; i++) await api['settings:update']({ autoLockMinutes: 10 + (i % 5) });
  });
  await page.getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Activity log' });
  const rows = card.getByRole('table', { name: 'Activity log' }).locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await card.getByRole('button', { name: 'Load older' }).click();
  // The oldest entry is the vault's creation, after the 60 saves and the key's confirmation.
  await expect(rows.last()).toContainText('Vault created');
  expect(await rows.count()).toBeGreaterThan(60);
  await expect(card.getByRole('button', { name: 'Load older' })).toBeHidden();
  expect(problems).toEqual([]);
});
