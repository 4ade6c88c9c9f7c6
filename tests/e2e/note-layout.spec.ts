import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, startCbtNote } from './pages';

/**
 * The CBT note's shape (issue 12 item 8): rich-text boxes start one line tall and grow
 * with what is typed, so an empty note is not a wall of tall boxes.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('rich-text boxes start one line tall and grow with what is typed', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Noor Haddad' });
  await startCbtNote(page);

  const noteHeight = await page.locator('.note-form').evaluate((form) => form.getBoundingClientRect().height);
  testInfo.annotations.push({ type: 'CBT note height at 1366 px', description: `${Math.round(noteHeight)} px` });
  console.log(`CBT note height at 1366 px: ${Math.round(noteHeight)} px`);

  const bridge = page.getByRole('textbox', { name: 'Bridge', exact: true });
  const lineHeight = await bridge.evaluate((box) => Number.parseFloat(getComputedStyle(box).lineHeight));
  const emptyHeight = (await bridge.boundingBox())?.height ?? 0;
  // One line of text plus padding and border: at most two lines tall.
  expect(emptyHeight).toBeGreaterThan(lineHeight);
  expect(emptyHeight).toBeLessThanOrEqual(2 * lineHeight + 2);

  await bridge.click();
  await page.keyboard.type('Remembered the thought record.');
  for (const line of ['Tried it twice.', 'Found the evidence column hard.', 'Wants to keep going.']) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  const grownHeight = (await bridge.boundingBox())?.height ?? 0;
  expect(grownHeight).toBeGreaterThan(emptyHeight + 3 * lineHeight);
  await page.screenshot({ path: testInfo.outputPath('cbt-note-1366.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('agenda items become the "worked on" rows, typed once', async ({ page }) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Noor Haddad' });
  await startCbtNote(page);

  const agenda = page.locator('#note-section-agenda');
  const item = (n: number) => agenda.getByRole('group', { name: `Agenda item ${n}` }).getByRole('textbox');
  await item(1).fill('Sleep');
  await item(1).press('Enter');
  await item(2).fill('Argument with partner');
  await item(2).press('Enter');
  await item(3).fill('sleep'); // the same topic twice: one row

  const work = page.locator('#note-section-agendaWork');
  const problem = work.getByRole('textbox', { name: 'Problem' });
  // Moving into the worked-on list: the blank row takes the first topic, focus stays in it.
  await problem.first().click();
  await expect(problem).toHaveCount(2);
  await expect(problem.nth(0)).toHaveValue('Sleep');
  await expect(problem.nth(1)).toHaveValue('Argument with partner');
  await expect(problem.nth(0)).toBeFocused();

  // Typed text is never overwritten, a topic offered once (then edited or removed) is not
  // offered again, and a new agenda topic is added at the end.
  await problem.nth(0).fill('Sleep: wind-down routine');
  await work.getByRole('button', { name: 'Remove agenda item 2' }).click();
  await expect(problem).toHaveCount(1);
  await item(3).fill('Work deadlines');
  await problem.first().click();
  await expect(problem).toHaveCount(2);
  await expect(problem.nth(0)).toHaveValue('Sleep: wind-down routine');
  await expect(problem.nth(1)).toHaveValue('Work deadlines');
  await expect(page.locator('.save-state')).toContainText('Saved', { timeout: 5_000 });
  expect(problems).toEqual([]);
});

test('a thought record sits in two columns on wide windows and one below', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await addClient(page, { name: 'Noor Haddad' });
  await startCbtNote(page);

  const record = page.getByRole('group', { name: 'Thought record 1' });
  const situation = record.getByRole('textbox', { name: 'Situation', exact: true });
  const thoughts = record.getByRole('textbox', { name: 'Automatic thoughts', exact: true });
  const evidenceFor = record.getByRole('textbox', { name: 'Evidence for the hot thought', exact: true });
  const evidenceAgainst = record.getByRole('textbox', { name: 'Evidence against the hot thought', exact: true });
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await record.scrollIntoViewIfNeeded();
    const [a, b, c, d] = await Promise.all(
      [situation, thoughts, evidenceFor, evidenceAgainst].map(async (box) => (await box.boundingBox()) ?? null),
    );
    if (!a || !b || !c || !d) throw new Error('the thought record boxes are drawn');
    if (width >= 1200) {
      // Side by side: the same row, the second to the right of the first.
      expect(Math.abs(a.y - b.y)).toBeLessThan(2);
      expect(b.x).toBeGreaterThan(a.x + a.width);
      expect(Math.abs(c.y - d.y)).toBeLessThan(2);
    } else {
      expect(b.y).toBeGreaterThan(a.y + a.height);
      expect(Math.abs(a.x - b.x)).toBeLessThan(2);
    }
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(sideways).toBe(false);
    await record.screenshot({ path: testInfo.outputPath(`thought-record-${width}.png`) });
  }
  expect(problems).toEqual([]);
});
