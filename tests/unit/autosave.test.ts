import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type Changes, type SaveStatus } from '../../renderer/src/notes/autosave';

/** A save function under the test's control: every call is recorded and settled by hand. */
function fakeSave() {
  const calls: { at: number; changes: Changes; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let auto: 'resolve' | 'manual' = 'resolve';
  const save = (changes: Changes) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ at: Date.now(), changes, resolve, reject });
      if (auto === 'resolve') resolve();
    });
  return {
    save,
    calls,
    manual() {
      auto = 'manual';
    },
    automatic() {
      auto = 'resolve';
    },
  };
}

function apiError(code: string, message = `failed: ${code}`) {
  return Object.assign(new Error(message), { code });
}

/** Lets settled promises run their continuations without moving the clock. */
async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

describe('AutosaveController', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-02T14:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves at most 1 s after the last change', async () => {
    const fake = fakeSave();
    const autosave = new AutosaveController({ save: fake.save });
    autosave.change('a', () => 'x');
    await vi.advanceTimersByTimeAsync(600);
    autosave.change('a', () => 'xy');
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.changes).toEqual({ a: 'xy' });
    expect(fake.calls[0]?.at).toBe(new Date('2026-03-02T14:00:00Z').getTime() + 1600);
  });

  it('saves at least every 5 s during continuous typing', async () => {
    const fake = fakeSave();
    const autosave = new AutosaveController({ save: fake.save });
    const start = Date.now();
    let text = '';
    for (let elapsed = 0; elapsed < 12_000; elapsed += 200) {
      text += 'k';
      const snapshot = text;
      autosave.change('body', () => snapshot);
      await vi.advanceTimersByTimeAsync(200);
    }
    // Typing stopped at 12 s; the pause save follows within 1 s.
    await vi.advanceTimersByTimeAsync(1000);
    const times = [start, ...fake.calls.map((call) => call.at)];
    expect(fake.calls.length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < times.length; index++) {
      expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeLessThanOrEqual(5000);
    }
    expect(fake.calls.at(-1)?.changes).toEqual({ body: 'k'.repeat(60) });
  });

  it('flush() saves immediately', async () => {
    const fake = fakeSave();
    const autosave = new AutosaveController({ save: fake.save });
    autosave.change('a', () => 1);
    await autosave.flush();
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.at).toBe(Date.now());
    // The debounce timer was cancelled: nothing more goes out.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.calls).toHaveLength(1);
  });

  it('flush() with nothing changed sends nothing', async () => {
    const fake = fakeSave();
    const autosave = new AutosaveController({ save: fake.save });
    await autosave.flush();
    expect(fake.calls).toHaveLength(0);
  });

  it('sends only the fields that changed since the last save', async () => {
    const fake = fakeSave();
    const autosave = new AutosaveController({ save: fake.save });
    autosave.change('a', () => 'one');
    autosave.change('b', () => 'two');
    await autosave.flush();
    autosave.change('b', () => 'three');
    await autosave.flush();
    expect(fake.calls.map((call) => call.changes)).toEqual([{ a: 'one', b: 'two' }, { b: 'three' }]);
  });

  it('reads values when the save goes out, not when the change is reported', async () => {
    const fake = fakeSave();
    const autosave = new AutosaveController({ save: fake.save });
    let doc = 'first';
    const read = vi.fn(() => doc);
    autosave.change('notes', read);
    autosave.change('notes', read);
    doc = 'second';
    expect(read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(fake.calls[0]?.changes).toEqual({ notes: 'second' });
  });

  it('sends a change made during an in-flight save in the next save', async () => {
    const fake = fakeSave();
    fake.manual();
    const autosave = new AutosaveController({ save: fake.save });
    autosave.change('a', () => 'one');
    const first = autosave.flush();
    expect(fake.calls).toHaveLength(1);
    autosave.change('b', () => 'two');
    const second = autosave.flush(); // asks while the first is still in flight
    expect(fake.calls).toHaveLength(1); // one save in flight at a time
    fake.calls[0]?.resolve();
    await settle();
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1]?.changes).toEqual({ b: 'two' });
    fake.calls[1]?.resolve();
    // Both flushes resolve once the queued save is done too.
    await Promise.all([first, second]);
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('a timer firing during an in-flight save waits for it, then sends', async () => {
    const fake = fakeSave();
    fake.manual();
    const autosave = new AutosaveController({ save: fake.save });
    autosave.change('a', () => 'one');
    await vi.advanceTimersByTimeAsync(1000);
    autosave.change('a', () => 'one more');
    await vi.advanceTimersByTimeAsync(3000);
    expect(fake.calls).toHaveLength(1);
    fake.calls[0]?.resolve();
    await settle();
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1]?.changes).toEqual({ a: 'one more' });
  });

  it('keeps changes after a failure and retries with backoff (1 s, 2 s, 5 s, then 10 s) until it succeeds', async () => {
    let failuresLeft = 5;
    const attempts: { at: number; changes: Changes }[] = [];
    const statuses: SaveStatus[] = [];
    const autosave = new AutosaveController({
      save: async (changes) => {
        attempts.push({ at: Date.now(), changes });
        if (failuresLeft-- > 0) throw apiError('DISK_FULL', 'The disk is full.');
      },
      onStatus: (status) => statuses.push(status),
    });
    autosave.change('a', () => 'kept');
    await autosave.flush();
    expect(statuses.at(-1)).toEqual({ state: 'error', code: 'DISK_FULL', message: 'The disk is full.' });
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 5000 + 10_000 + 10_000);
    const gaps = attempts.slice(1).map((attempt, index) => attempt.at - (attempts[index]?.at ?? start));
    expect(gaps).toEqual([1000, 2000, 5000, 10_000, 10_000]);
    expect(attempts.every((attempt) => attempt.changes.a === 'kept')).toBe(true);
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: new Date(Date.now()) });
    // After the success, no more retries.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toHaveLength(6);
  });

  it('retry() sends at once and a newer value wins over the failed one', async () => {
    let fail = true;
    const sent: Changes[] = [];
    const autosave = new AutosaveController({
      save: async (changes) => {
        sent.push(changes);
        if (fail) throw apiError('READ_ONLY');
      },
    });
    autosave.change('a', () => 'old');
    autosave.change('b', () => 'b');
    await autosave.flush();
    autosave.change('a', () => 'new');
    fail = false;
    await autosave.retry();
    expect(sent.at(-1)).toEqual({ a: 'new', b: 'b' });
    expect(autosave.status?.state).toBe('saved');
  });

  it('stops retrying when the note was signed (NOTE_SIGNED) and reports it', async () => {
    const attempts: Changes[] = [];
    const autosave = new AutosaveController({
      save: async (changes) => {
        attempts.push(changes);
        throw apiError('NOTE_SIGNED', 'This note is signed.');
      },
    });
    autosave.change('a', () => 'late');
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(120_000);
    autosave.change('a', () => 'later');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempts).toHaveLength(1);
    expect(autosave.status).toEqual({ state: 'error', code: 'NOTE_SIGNED', message: 'This note is signed.' });
    // What was typed is still readable, to show or copy.
    expect(autosave.unsavedValues()).toEqual({ a: 'later' });
  });

  it('a refused value (INVALID_REQUEST) is not resent on a timer; its correction saves by itself, without Retry', async () => {
    const attempts: Changes[] = [];
    const autosave = new AutosaveController({
      save: async (changes) => {
        attempts.push(changes);
        if (changes.duration === 700) throw apiError('INVALID_REQUEST', 'Duration must be at most 600.');
      },
    });
    autosave.change('duration', () => 700);
    await autosave.flush();
    expect(autosave.status).toMatchObject({ state: 'error', code: 'INVALID_REQUEST' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempts).toHaveLength(1);
    autosave.change('duration', () => 50);
    expect(autosave.status).toEqual({ state: 'dirty' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempts).toEqual([{ duration: 700 }, { duration: 50 }]);
    expect(autosave.status).toEqual({ state: 'saved', at: new Date('2026-03-02T14:02:01Z') });
  });

  it('a field marked as not savable holds "invalid" over saved and saving, and the status recovers when cleared', async () => {
    const saves = fakeSave();
    const seen: SaveStatus[] = [];
    const autosave = new AutosaveController({ save: saves.save, onStatus: (status) => seen.push(status) });
    const rows: { step: string; act: () => Promise<unknown> | unknown; status: SaveStatus['state'] }[] = [
      {
        step: 'duration marked',
        act: () => autosave.setProblem('field-duration', 'Duration: Enter at most 600.'),
        status: 'invalid',
      },
      {
        step: 'another field saves meanwhile',
        act: () => {
          autosave.change('summary', () => 'x');
          return autosave.flush();
        },
        status: 'invalid',
      },
      {
        step: 'a second mark',
        act: () => autosave.setProblem('field-thoughtRecord-0-belief', 'Belief: 0 to 100.'),
        status: 'invalid',
      },
      { step: 'the first corrected', act: () => autosave.setProblem('field-duration', null), status: 'invalid' },
      {
        step: 'the last corrected',
        act: () => autosave.setProblem('field-thoughtRecord-0-belief', null),
        status: 'saved',
      },
      {
        step: 'clearing again changes nothing',
        act: () => autosave.setProblem('field-duration', null),
        status: 'saved',
      },
    ];
    for (const row of rows) {
      await row.act();
      await settle();
      expect(autosave.status?.state, row.step).toBe(row.status);
    }
    // The message shown is the earliest mark still standing.
    expect(seen.find((status) => status.state === 'invalid')).toEqual({
      state: 'invalid',
      message: 'Duration: Enter at most 600.',
    });
    expect(saves.calls.map((call) => call.changes)).toEqual([{ summary: 'x' }]);
  });

  it('a mark cleared while a change waits reports "dirty", then saves as usual', async () => {
    const saves = fakeSave();
    const autosave = new AutosaveController({ save: saves.save });
    autosave.setProblem('field-duration', 'Duration: Enter at most 600.');
    autosave.change('duration', () => 50);
    autosave.setProblem('field-duration', null);
    expect(autosave.status).toEqual({ state: 'dirty' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.calls.map((call) => call.changes)).toEqual([{ duration: 50 }]);
    expect(autosave.status?.state).toBe('saved');
  });

  it('a failing save keeps its error shown when a mark is cleared', async () => {
    const autosave = new AutosaveController({
      save: async () => {
        throw apiError('VAULT_LOCKED', 'The vault is locked.');
      },
    });
    autosave.setProblem('field-duration', 'Duration: Enter at most 600.');
    autosave.change('summary', () => 'x');
    await autosave.flush();
    expect(autosave.status).toMatchObject({ state: 'error', code: 'VAULT_LOCKED' });
    autosave.setProblem('field-duration', null);
    expect(autosave.status).toMatchObject({ state: 'error', code: 'VAULT_LOCKED' });
    autosave.dispose();
  });

  it('loses nothing across failures: what was saved equals everything changed', async () => {
    const saved: Changes = {};
    let call = 0;
    const autosave = new AutosaveController({
      save: async (changes) => {
        call += 1;
        // Every third save fails.
        if (call % 3 === 0) throw apiError('DISK_FULL');
        Object.assign(saved, changes);
      },
    });
    const latest: Record<string, string> = {};
    for (let step = 0; step < 200; step++) {
      const field = `f${step % 7}`;
      const value = `${field}@${step}`;
      latest[field] = value;
      autosave.change(field, () => value);
      await vi.advanceTimersByTimeAsync(step % 11 === 0 ? 1500 : 150);
    }
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(autosave.hasUnsaved).toBe(false);
    expect(saved).toEqual(latest);
  });

  it('reports dirty, saving and saved (with the time) in order', async () => {
    const fake = fakeSave();
    const statuses: string[] = [];
    const autosave = new AutosaveController({ save: fake.save });
    autosave.subscribe((status) => statuses.push(status.state));
    autosave.change('a', () => 1);
    await autosave.flush();
    expect(statuses).toEqual(['dirty', 'saving', 'saved']);
    expect(autosave.status).toEqual({ state: 'saved', at: new Date('2026-03-02T14:00:00Z') });
  });

  it('a closing flush (after dispose) still sends what was typed during the in-flight save', async () => {
    const fake = fakeSave();
    fake.manual();
    const autosave = new AutosaveController({ save: fake.save });
    autosave.change('a', () => 'one');
    void autosave.flush();
    autosave.change('b', () => 'typed while saving');
    const closing = autosave.flush();
    autosave.dispose();
    fake.calls[0]?.resolve();
    await settle();
    fake.calls[1]?.resolve();
    await closing;
    expect(fake.calls.map((call) => call.changes)).toEqual([{ a: 'one' }, { b: 'typed while saving' }]);
  });

  it('after dispose, a failed flush keeps its values for the next time the note opens', async () => {
    const autosave = new AutosaveController({
      save: async () => {
        throw apiError('VAULT_LOCKED');
      },
    });
    let doc = 'typed just before the lock';
    autosave.change('a', () => doc);
    const flushed = autosave.flush();
    autosave.dispose();
    await flushed;
    doc = 'changed after the editor is gone';
    expect(autosave.unsavedValues()).toEqual({ a: 'typed just before the lock' });
    await vi.advanceTimersByTimeAsync(60_000);
  });
});
