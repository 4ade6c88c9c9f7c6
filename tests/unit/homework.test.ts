import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { Assignment, AssignmentInput } from '../../shared/homework/assignment';
import type { Note } from '../../shared/notes/note';
import type { WorksheetDef } from '../../shared/worksheets/types';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/** Homework through the core's front door, on a real encrypted vault, with an injected clock. */

let folder: string;
let core: Core;
let clock: number;
let client: Client;

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

beforeEach(async () => {
  folder = makeTempFolder('homework');
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

function input(overrides: Partial<AssignmentInput> = {}): AssignmentInput {
  return {
    clientId: client.id,
    worksheetId: 'thought-record-7',
    title: 'Thought record after difficult moments',
    instructions: doc('Fill one in when your mood drops.'),
    frequency: { kind: 'perWeek', times: 5 },
    startDate: '2026-03-02',
    dueDate: '2026-03-09',
    target: '5 of 7 days',
    noteId: null,
    ...overrides,
  };
}

async function assign(overrides: Partial<AssignmentInput> = {}): Promise<Assignment> {
  return expectOk<Assignment>(await core.handle('homework:assign', { assignment: input(overrides) }));
}

describe('the worksheet library', () => {
  it('lists the built-in worksheets', async () => {
    const worksheets = expectOk<WorksheetDef[]>(await core.handle('worksheets:list', {}));
    expect(worksheets.map((each) => each.id)).toEqual(
      expect.arrayContaining(['thought-record-7', 'thought-record-3', 'safety-plan', 'sleep-diary', 'free-form']),
    );
  });
});

describe('assigning and reviewing homework', () => {
  it('records the assignment, its worksheet version and the note it came from', async () => {
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    const assignment = await assign({ noteId: note.id });
    expect(assignment).toMatchObject({ status: 'assigned', noteId: note.id, worksheetId: 'thought-record-7' });
    expect(assignment.worksheetVersion).toBeGreaterThanOrEqual(1);
    expect(assignment.history).toEqual([
      { status: 'assigned', at: new Date(clock).toISOString(), amount: '', barrier: '', learned: '', noteId: note.id },
    ]);
    const listed = expectOk<Assignment[]>(await core.handle('homework:listForClient', { clientId: client.id }));
    expect(listed).toEqual([assignment]);
  });

  it('keeps every review, dated, and moves the status', async () => {
    const assignment = await assign();
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    clock += 7 * 86_400_000;
    expectOk(
      await core.handle('homework:review', {
        id: assignment.id,
        status: 'carriedOver',
        amount: '',
        barrier: '',
        noteId: note.id,
      }),
    );
    clock += 7 * 86_400_000;
    const reviewed = expectOk<Assignment>(
      await core.handle('homework:review', {
        id: assignment.id,
        status: 'partial',
        amount: '4 of 7 days',
        barrier: 'ignored for partial',
        noteId: null,
      }),
    );
    expect(reviewed.status).toBe('partial');
    expect(reviewed.history.map((event) => [event.status, event.amount, event.barrier, event.noteId])).toEqual([
      ['assigned', '', '', null],
      ['carriedOver', '', '', note.id],
      ['partial', '4 of 7 days', '', null],
    ]);
    // The history cannot be rewritten, even bypassing the core.
    const db = core.vault.db();
    expect(() => db.prepare("UPDATE assignment_events SET status = 'done'").run()).toThrow(/HISTORY_FINAL/);
    expect(() => db.prepare('DELETE FROM assignment_events').run()).toThrow(/HISTORY_FINAL/);
  });

  it('asks how much was done for "partly done", and keeps the barrier for "not done"', async () => {
    const assignment = await assign();
    const failure = expectFailure(
      await core.handle('homework:review', {
        id: assignment.id,
        status: 'partial',
        amount: '',
        barrier: '',
        noteId: null,
      }),
      'INVALID_REQUEST',
    );
    expect(failure.field).toBe('amount');
    const notDone = expectOk<Assignment>(
      await core.handle('homework:review', {
        id: assignment.id,
        status: 'notDone',
        amount: '',
        barrier: 'Too tired after work',
        noteId: null,
      }),
    );
    expect(notDone.history.at(-1)).toMatchObject({ status: 'notDone', barrier: 'Too tired after work' });
  });

  it('refuses a review recorded in a signed note, and a review date before the start', async () => {
    const assignment = await assign();
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    expectOk(await core.handle('notes:sign', { id: note.id }));
    expectFailure(
      await core.handle('homework:review', {
        id: assignment.id,
        status: 'done',
        amount: '',
        barrier: '',
        noteId: note.id,
      }),
      'NOTE_SIGNED',
    );
    const early = expectFailure(
      await core.handle('homework:assign', { assignment: input({ startDate: '2026-03-09', dueDate: '2026-03-02' }) }),
      'INVALID_REQUEST',
    );
    expect(early.field).toBe('assignment.dueDate');
  });

  it('refuses an unknown worksheet and a note of another client', async () => {
    expectFailure(await core.handle('homework:assign', { assignment: input({ worksheetId: 'no-such' }) }), 'NOT_FOUND');
    const other = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Ben Other' } }),
    );
    const theirNote = expectOk<Note>(
      await core.handle('notes:create', { clientId: other.id, templateId: 'cbt-session' }),
    );
    expectFailure(
      await core.handle('homework:assign', { assignment: input({ noteId: theirNote.id }) }),
      'INVALID_REQUEST',
    );
    expect(expectOk<Assignment[]>(await core.handle('homework:listForClient', { clientId: client.id }))).toEqual([]);
  });
});

describe('a safety plan is not homework (issue 12)', () => {
  it('refuses to assign the safety plan, plainly, and records nothing', async () => {
    const refusal = expectFailure(
      await core.handle('homework:assign', { assignment: input({ worksheetId: 'safety-plan', title: 'My plan' }) }),
      'INVALID_REQUEST',
    );
    expect(refusal.field).toBe('assignment.worksheetId');
    expect(refusal.message).toBe(
      'A safety plan is not homework: it is filled in with the client in the session and kept in their record, under Safety plan on the client’s page.',
    );
    expect(expectOk<Assignment[]>(await core.handle('homework:listForClient', { clientId: client.id }))).toEqual([]);
  });
});

describe('what the client learned or noticed (issue 12)', () => {
  const review = async (status: string, fields: Record<string, string> = {}) => {
    const assignment = await assign();
    return expectOk<Assignment>(
      await core.handle('homework:review', { id: assignment.id, status, noteId: null, ...fields }),
    );
  };

  const rows: { why: string; status: string; fields: Record<string, string>; kept: string }[] = [
    {
      why: 'done keeps it, trimmed',
      status: 'done',
      fields: { learned: '  Walking after lunch lifted my mood.  ' },
      kept: 'Walking after lunch lifted my mood.',
    },
    {
      why: 'partly done keeps it beside the amount',
      status: 'partial',
      fields: { amount: '4 of 7 days', learned: 'The thought was less believable written down.' },
      kept: 'The thought was less believable written down.',
    },
    {
      why: 'not done does not ask it: a value sent anyway is not kept (the barrier is)',
      status: 'notDone',
      fields: { barrier: 'Too tired', learned: 'left over from choosing Done first' },
      kept: '',
    },
    { why: 'carried over does not ask it', status: 'carriedOver', fields: { learned: 'left over' }, kept: '' },
    { why: 'dropped does not ask it', status: 'dropped', fields: { learned: 'left over' }, kept: '' },
    { why: 'left out, it is empty', status: 'done', fields: {}, kept: '' },
    { why: 'only spaces is empty', status: 'done', fields: { learned: ' \n\t ' }, kept: '' },
    {
      why: 'exactly 1,000 characters is taken',
      status: 'done',
      fields: { learned: 'a'.repeat(1000) },
      kept: 'a'.repeat(1000),
    },
  ];
  it.each(rows)('$why', async ({ status, fields, kept }) => {
    const reviewed = await review(status, fields);
    expect(reviewed.history.at(-1)?.learned).toBe(kept);
    // Kept in the vault, not only in the answer: read back after locking and unlocking.
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const [listed] = expectOk<Assignment[]>(await core.handle('homework:listForClient', { clientId: client.id }));
    expect(listed?.history.at(-1)?.learned).toBe(kept);
  });

  it('refuses more than 1,000 characters, or something that is not text, and records nothing', async () => {
    const assignment = await assign();
    for (const learned of ['a'.repeat(1001), 42, null, { text: 'x' }]) {
      expectFailure(
        await core.handle('homework:review', { id: assignment.id, status: 'done', learned, noteId: null }),
        'INVALID_REQUEST',
      );
    }
    const [listed] = expectOk<Assignment[]>(await core.handle('homework:listForClient', { clientId: client.id }));
    expect(listed?.history.map((event) => event.status)).toEqual(['assigned']);
  });

  it('reads a review written before it was asked (no value in the row) as empty', async () => {
    const assignment = await assign();
    // As an older app version wrote it: the column left to its default.
    core.vault
      .db()
      .prepare("INSERT INTO assignment_events (assignment_id, status, at, amount) VALUES (?, 'partial', ?, '2 of 7')")
      .run(assignment.id, new Date(clock).toISOString());
    const [listed] = expectOk<Assignment[]>(await core.handle('homework:listForClient', { clientId: client.id }));
    expect(listed?.history.at(-1)).toMatchObject({ status: 'partial', amount: '2 of 7', learned: '' });
  });
});
