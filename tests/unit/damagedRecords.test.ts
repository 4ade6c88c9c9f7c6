/**
 * A vault never bricks (issue 11), for a client's homework, intake and measures and the
 * worksheet library: rows put there with raw SQL on the real encrypted vault file (as an
 * old import or damage would leave them: bad JSON, a wrong shape, a 64 MiB value, JSON
 * 20,000 levels deep, an id that is not a UUID), one per table among good ones. Each
 * list still answers, within its contract, with the good rows; the tab's count and
 * Data health name each damaged row; a write on a damaged row is refused and changes
 * nothing.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { Assignment } from '../../shared/homework/assignment';
import type { IntakeEntry, SubstanceFields } from '../../shared/intake/entry';
import type { ClientIntake, HealthTable, ResponseOf } from '../../shared/ipc/contract';
import { contract } from '../../shared/ipc/contract';
import type { Administration } from '../../shared/measures/administration';
import type { Note } from '../../shared/notes/note';
import type { WorksheetDef } from '../../shared/worksheets/types';
import {
  expectFailure,
  expectOk,
  makeTempFolder,
  openRawVaultDb,
  PASSPHRASE,
  removeFolder,
  vaultDataKey,
} from './support/vaultFolder';
import { snapshotVault } from './support/vaultSnapshot';

let folder: string;
let core: Core;
let clock: number;

beforeEach(() => {
  folder = makeTempFolder('damaged-records');
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = createCore({ folder, now: () => clock });
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(folder);
});

async function ok<T>(channel: Parameters<Core['handle']>[0], request: unknown): Promise<T> {
  clock += 60_000;
  return expectOk<T>(await core.handle(channel, request as never));
}

/** The answer of a list channel, checked against the contract's response schema (dispatch does not check answers). */
async function listed<T>(channel: keyof typeof contract, request: unknown): Promise<T> {
  const answer = await ok<T>(channel, request);
  const parsed = contract[channel].response.safeParse(answer);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
  return answer;
}

const kratom: SubstanceFields = {
  kind: 'substance',
  name: 'kratom',
  product: '',
  amount: '3',
  unit: 'g',
  route: 'oral',
  frequency: 'daily',
  startedOn: '2025-12-01',
  lastUseOn: '',
  obtainedFrom: 'online',
  clientSaysFor: 'mood',
  prescriberKnows: 'no',
  stoppedOn: '',
};

const sheet = (id: string): WorksheetDef => ({
  id,
  version: 1,
  title: `Sheet ${id}`,
  purpose: 'Practice.',
  instructions: 'Write it down.',
  orientation: 'portrait',
  builtIn: false,
  blocks: [{ kind: 'text', id: 'intro', body: 'Hello.' }],
});

const CONTEXT = { pregnant: true, breastfeeding: false, bipolar: false, liverDisease: false, seizureHistory: false };

type Vault = {
  client: Client;
  other: Client;
  note: Note;
  assignments: Assignment[];
  entries: IntakeEntry[];
  actions: string[];
  administrations: Administration[];
};

/** A client with four of each record (and a second client with a context), all through the channels. */
async function recordsOfTwoClients(): Promise<Vault> {
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  await ok('settings:update', { therapistName: 'Dr Ana Ruiz' });
  const client = await ok<Client>('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } });
  const other = await ok<Client>('clients:create', { client: { ...emptyClientInput, displayName: 'Robin Gale' } });
  const note = await ok<Note>('notes:create', { clientId: client.id, templateId: 'cbt-session' });
  for (const id of ['sheet-a', 'sheet-b', 'sheet-c']) await ok('worksheets:save', { worksheet: sheet(id) });
  const assignments: Assignment[] = [];
  const entries: IntakeEntry[] = [];
  const actions: string[] = [];
  const administrations: Administration[] = [];
  for (const n of [1, 2, 3, 4]) {
    assignments.push(
      await ok<Assignment>('homework:assign', {
        assignment: {
          clientId: client.id,
          worksheetId: n === 1 ? 'sheet-a' : 'thought-record-3',
          title: `Assignment ${n}`,
          instructions: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Daily.' }] }] },
          frequency: { kind: 'daily' },
          startDate: '2026-03-02',
          dueDate: '2026-03-09',
          target: '5 of 7 days',
          noteId: null,
        },
      }),
    );
    const entry = await ok<IntakeEntry>('intake:add', {
      clientId: client.id,
      noteId: null,
      fields: { ...kratom, name: `substance ${n}` },
    });
    entries.push(
      await ok<IntakeEntry>('intake:update', { id: entry.id, noteId: null, fields: { ...entry.fields, amount: '5' } }),
    );
    actions.push(
      (
        await ok<{ id: string }>('cautions:recordAction', {
          clientId: client.id,
          noteId: null,
          cautionId: `caution-${n}`,
          cautionTitle: `Caution ${n}`,
          severity: 'serious',
          involves: ['kratom'],
          action: 'discussed',
          reason: '',
          kbVersion: '1.0.0',
        })
      ).id,
    );
    await ok('intake:markReviewed', { clientId: client.id, noteId: note.id });
    administrations.push(
      await ok<Administration>('measures:record', {
        administration: {
          clientId: client.id,
          noteId: null,
          instrument: 'phq9',
          answers: [n - 1, 1, 1, 1, 1, 1, 1, 1, 0],
          sex: null,
          givenOn: `2026-02-0${n}`,
        },
      }),
    );
  }
  await ok('intake:setContext', { clientId: client.id, context: CONTEXT });
  await ok('intake:setContext', { clientId: other.id, context: CONTEXT });
  return { client, other, note, assignments, entries, actions, administrations };
}

const HUGE = 64 * 1024 * 1024;
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** One damaged row per table, with raw SQL on the vault file while the app is locked. */
async function damageOnePerTable(vault: Vault): Promise<Record<HealthTable, number>> {
  expectOk(await core.handle('vault:lock', {}));
  const db = openRawVaultDb(join(folder, 'vault.db'), await vaultDataKey(folder, PASSPHRASE));
  const rowid = (table: string, column: string, id: string) =>
    db.prepare(`SELECT rowid FROM ${table} WHERE ${column} = ?`).pluck().get(id) as number;
  const rowids: Partial<Record<HealthTable, number>> = {};
  // Damage knows no rules: a review may name a note that never existed.
  db.pragma('foreign_keys = OFF');
  try {
    // Assignment 2: instructions of 64 MiB (never read by the list).
    db.prepare('UPDATE assignments SET instructions_json = ? WHERE id = ?').run(
      `"${'x'.repeat(HUGE)}"`,
      vault.assignments[1]?.id,
    );
    rowids.assignments = rowid('assignments', 'id', vault.assignments[1]?.id ?? '');
    // Assignment 3: a history event with a status no review can give.
    rowids.assignment_events = Number(
      db
        .prepare("INSERT INTO assignment_events (assignment_id, status, at) VALUES (?, 'exploded', ?)")
        .run(vault.assignments[2]?.id, '2026-03-05T09:00:00.000Z').lastInsertRowid,
    );
    // Entry 2: fields of the wrong shape; entry 3: a history change that is not JSON.
    db.prepare('UPDATE intake_entries SET fields_json = ? WHERE id = ?').run(
      '{"kind":"substance","name":7}',
      vault.entries[1]?.id,
    );
    rowids.intake_entries = rowid('intake_entries', 'id', vault.entries[1]?.id ?? '');
    rowids.intake_events = Number(
      db
        .prepare("INSERT INTO intake_events (entry_id, change, at, fields_json) VALUES (?, 'changed', ?, ?)")
        .run(vault.entries[2]?.id, '2026-03-05T09:00:00.000Z', deep(5_000)).lastInsertRowid,
    );
    db.prepare("UPDATE intake_context SET context_json = '{not json' WHERE client_id = ?").run(vault.client.id);
    rowids.intake_context = rowid('intake_context', 'client_id', vault.client.id);
    rowids.intake_reviews = Number(
      db
        .prepare('INSERT INTO intake_reviews (client_id, note_id, at) VALUES (?, ?, ?)')
        .run(vault.client.id, 'note-7', '2026-03-05T09:00:00.000Z').lastInsertRowid,
    );
    // A caution action whose id is not a UUID (history rows cannot be changed, so a copy is added).
    db.prepare(
      `INSERT INTO caution_actions (id, client_id, note_id, caution_id, caution_title, severity, involves_json,
         action, reason, kb_version, at)
       SELECT 'action-7', client_id, note_id, caution_id, 'Caution 7', severity, involves_json, action, reason,
         kb_version, at FROM caution_actions WHERE id = ?`,
    ).run(vault.actions[1]);
    rowids.caution_actions = rowid('caution_actions', 'id', 'action-7');
    // A measure whose answers nest 20,000 levels deep: far over the size any answers take, so never parsed.
    const deepMeasure = randomUUID();
    db.prepare(
      `INSERT INTO measure_administrations (id, client_id, note_id, instrument, answers_json, sex, given_on, total,
         band, positive, flags_json, created_at)
       SELECT ?, client_id, note_id, instrument, ?, sex, given_on, total, band, positive, flags_json, created_at
       FROM measure_administrations WHERE id = ?`,
    ).run(deepMeasure, deep(20_000), vault.administrations[1]?.id);
    rowids.measure_administrations = rowid('measure_administrations', 'id', deepMeasure);
    // sheet-b: a definition that is not a worksheet.
    db.prepare('UPDATE custom_worksheets SET definition = ? WHERE id = ?').run(
      '{"id":"sheet-b","title":"No blocks"}',
      'sheet-b',
    );
    rowids.custom_worksheets = rowid('custom_worksheets', 'id', 'sheet-b');
  } finally {
    db.close();
  }
  expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  return rowids as Record<HealthTable, number>;
}

const CLIENT_TABLES: HealthTable[] = [
  'assignments',
  'assignment_events',
  'intake_entries',
  'intake_events',
  'intake_context',
  'intake_reviews',
  'caution_actions',
  'measure_administrations',
];

describe('damaged homework, intake and measure rows', () => {
  let vault: Vault;
  let rowids: Record<HealthTable, number>;
  beforeEach(async () => {
    vault = await recordsOfTwoClients();
    rowids = await damageOnePerTable(vault);
  }, 60_000);

  it('each list answers within its contract with the good rows only', async () => {
    const { client } = vault;
    const startedAt = performance.now();
    const homework = await listed<Assignment[]>('homework:listForClient', { clientId: client.id });
    const tookMs = performance.now() - startedAt;
    // 2 and 3 are damaged (the 64 MiB instructions, the bad history event); newest first.
    expect(homework.map((each) => each.title)).toEqual(['Assignment 4', 'Assignment 1']);
    // Reading the 64 MiB value alone takes about half a second: the list never reads it.
    console.log(`homework:listForClient beside a 64 MiB value: ${Math.round(tookMs)} ms`);
    expect(tookMs).toBeLessThan(300);

    const intake = await listed<ClientIntake>('intake:listForClient', { clientId: client.id });
    expect(intake.entries.map((entry) => entry.fields.name)).toEqual(['substance 1', 'substance 4']);
    expect(intake.entries[0]?.history.map((change) => change.change)).toEqual(['added', 'changed']);
    expect(intake.actions.map((action) => action.cautionTitle)).toEqual([
      'Caution 1',
      'Caution 2',
      'Caution 3',
      'Caution 4',
    ]);
    expect(intake.reviews).toHaveLength(4);
    expect(intake.reviews.every((review) => review.noteId === vault.note.id)).toBe(true);
    // A damaged context reads as not set; the tab's count says a record was left out.
    expect(intake.context.pregnant).toBe(false);

    const measures = await listed<Administration[]>('measures:listForClient', { clientId: client.id });
    expect(measures.map((each) => each.givenOn)).toEqual(['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04']);

    const worksheets = await listed<WorksheetDef[]>('worksheets:list', {});
    const custom = worksheets.filter((each) => !each.builtIn).map((each) => each.id);
    expect(custom).toEqual(['sheet-a', 'sheet-c']);

    // The other client's records are untouched by the damage.
    const theirs = await listed<ClientIntake>('intake:listForClient', { clientId: vault.other.id });
    expect(theirs.context).toEqual(CONTEXT);
  });

  it('the tab count and Data health name each damaged row, by table and rowid', async () => {
    const forClient = await ok<ResponseOf<'health:scan'>>('health:scan', {
      tables: CLIENT_TABLES,
      clientId: vault.client.id,
    });
    expect(contract['health:scan'].response.safeParse(forClient).success).toBe(true);
    expect(forClient.records.map((record) => [record.table, record.rowid])).toEqual(
      CLIENT_TABLES.map((table) => [table, rowids[table]]),
    );
    // Each one says what is wrong, and is clinical history: kept, never removable.
    const problems = Object.fromEntries(forClient.records.map((record) => [record.table, record.problem]));
    expect(problems).toEqual({
      assignments: 'The assignment’s instructions field is far too large.',
      assignment_events: expect.stringContaining('Its status cannot be read'),
      intake_entries: 'This intake entry cannot be read. Its fields › name cannot be read: The name must be text.',
      intake_events: 'Its fields field nests 5,000 levels deep.',
      intake_context: 'Its context field is not valid JSON.',
      intake_reviews: 'This intake review cannot be read. Its noteId is not a UUID.',
      caution_actions: 'This caution action cannot be read. Its id is not a UUID.',
      measure_administrations: 'Its answers field is far too large.',
    });
    // Clinical history is never removable; the context alone is the current value.
    for (const record of forClient.records) {
      const current = record.table === 'intake_context';
      expect({ table: record.table, clinical: record.clinical, removable: record.removable }).toEqual({
        table: record.table,
        clinical: !current,
        removable: current,
      });
    }

    // The other client has none; the whole-vault scan lists every one, the worksheet too.
    const other = await ok<ResponseOf<'health:scan'>>('health:scan', {
      tables: CLIENT_TABLES,
      clientId: vault.other.id,
    });
    expect(other.records).toEqual([]);
    const all = await ok<ResponseOf<'health:scan'>>('health:scan', {});
    expect(all.records.map((record) => [record.table, record.rowid])).toEqual(
      expect.arrayContaining([...CLIENT_TABLES, 'custom_worksheets' as const].map((table) => [table, rowids[table]])),
    );
    expect(all.records).toHaveLength(CLIENT_TABLES.length + 1);
    const worksheet = all.records.find((record) => record.table === 'custom_worksheets');
    expect(worksheet).toMatchObject({ label: 'sheet-b', clinical: false, removable: true });
  });

  it('a write on a damaged row is refused with its own message and the vault is unchanged', async () => {
    const before = await snapshotVault(core, folder);
    const refusals: [string, Parameters<Core['handle']>[0], unknown, string][] = [
      [
        'reviewing the assignment with 64 MiB instructions',
        'homework:review',
        { id: vault.assignments[1]?.id, status: 'done' },
        'This assignment is damaged and cannot be shown or reviewed',
      ],
      [
        'reviewing the assignment with a bad history event',
        'homework:review',
        { id: vault.assignments[2]?.id, status: 'partial', amount: '2 of 7 days' },
        'The assignment’s history cannot be read.',
      ],
      [
        'changing the damaged intake entry',
        'intake:update',
        { id: vault.entries[1]?.id, noteId: null, fields: { ...kratom, name: 'substance 2', amount: '9' } },
        'This intake entry is damaged and cannot be shown or changed',
      ],
      [
        'changing the entry whose history is damaged',
        'intake:update',
        { id: vault.entries[2]?.id, noteId: null, fields: { ...kratom, name: 'substance 3', amount: '9' } },
        'Its history cannot be read.',
      ],
      [
        'saving over the damaged clinical context',
        'intake:setContext',
        { clientId: vault.client.id, context: CONTEXT },
        'This client’s clinical context is damaged, so nothing was saved.',
      ],
      [
        'saving over the damaged custom worksheet',
        'worksheets:save',
        { worksheet: sheet('sheet-b') },
        'The custom worksheet “sheet-b” is damaged and cannot be used.',
      ],
      [
        'assigning the damaged custom worksheet',
        'homework:assign',
        {
          assignment: {
            clientId: vault.client.id,
            worksheetId: 'sheet-b',
            title: 'From a damaged sheet',
            instructions: { type: 'doc', content: [] },
            frequency: { kind: 'once' },
            startDate: '2026-03-02',
            dueDate: '2026-03-09',
            target: '',
            noteId: null,
          },
        },
        'The custom worksheet “sheet-b” is damaged and cannot be used.',
      ],
    ];
    for (const [what, channel, request, message] of refusals) {
      const failure = expectFailure(await core.handle(channel, request as never), 'RECORD_DAMAGED');
      expect(failure.message, what).toContain(message);
      expect(failure.message, what).toContain('Settings → Data health');
    }
    // One snapshot after all of them: each compares every row, the 64 MiB one included.
    expect(await snapshotVault(core, folder)).toEqual(before);

    // The good ones still take writes.
    const reviewed = await ok<Assignment>('homework:review', { id: vault.assignments[0]?.id, status: 'done' });
    expect(reviewed.status).toBe('done');
    await ok('intake:setContext', { clientId: vault.other.id, context: { ...CONTEXT, bipolar: true } });

    // A damaged context is the current value, not history: once exported and removed
    // under Data health with a reason, it can be set again.
    await ok('settings:update', { therapistName: 'Dr Test' });
    const exported = await ok<{ json: string }>('health:exportRaw', {
      table: 'intake_context',
      rowid: rowids.intake_context,
    });
    expect(exported.json).toContain('{not json');
    await ok('health:remove', { table: 'intake_context', rowid: rowids.intake_context, reason: 'Damaged; re-entered' });
    const context = await ok<typeof CONTEXT>('intake:setContext', { clientId: vault.client.id, context: CONTEXT });
    expect(context).toEqual(CONTEXT);
  });
});
