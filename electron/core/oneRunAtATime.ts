import { CoreError } from './coreError';

/**
 * One cancellable run at a time (issue 13): a backup ("Back up now" or the schedule), or
 * an export or import. A second run while one is going is BUSY, in the words given;
 * `cancel` aborts the running one's signal.
 */
export class OneRunAtATime {
  private current: AbortController | null = null;

  constructor(private readonly busyMessage?: string) {}

  async run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.current) throw new CoreError('BUSY', this.busyMessage);
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

  /** Whether something was running to be stopped. */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.abort();
    return true;
  }
}

/** The backups' runner: Settings' Stop stops whichever backup is running. */
export const newBackupRuns = () =>
  new OneRunAtATime('A backup is already under way. Wait for it to finish, or cancel it.');
