import { expect, test } from '@playwright/test';
import { checkScreen } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, openClientTab } from './pages';

/**
 * The client page's tabs (issue 12, item 8): Notes first, the others one click or one
 * arrow key away, a half-typed form kept while another tab is on show, and Back from a
 * print view returning to the tab it was opened from.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('the client page has real tabs: keyboard, kept forms, and Back to the same tab', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Tomas Varga', concerns: 'Panic attacks on the underground since March.' });

  // Notes is on show; the other panels are hidden, not just scrolled away.
  const tabs = page.getByRole('tablist', { name: 'Tomas Varga' }).getByRole('tab');
  await expect(tabs).toHaveText([
    'Notes',
    'Homework',
    'Measures',
    'Substances and medications',
    'Safety plan',
    'Details',
  ]);
  const notesTab = page.getByRole('tab', { name: 'Notes', exact: true });
  await expect(notesTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'New note' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Homework', exact: true })).toBeHidden();
  await expect(page.getByText('Panic attacks on the underground since March.')).toBeHidden();

  // One Tab stop for the list; arrows move and show, wrapping; Home and End go to the ends.
  await notesTab.focus();
  await page.keyboard.press('ArrowRight');
  const homeworkTab = page.getByRole('tab', { name: 'Homework', exact: true });
  await expect(homeworkTab).toBeFocused();
  await expect(homeworkTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Assign homework' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New note' })).toBeHidden();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Details' })).toBeFocused();
  await expect(page.getByText('Panic attacks on the underground since March.')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(notesTab).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(notesTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);

  // A substance half typed on its tab waits there while the therapist looks at Notes.
  await openClientTab(page, 'Substances and medications');
  const intake = page.getByRole('region', { name: 'Substances and medications', exact: true });
  await intake.getByRole('button', { name: '+ Substance or supplement' }).click();
  const form = intake.getByRole('form', { name: 'Add a substance or supplement' });
  await form.getByLabel('Name', { exact: true }).fill('kratom');
  await form.getByLabel('How often').fill('most days');
  await openClientTab(page, 'Notes');
  await expect(form).toBeHidden();
  await openClientTab(page, 'Substances and medications');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('kratom');
  await expect(form.getByLabel('How often')).toHaveValue('most days');
  await checkScreen(page, testInfo, 'client-tab-intake-form-kept');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Print sheets from the Homework tab; Back returns to Homework, not to Notes.
  await openClientTab(page, 'Homework');
  await page.getByRole('button', { name: 'Assign homework' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign homework' });
  await dialog.getByLabel('Worksheet').selectOption({ label: 'Worry log' });
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Print sheets…' }).click();
  await page
    .getByRole('form', { name: 'Print client sheets' })
    .getByRole('button', { name: /^Print \d+ sheets?$/ })
    .click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(homeworkTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Homework', exact: true }).getByRole('article')).toHaveCount(1);

  expect(problems).toEqual([]);
});
