import { expect, test } from '@playwright/test';
import { checkScreen } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { confirmRecoveryKey, createVault } from './pages';

/**
 * Issue 12: Settings has in-page navigation. A short list of links, one per card; a
 * link brings its card into view and moves focus to the card's heading. On a wide window
 * the list stays in view while the page scrolls; at 900 px nothing scrolls sideways.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const CARDS = [
  ['You and your practice', 'You and your practice'],
  ['Backups', 'Backups'],
  ['Activity log', 'Activity log'],
  ['About', 'About'],
  ['Note templates', 'Templates'],
] as const;

test('Settings links to each card, focus lands on its heading, and the list stays in view', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Settings' }).click();
  const nav = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(nav.getByRole('link')).toHaveCount(14);

  for (const [link, heading] of CARDS) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    const title = page.getByRole('heading', { level: 2, name: heading, exact: true });
    await expect(title).toBeFocused();
    await expect(title).toBeInViewport();
    // Not hidden under the sticky top bar.
    const bar = await page.locator('.topbar').boundingBox();
    const box = await title.boundingBox();
    expect(box?.y ?? 0).toBeGreaterThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0));
  }

  // Wide: after scrolling to the last card, the list is still on screen beside it.
  await nav.getByRole('link', { name: 'About', exact: true }).click();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await expect(nav.getByRole('link', { name: 'You and your practice' })).toBeInViewport();

  // Keyboard: Tab to a link and Enter goes there too.
  await nav.getByRole('link', { name: 'Data health', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Data health' })).toBeFocused();

  // Pictures of the window itself: the top at each width, and the last card at 1366 px.
  await page.screenshot({ path: testInfo.outputPath('settings-nav-scrolled-1366.png') });
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 768 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`settings-nav-top-${width}.png`) });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkScreen(page, testInfo, 'settings-with-nav');
  expect(problems).toEqual([]);
});
