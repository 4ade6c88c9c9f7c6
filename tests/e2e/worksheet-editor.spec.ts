import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { SessionkeepApi } from '../../shared/ipc/contract';
import { pdfText } from '../support/pdf';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { confirmRecoveryKey, createVault, unnamedControls } from './pages';

/**
 * A therapist's own worksheet: duplicate a built-in, edit the copy, save it, print it,
 * edit it again. Against the real core, so the saved definition passes its schema and
 * versioning there too.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const NEW_TITLE = 'My situation and reaction record';

type Listed = { id: string; title: string; version: number; builtIn: boolean; basedOn?: string; blocks: unknown[] };

/** The therapist's own worksheets, straight from the core. */
async function ownWorksheets(page: Page): Promise<Listed[]> {
  return page.evaluate(async () => {
    const bridge = (window as unknown as { sessionkeep?: SessionkeepApi }).sessionkeep;
    const answer = await bridge?.['worksheets:list']({});
    if (!answer?.ok) throw new Error('worksheets:list failed');
    return answer.value.filter((worksheet) => !worksheet.builtIn);
  }) as Promise<Listed[]>;
}

test('a therapist duplicates a worksheet, edits and prints the copy, and edits it again', async ({ page }) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));

  await page
    .getByRole('navigation', { name: 'Sections', exact: true })
    .getByRole('button', { name: 'Worksheets' })
    .click();
  const library = page.getByRole('list', { name: 'Worksheet library' });
  await expect(library).toBeVisible();
  // Built-ins can be copied but not edited.
  await expect(page.getByRole('button', { name: /^Edit: / })).toHaveCount(0);

  // Duplicate the 3-column thought record: the editor replaces the list, on the title.
  await page.getByRole('button', { name: 'Duplicate: Situation, thought, feeling', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New worksheet' })).toBeVisible();
  await expect(library).toHaveCount(0);
  const title = page.getByLabel('Title (printed at the top)');
  await expect(title).toHaveValue('Copy of Situation, thought, feeling');
  await expect(title).toBeFocused();
  expect(await unnamedControls(page)).toEqual([]);

  await title.fill(NEW_TITLE);
  await page.getByRole('button', { name: 'Add column to (table without a name)' }).click();
  const newHeading = page.getByLabel('Column 4 heading');
  await expect(newHeading).toBeFocused();
  await newHeading.fill('What I did next');
  await page.getByLabel('Blank rows').fill('6');
  await page.screenshot({ path: test.info().outputPath('worksheet-editor.png') });
  await page.getByRole('button', { name: 'Save worksheet' }).click();

  // Back on the list, marked as the therapist's own.
  const own = library.getByRole('listitem').filter({ hasText: NEW_TITLE });
  await expect(own).toBeVisible();
  await expect(own.getByText('Your own')).toBeVisible();
  await expect(page.getByText(`Saved “${NEW_TITLE}” (version 1).`)).toBeVisible();
  const [saved] = await ownWorksheets(page);
  expect(saved).toMatchObject({ id: 'my-situation-and-reaction-record', version: 1, basedOn: 'thought-record-3' });
  expect(saved?.blocks).toEqual([
    expect.objectContaining({
      kind: 'table',
      rows: 6,
      columns: [
        expect.objectContaining({ id: 'situation' }),
        expect.objectContaining({ id: 'thought' }),
        expect.objectContaining({ id: 'feeling' }),
        { id: 'whatIDidNext', heading: 'What I did next' },
      ],
    }),
  ]);

  // It prints blank like any other, with the new title and column.
  await page.getByRole('button', { name: `Print blank: ${NEW_TITLE}`, exact: true }).click();
  await expect(page.locator('article.sheet[data-worksheet="my-situation-and-reaction-record"]')).toBeVisible();
  const path = join(mkdtempSync(join(tmpdir(), 'sessionkeep-own-sheet-')), 'sheet.pdf');
  await page.pdf({ path, preferCSSPageSize: true });
  const text = (await pdfText(path)).replace(/\s+/g, ' ');
  expect(text).toContain(NEW_TITLE);
  expect(text).toContain('What I did next');
  await page.getByRole('button', { name: 'Back' }).click();

  // Edit it again: the ids stay, the version goes up.
  await page.getByRole('button', { name: `Edit: ${NEW_TITLE}`, exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Edit worksheet' })).toBeVisible();
  await expect(page.getByText('Saved version 1')).toBeVisible();
  await page.getByLabel('Column 4 heading').fill('What I did afterwards');
  await page.getByRole('button', { name: 'Save worksheet' }).click();
  await expect(page.getByText(`Saved “${NEW_TITLE}” (version 2).`)).toBeVisible();
  const [again] = await ownWorksheets(page);
  expect(again?.version).toBe(2);
  expect(JSON.stringify(again?.blocks)).toContain('{"id":"whatIDidNext","heading":"What I did afterwards"}');

  // An empty title is refused at the field, and nothing is saved.
  await page.getByRole('button', { name: `Edit: ${NEW_TITLE}`, exact: true }).click();
  await title.fill('   ');
  await page.getByRole('button', { name: 'Save worksheet' }).click();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(/Give the worksheet a title\./);
  await expect(title).toBeFocused();
  await expect(page.getByText('One thing needs fixing before the worksheet can be saved')).toBeVisible();
  expect(await ownWorksheets(page)).toEqual([expect.objectContaining({ title: NEW_TITLE, version: 2 })]);

  // Cancel asks before dropping the change; keeping the edit stays in the editor.
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(library).toBeVisible();
  expect(await ownWorksheets(page)).toEqual([expect.objectContaining({ title: NEW_TITLE, version: 2 })]);

  expect(problems).toEqual([]);
});
