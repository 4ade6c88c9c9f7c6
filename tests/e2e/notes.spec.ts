import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { SessionkeepApi } from '../../shared/ipc/contract';
import { pdfText } from '../support/pdf';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, unlock } from './pages';

/**
 * Writing a session note the way a therapist does, against the real core: every
 * section typed at a realistic speed, the process killed mid-typing, then signing,
 * addenda, search and a printed PDF whose text is read back.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

/** About 60 ms a key: a fast typist in a session, not an instant fill(). */
const TYPING_DELAY_MS = 60;

async function openNewCbtNote(page: Page) {
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
}

function editors(page: Page) {
  return page.locator('.note-main [contenteditable="true"]');
}

async function killHarness(h: Harness): Promise<void> {
  await new Promise<void>((done) => {
    h.process.once('exit', () => done());
    h.process.kill('SIGKILL');
  });
}

test('a complete CBT note survives a crash, is signed, gets an addendum, is found and printed', async ({ page }) => {
  test.setTimeout(240_000);
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your name, as you sign notes').fill('Dr Ana Ruiz');
  await page.getByLabel('Practice name').fill('Harbour Street Therapy');
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Zoë Ångström' });
  await openNewCbtNote(page);

  // Every section: the structured controls, then each rich-text field typed key by key.
  await page.getByRole('radio', { name: /^6$/ }).first().check();
  await page.getByLabel('Duration').fill('50');
  await page.getByRole('radio', { name: 'In person' }).check();
  await page.getByRole('textbox', { name: 'Item' }).first().fill('Sleep');
  await page.getByRole('checkbox', { name: 'Socratic questioning' }).check();
  await page.getByRole('button', { name: 'Mental filter' }).click();
  const count = await editors(page).count();
  expect(count).toBeGreaterThanOrEqual(10);
  const typed: string[] = [];
  for (let index = 0; index < count; index++) {
    const sentence = `Field ${index + 1} quokka${index} notes.`;
    await editors(page).nth(index).click();
    await page.keyboard.type(sentence, { delay: TYPING_DELAY_MS });
    typed.push(sentence);
  }

  // Mid-typing crash: what was typed more than a second before SIGKILL must survive.
  const summary = page.getByRole('textbox', { name: 'Summary' });
  await summary.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Before the crash: marmoset.', { delay: TYPING_DELAY_MS });
  await expect(page.locator('.save-state')).toContainText('Saved', { timeout: 5_000 });
  await page.waitForTimeout(1_100);
  await page.keyboard.type(' After the last second: ', { delay: TYPING_DELAY_MS });
  const beforeKill = problems.length;
  await killHarness(harness);
  await page.goto('about:blank');
  // The browser itself logs the event stream the dead process cut off: expected, and only that.
  const crashNoise = problems.splice(beforeKill);
  for (const line of crashNoise) expect(line).toMatch(/ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_CONNECTION_REFUSED/);

  harness = await startHarness(vault);
  await page.goto(harness.url);
  await unlock(page);
  await page.getByRole('list', { name: 'Client list' }).getByRole('button', { name: 'Zoë Ångström' }).click();
  await page.locator('.note-row').first().click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  for (const [index, sentence] of typed.entries()) {
    await expect(editors(page).nth(index)).toContainText(sentence.replace(/ $/, ''));
  }
  await expect(summary).toContainText('Before the crash: marmoset.');
  await expect(page.getByRole('radio', { name: /^6$/ }).first()).toBeChecked();
  await expect(page.getByLabel('Duration')).toHaveValue('50');

  // Sign: the note becomes read-only in the page and at the core.
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  await expect(editors(page)).toHaveCount(1); // only the addendum composer is editable
  const noteId = await page.evaluate(async () => {
    const api = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
    const clients = await api['clients:list']({ includeArchived: true });
    if (!clients.ok || !clients.value[0]) return '';
    const notes = await api['notes:listForClient']({ clientId: clients.value[0].id });
    return notes.ok && notes.value[0] ? notes.value[0].id : '';
  });
  const refused = await page.evaluate(async (id) => {
    const api = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
    return api['notes:saveDraft']({ id, changes: { summary: null } });
  }, noteId);
  expect(refused).toMatchObject({ ok: false, code: 'NOTE_SIGNED' });

  // Addendum, under the unchanged note.
  await page.getByRole('textbox', { name: 'Add an addendum' }).click();
  await page.keyboard.type('Client phoned: the pangolin plan worked.', { delay: TYPING_DELAY_MS });
  await page.getByRole('button', { name: 'Sign addendum…' }).click();
  const signAddendum = page.getByRole('dialog', { name: 'Sign this addendum?' });
  await signAddendum.getByRole('button', { name: 'Sign addendum', exact: true }).click();
  await expect(signAddendum).toBeHidden();
  await expect(page.getByText('Client phoned: the pangolin plan worked.')).toBeVisible();
  await expect(page.getByText('Before the crash: marmoset.')).toBeVisible();

  // Search from anywhere (Ctrl+K): a word from the note, then one from the addendum.
  await page.keyboard.press('Control+k');
  const search = page.getByLabel('Search notes, addenda and clients');
  await search.fill('marmoset');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText('marmoset');
  await search.fill('pangolin');
  await expect(results.getByRole('button').first()).toContainText('Addendum');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  // The note opens at the match: the word is selected on the page.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('pangolin');

  // Print to PDF and read it back.
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'sessionkeep-pdf-')), 'note.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const text = await pdfText(pdfPath);
  expect(text.toUpperCase()).toContain('HARBOUR STREET THERAPY'); // set in small capitals
  for (const expected of [
    'CBT session',
    'Zoë Ångström',
    'Before the crash: marmoset.',
    typed[0]?.replace(/ $/, '') ?? '',
    'Electronically signed by Dr Ana Ruiz',
    'Client phoned: the pangolin plan worked.',
  ]) {
    expect(text, `the PDF shows "${expected}"`).toContain(expected);
  }
  expect(text).not.toContain('Print or save as PDF'); // the toolbar is not printed
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

  expect(problems).toEqual([]);
});

test('psychotherapy notes stay out of a client printout unless chosen', async ({ page }) => {
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.evaluate(async () => {
    const api = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
    await api['settings:update']({ therapistName: 'Dr Ana Ruiz' });
  });
  await addClient(page, { name: 'Ruth Adebayo' });
  const doc = (text: string) => ({
    type: 'doc' as const,
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
  await page.evaluate(
    async ({ progress, process }) => {
      const api = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
      const clients = await api['clients:list']({ includeArchived: false });
      if (!clients.ok || !clients.value[0]) throw new Error('no client');
      const clientId = clients.value[0].id;
      for (const [templateId, text] of [
        ['cbt-session', progress],
        ['psychotherapy-note', process],
      ] as const) {
        const note = await api['notes:create']({ clientId, templateId });
        if (!note.ok) throw new Error(note.message);
        const field = templateId === 'cbt-session' ? 'summary' : note.value.template.sections[0]?.fields[0]?.id;
        await api['notes:saveDraft']({ id: note.value.id, changes: { [field ?? 'summary']: text } });
        await api['notes:sign']({ id: note.value.id });
      }
    },
    { progress: doc('Progress words: heron.'), process: doc('Process words: wombat.') },
  );
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByRole('button', { name: 'Ruth Adebayo' }).click();

  const printed = async () => {
    await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
    const path = join(mkdtempSync(join(tmpdir(), 'sessionkeep-pdf-')), 'notes.pdf');
    await page.pdf({ path, format: 'A4' });
    return pdfText(path);
  };
  await page.getByRole('button', { name: 'Print notes…' }).click();
  await page.getByRole('button', { name: 'Preview signed notes' }).click();
  const without = await printed();
  expect(without).toContain('heron');
  expect(without).not.toContain('wombat');

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Print notes…' }).click();
  await page.getByLabel('Include psychotherapy notes (kept apart from the record)').check();
  await page.getByRole('button', { name: 'Preview signed notes' }).click();
  const withProcess = await printed();
  expect(withProcess).toContain('wombat');
  expect(withProcess).toContain('Psychotherapy note');
  expect(problems).toEqual([]);
});
