import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { pdfText } from '../support/pdf';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import {
  addClient,
  confirmRecoveryKey,
  createVault,
  isoDate,
  openClientTab,
  setSignerName,
  unnamedControls,
} from './pages';

/**
 * Substances and medications with cautions (the intake issue), through the UI: a client
 * with depression takes kratom daily "for mood" next to sertraline and a benzodiazepine.
 * The intake view shows the cautions with their sources; the therapist records what was
 * done about one in a CBT note, and the note keeps that record once signed. The app
 * records and cautions; it never calls a combination safe.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const KRATOM_SEDATIVES = 'Kratom with benzodiazepines, alcohol or other sedatives';
const BENZO_DEPENDENCE = 'Benzodiazepines: dependence and withdrawal seizures';
const KRATOM_SSRI = 'Kratom with serotonergic antidepressants';

function intakeSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Substances and medications', exact: true });
}

function cautionsPanel(scope: Locator): Locator {
  return scope.getByRole('region', { name: /^Cautions/ });
}

function caution(scope: Locator, title: string): Locator {
  return cautionsPanel(scope).getByRole('article', { name: title, exact: true });
}

function currentList(scope: Locator): Locator {
  return scope.getByRole('list', { name: /^Current/ });
}

function entry(scope: Locator, name: string): Locator {
  return scope.getByRole('article', { name, exact: true });
}

type Substance = {
  name: string;
  recognised: string;
  amount?: string;
  unit?: string;
  frequency?: string;
  forWhat?: string;
  obtained?: string;
  prescriberKnows?: 'Yes' | 'No' | 'Not known';
};

/** Adds a substance from the add form, saving with Enter as a therapist typing fast would. */
async function addSubstance(scope: Locator, substance: Substance) {
  await scope.getByRole('button', { name: '+ Substance or supplement' }).click();
  const form = scope.getByRole('form', { name: 'Add a substance or supplement' });
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await form.getByLabel('Name', { exact: true }).fill(substance.name);
  await expect(form.getByText(substance.recognised, { exact: true })).toBeVisible();
  // Until asked, nobody knows whether the prescriber knows.
  await expect(form.getByRole('radio', { name: 'Not known' })).toBeChecked();
  if (substance.amount) await form.getByLabel('Amount').fill(substance.amount);
  if (substance.unit) await form.getByLabel('Unit').fill(substance.unit);
  if (substance.frequency) await form.getByLabel('How often').fill(substance.frequency);
  if (substance.obtained) await form.getByLabel('Where obtained').selectOption({ label: substance.obtained });
  if (substance.prescriberKnows)
    await form.getByRole('radio', { name: substance.prescriberKnows, exact: true }).check();
  if (substance.forWhat) {
    await form.getByLabel('What the client says it is for').fill(substance.forWhat);
    await form.getByLabel('What the client says it is for').press('Enter');
  } else await form.getByLabel('Name', { exact: true }).press('Enter');
  await expect(form).toBeHidden();
  await expect(entry(currentList(scope), substance.name)).toBeVisible();
}

async function addMedication(
  page: Page,
  scope: Locator,
  name: string,
  recognised: string,
  dose: string,
  source = 'Prescribed to the client',
) {
  await scope.getByRole('button', { name: '+ Medication' }).click();
  const form = scope.getByRole('form', { name: 'Add a medication' });
  await form.getByLabel('Medication (generic or brand)').fill(name);
  await expect(form.getByText(recognised, { exact: true })).toBeVisible();
  await form.getByLabel('Dose').fill(dose);
  await expect(form.getByLabel('Prescribed to the client?')).toHaveValue('prescribed');
  await form.getByLabel('Prescribed to the client?').selectOption({ label: source });
  await form.getByLabel('Dose').focus();
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(entry(currentList(scope), name)).toBeVisible();
}

/** Records what was done about one caution, from its own controls. */
async function recordAction(scope: Locator, title: string, action: string, reason?: string) {
  const card = caution(scope, title);
  await card.getByRole('button', { name: `Record what was done about “${title}”` }).click();
  const choices = card.getByRole('group', { name: `What was done about “${title}”?` });
  await choices.getByRole('radio', { name: action }).check();
  if (reason !== undefined) await choices.getByLabel('Why it is not relevant').fill(reason);
  await choices.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(choices).toBeHidden();
}

test('a client’s kratom, sertraline and alprazolam: cautions, sources, actions in a note, the overview', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page);

  // Settings → About: the knowledge base's version, review date and the disclaimer.
  const about = page.getByRole('region', { name: 'About' });
  await expect(about).toContainText('Sessionkeep');
  await expect(about).toContainText('Version 1.0.0');
  await expect(about).toContainText('Last reviewed');
  await expect(about).toContainText('Caution rules');
  await expect(about).toContainText('not medical advice');
  await expect(about).toContainText('Absence of a caution does not mean a combination is safe.');

  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Noor Haddad' });
  await openClientTab(page, 'Substances and medications');
  const intake = intakeSection(page);
  await expect(intake.getByText('Nothing listed as taken now.')).toBeVisible();
  await expect(intake).toContainText('Caution knowledge base 1.0.0, reviewed');
  await expect(intake).toContainText(
    'Information to discuss with the client’s prescriber or pharmacist; not medical advice. Absence of a caution does not mean a combination is safe.',
  );
  // Nothing open, nothing said on the overview.
  await expect(page.getByText(/serious cautions? not yet addressed/)).toHaveCount(0);

  // What the client reports: kratom daily "for mood", sertraline, alprazolam.
  await addSubstance(intake, {
    name: 'kratom',
    recognised: 'Recognised: Kratom',
    amount: '2',
    unit: 'teaspoons',
    frequency: 'daily',
    obtained: 'Shop (e.g. smoke shop, health store)',
    prescriberKnows: 'No',
    forWhat: 'for mood',
  });
  const kratom = entry(currentList(intake), 'kratom');
  await expect(kratom).toContainText('2 teaspoons');
  await expect(kratom).toContainText('for: “for mood”');
  await expect(kratom).toContainText('prescriber knows: no');
  await addMedication(page, intake, 'sertraline', 'Recognised: sertraline → SSRI antidepressant', '100 mg daily');
  // A brand name is recognised as its generic.
  // A medication can be someone else's: recorded as not prescribed to the client.
  await addMedication(
    page,
    intake,
    'Xanax',
    'Recognised: alprazolam → benzodiazepine',
    '0.5 mg as needed',
    'Not prescribed: from a friend or family',
  );
  await expect(entry(currentList(intake), 'Xanax')).toContainText('alprazolam · benzodiazepine');
  await expect(entry(currentList(intake), 'Xanax')).toContainText('not prescribed: from a friend or family');
  await expect(entry(currentList(intake), 'sertraline')).not.toContainText('not prescribed');
  await expect(currentList(intake).getByRole('article')).toHaveCount(3);

  // The cautions, most severe first, each with its severity in words.
  const panel = cautionsPanel(intake);
  await expect(panel.getByRole('list', { name: 'Cautions to discuss' }).getByRole('article').first()).toContainText(
    'Serious',
  );
  const sedatives = caution(intake, KRATOM_SEDATIVES);
  await expect(sedatives).toContainText('Serious');
  await expect(sedatives).toContainText('Involves: kratom, Xanax');
  await expect(sedatives).toContainText('Not yet addressed');
  await expect(caution(intake, BENZO_DEPENDENCE)).toContainText('Serious');
  await expect(caution(intake, KRATOM_SSRI)).toContainText('Caution');
  await expect(caution(intake, KRATOM_SSRI)).toContainText('Involves: kratom, sertraline');
  // What is known, what to discuss, the sources with their grades; URLs as plain text.
  await sedatives.getByText('What is known, what to discuss, sources').click();
  await expect(sedatives).toContainText('What to discuss, and with whom');
  await expect(
    sedatives.getByText('Post S et al.: kratom exposures reported to US poison centres, 2011-2017'),
  ).toBeVisible();
  await expect(sedatives).toContainText('Clinical Toxicology, 2019');
  await expect(sedatives).toContainText('unconfirmed');
  await expect(sedatives.getByRole('link')).toHaveCount(0);
  // The reference's section numbers are ours, not the user's: a caution shows only its own sources.
  await expect(sedatives).not.toContainText('§');
  await expect(sedatives).not.toContainText('of the reference');
  await expect(sedatives).toContainText(/\(\d+ facts?\)/);
  await caution(intake, KRATOM_SSRI).getByText('What is known, what to discuss, sources').click();
  await expect(
    caution(intake, KRATOM_SSRI).getByText('https://psychiatryonline.org/doi/10.1176/appi.pn.2019.5a2'),
  ).toBeVisible();
  await expect(caution(intake, KRATOM_SSRI).getByRole('link')).toHaveCount(0);

  // The overview says what is open.
  const summary = page.getByRole('status').filter({ hasText: 'not yet addressed' });
  await expect(summary).toContainText('2 serious cautions not yet addressed');
  await expect(summary).toContainText(KRATOM_SEDATIVES);

  // A name not in the knowledge base: said plainly, never read as "no risk".
  await intake.getByRole('button', { name: '+ Substance or supplement' }).click();
  const unknownForm = intake.getByRole('form', { name: 'Add a substance or supplement' });
  // Mid-word it would only be noise: the warning waits until the name field is left.
  await unknownForm.getByLabel('Name', { exact: true }).pressSequentially('Moonflo');
  await expect(unknownForm.getByText('Not in the built-in list: no built-in information')).toBeHidden();
  await unknownForm.getByLabel('Name', { exact: true }).fill('Moonflower blend');
  await expect(unknownForm.getByText('Not in the built-in list: no built-in information')).toBeHidden();
  await unknownForm.getByLabel('Name', { exact: true }).press('Tab');
  await expect(unknownForm.getByText('Not in the built-in list: no built-in information')).toBeVisible();
  await unknownForm.getByRole('button', { name: 'Add', exact: true }).click();
  const noInfo = caution(intake, 'No built-in information');
  await expect(noInfo).toContainText('Information');
  await expect(noInfo).toContainText('Involves: Moonflower blend');

  // Clear errors at the field, and nothing is added.
  await intake.getByRole('button', { name: '+ Medication' }).click();
  const medicationForm = intake.getByRole('form', { name: 'Add a medication' });
  await medicationForm.getByLabel('Started').fill(isoDate(0));
  await medicationForm.getByLabel('Stopped').fill(isoDate(-3));
  await medicationForm.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(medicationForm.getByText('Enter what the client takes.')).toBeVisible();
  await expect(medicationForm.getByText('Stopped cannot be before Started.')).toBeVisible();
  await expect(medicationForm.getByLabel('Medication (generic or brand)')).toBeFocused();
  expect(await unnamedControls(page)).toEqual([]);
  await medicationForm.getByRole('button', { name: 'Cancel' }).click();
  await expect(medicationForm).toBeHidden();
  // Escape closes an untouched form.
  await intake.getByRole('button', { name: '+ Medication' }).click();
  await expect(medicationForm.getByLabel('Medication (generic or brand)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(medicationForm).toBeHidden();
  await expect(currentList(intake).getByRole('article')).toHaveCount(4);

  // Stopping moves an entry out of the current list; its history keeps both dated changes.
  const moonflower = entry(currentList(intake), 'Moonflower blend');
  await moonflower.getByRole('button', { name: 'Stop Moonflower blend' }).click();
  await expect(intake.getByLabel('Stopped on')).toHaveValue(isoDate(0));
  await intake.getByRole('button', { name: 'Stop Moonflower blend' }).click();
  await expect(entry(currentList(intake), 'Moonflower blend')).toHaveCount(0);
  const stopped = entry(intake.getByRole('list', { name: /^Stopped/ }), 'Moonflower blend');
  await expect(stopped).toContainText('Stopped on');
  await stopped.getByText(/^History/).click();
  const changes = stopped.getByRole('listitem');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('Added');
  await expect(changes.nth(1)).toContainText('Stopped on');
  await expect(caution(intake, 'No built-in information')).toHaveCount(0);

  // Context the engine reads, saved as it is ticked; the cautions follow at once.
  await intake.getByRole('checkbox', { name: 'History of seizures' }).check();
  await expect(caution(intake, 'Seizure history with kratom, 7-OH or tianeptine')).toContainText('Caution');
  await intake.getByRole('checkbox', { name: 'History of seizures' }).uncheck();
  await expect(caution(intake, 'Seizure history with kratom, 7-OH or tianeptine')).toHaveCount(0);

  // The intake view, for a human to look at: cut from a full-page shot, so the sticky
  // top bar stays at the top of the page and not across the section.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await intake.boundingBox();
  if (!box) throw new Error('the intake section is not on the page');
  await page.screenshot({ path: testInfo.outputPath('intake-view.png'), fullPage: true, clip: box });

  // In a CBT note: the same list with its cautions; what is done is recorded in the note.
  await openClientTab(page, 'Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  const inNote = intakeSection(page);
  await expect(entry(currentList(inNote), 'kratom')).toBeVisible();
  await recordAction(inNote, KRATOM_SEDATIVES, 'Discussed with client');
  await expect(caution(inNote, KRATOM_SEDATIVES)).toContainText('Discussed with client');
  await expect(caution(inNote, KRATOM_SEDATIVES)).toContainText('in this note');
  // "Not relevant" needs a reason.
  const ssri = caution(inNote, KRATOM_SSRI);
  await ssri.getByRole('button', { name: `Record what was done about “${KRATOM_SSRI}”` }).click();
  await ssri.getByRole('radio', { name: 'Not relevant' }).check();
  await ssri.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(ssri.getByText('Say why it is not relevant.')).toBeVisible();
  await expect(ssri.getByLabel('Why it is not relevant')).toBeFocused();
  await ssri.getByRole('button', { name: 'Cancel' }).click();
  // A change made in the note, and the list marked as reviewed.
  await entry(currentList(inNote), 'sertraline').getByRole('button', { name: 'Edit sertraline' }).click();
  const editForm = inNote.getByRole('form', { name: 'Edit sertraline' });
  await editForm.getByLabel('Dose').fill('150 mg daily');
  await editForm.getByLabel('Dose').press('Enter');
  await expect(editForm).toBeHidden();
  await inNote.getByRole('button', { name: 'Reviewed with the client' }).click();
  const recorded = inNote.getByRole('list', { name: 'Recorded in this note' });
  await expect(recorded.getByRole('listitem')).toHaveCount(3);
  await expect(recorded).toContainText(`Discussed with client: Serious ${KRATOM_SEDATIVES} (kratom, Xanax)`);
  await expect(recorded).toContainText('Changed sertraline: Dose: 100 mg daily → 150 mg daily');
  await expect(recorded).toContainText('Reviewed the list with the client');
  expect(await unnamedControls(page)).toEqual([]);

  // Signed: only the record of this note, read-only.
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  const signed = intakeSection(page);
  await expect(signed).toContainText(`Discussed with client: Serious ${KRATOM_SEDATIVES} (kratom, Xanax)`);
  await expect(signed).toContainText('Changed sertraline');
  await expect(signed.getByRole('button')).toHaveCount(0);
  await expect(signed.getByRole('radio')).toHaveCount(0);
  await expect(signed.getByRole('textbox')).toHaveCount(0);
  await expect(cautionsPanel(signed)).toHaveCount(0);

  // The printed note carries the same record.
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'sessionkeep-pdf-')), 'note.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const printed = (await pdfText(pdfPath)).replace(/\s+/g, ' ');
  expect(printed).toContain('Substances and medications');
  expect(printed).toContain('Discussed with client');
  expect(printed).toContain('Changed sertraline');
  expect(printed).toMatch(/knowledge base, version 1\.0\.0/);
  await page.getByRole('button', { name: 'Back' }).click();

  // Back on the client: the action shows on the caution, with the note it was recorded
  // in, and the overview counts one serious caution still open.
  await page.getByRole('button', { name: '← Noor Haddad' }).click();
  await openClientTab(page, 'Substances and medications');
  const back = intakeSection(page);
  await expect(caution(back, KRATOM_SEDATIVES)).toContainText('Discussed with client');
  await expect(caution(back, KRATOM_SEDATIVES)).toContainText('in the note: CBT session · Session 1');
  await expect(entry(currentList(back), 'sertraline')).toContainText('150 mg daily');
  await expect(summary).toContainText('1 serious caution not yet addressed');
  await expect(summary).not.toContainText(KRATOM_SEDATIVES);
  await expect(summary).toContainText(BENZO_DEPENDENCE);
  // From another tab, the summary's link shows the tab and puts the focus on its heading.
  await openClientTab(page, 'Notes');
  await summary.getByRole('button', { name: 'See Substances and medications' }).click();
  await expect(page.getByRole('tab', { name: 'Substances and medications' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Substances and medications', level: 2 })).toBeFocused();
  // Recorded on the client's record too, and then nothing serious is open.
  await recordAction(back, BENZO_DEPENDENCE, 'Suggested the client talk to their prescriber or pharmacist');
  await expect(caution(back, BENZO_DEPENDENCE)).toContainText('on the client’s record');
  await expect(page.getByText(/serious cautions? not yet addressed/)).toHaveCount(0);
  expect(await unnamedControls(page)).toEqual([]);

  expect(problems).toEqual([]);
});
