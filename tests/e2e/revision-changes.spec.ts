import { expect, test } from '@playwright/test';
import { checkScreen } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * Issue 12: a note's history shows, for a chosen version, what changed from the one
 * before it, field by field, with added words underlined and removed ones struck through.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('a version in the history shows what changed from the version before it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Daniel Reyes' });
  await startCbtNote(page);

  const summary = page.getByRole('textbox', { name: 'Summary' });
  await summary.click();
  await page.keyboard.type('Felt low about work this week.');
  await expect(page.locator('.save-state')).toContainText('Saved');

  // The first version has nothing before it.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog');
  await history.locator('.revision-item').first().click();
  const changes = history.getByRole('region', { name: /^What changed/ });
  await expect(changes).toContainText('This is the first version kept');

  // A restore keeps a version of its own, so the next edit starts a new one.
  await history.getByRole('button', { name: 'Restore this version…' }).click();
  await history.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(history).toBeHidden();
  await summary.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Felt calmer about work this week.');
  await expect(page.locator('.save-state')).toContainText('Saved');

  await page.getByRole('button', { name: 'History' }).click();
  await expect(history.locator('.revision-item')).toHaveCount(3);
  await history.locator('.revision-item').first().click();
  await expect(changes).toBeVisible();
  const change = changes.locator('.change');
  await expect(change).toHaveCount(1);
  await expect(change.locator('dt')).toHaveText(/Summary$/);
  await expect(change.locator('del')).toHaveText('[removed: low]');
  await expect(change.locator('ins')).toHaveText('[added: calmer]');
  // Not colour alone: the marks are drawn as lines.
  expect(await change.locator('ins').evaluate((node) => getComputedStyle(node).textDecorationLine)).toContain(
    'underline',
  );
  expect(await change.locator('del').evaluate((node) => getComputedStyle(node).textDecorationLine)).toContain(
    'line-through',
  );
  await checkScreen(page, testInfo, 'history-what-changed');

  // The restored version repeats the one before it.
  await history.getByRole('button', { name: '← All versions' }).click();
  await history.locator('.revision-item').nth(1).click();
  await expect(changes).toContainText('Nothing that shows in the note changed.');
  expect(problems).toEqual([]);
});
