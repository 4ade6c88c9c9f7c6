import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { pdfText, renderPdfPages } from '../support/pdf';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault } from './pages';

/**
 * A records request: the client's whole record exported as one PDF, in date order —
 * details, substances and medications with the cautions recorded, measures with their
 * chart, homework, and every signed note with its addenda; psychotherapy notes only
 * when ticked. The records are entered through the app's own API from the page (the
 * screens that enter them have their own tests); the export is driven through the UI.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

/** Calls the core through the page's bridge, as the renderer does. */
async function api<T>(page: Page, channel: string, request: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([name, payload]) => {
      const bridge = (window as unknown as { sessionkeep: Record<string, (r: unknown) => Promise<unknown>> })
        .sessionkeep;
      const send = bridge[name as string];
      if (!send) throw new Error(`no channel ${String(name)}`);
      return send(payload);
    },
    [channel, request] as const,
  );
  const result = envelope as { ok: boolean; value?: T; message?: string };
  if (!result.ok) throw new Error(`${channel}: ${result.message}`);
  return result.value as T;
}

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('a client record exports as one PDF with every part, psychotherapy notes left out unless ticked', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await api(page, 'settings:update', { therapistName: 'Dr Ana Ruiz', practiceName: 'Harbour Practice' });
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Rosa Delgado', concerns: 'Low mood since the spring' });
  const [client] = await api<{ id: string }[]>(page, 'clients:list', { includeArchived: false });
  const clientId = client?.id ?? '';

  await api(page, 'intake:add', {
    clientId,
    noteId: null,
    fields: {
      kind: 'substance',
      name: 'kratom',
      product: '',
      amount: '2',
      unit: 'g',
      route: 'oral',
      frequency: 'daily',
      startedOn: '',
      lastUseOn: '',
      obtainedFrom: 'online',
      clientSaysFor: 'mood',
      prescriberKnows: 'no',
      stoppedOn: '',
    },
  });
  await api(page, 'cautions:recordAction', {
    clientId,
    noteId: null,
    cautionId: 'kratom-dependence',
    cautionTitle: 'Kratom: dependence and withdrawal',
    severity: 'caution',
    involves: ['kratom'],
    action: 'discussed',
    reason: '',
    kbVersion: '1.0.0',
  });
  for (const [givenOn, answers] of [
    ['2026-10-01', [2, 2, 2, 2, 2, 1, 1, 1, 0]],
    ['2026-10-15', [1, 1, 1, 1, 1, 1, 1, 0, 0]],
  ] as const) {
    await api(page, 'measures:record', {
      administration: { clientId, noteId: null, instrument: 'phq9', answers, sex: null, givenOn },
    });
  }
  const note = await api<{ id: string }>(page, 'notes:create', { clientId, templateId: 'soap' });
  await api(page, 'notes:sign', { id: note.id });
  await api(page, 'notes:addAddendum', { id: note.id, text: doc('Rang to confirm the next appointment.') });
  const process = await api<{ id: string }>(page, 'notes:create', { clientId, templateId: 'psychotherapy-note' });
  await api(page, 'notes:saveDraft', { id: process.id, changes: { processNote: doc('Private process reflections') } });
  await api(page, 'notes:sign', { id: process.id });

  const print = async (includePsychotherapy: boolean) => {
    await page.getByRole('button', { name: 'Clients' }).click();
    await page
      .getByRole('button', { name: /Rosa Delgado/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Export record…' }).click();
    const choice = page.getByRole('form', { name: 'Export the client record' });
    if (includePsychotherapy) await choice.getByRole('checkbox').check();
    await choice.getByRole('button', { name: 'Preview the record' }).click();
    await expect(page.getByRole('button', { name: 'Print or save as PDF…' })).toBeEnabled();
    await expect(page.getByRole('article', { name: 'Client record of Rosa Delgado' })).toBeVisible();
    const path = join(mkdtempSync(join(tmpdir(), 'sessionkeep-record-')), 'record.pdf');
    await page.pdf({ path, format: 'A4', printBackground: true });
    await page.getByRole('button', { name: 'Back' }).click();
    return { path, text: (await pdfText(path)).replace(/\s+/g, ' ') };
  };

  const { path, text } = await print(false);
  for (const part of [
    'Client record',
    'HARBOUR PRACTICE', // set in capitals by the print style
    'Client details',
    'Low mood since the spring',
    'Substances and medications',
    'kratom',
    'Kratom: dependence and withdrawal',
    'Discussed with client',
    'Measures',
    'PHQ-9',
    'Rang to confirm the next appointment.',
    'Psychotherapy notes are kept apart from the clinical record and are not included.',
  ]) {
    expect(text, part).toContain(part);
  }
  expect(text).not.toContain('Private process reflections');
  // The record's parts come before the notes, in that order.
  expect(text.indexOf('Client details')).toBeLessThan(text.indexOf('Substances and medications'));
  expect(text.indexOf('Substances and medications')).toBeLessThan(text.indexOf('PHQ-9'));
  expect(text.indexOf('PHQ-9')).toBeLessThan(text.indexOf('Rang to confirm'));
  const pictures = await renderPdfPages(page, path, testInfo.outputPath('record-page'));
  expect(pictures.length).toBeGreaterThanOrEqual(2);

  const withProcess = await print(true);
  expect(withProcess.text).toContain('Private process reflections');
  expect(problems).toEqual([]);
});
