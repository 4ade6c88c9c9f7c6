import { randomUUID } from 'node:crypto';
import type { SessionEvent } from '../../../shared/ipc/channels';

/**
 * Before the vault locks or the app quits, the window is asked to save every open
 * editor first (issue 13): the last seconds of typing live only in the window until its
 * autosave sends them. The shell (or the idle timer) asks; the window answers on
 * `session:saved`; the lock waits for that answer, but never for longer than the bound,
 * so a hung or crashed window cannot keep the vault open.
 */
export type SaveReason = 'lock' | 'quit' | 'reload';

/** What came of asking: told apart in the log, never shown with any content. */
export type SaveOutcome =
  /** The window saved everything it had. */
  | 'saved'
  /** The window answered, but something typed could not be saved (kept in its memory). */
  | 'incomplete'
  /** No answer within the bound: the lock went ahead without it. */
  | 'no-answer'
  /** No window to ask (none open, or the vault is already locked). */
  | 'nobody-to-ask';

export const SAVE_ANSWER_TIMEOUT_MS = 3000;

type Pending = { resolve: (outcome: SaveOutcome) => void; timer: ReturnType<typeof setTimeout> };

export class SaveBeforeClose {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly emit: (event: SessionEvent) => void,
    private readonly options: {
      /** Whether a window is there to answer (the adapter knows: Electron's window, the harness's page). */
      hasWindow: () => boolean;
      timeoutMs?: number;
      log?: (line: string) => void;
    },
  ) {}

  /** Asks the window to save and resolves when it has answered, or after the bound. Never rejects. */
  ask(reason: SaveReason): Promise<SaveOutcome> {
    if (!this.options.hasWindow()) return Promise.resolve('nobody-to-ask');
    const id = randomUUID();
    const timeoutMs = this.options.timeoutMs ?? SAVE_ANSWER_TIMEOUT_MS;
    const answered = new Promise<SaveOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.log(`no answer from the window within ${timeoutMs} ms before the ${reason}; going ahead`);
        resolve('no-answer');
      }, timeoutMs);
      timer.unref?.();
      this.pending.set(id, { resolve, timer });
    });
    this.emit({ type: 'save-request', id, reason });
    return answered;
  }

  /** The window's answer. False for an id nobody is waiting for (late, repeated or made up). */
  answer(id: string, complete: boolean): boolean {
    const waiting = this.pending.get(id);
    if (!waiting) return false;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    if (!complete) this.log('the window could not save everything before closing; it keeps the rest in memory');
    waiting.resolve(complete ? 'saved' : 'incomplete');
    return true;
  }

  private log(line: string): void {
    (this.options.log ?? ((text: string) => console.info(`saveBeforeClose: ${text}`)))(line);
  }
}
