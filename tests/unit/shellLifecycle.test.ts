import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { createShellLifecycle, type Holdable } from '../../electron/shellLifecycle';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { Note } from '../../shared/notes/note';
import { richTextToPlain } from '../../shared/templates/values';
import { expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * The Electron shell's quit and lock decisions (issue 13), without Electron: each
 * Electron event is played by a holdable stand-in, the window by a listener that does
 * what the renderer does on a save request (send its last typing, then answer), and
 * the core and its vault on disk are the real ones.
 */

let folder: string;
let core: Core;
let note: Note;
/** What the "window" still has unsaved when it is asked; null: it never answers. */
let lastTyping: string | null;
let windowOpen: boolean;
let quits: number;
let lines: string[];

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function holdable(): Holdable & { held: boolean } {
  const event = {
    held: false,
    preventDefault() {
      event.held = true;
    },
  };
  return event;
}

function lifecycle() {
  return createShellLifecycle({
    core,
    quit: () => {
      quits += 1;
    },
    log: (line) => lines.push(line),
  });
}

async function savedSummary(): Promise<string> {
  expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  const loaded = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
  return richTextToPlain(loaded.values.summary);
}

beforeEach(async () => {
  folder = makeTempFolder('shell-lifecycle');
  lastTyping = 'typed a moment before';
  windowOpen = true;
  quits = 0;
  lines = [];
  core = createCore({ folder, hasWindow: () => windowOpen, saveAnswerTimeoutMs: 300 });
  // The window: on a save request, its open note sends what was typed, then it answers.
  core.onEvent((event) => {
    if (event.type !== 'save-request' || lastTyping === null) return;
    const text = lastTyping;
    void (async () => {
      expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc(text) } }));
      expectOk(await core.handle('session:saved', { id: event.id, complete: true }));
    })();
  });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  const client = expectOk<Client>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Dana Reyes' } }),
  );
  note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
});

afterEach(async () => {
  windowOpen = false;
  await core.shutdown();
  removeFolder(folder);
});

describe('quitting', () => {
  it.each([
    ['Cmd/Ctrl+Q or File → Quit (before-quit)', 'beforeQuit'],
    ['closing the window (close)', 'windowClose'],
    ['the system shutting down (powerMonitor shutdown)', 'systemShutdown'],
    ['Windows log-off (query-session-end)', 'sessionEnding'],
  ] as const)('%s is held until the window has saved and the vault is locked', async (_why, handler) => {
    const shell = lifecycle();
    const event = holdable();
    shell[handler](event);
    expect(event.held).toBe(true);
    expect(quits).toBe(0);
    expect(shell.state).toBe('stopping');
    await vi.waitFor(() => expect(quits).toBe(1));
    expect(shell.state).toBe('stopped');
    expect(core.vault.isUnlocked).toBe(false);
    expect(await savedSummary()).toBe('typed a moment before');
  });

  it('app.quit() after the stop passes through before-quit and the window close unheld', async () => {
    const shell = lifecycle();
    shell.beforeQuit(holdable());
    await vi.waitFor(() => expect(quits).toBe(1));
    const again = holdable();
    const close = holdable();
    shell.beforeQuit(again);
    shell.windowClose(close);
    expect([again.held, close.held]).toEqual([false, false]);
    expect(quits).toBe(1);
  });

  it('a second quit, or a window close, while stopping is held and starts nothing new', async () => {
    const shutdown = vi.spyOn(core, 'shutdown');
    const shell = lifecycle();
    shell.beforeQuit(holdable());
    const close = holdable();
    shell.windowClose(close);
    shell.sessionEnd();
    expect(close.held).toBe(true);
    await vi.waitFor(() => expect(quits).toBe(1));
    expect(shutdown).toHaveBeenCalledTimes(1);
  });

  it('Windows session-end cannot be held: the stop starts at once', async () => {
    const shell = lifecycle();
    shell.sessionEnd();
    expect(shell.state).toBe('stopping');
    await vi.waitFor(() => expect(quits).toBe(1));
    expect(await savedSummary()).toBe('typed a moment before');
  });

  it('a window that never answers delays the quit by the bound only', async () => {
    lastTyping = null;
    const shell = lifecycle();
    const started = Date.now();
    shell.beforeQuit(holdable());
    await vi.waitFor(() => expect(quits).toBe(1), { timeout: 5000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(core.vault.isUnlocked).toBe(false);
  });

  it('a failing shutdown still quits, and says so', async () => {
    vi.spyOn(core, 'shutdown').mockRejectedValueOnce(new TypeError('disk gone'));
    const shell = lifecycle();
    shell.beforeQuit(holdable());
    await vi.waitFor(() => expect(quits).toBe(1));
    expect(lines.join('\n')).toMatch(/shutdown failed \(TypeError\); quitting anyway/);
  });
});

describe('locking from the shell', () => {
  it('the menu, a screen lock or suspend saves first, then locks', async () => {
    const shell = lifecycle();
    await shell.lock('system');
    expect(core.vault.isUnlocked).toBe(false);
    expect(await savedSummary()).toBe('typed a moment before');
    expect(quits).toBe(0);
  });

  it('a lock that went ahead without an answer is logged', async () => {
    lastTyping = null;
    const shell = lifecycle();
    await shell.lock('manual');
    expect(core.vault.isUnlocked).toBe(false);
    expect(lines.join('\n')).toMatch(/locked \(manual\) with the save no-answer/);
  });

  it('a lock while stopping is left to the stop', async () => {
    const lock = vi.spyOn(core, 'lock');
    const shell = lifecycle();
    shell.beforeQuit(holdable());
    await shell.lock('system');
    expect(lock).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(quits).toBe(1));
  });
});
