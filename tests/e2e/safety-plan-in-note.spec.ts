import { expect, type Page, test } from '@playwright/test';
import { checkScreen } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, setSignerName, startCbtNote, unnamedControls } from './pages';

/**
 * The safety plan filled in from a session note (issue: "filled in together in session …
 * linked from the note in which it was made or revised"): the draft note states the
 * latest version and opens the client page's editor; saving records this note; the
 * signed note and its printout say which version was revised in it. Kept on the note
 * screens only.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const area = (page: Page) => page.getByRole('region', { name: 'Safety plan', exact: true });

/** Today written as the note writes it ("7 December 2026" in the harness's locale). */
const longToday = (page: Page) =>
  page.evaluate(() => new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' }));

test('the safety plan is filled in from a draft note, recorded with it, and the signed note and its printout say so', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Iris Novak' });
  await startCbtNote(page);
  const today = await longToday(page);

  // In the draft, after the Risk section: nothing on record yet.
  const plan = area(page);
  await expect(plan).toContainText('No safety plan yet');
  const riskThenPlan = await page.evaluate(() => {
    const risk = document.querySelector('section[aria-labelledby$="risk-title"]');
    const found = [...document.querySelectorAll('section')].find(
      (each) => each.querySelector('h2')?.textContent === 'Safety plan',
    );
    return risk !== null && found !== undefined && risk.nextElementSibling === found;
  });
  expect(riskThenPlan).toBe(true);

  // Opened from the keyboard: the editor takes the focus on its first line.
  const open = plan.getByRole('button', { name: 'Fill in the safety plan in this session' });
  await open.focus();
  await page.keyboard.press('Enter');
  const form = plan.getByRole('form', { name: 'Fill in the safety plan' });
  const warning1 = form.getByRole('textbox', { name: 'Step 1: Warning signs, line 1' });
  await expect(warning1).toBeFocused();
  await page.keyboard.type('Not sleeping');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('textbox', { name: 'Step 1: Warning signs, line 2' })).toBeFocused();
  await page.keyboard.type('Staying in bed all day');
  await form.getByRole('textbox', { name: 'Step 4: People to ask for help, line 1' }).fill('Tom (brother)');
  await form.getByRole('textbox', { name: 'Reasons for living, line 1' }).fill('My garden');
  expect(await unnamedControls(page)).toEqual([]);
  await checkScreen(page, testInfo, 'safety-plan-in-note-editor');

  // Cancelled: nothing saved, the focus back on the button that opened it.
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await expect(open).toBeFocused();
  await expect(plan).toContainText('No safety plan yet');

  // Filled in again and saved with the keyboard: the confirmation takes the focus.
  await open.press('Enter');
  await expect(warning1).toBeFocused();
  await page.keyboard.type('Not sleeping');
  await form.getByRole('textbox', { name: 'Step 4: People to ask for help, line 1' }).fill('Tom (brother)');
  await form.getByRole('button', { name: 'Save as a new version' }).press('Enter');
  await expect(form).toBeHidden();
  const done = plan.getByText('Safety plan revised in this note (version 1)');
  await expect(done).toBeFocused();
  await expect(plan).toContainText(`Version 1, saved ${today}`);

  // Revised in the same session: prefilled from version 1, saved as version 2.
  await plan.getByRole('button', { name: 'Revise the safety plan in this session' }).click();
  await expect(form.getByRole('textbox', { name: 'Step 1: Warning signs, line 1' })).toHaveValue('Not sleeping');
  await expect(form.getByRole('textbox', { name: 'Step 4: People to ask for help, line 1' })).toHaveValue(
    'Tom (brother)',
  );
  await form.getByRole('textbox', { name: 'Step 6: Making the environment safe, line 1' }).fill('Pills kept by Tom');
  await form.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(plan.getByText('Safety plan revised in this note (version 2)')).toBeFocused();
  await expect(plan).toContainText(`Version 2, saved ${today}`);
  await checkScreen(page, testInfo, 'safety-plan-in-note-saved');

  // Signed: the note says which versions were revised in it.
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  const record = area(page);
  await expect(record.getByRole('listitem')).toHaveText([
    `Safety plan revised in this note — version 1, ${today}. View or print version 1`,
    `Safety plan revised in this note — version 2, ${today}. View or print version 2`,
  ]);
  await expect(record.getByRole('button', { name: /^(Fill in|Revise)/ })).toHaveCount(0);
  await checkScreen(page, testInfo, 'safety-plan-in-signed-note');

  // The version as it was then, to view or print; Back returns to where it was opened.
  const view1 = record.getByRole('button', { name: 'View or print version 1' });
  await view1.click();
  const printView = page.getByRole('dialog', { name: 'Safety plan to print' });
  await expect(printView.getByRole('button', { name: 'Back' })).toBeFocused();
  await expect(printView).toContainText('Not sleeping');
  await expect(printView).not.toContainText('Pills kept by Tom');
  await printView.getByRole('button', { name: 'Back' }).click();
  await expect(printView).toBeHidden();
  await expect(view1).toBeFocused();

  // The printed note says the same.
  await page.getByRole('button', { name: 'Print…' }).click();
  const printed = page.getByRole('article', { name: /CBT session/ });
  await expect(printed).toContainText(`Safety plan revised in this note — version 1, ${today}.`);
  await expect(printed).toContainText(`Safety plan revised in this note — version 2, ${today}.`);

  expect(problems).toEqual([]);
});
