import { readFileSync, rmSync, statSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './vaultFiles';

/**
 * Slows down repeated wrong passphrases or recovery keys without ever locking the
 * therapist out: the first few mistakes cost nothing (typos happen), then the wait
 * doubles up to one minute, and a correct unlock resets it.
 *
 * The state lives in `vault.throttle` beside the key file, so quitting and restarting
 * does not reset it, and so failures made while the vault is locked (no database to
 * write to) reach the activity log at the next unlock with their own times. Every
 * place that checks a passphrase or recovery key shares this one throttle.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 60;
/** Failures kept for the activity log; beyond this the throttle makes more take days. */
export const MAX_UNLOGGED_ATTEMPTS = 500;

export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** Math.min(failures - FREE_ATTEMPTS + 1, 30));
}

export const attemptMethods = ['passphrase', 'recoveryKey'] as const;
/** Where the secret was checked: each is throttled alike and logged with its place. */
export const attemptPlaces = [
  'unlock',
  'changePassphrase',
  'backup',
  'setAside',
  'newRecoveryKey',
  'reencrypt',
  'unknown',
] as const;
export type AttemptMethod = (typeof attemptMethods)[number];
export type AttemptPlace = (typeof attemptPlaces)[number];
export type FailedAttempt = { at: number; method: AttemptMethod; place: AttemptPlace };

export type ThrottleState = {
  failures: number;
  nextAttemptAt: number;
  /** Failures not yet in the activity log (made while locked). */
  unlogged: FailedAttempt[];
};

export const cleanState: ThrottleState = { failures: 0, nextAttemptAt: 0, unlogged: [] };

const stateSchema = z.strictObject({
  format: z.literal('sessionkeep-throttle'),
  version: z.literal(1),
  failures: z.number().int().min(0).max(1_000_000),
  nextAttemptAt: z.number().int().min(0),
  unlogged: z
    .array(
      z.strictObject({
        at: z.number().int().min(0),
        method: z.enum(attemptMethods),
        place: z.enum(attemptPlaces),
      }),
    )
    .max(MAX_UNLOGGED_ATTEMPTS),
});

/**
 * The state a throttle file holds. A file that cannot be read as ours (damaged, cut
 * short, edited) is taken as the strictest sane state: the longest wait, counted from
 * when the file was last written, plus one failure of unknown kind for the log. It
 * never stops an unlock for longer than MAX_DELAY_SECONDS and never throws.
 */
export function parseThrottleState(text: string, writtenAt: number): ThrottleState {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { failures, nextAttemptAt, unlogged } = parsed.data;
      return { failures, nextAttemptAt, unlogged };
    }
  } catch {
    // not JSON: handled below
  }
  return {
    failures: FREE_ATTEMPTS + 6,
    nextAttemptAt: writtenAt + MAX_DELAY_SECONDS * 1000,
    unlogged: [{ at: writtenAt, method: 'passphrase', place: 'unknown' }],
  };
}

export function throttleText(state: ThrottleState): string {
  return `${JSON.stringify({ format: 'sessionkeep-throttle', version: 1, ...state })}\n`;
}

/** Seconds until the next attempt is accepted; never more than MAX_DELAY_SECONDS (a clock set back, a crafted file). */
export function secondsToWait(state: ThrottleState, now: number): number {
  return Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((state.nextAttemptAt - now) / 1000)));
}

export function afterFailure(state: ThrottleState, attempt: FailedAttempt, keepForLog: boolean): ThrottleState {
  const failures = state.failures + 1;
  const unlogged =
    keepForLog && state.unlogged.length < MAX_UNLOGGED_ATTEMPTS ? [...state.unlogged, attempt] : state.unlogged;
  return { failures, nextAttemptAt: attempt.at + delayAfterFailures(failures) * 1000, unlogged };
}

/** The throttle over its file. Reads the file every time: two cores over one folder agree. */
export class UnlockThrottle {
  constructor(
    private readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  state(): ThrottleState {
    let writtenAt: number;
    try {
      writtenAt = Math.round(Math.min(statSync(this.path).mtimeMs, this.now()));
    } catch (error) {
      // Missing: no recent failures. Not even stat-able: nothing to count from, and a
      // wait that restarts at every look would lock the therapist out.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        console.error(`UnlockThrottle.state: cannot read (${(error as NodeJS.ErrnoException).code})`);
      }
      return cleanState;
    }
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      // Unreadable (a folder in its place, no permission): the strictest sane state, from its mtime.
    }
    const state = parseThrottleState(text, writtenAt);
    // However the file came to say so, no wait outlasts a minute after it was written.
    return { ...state, nextAttemptAt: Math.min(state.nextAttemptAt, writtenAt + MAX_DELAY_SECONDS * 1000) };
  }

  /** Seconds until the next attempt is accepted (0 when it may go ahead now). */
  secondsToWait(): number {
    return secondsToWait(this.state(), this.now());
  }

  /**
   * Counts a failure; `keepForLog` when there is no open vault to log it in now. A
   * failure to write the file is reported but never hides the wrong-passphrase answer.
   */
  recordFailure(method: AttemptMethod, place: AttemptPlace, keepForLog: boolean): FailedAttempt {
    const attempt = { at: this.now(), method, place };
    this.write(afterFailure(this.state(), attempt, keepForLog));
    return attempt;
  }

  /** The failures waiting for the activity log, in order. */
  unlogged(): FailedAttempt[] {
    return this.state().unlogged;
  }

  /** A correct secret: the count starts over and the logged failures are dropped. */
  recordSuccess(): void {
    try {
      rmSync(this.path, { force: true });
    } catch (error) {
      console.error(`UnlockThrottle.recordSuccess: could not reset (${(error as NodeJS.ErrnoException).code})`);
    }
  }

  private write(state: ThrottleState): void {
    try {
      writeFileAtomic(this.path, throttleText(state));
    } catch (error) {
      console.error(`UnlockThrottle.write: could not save (${(error as NodeJS.ErrnoException).code})`);
    }
  }
}
