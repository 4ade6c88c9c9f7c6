/**
 * A full disk while saving: the therapist is told, the typed text stays on screen,
 * and what was saved before is intact. Needs root to mount a small tmpfs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { SessionkeepApi } from '../../shared/ipc/contract';
import { guardPage, type Harness, startHarness } from './harness';
import { addClient, clientNames, confirmRecoveryKey, createVault } from './pages';

const isRoot = process.getuid?.() === 0;
let harness: Harness | null = null;
let disk: string | null = null;

test.afterEach(async () => {
  await harness?.stop();
  if (disk) {
    execFileSync('umount', ['-l', disk]);
    rmSync(disk, { recursive: true, force: true });
  }
});

test('a full disk while saving a client keeps the typing on screen and loses nothing', async ({ page }) => {
  if (!isRoot) console.log('disk-full: skipped — not running as root, so no small tmpfs can be mounted');
  test.skip(!isRoot, 'needs root to mount a small tmpfs');
  disk = mkdtempSync(join(tmpdir(), 'sessionkeep-e2e-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
  const { problems } = await guardPage(page);
  harness = await startHarness(join(disk, 'vault'));
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Saved Before' });

  // Fill the disk through the same API the app uses, until the core says DISK_FULL,
  // first with large records and then with small ones, so no room is left for the form.
  const code = await page.evaluate(async () => {
    const api = (window as unknown as { sessionkeep?: SessionkeepApi }).sessionkeep;
    if (!api) return 'no api';
    let last = 'never full';
    for (const size of [19_000, 2_000, 200]) {
      for (let i = 0; i < 2_000; i++) {
        const result = await api['clients:create']({
          client: {
            displayName: `Filler ${size}-${i}`,
            preferredName: '',
            pronouns: '',
            dateOfBirth: '',
            phone: '',
            email: '',
            emergencyContactName: '',
            emergencyContactPhone: '',
            presentingConcerns: 'x'.repeat(size),
            diagnosis: '',
            diagnosisCode: '',
          },
        });
        if (!result.ok) {
          last = result.code;
          break;
        }
      }
    }
    return last;
  });
  expect(code).toBe('DISK_FULL');

  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('Name (required)').fill('Typed During A Full Disk');
  await page.getByLabel('Presenting concerns').fill('Words the therapist must not lose. '.repeat(400));
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('alert')).toContainText('The disk is full');
  await expect(page.getByRole('alert')).toContainText('Your typing is still here.');
  await expect(page.getByLabel('Name (required)')).toHaveValue('Typed During A Full Disk');

  // Make room and retry: the same typing is saved, and nothing before was lost.
  execFileSync('mount', ['-o', 'remount,size=16m', disk]);
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: 'Typed During A Full Disk' })).toBeVisible();
  expect(await clientNames(page)).toContain('Saved Before');
  expect(problems).toEqual([]);
});
