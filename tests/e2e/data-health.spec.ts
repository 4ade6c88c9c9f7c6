/**
 * A vault never bricks (issue 11), as a therapist sees it: a vault made in Node with the
 * real core, then damaged with raw SQL while the app is closed (a settings value that is
 * not JSON, a client row whose id is not a UUID, a note nested 20,000 levels deep), is
 * unlocked in the browser. The app works around the damage; Settings → Data health
 * lists each record, exports one as raw JSON, and removes the damaged setting with a
 * signed reason, which the activity log shows.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createCore } from '../../electron/core/core';
import { createConfirmedVault, value } from './coreVault';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { clientNames, openClientTab, unlock, unnamedControls } from './pages';

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

/** A vault with a client and a note, made through the real core, then damaged with raw SQL. */
async function damagedVault(folder: string): Promise<{ noteId: string }> {
  const core = createCore({ folder });
  try {
    await createConfirmedVault(core);
    value(await core.handle('settings:update', { therapistName: 'Dr Ana Ruiz', crisisLines: 'Line: 116 123' }));
    const client = value<{ id: string }>(
      await core.handle('clients:create', {
        client: {
          displayName: 'Robin Gale',
          preferredName: '',
          pronouns: '',
          dateOfBirth: '',
          phone: '',
          email: '',
          emergencyContactName: '',
          emergencyContactPhone: '',
          presentingConcerns: '',
          diagnosis: '',
          diagnosisCode: '',
        },
      }),
    );
    const note = value<{ id: string }>(
      await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }),
    );
    const db = core.vault.db();
    db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'crisisLines'").run();
    db.prepare(
      "INSERT INTO clients (id, display_name, status, created_at, updated_at) VALUES ('client-7', 'Old import', 'active', ?, ?)",
    ).run('2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z');
    const deep = `${'{"type":"doc","content":['.repeat(20_000)}${']}'.repeat(20_000)}`;
    db.prepare('UPDATE notes SET values_json = ? WHERE id = ?').run(`{"plan":${deep}}`, note.id);
    return { noteId: note.id };
  } finally {
    await core.shutdown();
  }
}

test('a damaged vault unlocks, works, and Data health lists, exports and removes the damage', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  const folder = freshVaultFolder();
  await damagedVault(folder);
  harness = await startHarness(folder);
  await page.goto(harness.url);
  await unlock(page);

  // The app works: the good client is listed, the damaged one is left out.
  expect(await clientNames(page)).toEqual(['Robin Gale']);
  await expect(page.getByText('1 client record could not be read and is not listed.')).toBeVisible();
  await page.getByRole('button', { name: /Robin Gale/ }).click();
  // The damaged note opens as a damaged record, not a broken screen.
  await page
    .getByRole('button', { name: /CBT session/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Damaged record' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('nests 40,001 levels deep');
  await page.screenshot({ path: testInfo.outputPath('damaged-note.png') });
  const noteDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export raw JSON' }).click();
  const noteRaw = JSON.parse(readFileSync((await (await noteDownload).path()) ?? '', 'utf8'));
  expect(noteRaw.table).toBe('notes');
  await page.getByRole('button', { name: 'Back to the client' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Data health' });
  const list = card.getByRole('list', { name: 'Damaged records' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  const setting = list.getByRole('listitem').filter({ hasText: 'crisisLines' });
  const client = list.getByRole('listitem').filter({ hasText: 'client-7' });
  await expect(setting).toContainText('The value of crisisLines is not valid JSON.');
  await expect(client).toContainText('The client id is not a UUID.');
  await expect(list.getByRole('listitem').filter({ hasText: 'Note' })).toContainText('Clinical history: kept');
  // Crisis lines fall back to empty, the name is kept.
  await expect(page.getByLabel('Your name, as you sign notes')).toHaveValue('Dr Ana Ruiz');
  const contacts = page.getByRole('form', { name: 'Safety plan contacts' });
  await expect(contacts.getByLabel('Crisis line 1 name')).toHaveCount(0);

  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: testInfo.outputPath(`data-health-${width}.png`) });
  }

  // Export the client row as raw JSON.
  const downloading = page.waitForEvent('download');
  await client.getByRole('button', { name: 'Export raw JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sessionkeep-damaged-clients-\d+\.json$/);
  const raw = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
  expect(raw).toMatchObject({ table: 'clients', row: { id: 'client-7', display_name: 'Old import' } });

  // Remove the damaged setting, with a reason.
  await setting.getByRole('button', { name: 'Remove…' }).click();
  await setting.getByRole('button', { name: 'Remove, signed with my name' }).click();
  await expect(setting.getByRole('alert')).toContainText('Say why this record is removed');
  await setting
    .getByLabel('Why remove it? This is kept with your name and the date.')
    .fill('Came from an old import; I typed the crisis lines again.');
  await setting.getByRole('button', { name: 'Remove, signed with my name' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'was removed' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).not.toContainText('crisisLines');
  // Clinical history offers no removal.
  await expect(
    list.getByRole('listitem').filter({ hasText: 'Note' }).getByRole('button', { name: 'Remove…' }),
  ).toHaveCount(0);
  await card.screenshot({ path: testInfo.outputPath('data-health-after-removal.png') });
  expect(await unnamedControls(page)).toEqual([]);

  // The activity log shows the export and the removal (ids only).
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  const log = page.getByRole('table', { name: 'Activity log' });
  await expect(log.getByRole('row').nth(1)).toContainText('Damaged record removed');
  await expect(log).toContainText('Damaged record exported');
  await expect(log).not.toContainText('old import');
  expect(problems).toEqual([]);
});

/** A client with homework, measures and intake, one row of each damaged with raw SQL (history rows are added, never changed). */
async function damagedClientRecords(folder: string): Promise<void> {
  const core = createCore({ folder });
  try {
    await createConfirmedVault(core);
    value(await core.handle('settings:update', { therapistName: 'Dr Ana Ruiz' }));
    const client = value<{ id: string }>(
      await core.handle('clients:create', {
        client: {
          displayName: 'Robin Gale',
          preferredName: '',
          pronouns: '',
          dateOfBirth: '',
          phone: '',
          email: '',
          emergencyContactName: '',
          emergencyContactPhone: '',
          presentingConcerns: '',
          diagnosis: '',
          diagnosisCode: '',
        },
      }),
    );
    const assignments: { id: string }[] = [];
    for (const title of ['Thought record', 'Activity log']) {
      assignments.push(
        value(
          await core.handle('homework:assign', {
            assignment: {
              clientId: client.id,
              worksheetId: 'thought-record-3',
              title,
              instructions: { type: 'doc', content: [] },
              frequency: { kind: 'daily' },
              startDate: '2026-03-02',
              dueDate: '2026-03-09',
              target: '',
              noteId: null,
            },
          }),
        ),
      );
    }
    const measure = value<{ id: string }>(
      await core.handle('measures:record', {
        administration: {
          clientId: client.id,
          noteId: null,
          instrument: 'phq9',
          answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
          sex: null,
          givenOn: '2026-03-02',
        },
      }),
    );
    value(
      await core.handle('intake:setContext', {
        clientId: client.id,
        context: { pregnant: false, breastfeeding: false, bipolar: true, liverDisease: false, seizureHistory: false },
      }),
    );
    const db = core.vault.db();
    db.prepare("UPDATE assignments SET instructions_json = '{not json' WHERE id = ?").run(assignments[1]?.id);
    db.prepare(
      `INSERT INTO measure_administrations (id, client_id, note_id, instrument, answers_json, sex, given_on, total,
         band, positive, flags_json, created_at)
       SELECT 'measure-7', client_id, note_id, instrument, answers_json, sex, given_on, total, band, positive,
         flags_json, created_at FROM measure_administrations WHERE id = ?`,
    ).run(measure.id);
    db.prepare("UPDATE intake_context SET context_json = '[1, 2' WHERE client_id = ?").run(client.id);
  } finally {
    await core.shutdown();
  }
}

test('a client’s damaged homework, measure and intake rows are left out with a notice; the tabs work; auto-lock saves', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  const folder = freshVaultFolder();
  await damagedClientRecords(folder);
  harness = await startHarness(folder);
  await page.goto(harness.url);
  await unlock(page);
  await page.getByRole('button', { name: /Robin Gale/ }).click();

  const notice = '1 record could not be read and is not shown. See Settings → Data health.';
  await openClientTab(page, 'Homework');
  const homework = page.getByRole('region', { name: 'Homework', exact: true });
  await expect(homework.getByRole('status').filter({ hasText: notice })).toBeVisible();
  await expect(homework).toContainText('Thought record');
  await expect(homework).not.toContainText('Activity log');
  await openClientTab(page, 'Measures');
  const measures = page.getByRole('region', { name: 'Measures', exact: true });
  await expect(measures.getByRole('status').filter({ hasText: notice })).toBeVisible();
  await expect(measures.getByRole('table', { name: /^PHQ-9, each time given/ }).getByRole('row')).toHaveCount(2);
  await openClientTab(page, 'Substances and medications');
  const intake = page.getByRole('region', { name: 'Substances and medications', exact: true });
  await expect(intake.getByRole('status').filter({ hasText: notice })).toBeVisible();
  await openClientTab(page, 'Homework');
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await homework.scrollIntoViewIfNeeded();
    await homework.screenshot({ path: testInfo.outputPath(`damaged-homework-${width}.png`) });
  }
  expect(await unnamedControls(page)).toEqual([]);

  // Settings → Automatic lock saves one field on its own.
  await page.getByRole('button', { name: 'Settings' }).click();
  const autoLock = page.getByRole('form', { name: 'Automatic lock' });
  await autoLock.getByLabel('Minutes (1–60)').fill('15');
  await autoLock.getByRole('button', { name: 'Save' }).click();
  await expect(autoLock.getByRole('status')).toHaveText(/Sessionkeep will lock after 15 minutes without activity\./);
  await autoLock.getByLabel('Minutes (1–60)').fill('90');
  await autoLock.getByRole('button', { name: 'Save' }).click();
  await expect(autoLock.getByRole('alert')).toHaveText(/Auto-lock can be at most 60 minutes\./);
  await autoLock.getByLabel('Minutes (1–60)').fill('15');
  await autoLock.getByRole('button', { name: 'Save' }).click();
  await autoLock.scrollIntoViewIfNeeded();
  await autoLock.screenshot({ path: testInfo.outputPath('auto-lock.png') });
  // Saved: read again when Settings opens anew.
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Automatic lock' }).getByLabel('Minutes (1–60)')).toHaveValue('15');
  expect(problems).toEqual([]);
});
