/**
 * What the shell does when the window's page dies or hangs (issue 13): decisions only,
 * tested under Node (tests/unit/rendererRecovery.test.ts); electron/main.ts acts on them.
 *
 * A page that died is reloaded: the vault stays unlocked in the main process, so the
 * reloaded page picks up where the therapist was, and the note's autosave has kept all
 * but the last second of typing. A page that keeps dying is not reloaded in a loop: after
 * MAX_RELOADS within the window, the therapist is told instead.
 */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export type RecoveryStep =
  /** Load the page again. */
  | { action: 'reload' }
  /** Stop reloading; show a message with what happened. */
  | { action: 'tell'; message: string }
  /** Nothing to do (the page closed itself on purpose). */
  | { action: 'none' };

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

export function createRendererRecovery(now: () => number = Date.now) {
  const reloads: number[] = [];
  return {
    /** The page's process is gone ('render-process-gone'). */
    gone(reason: GoneReason): RecoveryStep {
      if (reason === 'clean-exit') return { action: 'none' };
      if (reason === 'integrity-failure' || reason === 'launch-failed') {
        return {
          action: 'tell',
          message:
            'Sessionkeep’s window could not start. Your records are safe in the vault. Quit Sessionkeep and open it again; if this keeps happening, reinstall it.',
        };
      }
      const at = now();
      while (reloads.length > 0 && at - (reloads[0] ?? at) > RELOAD_WINDOW_MS) reloads.shift();
      if (reloads.length >= MAX_RELOADS) {
        return {
          action: 'tell',
          message:
            'Sessionkeep’s window stopped several times in a minute, so it was not reloaded again. Everything saved is safe in the vault. Quit Sessionkeep and open it again.',
        };
      }
      reloads.push(at);
      return { action: 'reload' };
    },
  };
}
