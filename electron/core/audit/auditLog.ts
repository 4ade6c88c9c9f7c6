import { type AuditEntry, auditDetailSchema } from '../../../shared/ipc/contract';
import type { VaultDb } from '../db/database';
import type { AuditEvent } from './auditPolicy';

/**
 * The activity log as plain functions over the vault database (table audit_log,
 * migration 0005). Append-only: there is no update or delete here, and the table's
 * triggers refuse both.
 */

type Row = {
  id: number;
  at: string;
  action: AuditEntry['action'];
  entity_type: AuditEntry['entityType'];
  entity_id: string | null;
  detail_json: string;
};

const toEntry = (row: Row): AuditEntry => ({
  id: row.id,
  at: row.at,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  detail: JSON.parse(row.detail_json) as AuditEntry['detail'],
});

/**
 * Appends one event. Also the entry point for features outside the IPC table
 * (backup: 'backup.made' / 'backup.failed', 'restore', 'export'). The detail is
 * checked against its schema so free text cannot slip in by accident.
 */
export function recordAudit(db: VaultDb, event: AuditEvent, at: Date = new Date()): void {
  const detail = auditDetailSchema.parse(event.detail);
  db.prepare('INSERT INTO audit_log (at, action, entity_type, entity_id, detail_json) VALUES (?, ?, ?, ?, ?)').run(
    at.toISOString(),
    event.action,
    event.entityType,
    event.entityId,
    JSON.stringify(detail),
  );
}

/** One page, newest first; `nextBefore` continues with older entries (null: no more). */
export function listAudit(
  db: VaultDb,
  { before, limit }: { before?: number; limit: number },
): { entries: AuditEntry[]; nextBefore: number | null } {
  const rows = db
    .prepare(
      `SELECT id, at, action, entity_type, entity_id, detail_json FROM audit_log
       WHERE id < ? ORDER BY id DESC LIMIT ?`,
    )
    .all(before ?? Number.MAX_SAFE_INTEGER, limit + 1) as Row[];
  const page = rows.slice(0, limit).map(toEntry);
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
