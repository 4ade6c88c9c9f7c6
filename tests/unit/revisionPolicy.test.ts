import { describe, expect, it } from 'vitest';
import { type LastRevision, REVISION_WINDOW_MS, revisionAction } from '../../electron/core/notes/revisionPolicy';

/** Revision coalescing (issue: at most one revision per minute of editing, plus one at signing). */
describe('revisionAction', () => {
  const at = (iso: string) => new Date(iso);
  const rows: { why: string; last: LastRevision; now: string; action: 'update' | 'insert' }[] = [
    { why: 'the first save starts a revision', last: null, now: '2026-01-01T10:00:00Z', action: 'insert' },
    {
      why: 'a save within the minute updates that minute’s revision',
      last: { createdAt: '2026-01-01T10:00:00Z', reason: 'autosave' },
      now: '2026-01-01T10:00:59.999Z',
      action: 'update',
    },
    {
      why: 'a save a minute later starts a new revision',
      last: { createdAt: '2026-01-01T10:00:00Z', reason: 'autosave' },
      now: new Date(Date.parse('2026-01-01T10:00:00Z') + REVISION_WINDOW_MS).toISOString(),
      action: 'insert',
    },
    {
      why: 'the signing revision is never overwritten',
      last: { createdAt: '2026-01-01T10:00:00Z', reason: 'signing' },
      now: '2026-01-01T10:00:01Z',
      action: 'insert',
    },
    {
      why: 'a restore is kept as its own revision',
      last: { createdAt: '2026-01-01T10:00:00Z', reason: 'restore' },
      now: '2026-01-01T10:00:01Z',
      action: 'insert',
    },
  ];
  it.each(rows)('$why', ({ last, now, action }) => {
    expect(revisionAction(last, at(now))).toBe(action);
  });
});
