import type { LockReason } from '../shared/ipc/channels';
import type { Core } from './core/core';

/** The part of an Electron event the lifecycle uses: it can hold the quit or close back. */
export type Holdable = { preventDefault(): void };

/**
 * When the app stops, however it stops (Cmd/Ctrl+Q, File → Quit, closing the window,
 * the system shutting down or the user logging off), and when the shell locks: the
 * decisions only, with no Electron in them, so they are tested under Node with the
 * real core (tests/unit/shellLifecycle.test.ts). electron/main.ts wires each to its
 * Electron event.
 *
 * Stopping always goes the same way: hold the quit, let the core ask the window to
 * save every open note and lock (core.shutdown, bounded), then quit for real. The
 * window stays open meanwhile, because the window is what saves.
 */
export function createShellLifecycle(deps: {
  core: Pick<Core, 'lock' | 'shutdown'>;
  /** app.quit(): runs before-quit and the window's close again, both let through then. */
  quit: () => void;
  log?: (line: string) => void;
}) {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  const log = deps.log ?? ((line: string) => console.info(`shellLifecycle: ${line}`));

  function stopThenQuit(why: string): void {
    if (state !== 'running') return;
    state = 'stopping';
    log(`${why}: saving and locking before quitting`);
    deps.core
      .shutdown()
      .catch((error: unknown) => log(`shutdown failed (${(error as Error)?.name ?? 'unknown'}); quitting anyway`))
      .finally(() => {
        state = 'stopped';
        deps.quit();
      });
  }

  /** Held until the save and lock are done; let through once they are. */
  const holdUntilStopped = (why: string) => (event: Holdable) => {
    if (state === 'stopped') return;
    event.preventDefault();
    stopThenQuit(why);
  };

  return {
    get state() {
      return state;
    },
    /** app 'before-quit': Cmd/Ctrl+Q, File → Quit, the Dock's Quit. */
    beforeQuit: holdUntilStopped('quit requested'),
    /** BrowserWindow 'close': closing the window ends the session on every platform. */
    windowClose: holdUntilStopped('window closing'),
    /** powerMonitor 'shutdown' (Linux, macOS): holding it asks the system to wait for us. */
    systemShutdown: holdUntilStopped('system shutting down'),
    /** BrowserWindow 'query-session-end' (Windows log-off, restart or shutdown): may be held. */
    sessionEnding: holdUntilStopped('Windows session ending'),
    /** BrowserWindow 'session-end' (Windows): can no longer be held; start at once. */
    sessionEnd(): void {
      stopThenQuit('Windows session ended');
    },
    /**
     * A lock the shell decides (menu, screen lock, suspend): the core asks the window to
     * save first. Once stopping, the stop's own lock covers it.
     */
    async lock(reason: LockReason): Promise<void> {
      if (state !== 'running') return;
      const outcome = await deps.core.lock(reason);
      if (outcome !== 'saved' && outcome !== 'nobody-to-ask') log(`locked (${reason}) with the save ${outcome}`);
    },
  };
}

export type ShellLifecycle = ReturnType<typeof createShellLifecycle>;
