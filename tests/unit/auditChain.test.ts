import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, verifyChain } from '../../electron/core/audit/auditChain';
import { recordAudit } from '../../electron/core/audit/auditLog';
import { type Core, createCore } from '../../electron/core/core';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { emptyClientInput } from '../../shared/clients/client';
import type { AuditChainState } from '../../shared/ipc/contract';
import { expectOk, makeTempFolder, openRawVaultDb, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * The activity log's hash chain against a real vault: intact after real use, and each
 * kind of tampering by someone holding the key (who drops the append-only triggers with
 * raw SQL, as an attacker would) is noticed at the next unlock, naming the first bad row.
 */

let root: string;
let core: Core;
let dataKey: Buffer;

beforeEach(async () => {
  root = makeTempFolder('audit-chain');
  core = createCore({ folder: join(root, 'vault') });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  dataKey = await core.vault.withUnlocked((_db, key) => Buffer.from(key));
  for (const name of ['Amara Okafor', 'Bob Green', 'Chen Wei']) {
    expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: name } }));
  }
  expectOk(await core.handle('settings:update', { therapistName: 'Dr Ana Ruiz' }));
});

afterEach(async () => {
  await core.shutdown();
  removeFolder(root);
});

const verify = async (again = false) => expectOk<AuditChainState>(await core.handle('audit:verify', { again }));

/** Locks, changes the log with raw SQL and the key (triggers dropped first), unlocks. */
async function tamper(sql: (db: Database.Database) => void): Promise<void> {
  expectOk(await core.handle('vault:lock', {}));
  const db = openRawVaultDb(join(root, 'vault', 'vault.db'), dataKey);
  try {
    db.exec('DROP TRIGGER audit_log_is_kept; DROP TRIGGER audit_log_is_never_deleted;');
    sql(db);
  } finally {
    db.close();
  }
  expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
}

const ids = () => core.vault.db().prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];

describe('the chain after real use', () => {
  it('is intact, counts every entry, and follows every append', async () => {
    const first = await verify(true);
    expect(first).toMatchObject({ intact: true, firstBad: null, entries: ids().length });
    expect(first.message).toBe(`The log is intact (${ids().length} entries).`);
    // Lock and unlock append entries; the check made at unlock is the one kept.
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const atUnlock = await verify();
    expect(atUnlock.intact).toBe(true);
    expect((await verify(true)).entries).toBe(ids().length);
  });
});

describe('tampering with the key is noticed at the next unlock, at the first bad row', () => {
  it('a row deleted in the middle', async () => {
    const [, second, third] = ids();
    await tamper((db) => db.prepare('DELETE FROM audit_log WHERE id = ?').run(second));
    const check = await verify();
    expect(check).toMatchObject({
      intact: false,
      firstBad: { id: third, previousId: ids()[0], problem: 'broken-link' },
    });
    expect(check.message).toBe(
      `The log was altered: entry #${third} does not follow #${ids()[0]} (entries were removed, inserted or renumbered here).`,
    );
  });

  it('the first row deleted', async () => {
    const [first, second] = ids();
    await tamper((db) => db.prepare('DELETE FROM audit_log WHERE id = ?').run(first));
    expect((await verify()).firstBad).toEqual({ id: second, previousId: null, problem: 'broken-link' });
  });

  it('the last rows deleted (cut from the end), and new entries after the cut', async () => {
    const all = ids();
    const keep = all[all.length - 3] as number;
    await tamper((db) => db.prepare('DELETE FROM audit_log WHERE id > ?').run(keep));
    // At unlock (before the unlock itself is logged): the end kept in the vault is gone.
    const head = Math.max(...all) + 1; // the lock written by tamper()
    const atUnlock = await verify();
    expect(atUnlock.firstBad).toEqual({ id: head, previousId: keep, problem: 'end-missing' });
    expect(atUnlock.message).toBe(`The log was altered: the entries after #${keep} (up to #${head}) were removed.`);
    // New entries chain to what was written last, so the cut stays visible after them.
    expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Later' } }));
    const later = await verify(true);
    expect(later.firstBad).toEqual({ id: head + 1, previousId: keep, problem: 'broken-link' });
  });

  it('a row backdated', async () => {
    const [, second] = ids();
    await tamper((db) => db.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(second));
    const check = await verify();
    expect(check.firstBad).toEqual({ id: second, previousId: ids()[0], problem: 'edited' });
    expect(check.message).toBe(`The log was altered: entry #${second} was changed after it was written.`);
  });

  it('a row edited (its detail and its action)', async () => {
    const all = ids();
    const target = all[3] as number;
    await tamper((db) => db.prepare("UPDATE audit_log SET action = 'client.archived' WHERE id = ?").run(target));
    expect((await verify()).firstBad).toMatchObject({ id: target, problem: 'edited' });
  });

  it('rows renumbered to close a gap', async () => {
    const [, second, third] = ids();
    await tamper((db) => {
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(second);
      db.prepare('UPDATE audit_log SET id = id - 1 WHERE id >= ?').run(third);
    });
    // The row now numbered #second is the old #third: its hash covered its old number.
    expect((await verify()).firstBad).toMatchObject({ id: second, problem: 'broken-link' });
  });

  it('a row inserted without a seal', async () => {
    await tamper((db) =>
      db
        .prepare(
          "INSERT INTO audit_log (at, action, entity_type, entity_id, detail_json) VALUES ('2026-01-01T00:00:00.000Z', 'note.signed', 'note', 'forged', '{}')",
        )
        .run(),
    );
    const forged = await verify();
    expect(forged.firstBad?.problem).toBe('unsealed');
    expect(forged.message).toMatch(/was added without its seal/);
  });

  it('a row added at the end with a seal computed the right way, but the kept end not moved', async () => {
    let forged = 0;
    await tamper((db) => {
      const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        hash: string;
      };
      forged = last.id + 1;
      const fields = {
        id: forged,
        at: '2026-01-01T00:00:00.000Z',
        action: 'note.signed',
        entityType: 'note',
        entityId: 'forged',
        detailJson: '{}',
      };
      db.prepare(
        'INSERT INTO audit_log (id, at, action, entity_type, entity_id, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(...Object.values(fields), last.hash, chainHash(last.hash, fields));
    });
    const atUnlock = await verify();
    expect(atUnlock.firstBad).toEqual({ id: forged, previousId: null, problem: 'end-changed' });
    expect(atUnlock.message).toBe(
      `The log was altered: its last entry (#${forged}) is not the one that was written last.`,
    );
    expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Later' } }));
    expect((await verify(true)).firstBad).toMatchObject({ previousId: forged, problem: 'broken-link' });
  });

  it('a new check shows the same first bad row, and new entries do not hide it', async () => {
    const [, second, third] = ids();
    await tamper((db) => db.prepare('DELETE FROM audit_log WHERE id = ?').run(second));
    expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Later' } }));
    expect((await verify(true)).firstBad).toMatchObject({ id: third, problem: 'broken-link' });
  });
});

describe('the log screen survives rows it cannot read', () => {
  it('lists a row with bad detail or an unknown action as damaged, and the rest as usual', async () => {
    const all = ids();
    const [badDetail, badAction] = [all[1] as number, all[2] as number];
    await tamper((db) => {
      db.prepare("UPDATE audit_log SET detail_json = '{not json' WHERE id = ?").run(badDetail);
      db.prepare("UPDATE audit_log SET action = 'client.teleported' WHERE id = ?").run(badAction);
    });
    const page = expectOk<{ entries: { id: number; damaged?: boolean; problem?: string; action: string }[] }>(
      await core.handle('audit:list', { limit: 200 }),
    );
    const byId = new Map(page.entries.map((entry) => [entry.id, entry]));
    expect(byId.get(badDetail)).toMatchObject({ damaged: true, problem: 'Its detail is not readable.' });
    expect(byId.get(badAction)).toMatchObject({
      damaged: true,
      action: 'client.teleported',
      problem: 'Its action is not one Sessionkeep records.',
    });
    expect(page.entries.filter((entry) => entry.damaged)).toHaveLength(2);
    expect(page.entries.length).toBe(ids().length);
    // The CSV export still carries every row as stored.
    const { count } = expectOk<{ count: number }>(await core.handle('audit:export', {}));
    expect(count).toBe(ids().length - 1);
  });
});

describe('migration 0006', () => {
  it('chains the rows an older vault already has, oldest first', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, migrations.slice(0, 5));
      const insert = db.prepare(
        'INSERT INTO audit_log (at, action, entity_type, entity_id, detail_json) VALUES (?, ?, ?, ?, ?)',
      );
      insert.run('2026-01-01T09:00:00.000Z', 'vault.created', 'vault', null, '{}');
      insert.run('2026-01-01T09:01:00.000Z', 'client.created', 'client', 'c1', '{}');
      insert.run('2026-01-01T09:02:00.000Z', 'lock', 'vault', null, '{"reason":"manual"}');
      migrate(db, migrations.slice(0, 6));
      const rows = db.prepare('SELECT id, prev_hash, hash FROM audit_log ORDER BY id').all() as {
        id: number;
        prev_hash: string;
        hash: string;
      }[];
      expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
      expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
      expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
      expect(verifyChain(db)).toMatchObject({ intact: true, entries: 3 });
      // …and a new row follows on.
      recordAudit(db, { action: 'unlock', entityType: 'vault', entityId: null, detail: {} });
      expect(verifyChain(db)).toMatchObject({ intact: true, entries: 4 });
      expect(() => db.prepare("UPDATE audit_log SET at = 'x'").run()).toThrow(/HISTORY_FINAL/);
    } finally {
      db.close();
    }
  });
});

describe('speed', () => {
  it('walks 100,000 entries in well under a few seconds (streamed, one row at a time)', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, migrations);
      const insert = db.prepare(
        'INSERT INTO audit_log (id, at, action, entity_type, entity_id, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      db.transaction(() => {
        let previous = GENESIS_HASH;
        for (let id = 1; id <= 100_000; id++) {
          const fields = {
            id,
            at: new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString(),
            action: 'note.signed',
            entityType: 'note',
            entityId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
            detailJson: '{"clientId":"00000000-0000-4000-8000-000000000001"}',
          };
          const hash = chainHash(previous, fields);
          insert.run(...Object.values(fields), previous, hash);
          previous = hash;
        }
      })();
      const check = verifyChain(db);
      console.log(`audit chain: verified ${check.entries} entries in ${check.millis} ms`);
      expect(check).toMatchObject({ intact: true, entries: 100_000 });
      expect(check.millis).toBeLessThan(5_000);
    } finally {
      db.close();
    }
  });
});
