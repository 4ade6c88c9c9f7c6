import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { knowledgeBase } from '../../shared/cautions';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { CautionAction } from '../../shared/intake/cautionAction';
import {
  type IntakeEntry,
  intakeFieldsSchema,
  type MedicationFields,
  type SubstanceFields,
} from '../../shared/intake/entry';
import { currentCautions, openSeriousCautions } from '../../shared/intake/overview';
import type { ClientIntake } from '../../shared/ipc/contract';
import type { Administration } from '../../shared/measures/administration';
import type { Note } from '../../shared/notes/note';
import {
  expectFailure,
  expectOk,
  makeTempFolder,
  openRawVaultDb,
  PASSPHRASE,
  removeFolder,
  vaultDataKey,
} from './support/vaultFolder';

/**
 * Intake, caution actions and measures through the core's front door, on a real
 * encrypted vault with an injected clock, read back after locking and unlocking.
 */

let folder: string;
let core: Core;
let clock: number;
let client: Client;

beforeEach(async () => {
  folder = makeTempFolder('intake');
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = createCore({ folder, now: () => clock });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  expectOk(await core.handle('settings:update', { therapistName: 'Dr Ana Ruiz' }));
  client = expectOk<Client>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } }),
  );
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(folder);
});

const kratom: SubstanceFields = {
  kind: 'substance',
  name: 'kratom',
  product: 'Red Bali powder',
  amount: '3',
  unit: 'g',
  route: 'oral',
  frequency: 'daily',
  startedOn: '2025-12-01',
  lastUseOn: '2026-03-01',
  obtainedFrom: 'online',
  clientSaysFor: 'mood',
  prescriberKnows: 'no',
  stoppedOn: '',
};
const medication = (name: string, dose = ''): MedicationFields => ({
  kind: 'medication',
  name,
  dose,
  prescriber: 'Dr Lee (GP)',
  source: 'prescribed',
  startedOn: '',
  stoppedOn: '',
});

async function add(fields: SubstanceFields | MedicationFields, noteId: string | null = null): Promise<IntakeEntry> {
  return expectOk<IntakeEntry>(await core.handle('intake:add', { clientId: client.id, noteId, fields }));
}
async function intake(): Promise<ClientIntake> {
  return expectOk<ClientIntake>(await core.handle('intake:listForClient', { clientId: client.id }));
}
async function newNote(): Promise<Note> {
  return expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
}
async function relock(): Promise<void> {
  expectOk(await core.handle('vault:lock', {}));
  expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
}

describe('intake entries', () => {
  it('keeps every change as a dated snapshot, with the note it was made in', async () => {
    const note = await newNote();
    const entry = await add(kratom, note.id);
    expect(entry.history).toEqual([
      { at: '2026-03-02T09:00:00.000Z', change: 'added', noteId: note.id, fields: kratom },
    ]);

    clock += 7 * 86_400_000;
    const more = { ...kratom, amount: '5' };
    expectOk(await core.handle('intake:update', { id: entry.id, noteId: null, fields: more }));
    clock += 7 * 86_400_000;
    const stopped = { ...more, stoppedOn: '2026-03-15' };
    const after = expectOk<IntakeEntry>(
      await core.handle('intake:update', { id: entry.id, noteId: null, fields: stopped }),
    );

    expect(
      after.history.map((change) => [
        change.change,
        change.at,
        change.fields.kind === 'substance' ? change.fields.amount : '',
        change.fields.stoppedOn,
      ]),
    ).toEqual([
      ['added', '2026-03-02T09:00:00.000Z', '3', ''],
      ['changed', '2026-03-09T09:00:00.000Z', '5', ''],
      ['stopped', '2026-03-16T09:00:00.000Z', '5', '2026-03-15'],
    ]);
    await relock();
    expect((await intake()).entries).toEqual([after]);
  });

  it('records a medication not prescribed to the client, and refuses a source it does not know', async () => {
    const friends = await add({ ...medication('alprazolam', '0.5 mg'), source: 'friend-or-family' });
    expect(friends.fields).toMatchObject({ kind: 'medication', source: 'friend-or-family' });
    const failure = expectFailure(
      await core.handle('intake:add', {
        clientId: client.id,
        noteId: null,
        fields: { ...medication('diazepam'), source: 'pharmacy' },
      }),
      'INVALID_REQUEST',
    );
    expect(failure.field).toBe('fields.source');
    await relock();
    expect((await intake()).entries).toEqual([friends]);
  });

  it('reads a medication stored before "source" existed as prescribed to the client', async () => {
    const entry = await add(medication('sertraline', '50 mg'));
    const { source: _absent, ...older } = medication('sertraline', '50 mg');
    expectOk(await core.handle('vault:lock', {}));
    const db = openRawVaultDb(join(folder, 'vault.db'), await vaultDataKey(folder, PASSPHRASE));
    try {
      db.prepare('UPDATE intake_entries SET fields_json = ? WHERE id = ?').run(JSON.stringify(older), entry.id);
      // History is append-only: an older change is added as it was written then.
      db.prepare("INSERT INTO intake_events (entry_id, change, at, fields_json) VALUES (?, 'changed', ?, ?)").run(
        entry.id,
        '2026-03-02T10:00:00.000Z',
        JSON.stringify(older),
      );
    } finally {
      db.close();
    }
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const read = (await intake()).entries;
    expect(read).toHaveLength(1);
    expect(read[0]?.fields).toEqual(entry.fields);
    expect(read[0]?.history.map((change) => change.fields)).toEqual([entry.fields, entry.fields]);
    expect(intakeFieldsSchema.parse(older)).toEqual(medication('sertraline', '50 mg'));
  });

  it('adds nothing to the history when an unchanged form is saved again', async () => {
    const entry = await add(medication('sertraline', '50 mg'));
    const same = expectOk<IntakeEntry>(
      await core.handle('intake:update', { id: entry.id, noteId: null, fields: medication('sertraline', '50 mg') }),
    );
    expect(same.history).toHaveLength(1);
  });

  it('refuses turning a substance into a medication, naming the field, and changes nothing', async () => {
    const entry = await add(kratom);
    const failure = expectFailure(
      await core.handle('intake:update', { id: entry.id, noteId: null, fields: medication('kratom') }),
      'INVALID_REQUEST',
    );
    expect(failure.field).toBe('fields.kind');
    expect((await intake()).entries[0]?.history).toHaveLength(1);
  });

  it('refuses recording into a signed note or another client’s note', async () => {
    const note = await newNote();
    expectOk(await core.handle('notes:sign', { id: note.id }));
    expectFailure(
      await core.handle('intake:add', { clientId: client.id, noteId: note.id, fields: kratom }),
      'NOTE_SIGNED',
    );
    expectFailure(await core.handle('intake:markReviewed', { clientId: client.id, noteId: note.id }), 'NOTE_SIGNED');

    const other = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Ben Cole' } }),
    );
    const theirs = expectOk<Note>(await core.handle('notes:create', { clientId: other.id, templateId: 'cbt-session' }));
    const failure = expectFailure(
      await core.handle('intake:add', { clientId: client.id, noteId: theirs.id, fields: kratom }),
      'INVALID_REQUEST',
    );
    expect(failure.field).toBe('noteId');
    expect((await intake()).entries).toEqual([]);
  });

  it('stores the clinical context and the reviews of the list', async () => {
    const context = { pregnant: false, breastfeeding: false, bipolar: true, liverDisease: false, seizureHistory: true };
    expect((await intake()).context.bipolar).toBe(false);
    expectOk(await core.handle('intake:setContext', { clientId: client.id, context }));
    const note = await newNote();
    expectOk(await core.handle('intake:markReviewed', { clientId: client.id, noteId: note.id }));
    await relock();
    const read = await intake();
    expect(read.context).toEqual(context);
    expect(read.reviews).toEqual([{ noteId: note.id, at: '2026-03-02T09:00:00.000Z' }]);
  });
});

describe('cautions on the stored list and what was done about them', () => {
  it('kratom daily for mood with sertraline and alprazolam: an open serious caution until an action is recorded', async () => {
    await add(kratom);
    await add(medication('Zoloft', '50 mg'));
    await add(medication('alprazolam', '0.5 mg as needed'));
    const read = await intake();
    const cautions = currentCautions(read.entries, read.context, '2026-03-02');
    const serious = openSeriousCautions(cautions, read.actions);
    expect(serious.length).toBeGreaterThan(0);
    const first = serious.find((caution) => caution.involves.includes('kratom'));
    if (!first) throw new Error('expected a serious caution involving kratom');
    expect(first.involves).toEqual(['kratom', 'alprazolam']);

    const note = await newNote();
    const action = expectOk<CautionAction>(
      await core.handle('cautions:recordAction', {
        clientId: client.id,
        noteId: note.id,
        cautionId: first.id,
        cautionTitle: first.title,
        severity: first.severity,
        involves: first.involves,
        action: 'discussed',
        reason: '',
        kbVersion: knowledgeBase.version,
      }),
    );
    expect(action).toMatchObject({ noteId: note.id, action: 'discussed', at: '2026-03-02T09:00:00.000Z' });
    await relock();
    const after = await intake();
    expect(after.actions).toEqual([action]);
    expect(openSeriousCautions(cautions, after.actions).map((caution) => caution.id)).not.toContain(first.id);
  });

  it('a stopped entry no longer raises its cautions', async () => {
    const entry = await add(kratom);
    await add(medication('alprazolam'));
    const before = await intake();
    expect(
      currentCautions(before.entries, before.context, '2026-03-02').some((c) => c.involves.includes('kratom')),
    ).toBe(true);
    expectOk(
      await core.handle('intake:update', {
        id: entry.id,
        noteId: null,
        fields: { ...kratom, stoppedOn: '2026-03-02' },
      }),
    );
    const after = await intake();
    expect(currentCautions(after.entries, after.context, '2026-03-02').some((c) => c.involves.includes('kratom'))).toBe(
      false,
    );
  });
});

describe('measures', () => {
  const phq9 = (answers: number[], givenOn: string, noteId: string | null = null) =>
    core.handle('measures:record', {
      administration: { clientId: client.id, noteId, instrument: 'phq9', answers, sex: null, givenOn },
    });

  it('stores every answer and scores it in the core, whatever the caller claims', async () => {
    const note = await newNote();
    const recorded = expectOk<Administration>(await phq9([2, 2, 1, 1, 1, 1, 1, 1, 1], '2026-03-02', note.id));
    expect(recorded).toMatchObject({ total: 11, band: 'moderate', positive: null, flags: ['item9'], noteId: note.id });
    await relock();
    const listed = expectOk<Administration[]>(await core.handle('measures:listForClient', { clientId: client.id }));
    expect(listed).toEqual([recorded]);
    expect(listed[0]?.answers).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('lists oldest first by the date given', async () => {
    expectOk(await phq9([3, 3, 3, 3, 3, 3, 0, 0, 0], '2026-02-16'));
    expectOk(await phq9([1, 1, 1, 1, 0, 0, 0, 0, 0], '2026-03-02'));
    expectOk(await phq9([2, 2, 2, 2, 2, 0, 0, 0, 0], '2026-02-23'));
    const listed = expectOk<Administration[]>(await core.handle('measures:listForClient', { clientId: client.id }));
    expect(listed.map((each) => [each.givenOn, each.total])).toEqual([
      ['2026-02-16', 18],
      ['2026-02-23', 10],
      ['2026-03-02', 4],
    ]);
  });

  it.each([
    { answers: [1, 1, 1, 1, 1, 1, 1, 1], message: /9 answers|item 9/i },
    { answers: [1, 1, 1, 1, 1, 1, 1, 1, 5], message: /item 9/i },
    { answers: [1, 1, 1, 0.5, 1, 1, 1, 1, 1], message: /item 4/i },
  ])('refuses $answers with a message naming the problem, and stores nothing', async ({ answers, message }) => {
    const failure = expectFailure(await phq9(answers, '2026-03-02'), 'INVALID_REQUEST');
    expect(failure.field).toBe('administration.answers');
    expect(failure.message).toMatch(message);
    expect(expectOk<Administration[]>(await core.handle('measures:listForClient', { clientId: client.id }))).toEqual(
      [],
    );
  });

  it('refuses a date in the future and a signed note', async () => {
    expectFailure(await phq9([0, 0, 0, 0, 0, 0, 0, 0, 0], '2026-03-03'), 'INVALID_REQUEST');
    const note = await newNote();
    expectOk(await core.handle('notes:sign', { id: note.id }));
    expectFailure(await phq9([0, 0, 0, 0, 0, 0, 0, 0, 0], '2026-03-02', note.id), 'NOTE_SIGNED');
  });

  it('AUDIT-C uses the more sensitive cut-off when sex is not recorded', async () => {
    const auditc = (sex: 'female' | 'male' | null) =>
      core.handle('measures:record', {
        administration: {
          clientId: client.id,
          noteId: null,
          instrument: 'auditc',
          answers: [2, 1, 0],
          sex,
          givenOn: '2026-03-02',
        },
      });
    expect(expectOk<Administration>(await auditc(null))).toMatchObject({ total: 3, positive: true, band: null });
    expect(expectOk<Administration>(await auditc('female'))).toMatchObject({ total: 3, positive: true });
    expect(expectOk<Administration>(await auditc('male'))).toMatchObject({ total: 3, positive: false });
  });
});
