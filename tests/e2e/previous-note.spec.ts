import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * Issue 12, smaller things: "Start from the previous note" is on by default, so the
 * second session opens with the last session's bridge and agenda; unticked, it starts empty.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('a new note starts from the previous one by default, and from nothing when unticked', async ({ page }) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Daniel Reyes' });
  await startCbtNote(page);
  const agendaItem = (n: number) =>
    page
      .locator('#note-section-agenda')
      .getByRole('group', { name: `Agenda item ${n}` })
      .getByRole('textbox');
  await agendaItem(1).fill('Sleep routine');
  await expect(page.locator('.save-state')).toHaveText(/^✓ Saved/, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Daniel Reyes' }).click();

  // Second session: the box is ticked without asking, and the agenda comes over.
  await page.getByRole('button', { name: 'New note' }).click();
  const carry = page.getByRole('checkbox', { name: /Start from the previous note/ });
  await expect(carry).toBeChecked();
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  await expect(agendaItem(1)).toHaveValue('Sleep routine');

  // Unticked: a fresh start.
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Daniel Reyes' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await carry.uncheck();
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  await expect(agendaItem(1)).toHaveValue('');
  expect(problems).toEqual([]);
});
