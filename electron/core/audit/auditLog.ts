import {
  type AuditChainState,
  type AuditEntry,
  auditDetailSchema,
  auditEntrySchema,
  type DamagedAuditEntry,
} from '../../../shared/ipc/contract';
import type { VaultDb } from '../db/database';
import { chainHash, chainMessage, GENESIS_HASH, readHead, verifyChain, writeHead } from './auditChain';
import type { AuditEvent } from './auditPolicy';

/**
 * The activity log as plain functions over the vault database (table audit_log,
 * migrations 0005 and 0006). Append-only: there is no update or delete here, and the
 * table's triggers refuse both; each row is sealed into a hash chain (auditChain.ts).
 */

type Row = {
  id: number;
  at: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail_json: string;
};

/**
 * A row as the screen shows it. A row the app cannot read (detail that is not JSON or
 * not the expected shape, an action or entity type it does not know) becomes a damaged
 * entry with what is wrong, so one bad row never breaks the whole log.
 */
export function toListEntry(row: Row): AuditEntry | DamagedAuditEntry {
  const damaged = (problem: string): DamagedAuditEntry => ({
    id: row.id,
    at: row.at.slice(0, 64),
    damaged: true,
    action: row.action.slice(0, 64),
    problem,
  });
  let detail: unknown;
  try {
    detail = JSON.parse(row.detail_json);
  } catch {
    return damaged('Its detail is not readable.');
  }
  const parsed = auditEntrySchema.safeParse({
    id: row.id,
    at: row.at,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    detail,
  });
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path[0];
  if (field === 'action') return damaged('Its action is not one Sessionkeep records.');
  if (field === 'entityType') return damaged('It names a kind of record Sessionkeep does not know.');
  if (field === 'detail') return damaged('Its detail is not in the expected form.');
  return damaged('It is not in the expected form.');
}

/**
 * Appends one event. Also the entry point for features outside the IPC table
 * (backup: 'backup.made' / 'backup.failed', 'restore', 'export'). The detail is
 * checked against its schema so free text cannot slip in by accident. The row is
 * sealed into the hash chain (auditChain.ts) and becomes the chain's head, in one
 * transaction.
 */
export function recordAudit(db: VaultDb, event: AuditEvent, at: Date = new Date()): void {
  const detail = auditDetailSchema.parse(event.detail);
  db.transaction(() => {
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      | { id: number; hash: string | null }
      | undefined;
    // Chained to the head kept in vault_meta (what was written last), not to whatever row
    // is last now: rows cut from the end, or one slipped in after it, stay a visible break
    // even after new entries, instead of being papered over by the next append.
    const head = readHead(db);
    const fields = {
      id: Math.max(last?.id ?? 0, head?.id ?? 0) + 1,
      at: at.toISOString(),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      detailJson: JSON.stringify(detail),
    };
    const previousHash = head?.hash ?? (last ? (last.hash ?? '') : GENESIS_HASH);
    const hash = chainHash(previousHash, fields);
    db.prepare(
      `INSERT INTO audit_log (id, at, action, entity_type, entity_id, detail_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      fields.id,
      fields.at,
      fields.action,
      fields.entityType,
      fields.entityId,
      fields.detailJson,
      previousHash.length === 64 ? previousHash : null,
      hash,
    );
    writeHead(db, { id: fields.id, hash });
  })();
}

/** One page, newest first; `nextBefore` continues with older entries (null: no more). */
export function listAudit(
  db: VaultDb,
  { before, limit }: { before?: number; limit: number },
): { entries: (AuditEntry | DamagedAuditEntry)[]; nextBefore: number | null } {
  const rows = db
    .prepare(
      `SELECT id, at, action, entity_type, entity_id, detail_json FROM audit_log
       WHERE id < ? ORDER BY id DESC LIMIT ?`,
    )
    .all(before ?? Number.MAX_SAFE_INTEGER, limit + 1) as Row[];
  const page = rows.slice(0, limit).map(toListEntry);
  const last = page[page.length - 1];
  return { entries: page, nextBefore: rows.length > limit && last ? last.id : null };
}

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole log, oldest first, as CSV text (the renderer offers it as a download). */
export function auditCsv(db: VaultDb): { csv: string; count: number } {
  const rows = db
    .prepare('SELECT id, at, action, entity_type, entity_id, detail_json FROM audit_log ORDER BY id')
    .all() as Row[];
  const lines = [['id', 'at', 'action', 'entity_type', 'entity_id', 'detail'].join(',')];
  for (const row of rows) {
    const cells = [String(row.id), row.at, row.action, row.entity_type ?? '', row.entity_id ?? '', row.detail_json];
    lines.push(cells.map(csvCell).join(','));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, count: rows.length };
}

/** The chain checked now, with the sentence the Settings screen shows. */
export function checkAuditChain(db: VaultDb, now: Date): AuditChainState {
  const check = verifyChain(db, now);
  return { ...check, message: chainMessage(check) };
}
