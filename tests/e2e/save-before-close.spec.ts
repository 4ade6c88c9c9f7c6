import { expect, type Page, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote, unlock } from './pages';

/**
 * Nothing typed is lost when the shell locks or quits (issue 13): the harness plays the
 * shell's part (menu Lock, screen lock, quitting) through the same save-first protocol
 * as Electron. The keystrokes land within 100 ms of the lock or quit, well inside the
 * autosave's one-second pause, and the page is reloaded before checking, so nothing can
 * come back from the old window's memory: only what reached the vault on disk.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const summary = (page: Page) => page.getByRole('textbox', { name: 'Summary' });

/** Types at the end of the Summary and has the shell act at once; returns the gap in ms. */
async function typeThenShell(page: Page, text: string, action: 'lock' | 'quit'): Promise<number> {
  await summary(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  return page.evaluate(async (path) => {
    const typedAt = performance.now();
    const sent = fetch(path, { method: 'POST' });
    const gap = performance.now() - typedAt;
    await sent.catch(() => undefined);
    return gap;
  }, `/__shell/${action}`);
}

async function openTheNote(page: Page) {
  await page.getByRole('list', { name: 'Client list' }).getByRole('button', { name: 'Rosa Lind' }).click();
  await page.getByRole('button', { name: /CBT session · Session 1/ }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
}

test('typing right before a lock or a quit is in the vault afterwards', async ({ page }) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Rosa Lind' });
  await startCbtNote(page);
  await summary(page).click();
  await page.keyboard.type('Slept better.');
  await expect(page.locator('.save-state')).toContainText('Saved');

  // The shell locks (menu, screen lock, suspend) within 100 ms of the last keystroke.
  const lockGap = await typeThenShell(page, ' Worked on the panic cycle diagram', 'lock');
  expect(lockGap).toBeLessThan(100);
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  await page.reload();
  await unlock(page);
  await openTheNote(page);
  await expect(summary(page)).toHaveText('Slept better. Worked on the panic cycle diagram');

  // The app quits within 100 ms of the last keystroke; a new process opens the same vault.
  const quitGap = await typeThenShell(page, ' and agreed a behavioural experiment', 'quit');
  expect(quitGap).toBeLessThan(100);
  const exited = harness.process;
  await expect.poll(() => exited.exitCode, { timeout: 10_000 }).not.toBeNull();
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await unlock(page);
  await openTheNote(page);
  await expect(summary(page)).toHaveText(
    'Slept better. Worked on the panic cycle diagram and agreed a behavioural experiment',
  );

  expect(problems.filter((problem) => !problem.includes('Failed to load resource'))).toEqual([]);
});
