import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * Issue 12, smaller things: ratings typed at speed. The 0–10 mood scale takes number
 * keys ("1 0" is 10) and Backspace clears it; a 0–100 rating is one tab stop (its number
 * box), so Tab goes on to the next field and typing after it can never press "Clear".
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('number keys set the mood scale; a 0–100 rating is one tab stop and typing after Tab never clears it', async ({
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

  const mood = page.getByRole('group', { name: 'Mood', exact: true });
  await mood.getByRole('radio', { name: /^6$/ }).focus();
  await page.keyboard.press('7');
  await expect(mood.getByRole('radio', { name: /^7$/ })).toBeChecked();
  await expect(mood.getByRole('radio', { name: /^7$/ })).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('0');
  await expect(mood.getByRole('radio', { name: '10 (Best)' })).toBeChecked();
  await expect(mood.getByRole('radio', { name: '10 (Best)' })).toBeFocused();
  await page.keyboard.press('0');
  await expect(mood.getByRole('radio', { name: '0 (Worst)' })).toBeChecked();
  await page.keyboard.press('Backspace');
  await expect(mood).toContainText('Not rated');
  await expect(mood.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.keyboard.press('4');
  await expect(mood.getByRole('radio', { name: /^4$/ })).toBeChecked();
  // Tab leaves the scale for the next field, not for "Clear".
  await page.keyboard.press('Tab');
  await expect(mood.getByRole('button', { name: /Clear/ })).not.toBeFocused();
  await expect(mood.getByRole('radio', { name: /^4$/ })).toBeChecked();

  // 0–100: the number box, then straight on to the next field.
  const record = page.locator('#note-section-cognitiveWork').getByRole('group', { name: 'Thought record 1' });
  const belief = record.getByRole('spinbutton', { name: /^Belief in the thought/ });
  await belief.fill('80');
  await expect(record.getByRole('slider', { name: 'Belief in the thought, slider' })).toHaveValue('80');
  await belief.press('Tab');
  await expect(record.getByRole('textbox', { name: 'Emotions' })).toBeFocused();
  // A space or Enter typed now lands in the text box, never on "Clear".
  await page.keyboard.type('anxious ');
  await expect(record.getByRole('textbox', { name: 'Emotions' })).toHaveValue('anxious ');
  await expect(belief).toHaveValue('80');
  // Shift+Tab comes straight back to the number box.
  await page.keyboard.press('Shift+Tab');
  await expect(belief).toBeFocused();

  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await mood.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`mood-scale-${width}.png`) });
  }
  expect(problems).toEqual([]);
});
