import { CoreError } from '../coreError';
import type { OneRunAtATime } from '../oneRunAtATime';
import type { VaultSession } from '../vault/vaultSession';
import { backUpNow, backupStatus } from './backupService';

/** Looked at hourly while the vault is open: "daily" without depending on a wall-clock time. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Automatic backups: right after an unlock, then hourly while open, and at quit, each
 * time only when a folder is set and the last good backup is over a day old. A failure
 * is recorded in the status (shown in Settings and on the home screen) and retried at
 * the next check; it never blocks unlocking, working or quitting.
 */
export function scheduleBackups(
  vault: VaultSession,
  options: { now: () => Date; nativeBinding?: string | undefined; runs: OneRunAtATime },
): { beforeQuit(): Promise<void>; stop(): void } {
  let running: Promise<unknown> | null = null;
  const runIfDue = (): Promise<unknown> => {
    if (running || !vault.isUnlocked) return running ?? Promise.resolve();
    // "Back up now" is already making one.
    if (options.runs.running) return Promise.resolve();
    let due = false;
    try {
      due = backupStatus(vault, options.now()).due;
    } catch {
      return Promise.resolve();
    }
    if (!due) return Promise.resolve();
    running = options.runs
      .run((signal) =>
        backUpNow(vault, {
          now: options.now,
          onlyIfDue: true,
          nativeBinding: options.nativeBinding,
          signal,
          onProgress: (fraction, stage) => vault.announce({ type: 'backup', fraction, stage }),
        }),
      )
      .catch((error: unknown) => {
        const cancelled = error instanceof CoreError && error.code === 'CANCELLED';
        vault.announce({ type: 'backup', fraction: 0, stage: cancelled ? 'cancelled' : 'failed' });
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const stopListening = vault.onEvent((event) => {
    if (event.type === 'unlocked') setTimeout(() => void runIfDue(), 0);
  });
  const timer = setInterval(() => void runIfDue(), CHECK_EVERY_MS);
  timer.unref();
  return {
    beforeQuit: async () => {
      await runIfDue();
    },
    stop: () => {
      clearInterval(timer);
      stopListening();
    },
  };
}
