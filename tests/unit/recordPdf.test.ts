/**
 * The printable client record in an export (FORMAT.md, "The printable records"): a vault
 * built through the real core, the PDF generated from its snapshot, then read back with
 * pdfjs-dist (tests/support/pdf.ts), as a person opening the file would see it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { snapshotVault } from '../../electron/core/export/exportVault';
import { clientRecordPdf, type RecordTables } from '../../electron/core/export/recordPdf';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { Assignment } from '../../shared/homework/assignment';
import type { Note } from '../../shared/notes/note';
import { pdfPageSizes, pdfPageTexts, pdfText } from '../support/pdf';
import { expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

const NAME = 'Zoë Ångström-Nuñez';
const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

let folder: string;
let out: string;
let core: Core;
let clock: number;

beforeEach(async () => {
  folder = makeTempFolder('record-pdf');
  out = mkdtempSync(join(tmpdir(), 'sessionkeep-record-pdf-out-'));
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = createCore({ folder, now: () => clock });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(folder);
  rmSync(out, { recursive: true, force: true });
});

const ok = async <T>(channel: string, payload: unknown) => expectOk<T>(await core.handle(channel, payload));
const later = (minutes: number) => {
  clock += minutes * 60_000;
};

/** A client with one of every part of the record. */
async function fill(): Promise<Client> {
  await ok('settings:update', { therapistName: 'Dr Ana Ruiz', practiceName: 'Harbour Lane Therapy' });
  const client = await ok<Client>('clients:create', {
    client: {
      ...emptyClientInput,
      displayName: NAME,
      preferredName: 'Zoë',
      pronouns: 'she/her',
      dateOfBirth: '1990-04-17',
      phone: '+44 20 7946 0000',
      email: 'zoe@example.org',
      emergencyContactName: 'Åsa Nuñez',
      emergencyContactPhone: '+44 20 7946 0001',
      diagnosisCode: 'F41.0',
      diagnosis: 'Panic disorder',
      presentingConcerns: 'Panic attacks on the Piccadilly line; avoids the metro since January.',
    },
  });
  const kratom = await ok<{ id: string; fields: object }>('intake:add', {
    clientId: client.id,
    noteId: null,
    fields: {
      kind: 'substance',
      name: 'Kratom',
      product: 'Red Bali powder',
      amount: '2',
      unit: 'g',
      route: 'oral',
      frequency: 'daily',
      startedOn: '2026-01-05',
      lastUseOn: '',
      obtainedFrom: 'online',
      clientSaysFor: 'mood',
      prescriberKnows: 'no',
      stoppedOn: '',
    },
  });
  later(60);
  await ok('intake:update', { id: kratom.id, noteId: null, fields: { ...kratom.fields, amount: '4' } });
  await ok('intake:add', {
    clientId: client.id,
    noteId: null,
    fields: {
      kind: 'medication',
      name: 'Alprazolam',
      dose: '0.5 mg',
      prescriber: 'Dr Lee (GP)',
      startedOn: '',
      stoppedOn: '',
    },
  });
  await ok('cautions:recordAction', {
    clientId: client.id,
    noteId: null,
    cautionId: 'kratom-benzodiazepines',
    cautionTitle: 'Kratom with benzodiazepines',
    severity: 'serious',
    involves: ['kratom', 'alprazolam'],
    action: 'suggestedPrescriber',
    reason: '',
    kbVersion: '1.0.0',
  });
  for (const [givenOn, answers] of [
    ['2026-02-02', [3, 3, 2, 2, 2, 2, 2, 1, 1]],
    ['2026-03-02', [1, 1, 1, 1, 1, 1, 1, 0, 0]],
  ] as const) {
    await ok('measures:record', {
      administration: { clientId: client.id, noteId: null, instrument: 'phq9', answers, sex: null, givenOn },
    });
  }
  const assignment = await ok<Assignment>('homework:assign', {
    assignment: {
      clientId: client.id,
      worksheetId: 'thought-record-7',
      title: 'Thought record after the metro',
      instructions: doc('Fill one in within a day of each ride.'),
      frequency: { kind: 'perWeek', times: 3 },
      startDate: '2026-03-02',
      dueDate: '2026-03-09',
      target: '3 records',
      noteId: null,
    },
  });
  later(60);
  await ok('homework:review', {
    id: assignment.id,
    status: 'notDone',
    amount: '',
    barrier: 'too tired after work',
    noteId: null,
  });
  later(60);
  // Reviewed again a week on: done, with what the client noticed (issue 12).
  await ok('homework:review', {
    id: assignment.id,
    status: 'done',
    learned: 'the thought shrank once written',
    noteId: null,
  });

  const note = await ok<Note>('notes:create', { clientId: client.id, templateId: 'cbt-session' });
  await ok('notes:saveDraft', {
    id: note.id,
    changes: { summary: doc('Rode two stops with Zoë; fear fell from 80 to 40. Ελπίδα, надежда.') },
  });
  await ok('notes:sign', { id: note.id });
  later(30);
  await ok('notes:addAddendum', {
    id: note.id,
    text: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Client phoned: managed three stops alone.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Next: the Northern line.' }] },
      ],
    },
  });
  const processNote = await ok<Note>('notes:create', { clientId: client.id, templateId: 'psychotherapy-note' });
  await ok('notes:saveDraft', {
    id: processNote.id,
    changes: { processNote: doc('Countertransference about the ferry') },
  });
  await ok('notes:sign', { id: processNote.id });
  return client;
}

async function recordOf(client: Client): Promise<Buffer> {
  const snapshot = snapshotVault(core.vault.db());
  const tables: RecordTables = new Map(snapshot.tables.map(({ table, rows }) => [table, rows]));
  return Buffer.from(await clientRecordPdf(tables, client.id, '2026-03-02T12:00:00.000Z'));
}

describe('the printable client record', () => {
  it('holds every part of the record, in order, on numbered A4 pages', async () => {
    const client = await fill();
    const pdf = await recordOf(client);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(out, 'record.pdf');
    writeFileSync(file, pdf);

    const text = await pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    const inOrder = [
      'Harbour Lane Therapy',
      'Client record',
      NAME,
      '1990-04-17',
      'Exported at 2026-03-02 12:00 UTC',
      'Client details',
      'Preferred name',
      'she/her',
      'zoe@example.org',
      'Åsa Nuñez, +44 20 7946 0001',
      'F41.0 Panic disorder',
      'Panic attacks on the Piccadilly line',
      'Substances and medications',
      'Kratom (substance)',
      '4 g; oral; daily',
      'added',
      'changed',
      'Alprazolam (medication)',
      'Caution actions',
      'Serious · Kratom with benzodiazepines',
      'kratom, alprazolam',
      'Suggested the client talk to their prescriber or pharmacist',
      'version 1.0.0',
      "Cautions are information to discuss with the client's prescriber or pharmacist, not medical advice.",
      'Measures',
      'PHQ-9',
      '2026-02-02',
      '18 / 27',
      'Moderately severe',
      '2026-03-02',
      '7 / 27',
      'Mild',
      'Homework',
      'Thought record after the metro',
      '3 times a week',
      'Not done',
      'too tired after work',
      'learned or noticed: the thought shrank once written',
      'Session notes',
      'Psychotherapy notes are kept apart from the record',
      'CBT session',
      'Rode two stops with Zoë; fear fell from 80 to 40. Ελπίδα, надежда.',
      'Signed by Dr Ana Ruiz',
      'Content hash',
      'Addendum',
      'Client phoned: managed three stops alone.',
    ];
    let from = 0;
    for (const part of inOrder) {
      const at = flat.indexOf(part, from);
      expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + part.length;
    }
    expect(flat).not.toContain('Countertransference');
    // Paragraphs stay on their own lines.
    expect(text).toMatch(/three stops alone\.\s*\n\s*Next: the Northern line\./);

    const sizes = await pdfPageSizes(file);
    const pages = sizes.length;
    expect(pages).toBeGreaterThanOrEqual(2);
    // A4 on every page: 595.28 × 841.89 pt.
    for (const { width, height } of sizes) {
      expect(width).toBeCloseTo(595.28, 1);
      expect(height).toBeCloseTo(841.89, 1);
    }
    // Every page carries the client's name, "Client record" and its number.
    const perPage = (await pdfPageTexts(file)).filter((page) => page.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, index) => {
      expect(page).toContain(`${NAME} · Client record`);
      expect(page).toContain(`Page ${index + 1} of ${pages}`);
    });
    if (process.env.RECORD_PDF_KEEP) writeFileSync(process.env.RECORD_PDF_KEEP, pdf);
  });

  it('prints characters the font lacks as "?" instead of failing', async () => {
    const client = await ok<Client>('clients:create', {
      client: { ...emptyClientInput, displayName: 'Mei 王 🙂 Ω' },
    });
    const pdf = await recordOf(client);
    const file = join(out, 'glyphs.pdf');
    writeFileSync(file, pdf);
    const text = await pdfText(file);
    expect(text).toContain('Mei ? ? Ω');
  });
});
