import { expect, type Page, test } from '@playwright/test';
import type { SessionkeepApi } from '../../shared/ipc/contract';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * Issue 12, blocker 1: an empty agenda row is a draft like any other. It saves ("Saved"
 * stays green), it does not stop signing, and the signed note does not show it. Focus
 * follows the row just added, Enter in a row adds the next. A value the note truly
 * cannot take (a duration over its limit) is marked at its field, and the save status
 * recovers by itself once it is corrected.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const saveState = (page: Page) => page.locator('.save-state');

/** The indicator says the latest change is stored (not the state drawn before any change). */
async function expectSaved(page: Page) {
  await expect(saveState(page)).toHaveText(/^✓ Saved/, { timeout: 10_000 });
}

test('empty agenda rows save, sign and disappear; a duration over its limit or a half-typed date is marked and recovers', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Daniel Reyes' });
  await startCbtNote(page);

  const agenda = page.locator('#note-section-agenda');
  const rowInput = (n: number) => agenda.getByRole('group', { name: `Agenda item ${n}` }).getByRole('textbox');
  await rowInput(1).fill('Sleep');

  // "+ Add": focus moves into the new row, so typing goes there and does not press Add again.
  await agenda.getByRole('button', { name: '+ Add agenda item' }).click();
  await expect(rowInput(2)).toBeFocused();
  await page.keyboard.type('Argument with partner');
  await expect(rowInput(2)).toHaveValue('Argument with partner');
  // Enter in a row adds the next row, with focus in it; it is left empty.
  await page.keyboard.press('Enter');
  await expect(rowInput(3)).toBeFocused();
  await expect(rowInput(3)).toHaveValue('');
  await expect(agenda.getByRole('group', { name: /^Agenda item \d+$/ })).toHaveCount(3);

  // Removing a row and adding it back: focus is never lost, the count follows.
  await agenda.getByRole('button', { name: 'Remove agenda item 3' }).click();
  await expect(rowInput(2)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rowInput(3)).toBeFocused();
  await expect(agenda.getByRole('group', { name: /^Agenda item \d+$/ })).toHaveCount(3);

  // The same in a row that starts with rich text: focus goes into its first box.
  const cognitive = page.locator('#note-section-cognitiveWork');
  await cognitive.getByRole('button', { name: '+ Add thought record' }).click();
  await expect(
    cognitive.getByRole('group', { name: 'Thought record 2' }).getByRole('textbox', { name: 'Situation' }),
  ).toBeFocused();

  // The empty row is a valid draft: the save goes through and stays green, nothing is marked.
  await expectSaved(page);
  await expect(agenda.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page.getByText('One value is not saved.')).toHaveCount(0);

  // A value the note cannot take: marked at its field, the status says so, and it
  // recovers without Retry once corrected.
  const duration = page.getByLabel('Duration');
  await duration.fill('700');
  await duration.press('Tab');
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  const errorId = await page.locator('.note-field:has(#field-duration) .field-error').getAttribute('id');
  expect(errorId).not.toBeNull();
  await expect(duration).toHaveAttribute('aria-describedby', new RegExp(`\\b${errorId}\\b`));
  await expect(page.locator(`#${errorId}`)).toContainText('Enter a number from 0 to 600 minutes.');
  await expect(saveState(page)).toHaveText(/Not saved/);
  await expect(page.getByText('One value is not saved.')).toBeVisible();
  const border = await duration.evaluate((input) => getComputedStyle(input).borderTopWidth);
  expect(border).toBe('2px');

  // Looked at by a person: the mark, the message beside it, the status and the banner.
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/empty-rows-marked-${width}.png` });
    await agenda.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/empty-rows-agenda-${width}.png` });
  }

  await duration.fill('50');
  await expect(duration).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${errorId}`)).toHaveCount(0);
  await expectSaved(page);
  await expect(page.getByText('One value is not saved.')).toHaveCount(0);

  // A half-typed date (a segment cleared) is marked and not sent: the stored date is not emptied.
  const sessionAt = page.getByLabel('Date and time');
  const before = await sessionAt.inputValue();
  await sessionAt.click();
  await page.keyboard.press('Backspace');
  await expect(sessionAt).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-sessionAt-error')).toHaveText(
    'Enter the full date and time. It is not saved until then.',
  );
  await expect(sessionAt).toHaveAttribute('aria-describedby', /field-sessionAt-error/);
  await expect(saveState(page)).toHaveText(/Not saved/);
  await sessionAt.fill(before);
  await expect(sessionAt).not.toHaveAttribute('aria-invalid', 'true');
  await expectSaved(page);

  // Signing is not refused by the empty row, and the signed note does not show it.
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  // The signer's name is asked for the first time (it is kept in Settings).
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Sign note' }).click();
  await dialog.getByLabel('Your name, as recorded with signatures').fill('Dr Ana Ruiz');
  await dialog.getByRole('button', { name: 'Save my name and sign' }).click();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  const signed = page.locator('.note-main');
  await expect(signed.getByText('Sleep', { exact: true })).toBeVisible();
  await expect(signed.getByText('Argument with partner', { exact: true })).toBeVisible();
  await expect(signed.getByText('50 minutes')).toBeVisible();
  await expect(signed.getByText('Agenda item 3')).toHaveCount(0);
  // What is stored with the signature has the two typed rows only (the blank one is dropped).
  const stored = await page.evaluate(async () => {
    const api = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
    const clients = await api['clients:list']({ includeArchived: true });
    if (!clients.ok || !clients.value[0]) return null;
    const notes = await api['notes:listForClient']({ clientId: clients.value[0].id });
    if (!notes.ok || !notes.value[0]) return null;
    const note = await api['notes:get']({ id: notes.value[0].id });
    return note.ok
      ? { status: note.value.status, agenda: note.value.values.agenda, sessionAt: note.value.values.sessionAt }
      : null;
  });
  expect(stored).toEqual({
    status: 'signed',
    agenda: [{ item: 'Sleep' }, { item: 'Argument with partner' }],
    sessionAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  });

  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/empty-rows-signed-${width}.png`, fullPage: false });
  }
  expect(problems).toEqual([]);
});
