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
      { status: 'assigned', at: new Date(clock).toISOString(), amount: '', barrier: '', noteId: note.id },
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
