/**
 * The autosave controller for one note: framework-free so it can be tested with fake
 * timers. Fields tell it *that* they changed and hand over a getter; the value is read
 * only when a save goes out, so a rich-text field is never serialised per keystroke
 * (tiptap-markdown#32: serialising a large doc on every update froze the editor).
 *
 * Timing: a save goes out at most `debounceMs` after typing pauses and at least every
 * `maxWaitMs` during continuous typing, so at most a few seconds of typing are ever
 * unsaved (the RPO target in performance-security.md §4). One save is in flight at a
 * time; a failed save keeps its changes and retries with backoff, so nothing typed is
 * dropped (Standard Notes forum#195: "All changes saved" while the text was lost).
 */

export type SaveStatus =
  | { state: 'saved'; at: Date }
  | { state: 'saving' }
  | { state: 'dirty' }
  | { state: 'error'; message: string; code: string }
  /** A field holds a value the note cannot take: it is marked there and not sent until corrected. */
  | { state: 'invalid'; message: string };

export type Changes = Record<string, unknown>;
type Getter = () => unknown;

export type AutosaveOptions = {
  /** Sends the changed fields (field id → value). Rejects on failure. */
  save: (changes: Changes) => Promise<unknown>;
  /** Turns a rejection into a code and a message for the therapist. */
  describeError?: (error: unknown) => { code: string; message: string };
  /** Called on every status change (also available through subscribe). */
  onStatus?: (status: SaveStatus) => void;
  debounceMs?: number;
  maxWaitMs?: number;
  /** Delays between retries after a failure; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
};

/** Retrying cannot help: the note was signed elsewhere (e.g. in another window). */
const PERMANENT_CODES = new Set(['NOTE_SIGNED']);
/**
 * Resending the same value cannot help either: it is refused again. The next change
 * (the therapist correcting it) saves as usual, so the status recovers without Retry.
 */
const WAIT_FOR_CHANGE_CODES = new Set(['INVALID_REQUEST']);

function defaultDescribe(error: unknown): { code: string; message: string } {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    return { code: String(error.code), message: String(error.message) };
  }
  return { code: 'INTERNAL', message: 'The note could not be saved.' };
}

export class AutosaveController {
  private readonly options: Required<Omit<AutosaveOptions, 'onStatus'>> & Pick<AutosaveOptions, 'onStatus'>;
  /** Fields changed since the last save went out, with how to read their value now. */
  private dirty = new Map<string, Getter>();
  private inFlight: Promise<void> | null = null;
  /** A timer fired or flush() was called while a save was in flight: save again after it. */
  private again = false;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private maxWaitTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;
  private disposed = false;
  private current: SaveStatus | null = null;
  /** Fields whose typed value cannot be saved (key → the therapist's message), in the order marked. */
  private readonly problems = new Map<string, string>();
  private readonly listeners = new Set<(status: SaveStatus) => void>();

  constructor(options: AutosaveOptions) {
    this.options = {
      describeError: defaultDescribe,
      debounceMs: 1000,
      maxWaitMs: 5000,
      retryDelaysMs: [1000, 2000, 5000, 10_000],
      now: () => new Date(),
      ...options,
    };
  }

  /** The last reported status, or null before anything happened. */
  get status(): SaveStatus | null {
    return this.current;
  }

  /** True while something typed has not been confirmed saved. */
  get hasUnsaved(): boolean {
    return this.dirty.size > 0 || this.inFlight !== null;
  }

  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A field marks (message) or clears (null) a value it cannot hand over. While any is
   * marked the status says "Not saved" with its message; once the last is corrected the
   * status comes back by itself. `key` is unique per control (a row's field has its own).
   */
  setProblem(key: string, message: string | null): void {
    if (this.disposed) return;
    const had = this.problems.size > 0;
    if (message === null) this.problems.delete(key);
    else this.problems.set(key, message);
    if (this.problems.size > 0) {
      this.report(this.current ?? { state: 'saved', at: this.options.now() });
    } else if (had && this.current?.state !== 'error') {
      // Back to what the saving itself says: saved, or changes still to go out.
      const pending = this.dirty.size > 0 || this.inFlight !== null;
      this.report(pending ? { state: 'dirty' } : { state: 'saved', at: this.options.now() });
    }
  }

  /** A field changed: remember how to read it; its value is read when the save goes out. */
  change(fieldId: string, read: Getter): void {
    if (this.disposed) return;
    this.dirty.set(fieldId, read);
    // A refused value waits for this change (its correction): save it on the usual debounce.
    if (this.current?.state === 'error' && WAIT_FOR_CHANGE_CODES.has(this.current.code) && !this.retryTimer) {
      this.report({ state: 'dirty' });
    }
    // Reported once per burst of typing, not per keystroke; an error stays shown until a save succeeds.
    const shown = this.current?.state;
    if (shown !== 'error' && shown !== 'dirty' && !this.inFlight) this.report({ state: 'dirty' });
    // While failing, the retry timer carries every change; typing does not hammer a broken disk.
    if (this.retryTimer || this.stopped) return;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.fire(), this.options.debounceMs);
    this.maxWaitTimer ??= setTimeout(() => this.fire(), this.options.maxWaitMs);
  }

  /** Saves now (field blur, note switch, lock, window closing). Never rejects. */
  flush(): Promise<void> {
    this.clearTimers();
    return this.run();
  }

  /** The therapist pressed Retry, or the reason for failing went away. */
  retry(): Promise<void> {
    this.stopped = false;
    this.failures = 0;
    return this.flush();
  }

  /**
   * The unsaved values, read now: kept by the caller when the note closes with a save
   * still failing (e.g. the vault locked), and handed back when it opens again.
   */
  unsavedValues(): Changes {
    const values: Changes = {};
    for (const [id, read] of this.dirty) values[id] = read();
    return values;
  }

  /** Stops all timers; pending changes stay readable through unsavedValues(). */
  dispose(): void {
    this.disposed = true;
    this.clearTimers();
    this.listeners.clear();
  }

  private fire(): void {
    this.clearTimers();
    void this.run();
  }

  private run(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    if (this.dirty.size === 0) return Promise.resolve();
    const flight = this.send().then((ok): Promise<void> | undefined => {
      this.inFlight = null;
      const again = this.again;
      this.again = false;
      // Changes that arrived mid-save go out now if a flush or a timer asked for them
      // meanwhile (also after dispose(): the closing save must not leave any behind).
      // After a failure the retry timer carries them instead.
      if (again && ok && this.dirty.size > 0) return this.run();
      return undefined;
    });
    this.inFlight = flight;
    return flight;
  }

  /** Sends what is dirty now; true when it was saved. */
  private async send(): Promise<boolean> {
    const sending = this.dirty;
    this.dirty = new Map();
    const changes: Changes = {};
    for (const [id, read] of sending) {
      try {
        changes[id] = read();
      } catch {
        // A field that cannot be read now stays dirty rather than being dropped.
        if (!this.dirty.has(id)) this.dirty.set(id, read);
      }
    }
    if (Object.keys(changes).length === 0) return false;
    this.report({ state: 'saving' });
    try {
      await this.options.save(changes);
      this.failures = 0;
      this.report(this.dirty.size > 0 ? { state: 'dirty' } : { state: 'saved', at: this.options.now() });
      return true;
    } catch (error) {
      // Keep what failed, unless the field changed again meanwhile (its newer getter wins).
      // The value itself is kept, not the getter: the field may be gone by the retry.
      for (const [id, value] of Object.entries(changes)) if (!this.dirty.has(id)) this.dirty.set(id, () => value);
      const { code, message } = this.options.describeError(error);
      this.report({ state: 'error', code, message });
      if (PERMANENT_CODES.has(code)) {
        this.stopped = true;
        this.clearTimers();
      } else if (WAIT_FOR_CHANGE_CODES.has(code)) {
        this.clearTimers();
      } else this.scheduleRetry();
      return false;
    }
  }

  private scheduleRetry(): void {
    if (this.disposed) return;
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 10_000;
    this.failures += 1;
    this.clearTimers();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.run();
    }, delay);
  }

  private clearTimers(): void {
    for (const timer of [this.debounceTimer, this.maxWaitTimer, this.retryTimer]) if (timer) clearTimeout(timer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
    this.retryTimer = null;
  }

  private report(status: SaveStatus): void {
    // A marked field outranks "Saved" and "Saving…": what is on screen is not all stored.
    // A failing save (error) keeps its own, more urgent message.
    const first = this.problems.values().next();
    const shown: SaveStatus =
      !first.done && status.state !== 'error' ? { state: 'invalid', message: first.value } : status;
    this.current = shown;
    this.options.onStatus?.(shown);
    for (const listener of this.listeners) listener(shown);
  }
}
