/**
 * Revision coalescing: autosaves land every second or so, but the history keeps at
 * most one revision per minute of editing (the newest state of that minute), plus
 * one at signing and one at each restore.
 */
export const REVISION_WINDOW_MS = 60_000;

export type LastRevision = { createdAt: string; reason: 'autosave' | 'signing' | 'restore' } | null;

export function revisionAction(last: LastRevision, now: Date): 'update' | 'insert' {
  if (last?.reason !== 'autosave') return 'insert';
  return now.getTime() - Date.parse(last.createdAt) < REVISION_WINDOW_MS ? 'update' : 'insert';
}
