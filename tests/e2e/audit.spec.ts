/**
 * The activity log as a therapist sees it: Settings › Activity log lists what was done
 * (a failed unlock included), pages back with "Load older", and exports CSV through
 * a Blob download. No client name appears in the table or the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import { readKeyFile, unwrapDataKey } from '../../electron/core/vault/keyFile';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, PASSPHRASE, unlock, unnamedControls } from './pages';

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
  await expect(card.getByRole('status').filter({ hasText: /The log is intact \(\d+ entries, checked / })).toBeVisible();
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

test('a log altered behind the app shows where, and a damaged row does not break the screen', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Rosalind Featherstonehaugh' });
  await page.getByRole('button', { name: /^Lock/ }).click();
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  await page.goto('about:blank');
  await harness.stop();

  // Someone with the key drops the triggers, removes an entry and spoils another's detail.
  const dataKey = await unwrapDataKey(await readKeyFile(join(vault, 'vault.key')), PASSPHRASE);
  const db = new Database(join(vault, 'vault.db'));
  db.pragma("cipher = 'chacha20'");
  db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
  db.exec('DROP TRIGGER audit_log_is_kept; DROP TRIGGER audit_log_is_never_deleted;');
  const ids = db.prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];
  const [first, removed, after, spoiled] = ids as [number, number, number, number];
  db.prepare('DELETE FROM audit_log WHERE id = ?').run(removed);
  db.prepare("UPDATE audit_log SET detail_json = '{broken' WHERE id = ?").run(spoiled);
  db.close();

  harness = await startHarness(vault);
  await page.goto(harness.url);
  await unlock(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Activity log' });
  await expect(card.getByRole('alert')).toContainText(
    `The log was altered: entry #${after} does not follow #${first} (entries were removed, inserted or renumbered here).`,
  );
  const table = card.getByRole('table', { name: 'Activity log' });
  await expect(table.locator('tr.audit-bad')).toHaveCount(1);
  await expect(table.locator('tr.audit-bad')).toContainText('First entry that does not hold');
  await expect(table.locator('tr.audit-bad td').first()).toHaveText(String(after));
  const damaged = table.locator('tr.audit-damaged');
  await expect(damaged).toHaveCount(1);
  await expect(damaged).toContainText('Damaged entry');
  await expect(damaged).toContainText('Its detail is not readable.');
  // The rest of the log is still listed.
  await expect(table).toContainText('Vault created');
  await card.getByRole('button', { name: 'Check again' }).click();
  await expect(card.getByRole('alert')).toContainText(`entry #${after} does not follow #${first}`);
  await card.scrollIntoViewIfNeeded();
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await card.screenshot({ path: testInfo.outputPath(`activity-log-altered-${width}.png`) });
  }
  expect(await unnamedControls(page)).toEqual([]);
  expect(problems).toEqual([]);
});
