import { expect, test } from '@playwright/test';
import { checkScreen } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * A screen that throws while drawing (issue 13): the window does not go blank. The
 * failure is injected from outside the app, as a browser fault would be: the time
 * format the save status uses starts throwing, and the next "Saved" draws it.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('a screen that fails to draw shows a way out, keeps the top bar, and comes back with the text', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Ines Moreau' });
  await startCbtNote(page);
  const summary = page.getByRole('textbox', { name: 'Summary' });
  await summary.click();
  await page.keyboard.type('Slept better.');
  await expect(page.locator('.save-state')).toContainText('Saved');

  await page.evaluate(() => {
    const original = Date.prototype.toLocaleTimeString;
    Object.assign(window, { restoreTimeFormat: () => Object.assign(Date.prototype, { toLocaleTimeString: original }) });
    Date.prototype.toLocaleTimeString = () => {
      throw new RangeError('injected time-format fault');
    };
  });
  await page.keyboard.type(' Went out twice.');

  const failed = page.getByRole('heading', { name: 'This screen could not be shown' });
  await expect(failed).toBeVisible();
  await expect(failed).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Lock/ })).toBeVisible();
  await checkScreen(page, testInfo, 'screen-failed');

  await page.evaluate(() => (window as unknown as { restoreTimeFormat: () => void }).restoreTimeFormat());
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Summary' })).toHaveText('Slept better. Went out twice.');

  // Only the injected fault was reported, by React and by the boundary (its name only).
  const unexpected = problems.filter(
    (problem) => !/injected time-format fault|ScreenErrorBoundary|RangeError/.test(problem),
  );
  expect(unexpected).toEqual([]);
  expect(
    problems.some((problem) => problem.includes('ScreenErrorBoundary: a screen failed to draw (RangeError)')),
  ).toBe(true);
});
