import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { SessionEvent } from '../../shared/ipc/channels';
import type { Note } from '../../shared/notes/note';
import { richTextToPlain } from '../../shared/templates/values';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * Save before every lock and quit (issue 13), through the core's front door on a real
 * encrypted vault: the window is asked, the lock waits for its answer (bounded), and
 * what the window saved in between is in the vault after the next unlock.
 */

let folder: string;
let core: Core;
let windowOpen: boolean;
let events: SessionEvent[];
let client: Client;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const requests = () => events.filter((event) => event.type === 'save-request');

/** Resolves with the next save request the window is sent. */
function nextRequest(): Promise<Extract<SessionEvent, { type: 'save-request' }>> {
  return new Promise((resolve) => {
    const stop = core.onEvent((event) => {
      if (event.type !== 'save-request') return;
      stop();
      resolve(event);
    });
  });
}

async function newNote(): Promise<Note> {
  return expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
}

async function summaryAfterUnlock(noteId: string): Promise<string> {
  expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  const note = expectOk<Note>(await core.handle('notes:get', { id: noteId }));
  return richTextToPlain(note.values.summary);
}

beforeEach(async () => {
  folder = makeTempFolder('save-before-close');
  windowOpen = true;
  events = [];
  // now read through Date.now at each call, so the idle test's fake clock reaches the vault.
  core = createCore({ folder, now: () => Date.now(), hasWindow: () => windowOpen, saveAnswerTimeoutMs: 300 });
  core.onEvent((event) => events.push(event));
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  client = expectOk<Client>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Dana Reyes' } }),
  );
});

afterEach(async () => {
  vi.useRealTimers();
  windowOpen = false;
  await core.shutdown();
  removeFolder(folder);
});

describe('a lock the shell decides', () => {
  it('asks the window, stays open while it saves, and locks once it answers', async () => {
    const note = await newNote();
    const asked = nextRequest();
    const locking = core.lock('manual');
    const request = await asked;
    expect(request.reason).toBe('lock');
    // The window's last save goes through: the vault is still open.
    expect(core.vault.isUnlocked).toBe(true);
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('the very last words') } }));
    expect(expectOk(await core.handle('session:saved', { id: request.id, complete: true }))).toEqual({
      expected: true,
    });
    expect(await locking).toBe('saved');
    expect(core.vault.isUnlocked).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'locked', reason: 'manual' });
    expect(await summaryAfterUnlock(note.id)).toBe('the very last words');
  });

  it('goes ahead after the bound when the window does not answer, and says so', async () => {
    const log = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const started = Date.now();
    expect(await core.lock('system')).toBe('no-answer');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(core.vault.isUnlocked).toBe(false);
    expect(log.mock.calls.flat().join(' ')).toMatch(/no answer from the window within 300 ms before the lock/);
    log.mockRestore();
  });

  it('an answer that everything could not be saved still locks, and is told apart', async () => {
    const log = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const asked = nextRequest();
    const locking = core.lock('manual');
    expectOk(await core.handle('session:saved', { id: (await asked).id, complete: false }));
    expect(await locking).toBe('incomplete');
    expect(core.vault.isUnlocked).toBe(false);
    log.mockRestore();
  });

  it('an answer nobody asked for, or given twice, changes nothing', async () => {
    const stranger = '5b1e9a3c-3f4e-4d7a-9c2b-1a2b3c4d5e6f';
    expect(expectOk(await core.handle('session:saved', { id: stranger, complete: true }))).toEqual({ expected: false });
    const asked = nextRequest();
    const locking = core.lock('manual');
    const { id } = await asked;
    expect(expectOk(await core.handle('session:saved', { id: stranger, complete: true }))).toEqual({ expected: false });
    expect(core.vault.isUnlocked).toBe(true);
    expect(expectOk(await core.handle('session:saved', { id, complete: true }))).toEqual({ expected: true });
    await locking;
    expect(expectOk(await core.handle('session:saved', { id, complete: true }))).toEqual({ expected: false });
  });

  it.each([
    ['not a uuid', { id: 'x', complete: true }],
    ['no complete', { id: '5b1e9a3c-3f4e-4d7a-9c2b-1a2b3c4d5e6f' }],
    ['an extra key', { id: '5b1e9a3c-3f4e-4d7a-9c2b-1a2b3c4d5e6f', complete: true, text: 'x' }],
  ])('a malformed answer (%s) is refused at the boundary', async (_why, payload) => {
    expectFailure(await core.handle('session:saved', payload), 'INVALID_REQUEST');
  });

  it('without a window, or already locked, nothing is asked', async () => {
    windowOpen = false;
    expect(await core.lock('manual')).toBe('nobody-to-ask');
    windowOpen = true;
    expect(await core.lock('manual')).toBe('nobody-to-ask');
    expect(requests()).toEqual([]);
  });
});

describe('quitting and the idle lock', () => {
  it('shutdown asks the window to save for a quit, then locks', async () => {
    const note = await newNote();
    const asked = nextRequest();
    const stopping = core.shutdown();
    const request = await asked;
    expect(request.reason).toBe('quit');
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('typed as I quit') } }));
    expectOk(await core.handle('session:saved', { id: request.id, complete: true }));
    await stopping;
    expect(core.vault.isUnlocked).toBe(false);
    expect(await summaryAfterUnlock(note.id)).toBe('typed as I quit');
  });

  it('the idle lock asks first as well', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    expectOk(await core.handle('settings:update', { autoLockMinutes: 1 }));
    const note = await newNote();
    const asked = nextRequest();
    await vi.advanceTimersByTimeAsync(60_000);
    const request = await asked;
    expect(core.vault.isUnlocked).toBe(true);
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('idle but saved') } }));
    expectOk(await core.handle('session:saved', { id: request.id, complete: true }));
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(core.vault.isUnlocked).toBe(false));
    expect(events.at(-1)).toEqual({ type: 'locked', reason: 'idle' });
    vi.useRealTimers();
    expect(await summaryAfterUnlock(note.id)).toBe('idle but saved');
  });
});
