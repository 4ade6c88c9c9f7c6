/**
 * Slows down repeated wrong passphrases or recovery keys without ever locking the
 * therapist out: the first few mistakes cost nothing (typos happen), then the wait
 * doubles up to one minute, and a correct unlock resets it.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 60;

export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1));
}

export class UnlockThrottle {
  private failures = 0;
  private nextAttemptAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds until the next attempt is accepted (0 when it may go ahead now). */
  secondsToWait(): number {
    return Math.max(0, Math.ceil((this.nextAttemptAt - this.now()) / 1000));
  }

  recordFailure(): void {
    this.failures += 1;
    this.nextAttemptAt = this.now() + delayAfterFailures(this.failures) * 1000;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.nextAttemptAt = 0;
  }
}
