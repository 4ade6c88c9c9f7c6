import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * Issue 12, smaller things: a small formatting toolbar on rich-text fields (bold, italic,
 * bullet and numbered lists, undo, redo), each tooltip naming its shortcut. It shows while
 * the box is typed in, keeps the cursor in the box, and adds no tab stops.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('the formatting toolbar bolds, makes lists, undoes and redoes, and never takes a tab stop', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Daniel Reyes' });
  await startCbtNote(page);

  const box = page.getByRole('textbox', { name: 'Mood notes' });
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar).toHaveCount(0);
  await box.click();
  await expect(toolbar).toHaveCount(1);
  const names = await toolbar.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.ariaLabel));
  expect(names).toEqual(['Bold', 'Italic', 'Bulleted list', 'Numbered list', 'Undo', 'Redo']);
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', /^Bold \((Ctrl\+|⌘)B\)$/);
  await expect(toolbar.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await page.keyboard.type('Slept better');
  await page.keyboard.press('ControlOrMeta+a');
  await toolbar.getByRole('button', { name: 'Bold' }).click();
  await expect(box).toBeFocused();
  await expect(box.locator('strong')).toHaveText('Slept better');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
  await expect(box.locator('ul > li')).toHaveText('Slept better');
  await box.locator('ul > li').click();
  await page.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(box.locator('ul')).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect(box.locator('ul > li')).toHaveText('Slept better');
  await box.locator('ul > li').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Walked twice');
  await toolbar.getByRole('button', { name: 'Numbered list' }).click();
  await expect(box.locator('ol > li')).toHaveCount(2);
  await expect(box).toBeFocused();
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`toolbar-${width}.png`) });
  }

  // Tab goes on to the next field, past the toolbar; the toolbar goes with the focus.
  await page.keyboard.press('Tab');
  await expect(box).not.toBeFocused();
  await expect(page.locator('.format-button:focus')).toHaveCount(0);
  await expect(toolbar).toHaveCount(0);

  // The formatting is saved with the note.
  await expect(page.locator('.save-state')).toHaveText(/^✓ Saved/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Daniel Reyes' }).click();
  await page
    .getByRole('button', { name: /CBT session/ })
    .first()
    .click();
  const saved = page.getByRole('textbox', { name: 'Mood notes' });
  await expect(saved.locator('ol > li')).toHaveCount(2);
  await expect(saved.locator('ol > li').first().locator('strong')).toHaveText('Slept better');
  expect(problems).toEqual([]);
});
