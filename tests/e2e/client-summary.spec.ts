import { expect, type Page, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, openClientTab, startCbtNote } from './pages';

/**
 * The client at a glance, first on the client page (issue 12 item 8): diagnosis, last
 * session, open homework and latest scores, kept up to date as they change.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const glance = (page: Page) => page.getByRole('region', { name: 'Client at a glance' });
const fact = (page: Page, term: string) =>
  glance(page)
    .locator('dl > div')
    .filter({ has: page.locator(`dt:text-is("${term}")`) })
    .locator('dd');

test('the client page opens with diagnosis, last session, open homework and latest scores', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Ines Moreau' });

  // Empty: each fact says so.
  await expect(fact(page, 'Diagnosis')).toHaveText('Not recorded');
  await expect(fact(page, 'Last session')).toHaveText('No notes yet');
  await expect(fact(page, 'Open homework')).toHaveText('None open');
  await expect(fact(page, 'Latest scores')).toHaveText('None given yet');

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Diagnosis').fill('Major depressive disorder, single episode, moderate');
  await page.getByLabel(/ICD-10 code/).fill('F32.1');
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(fact(page, 'Diagnosis')).toHaveText('F32.1 — Major depressive disorder, single episode, moderate');

  // A PHQ-9 on the client page shows at once.
  await openClientTab(page, 'Measures');
  const measures = page.getByRole('region', { name: 'Measures', exact: true });
  await measures.getByRole('button', { name: 'Give a measure' }).click();
  const form = measures.getByRole('form', { name: 'Give a measure' });
  await form.getByRole('radio', { name: 'PHQ-9', exact: true }).check();
  await form
    .getByRole('radiogroup', { name: /^Item 1\./ })
    .getByRole('radio')
    .first()
    .focus();
  for (const answer of [2, 1, 2, 1, 1, 0, 1, 1, 0]) await page.keyboard.press(String(answer));
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(fact(page, 'Latest scores')).toContainText(/PHQ-9 9\/27 \(mild\), /);

  // A note started: the last session, opened from the summary.
  await startCbtNote(page);
  await page.getByRole('button', { name: '← Ines Moreau' }).click();
  await expect(fact(page, 'Last session')).toContainText(/^Session 1 · .+ · draft$/);
  await page.screenshot({ path: testInfo.outputPath('client-summary-1280.png') });
  await fact(page, 'Last session').getByRole('button').click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  expect(problems).toEqual([]);
});
