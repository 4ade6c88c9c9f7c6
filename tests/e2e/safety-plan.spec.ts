import { expect, type Page, test } from '@playwright/test';
import { checkScreen } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, openClientTab, setSignerName, unnamedControls } from './pages';

/**
 * The safety plan on the client's page (issue 12): filled in together in the session,
 * one row per line (Enter starts the next, empty rows are dropped), saved as a dated
 * version; revising it keeps the earlier version readable.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const section = (page: Page) => page.getByRole('region', { name: 'Safety plan', exact: true });

test('a safety plan is filled in step by step, saved as versions, and earlier versions stay readable', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Nadia Brandt' });
  await openClientTab(page, 'Safety plan');

  const plan = section(page);
  await expect(plan).toContainText('No safety plan on record.');
  await plan.getByRole('button', { name: 'Fill in the safety plan' }).click();
  const form = plan.getByRole('form', { name: 'Fill in the safety plan' });
  const warning1 = form.getByRole('textbox', { name: 'Step 1: Warning signs, line 1' });
  await expect(warning1).toBeFocused();

  // Enter starts the next line and moves into it.
  await warning1.fill('Not sleeping');
  await warning1.press('Enter');
  const warning2 = form.getByRole('textbox', { name: 'Step 1: Warning signs, line 2' });
  await expect(warning2).toBeFocused();
  await warning2.fill('Pulling away from friends');
  await warning2.press('Enter');
  // Left empty: dropped on save.
  await expect(form.getByRole('textbox', { name: 'Step 1: Warning signs, line 3' })).toBeFocused();

  await form.getByRole('textbox', { name: 'Step 2: Internal coping strategies, line 1' }).fill('A walk by the river');
  await form.getByRole('button', { name: 'Add a line to Step 4: People to ask for help' }).click();
  // The new line takes the focus; the first, left empty, is dropped.
  const helper2 = form.getByRole('textbox', { name: 'Step 4: People to ask for help, line 2' });
  await expect(helper2).toBeFocused();
  await helper2.fill('Sam (sister)');
  await form.getByRole('textbox', { name: 'Reasons for living, line 1' }).fill('My daughter');
  expect(await unnamedControls(page)).toEqual([]);
  await checkScreen(page, testInfo, 'safety-plan-form');

  await form.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(form).toBeHidden();
  await expect(plan.getByText(/^Saved as version 1, /)).toBeVisible();
  const latest = plan.getByRole('list', { name: 'Safety plan, version 1' });
  await expect(latest).toContainText('Not sleeping');
  await expect(latest).toContainText('Pulling away from friends');
  await expect(latest).toContainText('My daughter');
  const helpers = latest.getByRole('listitem').filter({ hasText: 'Step 4: People to ask for help' });
  await expect(helpers.getByRole('listitem')).toHaveText(['Sam (sister)']);
  // Only what was written: no empty lines kept.
  const warningItems = latest.getByRole('listitem').filter({ hasText: 'Step 1: Warning signs' }).getByRole('listitem');
  await expect(warningItems).toHaveCount(2);
  await expect(plan.getByText('Earlier versions')).toHaveCount(0);

  // Revised: the form starts from the latest version; the first stays readable.
  await plan.getByRole('button', { name: 'Revise the safety plan' }).click();
  const revise = plan.getByRole('form', { name: 'Fill in the safety plan' });
  await expect(revise.getByRole('textbox', { name: 'Step 1: Warning signs, line 2' })).toHaveValue(
    'Pulling away from friends',
  );
  await revise.getByRole('textbox', { name: 'Step 6: Making the environment safe, line 1' }).fill('Pills kept by Sam');
  await revise.getByRole('textbox', { name: 'Step 1: Warning signs, line 1' }).fill('');
  await revise.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(plan.getByText(/^Saved as version 2, /)).toBeVisible();
  const second = plan.getByRole('list', { name: 'Safety plan, version 2' });
  await expect(second).toContainText('Pills kept by Sam');
  await expect(second).not.toContainText('Not sleeping');
  await expect(plan).toContainText('Version 2, saved');

  await plan.getByRole('button', { name: /^Version 1, / }).click();
  const first = plan.getByRole('list', { name: 'Safety plan, version 1' });
  await expect(first).toContainText('Not sleeping');
  await expect(first).not.toContainText('Pills kept by Sam');
  await checkScreen(page, testInfo, 'safety-plan-versions');

  // Printed for the client: what was filled in, in the sheet's words, with the contacts from Settings.
  await plan.getByRole('button', { name: 'Print for the client…' }).click();
  const printView = page.getByRole('dialog', { name: 'Safety plan to print' });
  await expect(printView.getByRole('heading', { name: 'Nadia’s safety plan' })).toBeVisible();
  await expect(printView.getByRole('button', { name: 'Back' })).toBeFocused();
  const printed = printView.getByRole('article');
  await expect(printed).toContainText('Step 6: Making my surroundings safer');
  await expect(printed).toContainText('Pills kept by Sam');
  await expect(printed).toContainText('The one thing that is most important to me');
  await expect(printed).toContainText('My daughter');
  await expect(printed).not.toContainText('Not sleeping');
  const therapistRow = printed.locator('dl > div').filter({ hasText: 'My therapist (name and phone)' });
  await expect(therapistRow.locator('dd')).toHaveText('Dr Ana Ruiz');
  await checkScreen(page, testInfo, 'safety-plan-print');
  // On paper, only the plan: the client page behind it is not printed.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Nadia Brandt' })).toBeHidden();
  await expect(printed).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await printView.getByRole('button', { name: 'Back' }).click();
  await expect(printView).toBeHidden();

  // Nothing written: refused with a plain message, nothing saved.
  await plan.getByRole('button', { name: 'Revise the safety plan' }).click();
  const emptied = plan.getByRole('form', { name: 'Fill in the safety plan' });
  for (const box of await emptied.getByRole('textbox').all()) await box.fill('');
  await emptied.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(emptied.getByText('Write at least one line in the safety plan before saving it.')).toBeVisible();
  await emptied.getByRole('button', { name: 'Cancel' }).click();
  await expect(plan).toContainText('Version 2, saved');

  expect(problems).toEqual([]);
});
