import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { builtInWorksheets } from '../../shared/worksheets/index';
import { pdfPageSizes, pdfPageTexts, renderPdfPages } from '../support/pdf';
import { expectNoSideways, WIDTHS } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { confirmRecoveryKey, createVault, setSignerName, unnamedControls } from './pages';

/**
 * Printing blank client worksheets from the library, against the real core: each
 * sheet prints on its own paper size and orientation (CSS named pages), column
 * headings repeat on every page of a long table, and the text is really in the PDF.
 * PDFs are made with page.pdf({ preferCSSPageSize: true }), so the page sizes come
 * from the app's own @page rules, as in the print dialog.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

type PageSize = { width: number; height: number };

/** Prints the current view to a PDF and reads back each page's size and text. */
async function printToPdf(page: Page): Promise<{ path: string; sizes: PageSize[]; pages: string[] }> {
  const path = join(mkdtempSync(join(tmpdir(), 'sessionkeep-sheets-')), 'sheet.pdf');
  await page.pdf({ path, preferCSSPageSize: true });
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  const sizes = await pdfPageSizes(path);
  const pages = await pdfPageTexts(path);
  expect(pages).toHaveLength(sizes.length);
  return { path, sizes, pages };
}

/** A4 is 595 × 842 pt and US Letter 612 × 792 pt. */
const A4 = { short: 595, long: 842 };
const LETTER = { short: 612, long: 792 };
function isSize(size: PageSize, paper: { short: number; long: number }, orientation: 'portrait' | 'landscape') {
  const [width, height] = orientation === 'portrait' ? [paper.short, paper.long] : [paper.long, paper.short];
  return Math.abs(size.width - width) < 1.5 && Math.abs(size.height - height) < 1.5;
}

/** The text comes cell by cell in the order printed, wrapped as printed: one space for any run of white space. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Lower-case words, split at anything but letters and digits (a printed line can break mid-URL). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

async function openLibrary(page: Page) {
  await page
    .getByRole('navigation', { name: 'Sections', exact: true })
    .getByRole('button', { name: 'Worksheets' })
    .click();
  await expect(page.getByRole('list', { name: 'Worksheet library' })).toBeVisible();
}

async function printBlank(page: Page, title: string, worksheetId: string) {
  await page.getByRole('button', { name: `Print blank: ${title}`, exact: true }).click();
  await expect(page.locator(`article.sheet[data-worksheet="${worksheetId}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
}

async function choosePaper(page: Page, label: 'A4' | 'US Letter') {
  await page.getByLabel('Paper size').selectOption({ label });
}

test('blank worksheets print in their own orientation, with headings on every page', async ({ page }) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));

  // The library lists every worksheet with what it is for and how it prints.
  await openLibrary(page);
  const library = page.getByRole('list', { name: 'Worksheet library' });
  await expect(library.getByRole('listitem')).toHaveCount(13);
  await expect(library.getByRole('listitem').filter({ hasText: 'Sleep diary' })).toContainText('Landscape');
  await expect(library.getByRole('listitem').filter({ hasText: 'Fear ladder' })).toContainText('Portrait');
  expect(await unnamedControls(page)).toEqual([]);

  // The 7-column thought record: landscape, every column, the instructions, the footer.
  await printBlank(page, 'Thought record', 'thought-record-7');
  expect(await unnamedControls(page)).toEqual([]);
  await choosePaper(page, 'A4');
  const record = await printToPdf(page);
  expect(record.sizes.length).toBeGreaterThanOrEqual(1);
  for (const size of record.sizes) expect(isSize(size, A4, 'landscape'), JSON.stringify(size)).toBe(true);
  const recordText = squeeze(record.pages.join('\n'));
  for (const expected of [
    'Thought record',
    'Use this when your mood changes',
    'Situation',
    'Moods',
    'Automatic thoughts',
    'Evidence that supports',
    'Evidence that does not',
    'Alternative or balanced',
    'Rate moods now',
    'Name',
    'Date',
    'Sessionkeep',
    'Greenberger',
  ]) {
    expect(recordText, expected).toContain(expected);
  }
  // The toolbar is for the screen only.
  expect(recordText).not.toContain('Print or save as PDF');
  expect(recordText).not.toContain('Paper size');

  // The same sheet on US Letter.
  await choosePaper(page, 'US Letter');
  const letter = await printToPdf(page);
  for (const size of letter.sizes) expect(isSize(size, LETTER, 'landscape'), JSON.stringify(size)).toBe(true);

  // The 3-column record: portrait.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('list', { name: 'Worksheet library' })).toBeVisible();
  await printBlank(page, 'Situation, thought, feeling', 'thought-record-3');
  await choosePaper(page, 'A4');
  const simple = await printToPdf(page);
  for (const size of simple.sizes) expect(isSize(size, A4, 'portrait'), JSON.stringify(size)).toBe(true);
  const simpleText = squeeze(simple.pages.join('\n'));
  for (const expected of ['Situation, thought, feeling', 'When you notice your mood change', 'Thought', 'Feeling']) {
    expect(simpleText, expected).toContain(expected);
  }

  // Activity monitoring: eighteen hours run onto a second page, which repeats the headings.
  await page.getByRole('button', { name: 'Back' }).click();
  await printBlank(page, 'Activity monitoring', 'activity-monitoring');
  await choosePaper(page, 'A4');
  const activity = await printToPdf(page);
  expect(activity.sizes.length).toBeGreaterThanOrEqual(2);
  for (const size of activity.sizes) expect(isSize(size, A4, 'landscape'), JSON.stringify(size)).toBe(true);
  activity.pages.forEach((text, index) => {
    for (const heading of ['What I did', 'Mood 0–10', 'Mastery 0–10', 'Pleasure 0–10']) {
      expect(squeeze(text), `page ${index + 1}: ${heading}`).toContain(heading);
    }
  });
  expect(squeeze(activity.pages[0] ?? '')).toContain('6–7 am');
  expect(squeeze(activity.pages.at(-1) ?? '')).toContain('11 pm–12 am');
  // No hour is lost or printed twice across the break.
  const hourRows = squeeze(activity.pages.join('\n')).match(/\b\d{1,2}(?: [ap]m)?–\d{1,2} [ap]m\b/g) ?? [];
  expect(hourRows).toHaveLength(18);

  expect(problems).toEqual([]);
});

test('every built-in worksheet prints on A4 and US Letter the right way round, with no page left holding only its footer', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await openLibrary(page);

  for (const worksheet of builtInWorksheets) {
    await printBlank(page, worksheet.title, worksheet.id);
    for (const [label, paper] of [
      ['A4', A4],
      ['US Letter', LETTER],
    ] as const) {
      await choosePaper(page, label);
      const printed = await printToPdf(page);
      const where = `${worksheet.id} on ${label}`;
      expect(printed.sizes.length, where).toBeGreaterThanOrEqual(1);
      for (const size of printed.sizes) expect(isSize(size, paper, worksheet.orientation), where).toBe(true);
      const all = squeeze(printed.pages.join(' '));
      expect(all, where).toContain(worksheet.title);
      expect(all, where).toContain('Sessionkeep');
      // The small footer closes the sheet; a last page with nothing else on it wastes paper.
      const footerWords = new Set(words(`${worksheet.title} Sessionkeep ${worksheet.source ?? ''}`));
      const lastPageWords = words(printed.pages.at(-1) ?? '').filter((word) => !footerWords.has(word));
      expect(lastPageWords.length, `${where}: the last page holds more than the footer`).toBeGreaterThan(0);
    }
    await page.getByRole('button', { name: 'Back' }).click();
  }

  expect(problems).toEqual([]);
});

/** The contacts a therapist keeps for safety plans, as typed in Settings and as printed under each label. */
const CONTACTS = {
  name: 'Dr Ana Ruiz',
  phone: '020 7946 0000',
  afterHours: 'Harbour on-call 020 7946 0001',
  crisisLines: [
    ['Harbour Crisis Line', '0800 555 0199'],
    ['Samaritans', '116 123'],
    ['Shout', 'Text SHOUT to 85258'],
    ['Papyrus', '0800 068 4141'],
  ],
  emergency: '999',
  department: 'St Thomas Hospital, SE1 7EH',
} as const;

test('a safety plan prints each contact from Settings under its own label, every crisis line, and the therapist', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page, CONTACTS.name);

  const card = page.getByRole('form', { name: 'Safety plan contacts' });
  await card.getByLabel('Your phone number').fill(CONTACTS.phone);
  await card.getByLabel('After-hours or on-call line').fill(CONTACTS.afterHours);
  // "+ Add crisis line" puts the cursor in the new row; Enter in a row goes on to a new one.
  await card.getByRole('button', { name: '+ Add crisis line' }).click();
  for (const [index, [name, number]] of CONTACTS.crisisLines.entries()) {
    const nameBox = card.getByLabel(`Crisis line ${index + 1} name`);
    await expect(nameBox).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await expect(card.getByLabel(`Crisis line ${index + 1} number`)).toBeFocused();
    await page.keyboard.type(number);
    await page.keyboard.press('Enter');
  }
  // The Enter after the last line left a fifth, empty row: removing it puts the cursor in the row above.
  await expect(card.getByLabel('Crisis line 5 name')).toBeFocused();
  await card.getByRole('button', { name: 'Remove crisis line 5' }).click();
  await expect(card.getByLabel('Crisis line 5 name')).toHaveCount(0);
  await expect(card.getByLabel('Crisis line 4 name')).toBeFocused();
  await card.getByLabel('Emergency number').fill(CONTACTS.emergency);
  await card.getByLabel('Nearest emergency department').fill(CONTACTS.department);

  // A line with a name but no number is marked at its field and nothing is saved; an empty row is simply left out.
  await card.getByRole('button', { name: '+ Add crisis line' }).click();
  await page.keyboard.type('Half typed');
  await card.getByRole('button', { name: '+ Add crisis line' }).click();
  await card.getByRole('button', { name: 'Save contacts' }).click();
  const missing = card.getByLabel('Crisis line 5 number');
  await expect(missing).toHaveAttribute('aria-invalid', 'true');
  await expect(missing).toBeFocused();
  await expect(missing).toHaveAccessibleDescription(/Give the crisis line’s number\./);
  await expect(card.getByRole('alert')).toHaveText(/Nothing was saved: check the marked fields\./);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 1000 });
    await card.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await card.screenshot({ path: testInfo.outputPath(`safety-contacts-error-${width}.png`) });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  await card.getByRole('button', { name: 'Remove crisis line 5 (Half typed)' }).click();
  await card.getByRole('button', { name: 'Save contacts' }).click();
  await expect(card.getByRole('status')).toContainText(
    'Saved. Safety plans print these contacts, with 4 crisis lines.',
  );
  await expect(card.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(card.getByLabel(/^Crisis line \d+ name$/)).toHaveCount(4);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 1000 });
    await card.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await card.screenshot({ path: testInfo.outputPath(`safety-contacts-${width}.png`) });
    await expectNoSideways(page, `Settings at ${width} px`, true);
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  const { violations } = await new AxeBuilder({ page }).include('.safety-contacts').analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await openLibrary(page);
  const safetyPlan = builtInWorksheets.find((worksheet) => worksheet.id === 'safety-plan');
  await printBlank(page, safetyPlan?.title ?? '', 'safety-plan');
  const sheet = page.locator('article.sheet[data-worksheet="safety-plan"]');
  await sheet.locator('.sheet-fields').screenshot({ path: testInfo.outputPath('safety-plan-contacts-print.png') });
  const { path, pages } = await printToPdf(page);
  expect(await renderPdfPages(page, path, testInfo.outputPath('safety-plan-page'))).toHaveLength(pages.length);
  const text = squeeze(pages.join(' '));
  // Every number under its own label, in the order of the sheet, and none dropped.
  const expected = [
    ['My therapist (name and phone)', `${CONTACTS.name} · ${CONTACTS.phone}`],
    ['After-hours or on-call line', CONTACTS.afterHours],
    ...CONTACTS.crisisLines.map(([name, number]) => ['Crisis line (call or text)', `${name}: ${number}`]),
    ['Emergency number', CONTACTS.emergency],
    ['Nearest emergency department or urgent care (address)', CONTACTS.department],
  ];
  const contacts = text.slice(text.indexOf('Contacts My therapist'));
  expect(contacts).toContain(expected.map(([label, value]) => `${label} ${value}`).join(' '));
  // Nothing built in: every run of digits that looks like a phone number is one the therapist entered.
  const entered = [CONTACTS.phone, CONTACTS.afterHours, ...CONTACTS.crisisLines.map(([, number]) => number)];
  const phoneLike = text.match(/\d[\d\s-]{5,}\d/g) ?? [];
  expect(phoneLike.length).toBeGreaterThanOrEqual(5);
  for (const found of phoneLike)
    expect(
      entered.some((number) => number.includes(found)),
      found,
    ).toBe(true);
  expect(problems).toEqual([]);
});
