import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, queueChosenFolder, startHarness } from './harness';
import { addClient, clientNames, confirmRecoveryKey, createVault, PASSPHRASE, unnamedControls } from './pages';

/**
 * Backups the way a therapist meets them: the home screen asks for a backup folder,
 * "Back up now" in Settings makes a verified one, a restore brings an earlier state back
 * (the current vault set aside, not overwritten), and a damaged vault found at unlock
 * points to the latest good backup and is restored from the unlock screen.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Backups' });
}

test('back up now, restore an earlier backup, and recover a damaged vault from the unlock screen', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  const backupFolder = join(dirname(vault), 'backups');
  mkdirSync(backupFolder);
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Amara Okafor' });
  await page.getByRole('button', { name: 'Clients' }).click();

  // The home screen asks for backups until a folder is set.
  const reminder = page.getByRole('status').filter({ hasText: 'No backups yet' });
  await expect(reminder).toBeVisible();
  await reminder.getByRole('button', { name: 'Set up backups' }).click();
  const card = page.getByRole('region', { name: 'Backups' });
  await expect(card).toContainText('No backup has been made yet.');

  // The folder is chosen in the system's dialog (issue 13); closing it changes nothing.
  await expect(card).toContainText('No backup folder is chosen yet');
  await card.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(card).toContainText('No backup folder is chosen yet');
  await queueChosenFolder(harness, backupFolder);
  await card.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(card.getByText('Backup folder saved.')).toBeVisible();
  await expect(card).toContainText(`Backups go to ${backupFolder}`);

  await card.getByRole('button', { name: 'Back up now' }).click();
  await expect(card.getByText(/Backed up and verified/)).toBeVisible();
  await expect(card).toContainText('Last good backup:');
  const made = readdirSync(backupFolder).filter((name) => name.startsWith('sessionkeep-backup-'));
  expect(made).toHaveLength(1);
  const backupDb = readFileSync(join(backupFolder, made[0] ?? '', 'vault.db'));
  expect(backupDb.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  expect(backupDb.includes(Buffer.from('Amara Okafor'))).toBe(false);
  expect(await unnamedControls(page)).toEqual([]);
  await card.screenshot({ path: testInfo.outputPath('backup-settings.png') });

  // Home shows when the last backup was made.
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Last backup:' })).toBeVisible();

  // A client added after the backup is gone once the backup is restored.
  await addClient(page, { name: 'Added After Backup' });
  await openSettings(page);
  await card.getByRole('button', { name: 'Restore a backup…' }).click();
  const panel = card.getByRole('region', { name: 'Restore from a backup' });
  await expect(panel.getByRole('row')).toHaveCount(2);
  await expect(panel).toContainText('Good (verified)');
  await expect(panel).toContainText('1 client');
  await panel.getByRole('button', { name: /^Restore…/ }).click();
  await panel.getByLabel('Passphrase', { exact: true }).fill('not the passphrase, sorry');
  await panel.getByRole('button', { name: 'Check this backup' }).click();
  await expect(panel.getByRole('alert')).toContainText('That passphrase is not correct.');
  await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Check this backup' }).click();
  await expect(panel).toContainText('It holds 1 client, 0 notes (0 signed)');
  await panel.screenshot({ path: testInfo.outputPath('restore-panel.png') });
  // The restored vault opens afresh, at its home screen.
  await Promise.all([
    page.waitForEvent('framenavigated'),
    panel.getByRole('button', { name: 'Restore this backup' }).click(),
  ]);
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Amara Okafor']);
  const asides = readdirSync(vault).filter((name) => name.startsWith('set-aside-'));
  expect(asides).toHaveLength(1);
  expect(existsSync(join(vault, asides[0] ?? '', 'vault.db'))).toBe(true);

  // Changed our mind: the set-aside vault comes back (and the restored one is set aside).
  await openSettings(page);
  const setAside = card.getByRole('region', { name: 'Vaults set aside by a restore' });
  await setAside.getByRole('button', { name: /^Bring back…/ }).click();
  await setAside.getByRole('textbox', { name: 'Its passphrase' }).fill(PASSPHRASE);
  await Promise.all([
    page.waitForEvent('framenavigated'),
    setAside.getByRole('button', { name: 'Bring it back' }).click(),
  ]);
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Added After Backup', 'Amara Okafor']);
  // And once more to the backup's state, for what follows.
  await openSettings(page);
  await card.getByRole('button', { name: 'Restore a backup…' }).click();
  await panel
    .getByRole('button', { name: /^Restore…/ })
    .last()
    .click();
  await panel.getByRole('textbox', { name: 'Passphrase' }).fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Check this backup' }).click();
  await Promise.all([
    page.waitForEvent('framenavigated'),
    panel.getByRole('button', { name: 'Restore this backup' }).click(),
  ]);
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Amara Okafor']);

  // Damage: lock, stop, flip bytes in the middle of vault.db, start again.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  await page.goto('about:blank');
  await harness.stop();
  const dbPath = join(vault, 'vault.db');
  const size = statSync(dbPath).size;
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, Math.floor(size / 2));
  closeSync(fd);
  const damaged = readFileSync(dbPath);
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await expect(restore).toContainText('damaged');
  await expect(restore).toContainText('The latest good backup is from');
  await restore.screenshot({ path: testInfo.outputPath('damaged-vault-restore.png') });
  // Two now: the restored vault was backed up again when it was unlocked. The newest is first.
  await restore
    .getByRole('button', { name: /^Restore…/ })
    .first()
    .click();
  await restore.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Check this backup' }).click();
  await restore.getByRole('button', { name: 'Restore this backup' }).click();
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Amara Okafor']);
  // The damaged file was set aside as it was, never overwritten.
  const kept = readdirSync(vault)
    .filter((name) => name.startsWith('set-aside-'))
    .map((name) => join(vault, name, 'vault.db'))
    .filter((path) => existsSync(path) && readFileSync(path).equals(damaged));
  expect(kept).toHaveLength(1);

  // A new computer: an empty vault folder, restored from the backup folder on its first screen.
  await page.goto('about:blank'); // closes the event stream before the harness goes away
  await harness.stop();
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  const fresh = page.getByRole('region', { name: 'Restore from a backup' });
  await queueChosenFolder(harness, backupFolder);
  await fresh.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(fresh).toContainText('Backups in backups, in');
  await fresh
    .getByRole('button', { name: /^Restore…/ })
    .first()
    .click();
  await fresh.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await fresh.getByRole('button', { name: 'Check this backup' }).click();
  await expect(fresh).toContainText('It holds 1 client');
  await fresh.getByRole('button', { name: 'Restore this backup' }).click();
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Amara Okafor']);

  expect(problems).toEqual([]);
});

test('a restore is undone from the unlock screen: lock, then bring the set-aside vault back', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  const backupFolder = join(dirname(vault), 'backups');
  mkdirSync(backupFolder);
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Amara Okafor' });

  const card = await openSettings(page);
  await queueChosenFolder(harness, backupFolder);
  await card.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(card.getByText('Backup folder saved.')).toBeVisible();
  await card.getByRole('button', { name: 'Back up now' }).click();
  await expect(card.getByText(/Backed up and verified/)).toBeVisible();
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Added After Backup' });

  // Restore the backup: the vault holding "Added After Backup" is set aside.
  await openSettings(page);
  await card.getByRole('button', { name: 'Restore a backup…' }).click();
  const panel = card.getByRole('region', { name: 'Restore from a backup' });
  await panel.getByRole('button', { name: /^Restore…/ }).click();
  await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await panel.getByRole('button', { name: 'Check this backup' }).click();
  await Promise.all([
    page.waitForEvent('framenavigated'),
    panel.getByRole('button', { name: 'Restore this backup' }).click(),
  ]);
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Amara Okafor']);

  // Locked: the unlock screen offers the set-aside vault, no unlock needed first.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  const setAside = page.getByRole('region', { name: 'Vaults set aside by a restore' });
  await expect(setAside).toBeVisible();
  await expect(setAside.getByRole('listitem')).toHaveCount(1);
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: testInfo.outputPath(`unlock-set-aside-${width}.png`), fullPage: true });
  }
  await setAside.getByRole('button', { name: /^Bring back…/ }).click();
  await setAside.getByRole('textbox', { name: 'Its passphrase' }).fill('not the passphrase, sorry');
  await setAside.getByRole('button', { name: 'Bring it back' }).click();
  await expect(setAside.getByRole('alert')).toContainText('That passphrase is not correct.');
  await page.screenshot({ path: testInfo.outputPath('unlock-set-aside-form.png'), fullPage: true });
  expect(await unnamedControls(page)).toEqual([]);
  await setAside.getByRole('textbox', { name: 'Its passphrase' }).fill(PASSPHRASE);
  await setAside.getByRole('button', { name: 'Bring it back' }).click();

  // In, on the vault brought back; the restored one is set aside in its turn.
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect.poll(() => clientNames(page)).toEqual(['Added After Backup', 'Amara Okafor']);
  const asides = readdirSync(vault).filter((name) => name.startsWith('set-aside-'));
  expect(asides).toHaveLength(1);
  expect(problems).toEqual([]);
});
