import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, type TestInfo, test } from '@playwright/test';
import { pdfText } from '../support/pdf';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import {
  addClient,
  confirmRecoveryKey,
  createVault,
  isoDate,
  openClientTab,
  setSignerName,
  startCbtNote,
  unnamedControls,
} from './pages';

/**
 * Measures the way a therapist gives them (the measures issue): a PHQ-9 entered in the
 * mood check of three CBT notes on three dates, one with item 9 above 0 (the item-9
 * prompt, the way to the risk section), the change since last time
 * in the note, an incomplete measure refused, a GAD-7 band and an AUDIT-C screen, and
 * the client's Measures tab with a chart per instrument. Everything through the UI, by
 * labels and roles.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

/** A date as the app writes it ("11 Nov 2026" in the browser's locale). */
function shown(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (day) =>
      new Date(`${day}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
    iso,
  );
}

async function backToClient(page: Page) {
  await page.getByRole('button', { name: '← Mara Quinn' }).click();
  await expect(page.getByRole('tab', { name: 'Notes', exact: true })).toHaveAttribute('aria-selected', 'true');
}

function measuresSlot(page: Page): Locator {
  return page.getByRole('group', { name: 'Measures', exact: true });
}

function measuresTab(page: Page): Locator {
  return page.getByRole('region', { name: 'Measures', exact: true });
}

function item(form: Locator, number: number): Locator {
  return form.getByRole('radiogroup', { name: new RegExp(`^Item ${number}\\.`) });
}

/**
 * Types the answers from the keyboard, starting at item `from`: a number key answers the
 * focused item and moves on to the next, so a whole PHQ-9 is nine key presses.
 */
async function typeAnswers(form: Locator, answers: number[], from = 1) {
  await item(form, from).getByRole('radio').first().focus();
  for (const answer of answers) await form.page().keyboard.press(String(answer));
}

/** Gives a measure from an open form: the instrument, the date, the answers; then records it. */
async function giveMeasure(
  form: Locator,
  measure: { instrument: string; givenOn?: string; answers: number[] },
): Promise<void> {
  await form.getByRole('radio', { name: measure.instrument, exact: true }).check();
  if (measure.givenOn) await form.getByLabel('Given on').fill(measure.givenOn);
  await typeAnswers(form, measure.answers);
  // The last answer hands the focus to Record.
  await expect(form.getByRole('button', { name: `Record ${measure.instrument}` })).toBeFocused();
  await form.page().keyboard.press('Enter');
  await expect(form).toBeHidden();
}

/**
 * A picture of `target` kept with the test results, to look at: taken from the whole
 * page scrolled to the top, so the sticky headers do not cover what scrolled under them.
 */
async function keepPicture(testInfo: TestInfo, name: string, target: Locator) {
  const page = target.page();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await target.boundingBox();
  if (!box) throw new Error(`${name}: nothing to picture`);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true, clip: box });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

function openNoteForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Give a measure in this session' });
}

test('PHQ-9 in three notes, item 9 prompt, change since last time, and the Measures tab chart', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Mara Quinn' });
  await openClientTab(page, 'Measures');
  await expect(measuresTab(page).getByText('No measures given yet.')).toBeVisible();

  const firstDate = isoDate(-28);
  const secondDate = isoDate(-14);

  // Session 1, four weeks ago: a PHQ-9 from the mood check. First an incomplete one.
  await startCbtNote(page);
  const slot = measuresSlot(page);
  await expect(slot.getByText('No measures given yet.')).toBeVisible();
  await slot.getByRole('button', { name: '+ Give a measure' }).click();
  const form = openNoteForm(page);
  await expect(form.getByRole('radio', { name: 'PHQ-9', exact: true })).toBeChecked();
  await expect(form.getByLabel('Given on')).toHaveValue(isoDate(0));
  await expect(form.getByText('Over the last 2 weeks, how often have you been bothered by…')).toBeVisible();
  await expect(form.getByText('No permission required to reproduce')).toBeVisible();
  await form.getByLabel('Given on').fill(firstDate);
  await typeAnswers(form, [3, 3, 2, 2, 2, 2, 2]);
  await expect(form.getByRole('status')).toContainText('Running total 16');
  await expect(form.getByRole('status')).toContainText('7 of 9 answered');
  await form.getByRole('button', { name: 'Record PHQ-9' }).click();
  const refusal = form.getByRole('alert');
  await expect(refusal).toContainText('Not recorded: items 8 and 9 have no answer.');
  await expect(refusal).toContainText('An incomplete PHQ-9 is never scored');
  await expect(item(form, 8)).toHaveAttribute('aria-invalid', 'true');
  await expect(item(form, 8).getByRole('radio').first()).toBeFocused();
  // Nothing was recorded.
  await expect(slot.getByRole('list', { name: 'Measures given in this note' })).toHaveCount(0);
  await keepPicture(testInfo, 'measure-form-refused', form);
  expect(await unnamedControls(page)).toEqual([]);

  // Arrow keys move within an item's answers.
  await item(form, 8).getByRole('radio', { name: 'Not at all' }).check();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(item(form, 8).getByRole('radio', { name: 'More than half the days' })).toBeChecked();
  await typeAnswers(form, [0], 9);
  await expect(form.getByRole('status')).toContainText('Total 18');
  await expect(form.getByRole('status')).toContainText('Moderately severe');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Record PHQ-9' }).click();
  await expect(form).toBeHidden();
  const recorded = slot.getByRole('list', { name: 'Measures given in this note' });
  await expect(recorded).toContainText('PHQ-9 18, moderately severe — the first PHQ-9 recorded for this client');
  await expect(recorded).toContainText(`given on ${await shown(page, firstDate)}`);
  // Item 9 was 0: no prompt.
  await expect(slot.getByRole('alert')).toHaveCount(0);
  await backToClient(page);

  // Session 2, two weeks ago: item 9 answered "Several days", with a GAD-7.
  await startCbtNote(page);
  await measuresSlot(page).getByRole('button', { name: '+ Give a measure' }).click();
  await giveMeasure(openNoteForm(page), {
    instrument: 'PHQ-9',
    givenOn: secondDate,
    answers: [2, 2, 2, 2, 2, 1, 1, 1, 1],
  });
  const second = measuresSlot(page).getByRole('list', { name: 'Measures given in this note' });
  await expect(second).toContainText(
    `PHQ-9 14, moderate — down 4 since ${await shown(page, firstDate)} (18, moderately severe)`,
  );
  const prompt = measuresSlot(page).getByRole('alert').filter({ hasText: 'item 9' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('PHQ-9 item 9 answered above 0');
  await expect(prompt).toContainText('“Several days” (1)');
  await expect(prompt).toContainText('needs further assessment of suicide risk by someone competent to assess it');
  await keepPicture(testInfo, 'item9-prompt', measuresSlot(page));

  // To the note's risk section: its first field has the focus.
  await prompt.getByRole('button', { name: 'Go to the Risk section' }).click();
  const risk = page.getByRole('region', { name: 'Risk', exact: true });
  await expect(risk.getByRole('radio').first()).toBeFocused();
  await expect(risk.getByRole('heading', { name: 'Risk' })).toBeInViewport();

  // The safety plan is not offered as homework (issue 12): it is filled in together on the client's page.
  await expect(prompt.getByRole('button', { name: /safety plan/i })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'New homework' }).getByRole('article')).toHaveCount(0);

  // A GAD-7 in the same note shows its band.
  await measuresSlot(page).getByRole('button', { name: '+ Give a measure' }).click();
  await giveMeasure(openNoteForm(page), { instrument: 'GAD-7', givenOn: secondDate, answers: [1, 1, 1, 1, 1, 1, 0] });
  await expect(second).toContainText('GAD-7 6, mild — the first GAD-7 recorded for this client');
  await expect(measuresSlot(page).getByRole('alert')).toHaveCount(1);
  expect(await unnamedControls(page)).toEqual([]);

  // Signed, the note shows what was given in it, read-only, and prints it.
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  // Item 9 above 0 with Risk left empty: signing asks for a reason (risk-at-signing.spec.ts).
  await page.getByRole('dialog').getByLabel('Reason for signing with Risk empty').fill('Assessed; see the next note.');
  await page.getByRole('dialog').getByRole('button', { name: 'Sign anyway' }).click();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  await expect(page.getByText('PHQ-9 14, moderate').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '+ Give a measure' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'sessionkeep-pdf-')), 'note.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const printed = (await pdfText(pdfPath)).replace(/\s+/g, ' ');
  expect(printed).toContain('Measures');
  expect(printed).toMatch(/PHQ-9 14, moderate — down 4 since/);
  expect(printed).toContain('Item 9 answered above 0');
  expect(printed).toMatch(/GAD-7 6, mild/);
  await page.getByRole('button', { name: 'Back' }).click();
  await backToClient(page);

  // Session 3, today: item 9 back to 0.
  await startCbtNote(page);
  await measuresSlot(page).getByRole('button', { name: '+ Give a measure' }).click();
  await giveMeasure(openNoteForm(page), { instrument: 'PHQ-9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] });
  await expect(measuresSlot(page).getByRole('list', { name: 'Measures given in this note' })).toContainText(
    `PHQ-9 8, mild — down 6 since ${await shown(page, secondDate)} (14, moderate)`,
  );
  await expect(measuresSlot(page).getByRole('alert')).toHaveCount(0);

  // Answers entered and left are kept: away from the note and back, the form is as it was.
  await measuresSlot(page).getByRole('button', { name: '+ Give a measure' }).click();
  await openNoteForm(page).getByRole('radio', { name: 'PHQ-2', exact: true }).check();
  await typeAnswers(openNoteForm(page), [2]);
  await backToClient(page);
  await page.getByRole('button', { name: /CBT session · Session 3/ }).click();
  await expect(openNoteForm(page).getByRole('radio', { name: 'PHQ-2', exact: true })).toBeChecked();
  // Back by itself, it leaves the focus on the note's title (where an opened note puts it).
  await expect(page.getByRole('heading', { level: 1, name: /CBT session/ })).toBeFocused();
  await expect(item(openNoteForm(page), 1).getByRole('radio', { name: 'More than half the days' })).toBeChecked();
  await openNoteForm(page).getByRole('button', { name: 'Cancel' }).click();
  await openNoteForm(page).getByRole('button', { name: 'Discard answers' }).click();
  await expect(openNoteForm(page)).toBeHidden();
  await backToClient(page);

  // The Measures tab: an AUDIT-C given here, without sex (the more sensitive cut-off).
  await openClientTab(page, 'Measures');
  const tab = measuresTab(page);
  await tab.getByRole('button', { name: 'Give a measure' }).click();
  const tabForm = page.getByRole('form', { name: 'Give a measure' });
  await tabForm.getByRole('radio', { name: 'AUDIT-C', exact: true }).check();
  await expect(tabForm.getByRole('radio', { name: 'Not recorded' })).toBeChecked();
  await expect(tabForm.getByText('uses the lower cut-off of 3')).toBeVisible();
  await expect(tabForm.getByText('World Health Organization')).toBeVisible();
  expect(await unnamedControls(page)).toEqual([]);
  await typeAnswers(tabForm, [1, 1, 1]);
  await expect(tabForm.getByRole('status')).toContainText('Positive screen (cut-off 3)');
  await keepPicture(testInfo, 'auditc-form', tabForm);
  await tabForm.getByRole('button', { name: 'Record AUDIT-C' }).click();
  await expect(tab.getByText('AUDIT-C recorded: 3, positive screen.')).toBeVisible();

  // One chart per instrument given, with one point per administration.
  const phqChart = tab.getByRole('img', { name: /^PHQ-9 total over time/ });
  await expect(phqChart).toHaveAccessibleName(
    `PHQ-9 total over time: 3 times from ${await shown(page, firstDate)} to ${await shown(page, isoDate(0))}. First 18 (moderately severe), latest 8 (mild); lowest 8, highest 18. Item 9 answered above 0 once.`,
  );
  await expect(phqChart.locator('.chart-point')).toHaveCount(3);
  await expect(phqChart.locator('.chart-point title')).toHaveText([
    `${await shown(page, firstDate)}: PHQ-9 18, moderately severe`,
    `${await shown(page, secondDate)}: PHQ-9 14, moderate; item 9 answered above 0`,
    `${await shown(page, isoDate(0))}: PHQ-9 8, mild`,
  ]);
  for (const band of ['Minimal', 'Mild', 'Moderate', 'Moderately severe', 'Severe']) {
    await expect(phqChart.locator('.chart-band-label', { hasText: new RegExp(`^${band}\\d`) })).toHaveCount(1);
  }
  await expect(tab.getByRole('img', { name: /^GAD-7 total over time/ }).locator('.chart-point')).toHaveCount(1);
  const auditChart = tab.getByRole('img', { name: /^AUDIT-C total over time/ });
  await expect(auditChart.locator('.chart-cut-off-label')).toHaveText('Cut-off 3positive at 3 or more');
  await expect(tab.getByRole('img', { name: /^PHQ-2/ })).toHaveCount(0);

  // The table: newest first, with item 9 and where each was given.
  const table = tab.getByRole('table', { name: /^PHQ-9, each time given/ });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('8 / 27');
  await expect(rows.nth(2)).toContainText('Moderate');
  await expect(rows.nth(2)).toContainText('1 (Several days) — above 0');
  await expect(rows.nth(2)).toContainText('down 4');
  await expect(rows.nth(2)).toContainText('CBT session · Session 2');
  await expect(rows.nth(3)).toContainText('first');
  const audit = tab.getByRole('table', { name: /^AUDIT-C/ });
  await expect(audit).toContainText('Positive screen (cut-off 3, sex not recorded)');
  await expect(audit).toContainText('Client page');
  await expect(tab.getByText('uses the lower cut-off of 3')).toBeVisible();

  // The chart as a picture, kept with the test results (and looked at).
  await keepPicture(
    testInfo,
    'measures-chart',
    tab.locator('figure').filter({ has: page.getByRole('img', { name: /^PHQ-9 total over time/ }) }),
  );
  await keepPicture(testInfo, 'measures-tab', tab);
  expect(await unnamedControls(page)).toEqual([]);

  // A SOAP note has no risk section: the item-9 prompt says so; the safety plan is not offered as homework.
  await openClientTab(page, 'Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'SOAP note' });
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /SOAP note/ })).toBeVisible();
  await measuresSlot(page).getByRole('button', { name: '+ Give a measure' }).click();
  await giveMeasure(openNoteForm(page), { instrument: 'PHQ-9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 3] });
  const soapPrompt = measuresSlot(page).getByRole('alert').filter({ hasText: 'item 9' });
  await expect(soapPrompt).toContainText('“Nearly every day” (3)');
  await expect(soapPrompt).toContainText('This note’s template has no risk section');
  await expect(soapPrompt.getByRole('button', { name: /Go to/ })).toHaveCount(0);
  await expect(soapPrompt.getByRole('button')).toHaveCount(0);

  expect(problems).toEqual([]);
});
