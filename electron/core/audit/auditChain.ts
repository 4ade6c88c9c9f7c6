import { createHash } from 'node:crypto';
import type { VaultDb } from '../db/database';

/**
 * The activity log's hash chain (issue 11). Each row's hash is SHA-256 over the previous
 * row's hash and the row's own fields, so a row deleted, inserted, renumbered, backdated
 * or edited breaks the chain at that row. The newest row's id and hash are also kept in
 * vault_meta (`audit_head`), so rows cut from the end are noticed too.
 *
 * What it cannot do: someone holding the data key who rewrites every later hash (and the
 * head) after a change leaves a consistent chain. It turns silent edits by SQL into
 * visible ones; it is not a signature.
 */

export const GENESIS_HASH = '0'.repeat(64);
export const AUDIT_HEAD_KEY = 'audit_head';

export type ChainedFields = {
  id: number;
  at: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  /** As stored: a row whose detail no longer parses still has a hash. */
  detailJson: string;
};

/**
 * The canonical encoding: a JSON array in a fixed order (JSON.stringify escapes strings
 * the same way every time, and an array has no key order to vary).
 */
export function chainHash(previousHash: string, row: ChainedFields): string {
  const encoded = JSON.stringify([
    'sessionkeep-audit-v1',
    previousHash,
    row.id,
    row.at,
    row.action,
    row.entityType,
    row.entityId,
    row.detailJson,
  ]);
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

export type ChainHead = { id: number; hash: string };

export function readHead(db: VaultDb): ChainHead | null {
  const row = db.prepare('SELECT value FROM vault_meta WHERE key = ?').get(AUDIT_HEAD_KEY) as
    | { value: string }
    | undefined;
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.value) as Partial<ChainHead>;
    return typeof parsed.id === 'number' && typeof parsed.hash === 'string'
      ? { id: parsed.id, hash: parsed.hash }
      : null;
  } catch {
    return null;
  }
}

export function writeHead(db: VaultDb, head: ChainHead): void {
  db.prepare(
    'INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(AUDIT_HEAD_KEY, JSON.stringify(head));
}

export type ChainProblem = 'edited' | 'broken-link' | 'unsealed' | 'end-missing' | 'end-changed';

export type ChainCheck = {
  intact: boolean;
  entries: number;
  checkedAt: string;
  /** How long the walk took, for the record (100k rows: see tests/unit/auditChain.test.ts). */
  millis: number;
  /** The first row that does not hold, and the row before it (null: the first row). */
  firstBad: { id: number; previousId: number | null; problem: ChainProblem } | null;
};

type StoredRow = {
  id: number;
  at: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail_json: string;
  prev_hash: string | null;
  hash: string | null;
};

/**
 * Walks the whole log oldest first, one row at a time (an iterator, never the whole
 * table in memory), and reports the first row that breaks the chain.
 */
export function verifyChain(db: VaultDb, now: Date = new Date()): ChainCheck {
  const started = performance.now();
  const rows = db
    .prepare('SELECT id, at, action, entity_type, entity_id, detail_json, prev_hash, hash FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<StoredRow>;
  let previousHash = GENESIS_HASH;
  let previousId: number | null = null;
  let entries = 0;
  let firstBad: ChainCheck['firstBad'] = null;
  for (const row of rows) {
    entries++;
    if (firstBad) continue;
    const problem = rowProblem(row, previousHash);
    if (problem) firstBad = { id: row.id, previousId, problem };
    previousHash = row.hash ?? '';
    previousId = row.id;
  }
  if (!firstBad) {
    const head = readHead(db);
    if (head && previousId === null && head.id > 0) {
      firstBad = { id: head.id, previousId: null, problem: 'end-missing' };
    } else if (head && previousId !== null && head.id > previousId) {
      firstBad = { id: head.id, previousId, problem: 'end-missing' };
    } else if (head && previousId !== null && (head.id !== previousId || head.hash !== previousHash)) {
      firstBad = { id: previousId, previousId: null, problem: 'end-changed' };
    }
  }
  return {
    intact: firstBad === null,
    entries,
    checkedAt: now.toISOString(),
    millis: Math.round(performance.now() - started),
    firstBad,
  };
}

function rowProblem(row: StoredRow, previousHash: string): ChainProblem | null {
  if (row.hash === null || row.prev_hash === null) return 'unsealed';
  if (row.prev_hash !== previousHash) return 'broken-link';
  const expected = chainHash(row.prev_hash, {
    id: row.id,
    at: row.at,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    detailJson: row.detail_json,
  });
  return expected === row.hash ? null : 'edited';
}

/** What the therapist reads: the first bad row by number, and what is wrong with it. */
export function chainMessage(check: ChainCheck): string {
  if (!check.firstBad) return `The log is intact (${check.entries} ${check.entries === 1 ? 'entry' : 'entries'}).`;
  const { id, previousId, problem } = check.firstBad;
  switch (problem) {
    case 'edited':
      return `The log was altered: entry #${id} was changed after it was written.`;
    case 'broken-link':
      return previousId === null
        ? `The log was altered: entry #${id} is not the first entry that was written (entries before it were removed).`
        : `The log was altered: entry #${id} does not follow #${previousId} (entries were removed, inserted or renumbered here).`;
    case 'unsealed':
      return `The log was altered: entry #${id} was added without its seal.`;
    case 'end-missing':
      return previousId === null
        ? `The log was altered: every entry up to #${id} was removed.`
        : `The log was altered: the entries after #${previousId} (up to #${id}) were removed.`;
    case 'end-changed':
      return `The log was altered: its last entry (#${id}) is not the one that was written last.`;
  }
}
