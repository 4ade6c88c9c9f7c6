import { chainHash, GENESIS_HASH, writeHead } from '../../audit/auditChain';
import type { Migration } from './migration';

/**
 * The activity log becomes tamper-evident (issue 11): each row carries `prev_hash` (the
 * hash of the row before it) and `hash`, SHA-256 over the previous hash and the row's own
 * fields in a fixed encoding (audit/auditChain.ts). Deleting, inserting, renumbering,
 * backdating or editing a row breaks the chain at that row. Existing rows are chained
 * here, oldest first; the update trigger is lifted for that one pass and put back.
 * The newest row's id and hash go to vault_meta (`audit_head`), so a cut end shows too.
 */
export const migration0006AuditChain: Migration = {
  version: 6,
  name: 'audit chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT CHECK (prev_hash IS NULL OR length(prev_hash) = 64);
      ALTER TABLE audit_log ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);
      DROP TRIGGER audit_log_is_kept;
    `);
    const rows = db
      .prepare('SELECT id, at, action, entity_type, entity_id, detail_json FROM audit_log ORDER BY id')
      .iterate() as IterableIterator<{
      id: number;
      at: string;
      action: string;
      entity_type: string | null;
      entity_id: string | null;
      detail_json: string;
    }>;
    const seal = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    // Collected first: SQLite cannot update a table while a statement is still reading it.
    const sealed: [string, string, number][] = [];
    let previous = GENESIS_HASH;
    for (const row of rows) {
      const hash = chainHash(previous, {
        id: row.id,
        at: row.at,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        detailJson: row.detail_json,
      });
      sealed.push([previous, hash, row.id]);
      previous = hash;
    }
    for (const [prev, hash, id] of sealed) seal.run(prev, hash, id);
    const last = sealed[sealed.length - 1];
    if (last) writeHead(db, { id: last[2], hash: last[1] });
    db.exec(`
      CREATE TRIGGER audit_log_is_kept BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'HISTORY_FINAL'); END;
    `);
  },
};
