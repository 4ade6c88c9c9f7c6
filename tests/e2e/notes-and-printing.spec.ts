import { expect, type Page, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { confirmRecoveryKey, createVault, unnamedControls } from './pages';

/**
 * Issue 12, smaller things: Settings → Notes and printing sets after how many days an
 * unsigned draft is flagged (3 unless changed) and the default paper size for client
 * sheets; a bad number is marked at its field and nothing is saved.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

async function openCard(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('form', { name: 'Notes and printing' });
  await expect(card).toBeVisible();
  return card;
}

test('the draft reminder and the default paper size are set in Settings and used', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));

  let card = await openCard(page);
  const days = card.getByLabel(/^Flag unsigned drafts after/);
  const paper = card.getByLabel('Paper size for client sheets');
  await expect(days).toHaveValue('3');
  await expect(paper).toHaveValue('auto');

  // Out of range: marked, announced beside it, focused, and nothing saved.
  await days.fill('0');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('Flag drafts after at least 1 day.')).toBeVisible();
  await expect(days).toBeFocused();
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`notes-and-printing-${width}.png`) });
  }
  expect(await unnamedControls(page)).toEqual([]);

  await days.fill('5');
  await expect(days).not.toHaveAttribute('aria-invalid', 'true');
  await paper.selectOption({ label: 'US Letter' });
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('status').or(card.getByRole('alert'))).toContainText(
    'Drafts are flagged after 5 days; sheets print on US Letter.',
  );

  // Kept: read back after leaving Settings.
  await page.getByRole('button', { name: 'Clients' }).click();
  card = await openCard(page);
  await expect(card.getByLabel(/^Flag unsigned drafts after/)).toHaveValue('5');
  await expect(card.getByLabel('Paper size for client sheets')).toHaveValue('letter');

  // A blank sheet starts on the chosen paper; choosing another there still works.
  await page
    .getByRole('navigation', { name: 'Sections', exact: true })
    .getByRole('button', { name: 'Worksheets' })
    .click();
  await page.getByRole('button', { name: 'Print blank: Thought record', exact: true }).click();
  await expect(page.getByLabel('Paper size')).toHaveValue('letter');
  await page.getByLabel('Paper size').selectOption({ label: 'A4' });
  await expect(page.getByLabel('Paper size')).toHaveValue('a4');
  expect(problems).toEqual([]);
});

test('settings that arrive after typing never replace it: the name typed at once is the one saved', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));

  // Every Settings card asks for the settings when it opens; hold the answers back until
  // the therapist has typed, as a slow disk would.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let delivered = 0;
  await page.route(
    (url) => decodeURIComponent(url.pathname) === '/ipc/settings:get',
    async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
      delivered += 1;
    },
  );
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your name, as you sign notes').fill('Dr Ana Ruiz');
  await page.getByLabel('Practice name').fill('Harbour Street Therapy');
  await page.getByLabel('Minutes (1–60)').fill('15');
  await page.getByLabel(/^Flag unsigned drafts after/).fill('4');
  release();
  await expect.poll(() => delivered).toBeGreaterThanOrEqual(3);
  await expect(page.getByLabel('Your name, as you sign notes')).toHaveValue('Dr Ana Ruiz');
  await expect(page.getByLabel('Practice name')).toHaveValue('Harbour Street Therapy');
  await expect(page.getByLabel('Minutes (1–60)')).toHaveValue('15');
  await expect(page.getByLabel(/^Flag unsigned drafts after/)).toHaveValue('4');
  await page.unroute((url) => decodeURIComponent(url.pathname) === '/ipc/settings:get');

  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Your name, as you sign notes')).toHaveValue('Dr Ana Ruiz');
  await expect(page.getByLabel('Practice name')).toHaveValue('Harbour Street Therapy');
  expect(problems).toEqual([]);
});
