import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { pdfBoldTexts, pdfPageTexts, renderPdfPages } from '../support/pdf';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { confirmRecoveryKey, createVault, setSignerName, startCbtNote } from './pages';

/**
 * A fully written one-hour CBT note, signed and printed through Chromium's own PDF
 * printer, then read back from the PDF with pdfjs-dist: the page header and numbers on
 * every page, no placeholder practice, bold and lists kept, labels printed once, and
 * as few pages as reads well.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const CLIENT = 'Zoë Ångström-Lindqvist';
const BORN = '1987-03-09';
/** This fully written one-hour CBT note: 3 A4 pages before the compact layout, 2 after. */
const MAX_PAGES = 2;

/** A clinician's paragraph: about 45 words, the length of a well-filled field. */
function paragraph(topic: string): string {
  return `${topic}: the client described the week in her own words, noticed the pattern of avoidance on two evenings, and linked it to tiredness after work. She rated her confidence as moderate and agreed that the next step is small and specific.`;
}

async function addClientBorn(page: Page, name = CLIENT) {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('Name (required)').fill(name);
  await page.getByLabel('Date of birth').fill(BORN);
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was added' })).toBeVisible();
}

async function fillWholeNote(page: Page) {
  await page.getByRole('radio', { name: /^6$/ }).first().check();
  await page.getByLabel('Duration').fill('60');
  await page.getByRole('radio', { name: 'In person' }).check();
  // Three agenda items, two worked on, one thought record.
  for (let index = 0; index < 2; index++) await page.getByRole('button', { name: '+ Add agenda item' }).first().click();
  const items = page.getByRole('textbox', { name: 'Item' });
  for (const [index, item] of ['Sleep', 'Argument with partner', 'Work deadlines'].entries())
    await items.nth(index).fill(item);
  // Moving into "worked on" offers the three agenda topics (issue 12 item 8); two were worked on.
  const problems = page.getByRole('textbox', { name: 'Problem' });
  await problems.first().click();
  await page.locator('#note-section-agendaWork').getByRole('button', { name: 'Remove agenda item 3' }).click();
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toHaveValue('Sleep');
  await expect(problems.nth(1)).toHaveValue('Argument with partner');
  await page.getByLabel('Emotions').first().fill('anxious, ashamed');
  for (const rating of await page.locator('input[type="number"][max="100"]').all()) await rating.fill('70');
  await page.getByRole('checkbox', { name: 'Socratic questioning' }).check();
  await page.getByRole('checkbox', { name: 'Behavioural activation' }).check();
  await page.getByRole('button', { name: 'Mental filter' }).click();
  await page.getByRole('button', { name: 'Overgeneralization' }).click();
  for (const radio of await page.getByRole('radio', { name: 'No', exact: true }).all()) await radio.check();

  // Every rich-text field written; the summary with a bold phrase and a bulleted list.
  const editors = page.locator('.note-main [contenteditable="true"]');
  const count = await editors.count();
  const summary = page.getByRole('textbox', { name: 'Summary' });
  for (let index = 0; index < count; index++) {
    const editor = editors.nth(index);
    if ((await editor.getAttribute('aria-labelledby')) === (await summary.getAttribute('aria-labelledby'))) continue;
    await editor.click();
    await page.keyboard.insertText(paragraph(`Field ${index + 1}`));
  }
  await summary.click();
  await page.keyboard.type('Agreed: ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('no screens after ten');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' from tonight.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- ');
  await page.keyboard.type('Wind-down walk');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Call her sister on Sunday');
  await expect(page.locator('.save-state')).toContainText('Saved', { timeout: 5_000 });
}

async function signAndPrint(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  const path = join(mkdtempSync(join(tmpdir(), 'sessionkeep-printed-')), name);
  await page.pdf({ path, format: 'A4' });
  return path;
}

async function pageTexts(path: string): Promise<string[]> {
  return (await pdfPageTexts(path)).map((text) => text.replace(/\s+/g, ' '));
}

test('a signed one-hour CBT note prints with its header and page numbers on every page, bold and lists kept', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page); // no practice name set
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClientBorn(page);
  await startCbtNote(page);
  await fillWholeNote(page);
  const path = await signAndPrint(page, 'note.pdf');

  const pages = await pageTexts(path);
  expect(pages.length).toBeGreaterThan(1); // the header is tested where it has to repeat
  expect(pages.length).toBeLessThanOrEqual(MAX_PAGES);
  for (const [index, text] of pages.entries()) {
    expect(text, `page ${index + 1} numbered`).toContain(`Page ${index + 1} of ${pages.length}`);
    expect(text, `page ${index + 1} names the client`).toContain(CLIENT);
    expect(text, `page ${index + 1} gives the date of birth`).toMatch(/born 9 March 1987|born March 9, 1987/);
  }
  const all = pages.join(' ');
  expect(all.toLowerCase()).not.toContain('private practice');
  // "Summary" the section, then the text: not "Summary Summary".
  expect(all).toContain('Summary Agreed:');
  expect(all).not.toMatch(/Summary\s+Summary/);
  expect(all).not.toMatch(/Bridge from the last session\s+Bridge\b/);
  // The list keeps its bullets, the bold phrase a bold font.
  expect(all).toMatch(/• Wind-down walk • Call her sister on Sunday/);
  const bold = await pdfBoldTexts(path);
  expect(bold).toContain('no screens after ten');
  expect(bold.filter((text) => text.includes('Agreed:'))).toEqual([]);

  const out = testInfo.outputPath('printed');
  expect(await renderPdfPages(page, path, out)).toHaveLength(pages.length);
  expect(readdirSync(testInfo.outputPath()).some((file) => file.startsWith('printed'))).toBe(true);
  expect(problems).toEqual([]);
});

test('the practice name heads the printout when set; a name with quotes and backslashes heads every page as typed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your name, as you sign notes').fill('Dr Ana Ruiz');
  await page.getByLabel('Practice name').fill('Harbour "Street" \\ Therapy');
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Clients' }).click();
  // Written into a CSS string in the page margin: must neither end it nor vanish.
  const hostile = 'Jo "JJ" O\\Brien\'; } </style>';
  await addClientBorn(page, hostile);
  await startCbtNote(page);
  await page.getByRole('textbox', { name: 'Summary' }).click();
  await page.keyboard.type('Short session.');
  await expect(page.locator('.save-state')).toContainText('Saved', { timeout: 5_000 });
  const path = await signAndPrint(page, 'short.pdf');
  const pages = await pageTexts(path);
  expect(pages).toHaveLength(1);
  expect(pages[0]?.toUpperCase()).toContain('HARBOUR "STREET" \\ THERAPY');
  expect(pages[0]).toContain('Page 1 of 1');
  // The margin header, then the facts block: the name twice on the page.
  expect(pages[0]?.split(`${hostile} · born`).length).toBe(2);
  expect(pages[0]?.trimStart().indexOf(hostile)).toBe(0);
  expect(problems).toEqual([]);
});
