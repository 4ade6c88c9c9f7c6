import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * The CBT note's shape (issue 12 item 8): rich-text boxes start one line tall and grow
 * with what is typed, so an empty note is not a wall of tall boxes.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('rich-text boxes start one line tall and grow with what is typed', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Noor Haddad' });
  await startCbtNote(page);

  const noteHeight = await page.locator('.note-form').evaluate((form) => form.getBoundingClientRect().height);
  testInfo.annotations.push({ type: 'CBT note height at 1366 px', description: `${Math.round(noteHeight)} px` });
  console.log(`CBT note height at 1366 px: ${Math.round(noteHeight)} px`);

  const bridge = page.getByRole('textbox', { name: 'Bridge', exact: true });
  const lineHeight = await bridge.evaluate((box) => Number.parseFloat(getComputedStyle(box).lineHeight));
  const emptyHeight = (await bridge.boundingBox())?.height ?? 0;
  // One line of text plus padding and border: at most two lines tall.
  expect(emptyHeight).toBeGreaterThan(lineHeight);
  expect(emptyHeight).toBeLessThanOrEqual(2 * lineHeight + 2);

  await bridge.click();
  await page.keyboard.type('Remembered the thought record.');
  for (const line of ['Tried it twice.', 'Found the evidence column hard.', 'Wants to keep going.']) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  const grownHeight = (await bridge.boundingBox())?.height ?? 0;
  expect(grownHeight).toBeGreaterThan(emptyHeight + 3 * lineHeight);
  await page.screenshot({ path: testInfo.outputPath('cbt-note-1366.png'), fullPage: true });
  expect(problems).toEqual([]);
});
