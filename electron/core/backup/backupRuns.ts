import { CoreError } from '../coreError';

/**
 * The one backup that may run at a time, and its cancel (issue 13): "Back up now" and the
 * schedule both start here, and Settings' Cancel stops whichever is running.
 */
export class BackupRuns {
  private current: AbortController | null = null;

  /** Runs a backup with a signal; a second one while the first runs is BUSY. */
  async run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.current)
      throw new CoreError('BUSY', 'A backup is already under way. Wait for it to finish, or cancel it.');
    const controller = new AbortController();
    this.current = controller;
    try {
      return await task(controller.signal);
    } finally {
      this.current = null;
    }
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Whether a backup was running to be stopped. */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.abort();
    return true;
  }
}
