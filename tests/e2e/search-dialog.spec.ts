import { expect, type Page, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, clientList, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * Ctrl/Cmd+K search as a therapist meets it on a client's page (issue 12, item 5): the
 * cursor is in the box, every client is searched unless a visible chip says otherwise,
 * the chip comes off by mouse or keyboard, and one Escape closes and gives focus back.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const SHARED_WORD = 'lighthouse';

/** A new client with one draft CBT note whose Summary holds `sentence`, saved. */
async function clientWithNote(page: Page, name: string, sentence: string): Promise<void> {
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name });
  await startCbtNote(page);
  await page.getByRole('textbox', { name: 'Summary' }).click();
  await page.keyboard.type(sentence);
  await expect(page.locator('.save-state')).toContainText('Saved', { timeout: 5_000 });
}

function results(page: Page) {
  return page.getByRole('list', { name: 'Search results' }).getByRole('button');
}

test('search starts in the box, covers every client, scopes with a removable chip, and closes with one Escape', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await clientWithNote(page, 'Daniel Reyes', `Walked to the ${SHARED_WORD} without checking the stove.`);
  await clientWithNote(page, 'Mira Okafor', `Imagined the ${SHARED_WORD} during the breathing exercise.`);

  // On Daniel's page, with focus on a known control.
  await page.getByRole('button', { name: 'Clients' }).click();
  await clientList(page).getByRole('button', { name: 'Daniel Reyes' }).click();
  const opener = page.getByRole('button', { name: 'New note' });
  await opener.focus();
  await expect(opener).toBeFocused();

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByLabel('Search notes, addenda and clients');
  await expect(box).toBeFocused();

  // All clients by default: typing straight away finds both notes.
  await page.keyboard.type(SHARED_WORD);
  await expect(results(page)).toHaveCount(2);
  await expect(results(page).filter({ hasText: 'Daniel Reyes' })).toHaveCount(1);
  await expect(results(page).filter({ hasText: 'Mira Okafor' })).toHaveCount(1);
  const chip = dialog.getByRole('button', { name: 'Remove filter: only Daniel Reyes' });
  await expect(chip).toHaveCount(0);
  for (const width of [900, 1024, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: testInfo.outputPath(`search-all-${width}.png`) });
  }

  // Scoped to the client on screen: a chip says so, and only Daniel's note is found.
  await dialog.getByRole('button', { name: 'Only Daniel Reyes', exact: true }).click();
  await expect(chip).toBeVisible();
  await expect(chip).toContainText('Only Daniel Reyes');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first()).toContainText('Daniel Reyes');
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: testInfo.outputPath(`search-scoped-${width}.png`) });
  }

  // Arrow keys and Enter still drive the results from the box (checked here: the active hit).
  await box.focus();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).first()).toHaveAttribute('aria-current', 'true');

  // Backspace in an empty box takes the chip off: both clients again, focus stays in the box.
  await box.fill('');
  await page.keyboard.press('Backspace');
  await expect(chip).toHaveCount(0);
  await expect(box).toBeFocused();
  await page.keyboard.type(SHARED_WORD);
  await expect(results(page)).toHaveCount(2);

  // The chip's own button, from the keyboard: Tab to it and press Enter (or Delete).
  await dialog.getByRole('button', { name: 'Only Daniel Reyes', exact: true }).click();
  await expect(results(page)).toHaveCount(1);
  await chip.focus();
  await page.keyboard.press('Delete');
  await expect(chip).toHaveCount(0);
  await expect(box).toBeFocused();
  await expect(results(page)).toHaveCount(2);

  // And with the mouse: a click on the chip takes it off.
  await dialog.getByRole('button', { name: 'Only Daniel Reyes', exact: true }).click();
  await expect(results(page)).toHaveCount(1);
  await chip.click();
  await expect(chip).toHaveCount(0);
  await expect(results(page)).toHaveCount(2);

  // One Escape, with text in the box, closes the dialog and focus goes back to the opener.
  await expect(box).toHaveValue(SHARED_WORD);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Escape from another control in the dialog closes it as well, in one press.
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await dialog.getByRole('button', { name: 'Close search' }).focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Opened again from the same page: all clients again (the scope is never silent).
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.type(SHARED_WORD);
  await expect(results(page)).toHaveCount(2);
  // Enter opens the first hit, as before.
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();

  expect(problems).toEqual([]);
});
