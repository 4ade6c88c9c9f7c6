import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * Issue 12: the save status keeps its width. While a note is typed the status goes
 * "Unsaved changes" → "Saving…" → "✓ Saved 18:07:05" (and "Not saved" for a value out of
 * range); the "Sign note…" button beside it must stay exactly where it is.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

type Sample = { text: string; x: number; overflow: boolean };

for (const width of [1366, 900]) {
  test(`the Sign note button does not move while the save status changes (${width} px)`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const { problems } = await guardPage(page);
    await page.setViewportSize({ width, height: 900 });
    harness = await startHarness(freshVaultFolder());
    await page.goto(harness.url);
    await confirmRecoveryKey(page, await createVault(page));
    await addClient(page, { name: 'Daniel Reyes' });
    await startCbtNote(page);
    await expect(page.getByTestId('save-slot')).toBeVisible();

    // Every change of the status text, with where the button was at that moment.
    await page.evaluate(() => {
      const slot = document.querySelector('[data-testid="save-slot"]') as HTMLElement;
      const button = [...document.querySelectorAll('button')].find((each) => each.textContent === 'Sign note…');
      const samples: Sample[] = [];
      const take = () =>
        samples.push({
          text: slot.textContent ?? '',
          x: button?.getBoundingClientRect().x ?? Number.NaN,
          overflow: slot.scrollWidth > slot.clientWidth,
        });
      take();
      new MutationObserver(take).observe(slot, { subtree: true, childList: true, characterData: true });
      (window as unknown as { saveSamples: Sample[] }).saveSamples = samples;
    });

    await page.getByRole('textbox', { name: 'Summary' }).click();
    await page.keyboard.type('Mood a little better; slept six hours most nights.');
    await expect(page.locator('.save-state')).toContainText('Saved');
    // A value out of range: "Not saved", until it is corrected.
    await page.getByRole('spinbutton', { name: /Duration/ }).fill('9999');
    await page.getByRole('spinbutton', { name: /Duration/ }).blur();
    await expect(page.locator('.save-state')).toContainText('Not saved');
    await page.getByRole('spinbutton', { name: /Duration/ }).fill('50');
    await page.getByRole('spinbutton', { name: /Duration/ }).blur();
    await expect(page.locator('.save-state')).toContainText('Saved');

    const samples = await page.evaluate(() => (window as unknown as { saveSamples: Sample[] }).saveSamples);
    const texts = new Set(samples.map((sample) => sample.text.replace(/\d/g, '0')));
    // The status really did change through several texts…
    expect([...texts].some((text) => text.includes('Saved'))).toBe(true);
    expect([...texts].some((text) => text.includes('Not saved'))).toBe(true);
    expect(texts.size).toBeGreaterThanOrEqual(3);
    // …and the button stayed put, with every text fitting its cell.
    expect(new Set(samples.map((sample) => sample.x)).size, JSON.stringify(samples)).toBe(1);
    expect(samples.filter((sample) => sample.overflow)).toEqual([]);
    await page.locator('.note-header').screenshot({ path: testInfo.outputPath(`save-status-${width}.png`) });
    expect(problems).toEqual([]);
  });
}
