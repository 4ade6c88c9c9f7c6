import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { pdfPageTexts, pdfText } from '../support/pdf';
import { expectNoAxeViolations, expectNoSideways, WIDTHS } from './a11y';
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
 * Homework the way a therapist gives and follows it up (the homework issue): assigned in
 * a CBT note's "New homework" section and on the client's Homework tab, reviewed in the
 * next note's "Homework review", and summed up on the tab (completion per week and per
 * worksheet, common barriers). Everything through the UI, by labels and roles.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

function homeworkTab(page: Page): Locator {
  return page.getByRole('region', { name: 'Homework', exact: true });
}

function currentList(page: Page): Locator {
  return homeworkTab(page).getByRole('list', { name: /Current/ });
}

function pastList(page: Page): Locator {
  return homeworkTab(page).getByRole('list', { name: /Past/ });
}

function card(scope: Locator, title: string): Locator {
  return scope.getByRole('article', { name: title });
}

type Assignment = {
  worksheet: string;
  title: string;
  instructions?: string;
  frequency?: 'Once' | 'Every day' | { timesAWeek: number } | { custom: string };
  start?: string;
  review?: string;
  target?: string;
};

/** Fills the "Assign homework" dialog (already open) and assigns. */
async function assign(page: Page, homework: Assignment) {
  const dialog = page.getByRole('dialog', { name: 'Assign homework' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Worksheet').selectOption({ label: homework.worksheet });
  // The title starts as the worksheet's.
  await expect(dialog.getByLabel('Title')).toHaveValue(homework.worksheet);
  await dialog.getByLabel('Title').fill(homework.title);
  if (homework.instructions) {
    await dialog.getByRole('textbox', { name: 'Instructions' }).click();
    await page.keyboard.type(homework.instructions, { delay: 20 });
  }
  const frequency = homework.frequency ?? 'Every day';
  if (typeof frequency === 'string') await dialog.getByRole('radio', { name: frequency }).check();
  else if ('timesAWeek' in frequency) {
    await dialog.getByRole('radio', { name: 'A number of times a week' }).check();
    await dialog.getByLabel('How many times a week').fill(String(frequency.timesAWeek));
  } else {
    await dialog.getByRole('radio', { name: 'Other' }).check();
    await dialog.getByLabel('How often, in your words').fill(frequency.custom);
  }
  // Defaults: starts today, reviewed at the next session a week on.
  await expect(dialog.getByLabel('Starts')).toHaveValue(isoDate(0));
  await expect(dialog.getByLabel('Review on')).toHaveValue(isoDate(7));
  if (homework.start) await dialog.getByLabel('Starts').fill(homework.start);
  if (homework.review) await dialog.getByLabel('Review on').fill(homework.review);
  if (homework.target) await dialog.getByLabel('Target').fill(homework.target);
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Records a review from the review controls of one assignment. */
async function review(
  scope: Locator,
  title: string,
  outcome: string,
  words?: { amount?: string; barrier?: string; learned?: string },
) {
  const controls = scope.getByRole('group', { name: `How did “${title}” go?` });
  await controls.getByRole('radio', { name: outcome, exact: true }).check();
  if (words?.amount) await controls.getByLabel('How much was done').fill(words.amount);
  if (words?.barrier) await controls.getByLabel('What got in the way, in the client’s words').fill(words.barrier);
  if (words?.learned) {
    await controls.getByLabel('What the client learned or noticed, in their words').fill(words.learned);
  }
  await controls.getByRole('button', { name: 'Record review' }).click();
  await expect(controls).toBeHidden();
}

test('homework is assigned in a note and on the tab, reviewed in the next note, and summed up', async ({ page }) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Mara Quinn' });
  await openClientTab(page, 'Homework');
  await expect(homeworkTab(page).getByText('Nothing open.')).toBeVisible();

  // Session 1: a thought record assigned from the note's "New homework" section.
  await startCbtNote(page);
  const newHomework = page.getByRole('region', { name: 'New homework' });
  await expect(newHomework.getByText('Nothing assigned yet.')).toBeVisible();
  await newHomework.getByRole('button', { name: '+ Assign homework' }).click();
  await assign(page, {
    worksheet: 'Thought record',
    title: 'Catching hot thoughts',
    instructions: 'When your mood drops, write down the situation and the thought.',
    frequency: { timesAWeek: 5 },
    target: '5 of 7 days',
  });
  const assigned = card(newHomework, 'Catching hot thoughts');
  await expect(assigned).toContainText('Thought record');
  await expect(assigned).toContainText('5 times a week');
  await expect(assigned).toContainText('Target: 5 of 7 days');
  await assigned.getByText('Instructions').click();
  await expect(assigned).toContainText('When your mood drops, write down the situation and the thought.');
  // Assigned in this note: not something to review in it.
  await expect(page.getByRole('region', { name: 'Homework review' })).toContainText('No open homework to review.');

  // Validation: the form says what is missing, and assigns nothing.
  await newHomework.getByRole('button', { name: '+ Assign homework' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign homework' });
  await dialog.getByRole('radio', { name: 'Other' }).check();
  await dialog.getByLabel('Review on').fill(isoDate(-1));
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog.getByText('Choose a worksheet.')).toBeVisible();
  await expect(dialog.getByText('Give the assignment a title.')).toBeVisible();
  await expect(dialog.getByText('Describe how often')).toBeVisible();
  await expect(dialog.getByText('The review date cannot be before the start date.')).toBeVisible();
  await expect(dialog.getByLabel('Worksheet')).toBeFocused();
  // The safety plan is filled in together in the session, never offered as homework (issue 12).
  const offered = await dialog.getByLabel('Worksheet').locator('option').allTextContents();
  expect(offered).toContain('Sleep diary');
  expect(offered.filter((title) => /safety plan/i.test(title))).toEqual([]);
  expect(await unnamedControls(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(newHomework.getByRole('article')).toHaveCount(1);

  // The Homework tab lists it as open, with the note it came from.
  await page.getByRole('button', { name: '← Mara Quinn' }).click();
  await openClientTab(page, 'Homework');
  const fromNote = card(currentList(page), 'Catching hot thoughts');
  await expect(fromNote).toContainText('Open');
  await expect(fromNote.getByRole('button', { name: /^Assigned in the note: CBT session · Session 1/ })).toBeVisible();

  // More homework, from the tab: one to be not done (reviewed a fortnight on, its own
  // week), one to drop, and one overdue (its dates in the past).
  await homeworkTab(page).getByRole('button', { name: 'Assign homework' }).click();
  await assign(page, {
    worksheet: 'Activity plan for the week',
    title: 'Plan three pleasant activities',
    frequency: 'Once',
    review: isoDate(14),
  });
  await homeworkTab(page).getByRole('button', { name: 'Assign homework' }).click();
  await assign(page, { worksheet: 'Worry log', title: 'Worry log at lunchtime' });
  await homeworkTab(page).getByRole('button', { name: 'Assign homework' }).click();
  await assign(page, {
    worksheet: 'Sleep diary',
    title: 'Sleep diary',
    frequency: { custom: 'Every morning on waking' },
    start: isoDate(-14),
    review: isoDate(-7),
  });
  await expect(currentList(page).getByRole('article')).toHaveCount(4);
  const overdue = card(currentList(page), 'Sleep diary');
  await expect(overdue).toContainText('Overdue');
  await expect(overdue).toContainText('overdue: not yet reviewed');
  await expect(overdue).toContainText('Every morning on waking');
  await expect(overdue.getByText('Assigned here on')).toBeVisible();
  // Oldest due first: the overdue one leads.
  await expect(currentList(page).getByRole('article').first()).toHaveAccessibleName('Sleep diary');

  // The note link opens the note it was assigned in.
  await fromNote.getByRole('button', { name: /^Assigned in the note/ }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  await expect(card(page.getByRole('region', { name: 'New homework' }), 'Catching hot thoughts')).toBeVisible();
  await page.getByRole('button', { name: '← Mara Quinn' }).click();

  // Session 2: its homework review lists everything open, overdue included.
  await startCbtNote(page);
  const reviewSection = page.getByRole('region', { name: 'Homework review' });
  const toReview = reviewSection.getByRole('list', { name: 'Homework to review' });
  await expect(toReview.getByRole('article')).toHaveCount(4);
  await expect(card(toReview, 'Sleep diary')).toContainText('Overdue');
  await expect(card(toReview, 'Catching hot thoughts')).toContainText('Assigned in the note: CBT session · Session 1');

  // Partly done needs the amount.
  const partly = toReview.getByRole('group', { name: 'How did “Catching hot thoughts” go?' });
  await partly.getByRole('radio', { name: 'Partly done' }).check();
  await partly.getByRole('button', { name: 'Record review' }).click();
  await expect(partly.getByText('Say how much was done')).toBeVisible();
  await review(toReview, 'Catching hot thoughts', 'Partly done', {
    amount: '4 of 7 days',
    learned: 'The thought felt less true once written down',
  });
  await review(toReview, 'Plan three pleasant activities', 'Not done', { barrier: 'Too tired after work' });
  await review(toReview, 'Sleep diary', 'Carried over to next week');
  await review(toReview, 'Worry log at lunchtime', 'Dropped');
  await expect(reviewSection.getByText('All open homework is reviewed.')).toBeVisible();
  const recorded = reviewSection.getByRole('list', { name: 'Reviewed in this note' });
  await expect(recorded.getByRole('listitem')).toHaveCount(4);
  await expect(recorded).toContainText(
    'Catching hot thoughts (Thought record): Partly done: 4 of 7 days — learned or noticed: “The thought felt less true once written down”',
  );
  await expect(recorded).toContainText('Not done — “Too tired after work”');
  await expect(recorded).toContainText('Carried over to next week');
  await expect(recorded).toContainText('Dropped');
  expect(await unnamedControls(page)).toEqual([]);

  // Signed, the note shows what was reviewed in it, with no controls.
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  const signedReview = page.getByRole('region', { name: 'Homework review' });
  await expect(signedReview.getByRole('list', { name: 'Homework reviewed in this note' })).toContainText(
    'Partly done: 4 of 7 days',
  );
  await expect(signedReview.getByRole('button')).toHaveCount(0);
  await expect(signedReview.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'New homework' })).toContainText(
    'No homework was assigned in this note.',
  );
  await expect(page.getByRole('navigation', { name: 'Note sections' })).toContainText('Homework review');

  // The printed note carries what was reviewed in that session.
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'sessionkeep-pdf-')), 'note.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const printed = (await pdfText(pdfPath)).replace(/\s+/g, ' ');
  expect(printed).toContain('Reviewed: Catching hot thoughts');
  expect(printed).toContain('4 of 7 days');
  expect(printed).toContain('learned or noticed: “The thought felt less true once written down”');
  expect(printed).toContain('“Too tired after work”');
  await page.getByRole('button', { name: 'Back' }).click();

  // The tab: reviewed ones under Past with their date; carried over stays open (and overdue).
  await page.getByRole('button', { name: '← Mara Quinn' }).click();
  await openClientTab(page, 'Homework');
  await expect(currentList(page).getByRole('article')).toHaveCount(1);
  const carried = card(currentList(page), 'Sleep diary');
  await expect(carried).toContainText('Carried over');
  await expect(carried).toContainText('overdue: not yet reviewed');
  const partial = card(pastList(page), 'Catching hot thoughts');
  await expect(partial).toContainText('Partly done: 4 of 7 days');
  // The date as the app writes it (the browser's locale).
  const reviewedOn = await page.evaluate(() => new Date().toLocaleString(undefined, { dateStyle: 'medium' }));
  await expect(partial).toContainText(`reviewed ${reviewedOn}`);
  await expect(card(pastList(page), 'Worry log at lunchtime')).toContainText('Dropped');
  await partial.getByText(/^History/).click();
  await expect(partial.getByRole('listitem')).toHaveCount(2);
  await expect(partial.getByRole('listitem').nth(1)).toContainText('(in CBT session · Session 2');

  // Completion by week counts each review in the week it was recorded (issue 12), not the
  // week it was due: the thought record (partly done, ½) and the activity plan (not done,
  // due a fortnight on) were both reviewed today, so one week holds both: 25%. The dropped
  // one is not rated. By due date they would be two weeks, 50% and 0%.
  const byWeek = homeworkTab(page).getByRole('table', { name: /Completion by week/ });
  await expect(byWeek.getByRole('row').filter({ hasText: '25%' })).toHaveCount(1);
  await expect(byWeek.getByRole('row').filter({ hasText: /\b(0|50)%/ })).toHaveCount(0);
  // Only weeks with something reviewed: the heading row and that one week, not eight weeks.
  await expect(byWeek.getByRole('row')).toHaveCount(2);
  const byWorksheet = homeworkTab(page).getByRole('table', { name: 'Completion by worksheet' });
  await expect(byWorksheet.getByRole('row', { name: /Thought record/ })).toContainText('50%');
  await expect(byWorksheet.getByRole('row', { name: /Activity plan for the week/ })).toContainText('0%');
  await expect(homeworkTab(page).getByRole('list', { name: 'Common barriers' })).toContainText(
    '“Too tired after work” — once',
  );
  await expect(homeworkTab(page).getByRole('list', { name: 'What the client learned or noticed' })).toContainText(
    '“The thought felt less true once written down” — Catching hot thoughts',
  );

  // Reviewed on the tab: dropped leaves the open list too.
  await carried.getByRole('button', { name: 'Review “Sleep diary”' }).click();
  expect(await unnamedControls(page)).toEqual([]);
  await review(carried, 'Sleep diary', 'Dropped');
  await expect(homeworkTab(page).getByText('Nothing open.')).toBeVisible();
  await expect(card(pastList(page), 'Sleep diary')).toContainText('Dropped');

  expect(problems).toEqual([]);
});

/** Pages in a PDF of the current view, as the print dialog would make it (the app's own @page sizes). */
async function printedPages(page: Page): Promise<string[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'sessionkeep-sheets-')), 'sheets.pdf');
  await page.pdf({ path, preferCSSPageSize: true });
  return (await pdfPageTexts(path)).map((text) => text.replace(/\s+/g, ' '));
}

test('a done review keeps what the client learned or noticed; an every-day sheet prints the days chosen', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Iris Lund' });
  await openClientTab(page, 'Homework');

  // An every-day worry log, a week long (starting today, reviewed in 7 days).
  await homeworkTab(page).getByRole('button', { name: 'Assign homework' }).click();
  await assign(page, { worksheet: 'Worry log', title: 'Evening worry log', frequency: 'Every day' });

  // Printing: the choice starts at one sheet a day up to the review (7); 5 are chosen.
  await homeworkTab(page).getByRole('button', { name: 'Print sheets…' }).click();
  const choice = page.getByRole('form', { name: 'Print client sheets' });
  const days = choice.getByLabel('Days of “Evening worry log”');
  await expect(days).toHaveValue('7');
  await expect(choice.getByRole('button', { name: 'Print 7 sheets' })).toBeVisible();
  // Out of bounds is said beside the field, and nothing opens.
  await days.fill('40');
  await choice.getByRole('button', { name: 'Print 1 sheet' }).click();
  await expect(choice.getByText('Print 1 to 31 copies.')).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(days).toBeFocused();
  await days.fill('5');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await choice.screenshot({ path: testInfo.outputPath(`sheets-choice-${width}.png`) });
    await expectNoSideways(page, `sheets choice at ${width} px`);
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  await choice.getByRole('button', { name: 'Print 5 sheets' }).click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  await expect(page.getByText('5 sheets for Iris')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(5);
  // Each copy starts a new page (a worry log runs onto a second one, which repeats its
  // column headings): 5 copies, each the same number of pages, each labelled with its day.
  const pages = await printedPages(page);
  const firstPages = pages.filter((text) => text.includes('Sheet: Day'));
  expect(firstPages).toHaveLength(5);
  expect(pages.length % 5).toBe(0);
  expect(pages.filter((_, index) => index % (pages.length / 5) === 0)).toEqual(firstPages);
  for (const [index, text] of firstPages.entries()) {
    const day = await page.evaluate((add) => {
      const date = new Date();
      date.setDate(date.getDate() + add);
      return date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    }, index);
    expect(text, `copy ${index + 1}`).toContain(`Sheet: Day ${index + 1} of 5 · ${day}`);
    expect(text, `copy ${index + 1}`).toContain('Evening worry log');
  }
  await page.getByRole('button', { name: 'Back' }).click();

  // Reviewed as done in the next note, with what the client noticed.
  await startCbtNote(page);
  const toReview = page
    .getByRole('region', { name: 'Homework review' })
    .getByRole('list', { name: 'Homework to review' });
  const controls = toReview.getByRole('group', { name: 'How did “Evening worry log” go?' });
  // Not asked before an outcome is chosen, nor for not done (the barrier is asked there).
  await expect(controls.getByLabel('What the client learned or noticed, in their words')).toHaveCount(0);
  await controls.getByRole('radio', { name: 'Not done', exact: true }).check();
  await expect(controls.getByLabel('What the client learned or noticed, in their words')).toHaveCount(0);
  await controls.getByRole('radio', { name: 'Done', exact: true }).check();
  await controls
    .getByLabel('What the client learned or noticed, in their words')
    .fill('Most worries never happened; writing them down settled them');
  expect(await unnamedControls(page)).toEqual([]);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await controls.scrollIntoViewIfNeeded();
    await controls.screenshot({ path: testInfo.outputPath(`review-form-${width}.png`) });
    await expectNoSideways(page, `review form at ${width} px`);
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  await expectNoAxeViolations(page, 'review form');
  await controls.getByRole('button', { name: 'Record review' }).click();
  const learned = '“Most worries never happened; writing them down settled them”';
  const recorded = page
    .getByRole('region', { name: 'Homework review' })
    .getByRole('list', { name: 'Reviewed in this note' });
  await expect(recorded).toContainText(`Evening worry log (Worry log): Done — learned or noticed: ${learned}`);

  // Signed, then printed: the note carries it.
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign note' }).click();
  await expect(
    page.getByRole('region', { name: 'Homework review' }).getByRole('list', { name: 'Homework reviewed in this note' }),
  ).toContainText(`Done — learned or noticed: ${learned}`);
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  const note = (await printedPages(page)).join(' ');
  expect(note).toContain('Reviewed: Evening worry log');
  expect(note).toContain(`Done — learned or noticed: ${learned}`);
  await page.getByRole('button', { name: 'Back' }).click();

  // In the history on the Homework tab, and in the summary beside the barriers.
  await page.getByRole('button', { name: '← Iris Lund' }).click();
  await openClientTab(page, 'Homework');
  const done = card(pastList(page), 'Evening worry log');
  await expect(done).toContainText(`Done — learned or noticed: ${learned}`);
  await done.getByText(/^History/).click();
  await expect(done.getByRole('listitem').nth(1)).toContainText(`Done — learned or noticed: ${learned}`);
  await expect(homeworkTab(page).getByRole('list', { name: 'What the client learned or noticed' })).toContainText(
    `${learned} — Evening worry log`,
  );
  expect(problems).toEqual([]);
});
