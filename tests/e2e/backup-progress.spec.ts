/**
 * Heavy work off the main thread, as a therapist sees it (issue 13): on a vault big
 * enough for a backup and an export to take seconds, Settings shows each one's progress
 * with a way to stop it; stopping says so in words and leaves the backup folder as it
 * was and no export file behind; the next backup is made and verified. The vault is
 * made in Node with the real core (fast), then opened in the browser.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore } from '../../electron/core/core';
import { emptyClientInput } from '../../shared/clients/client';
import { expectNoAxeViolations } from './a11y';
import { createConfirmedVault, value } from './coreVault';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { unlock } from './pages';

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const WORDS = ['thought', 'record', 'evidence', 'anxious', 'walked', 'harbour', 'morning', 'avoided', 'tried'];

/** Text that does not repeat in blocks (a seeded generator), so the vault is as big as it looks. */
function longText(seed: number, words: number): string {
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out.push(`${WORDS[state % WORDS.length]}${state % 997}`);
  }
  return out.join(' ');
}

/**
 * A vault of about 40 MB: one client, 120 long notes, a backup folder and one backup
 * (so none is due at unlock). Backups run in the worker the build put in dist/electron.
 */
async function bigVault(folder: string, backupFolder: string): Promise<void> {
  process.env.SESSIONKEEP_WORKER_SCRIPT = join(process.cwd(), 'dist', 'electron', 'heavyWork.worker.cjs');
  const core = createCore({ folder });
  try {
    await createConfirmedVault(core);
    // As Electron's folder dialog does: the chosen folder is registered, the page sends its token.
    const { token } = core.files.register('backup-folder', backupFolder);
    value(await core.handle('settings:setBackupFolder', { folder: token }));
    const client = value<{ id: string }>(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Robin Gale' } }),
    );
    for (let i = 0; i < 120; i++) {
      const note = value<{ id: string }>(
        await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }),
      );
      const summary = {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: longText(i + 1, 20_000) }] }],
      };
      value(await core.handle('notes:saveDraft', { id: note.id, changes: { summary } }));
    }
    value(await core.handle('backup:now', {}));
  } finally {
    await core.shutdown();
  }
}

test('a backup and an export show their progress and can be stopped, leaving nothing behind', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  const backupFolder = join(dirname(vault), 'backups');
  mkdirSync(backupFolder, { recursive: true });
  await bigVault(vault, backupFolder);
  expect(statSync(join(vault, 'vault.db')).size).toBeGreaterThan(30_000_000);
  const [first] = readdirSync(backupFolder);
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await unlock(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const backups = page.getByRole('region', { name: 'Backups' });

  // Back up now: the progress bar and its Stop button; stopping says so and adds nothing.
  await backups.getByRole('button', { name: 'Back up now' }).click();
  const progress = backups.getByRole('progressbar');
  await expect(progress).toBeVisible();
  // Named by its stage, for a screen reader too.
  await expect(progress).toHaveAccessibleName(/Copying the vault|Adding the key file|Checking the copy/);
  await backups.screenshot({ path: testInfo.outputPath('backup-in-progress.png') });
  await backups.getByRole('button', { name: 'Stop backup' }).click();
  await expect(backups.getByText('The backup was stopped. Nothing was added to the backup folder.')).toBeVisible();
  await expect(progress).toHaveCount(0);
  expect(readdirSync(backupFolder)).toEqual([first]);
  await expectNoAxeViolations(page, 'a backup stopped');

  // The next one runs to the end and is verified.
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByText(/Backed up and verified/)).toBeVisible({ timeout: 120_000 });
  expect(readdirSync(backupFolder).filter((name) => name.startsWith('sessionkeep-backup-'))).toHaveLength(2);
  expect(readdirSync(backupFolder).filter((name) => name.startsWith('.'))).toEqual([]);

  // Export: its progress and Cancel; nothing is downloaded.
  const exportForm = page.getByRole('form', { name: 'Export the whole vault' });
  await exportForm.getByRole('checkbox').first().uncheck();
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await exportForm.getByRole('button', { name: 'Export…', exact: true }).click();
  await expect(exportForm.getByRole('progressbar')).toBeVisible();
  await exportForm.screenshot({ path: testInfo.outputPath('export-in-progress.png') });
  await exportForm.getByRole('button', { name: 'Cancel' }).click();
  await expect(exportForm.getByText(/Not exported\. Stopped\./)).toBeVisible();
  await expect(exportForm.getByRole('progressbar')).toHaveCount(0);
  expect(downloads).toBe(0);
  expect(problems).toEqual([]);
});
