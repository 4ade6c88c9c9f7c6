import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../electron/core/audit/auditLog';
import { type Core, createCore } from '../../electron/core/core';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { AuditEntry } from '../../shared/ipc/contract';
import type { Note } from '../../shared/notes/note';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/** The activity log through the core's front door, on a real encrypted vault, with an injected clock. */

const CLIENT_NAME = 'Philippa Quarrington-Vale';
const NOTE_TEXT = 'Talked about the lighthouse dream again';
const ADDENDUM_TEXT = 'Called back about the tangerine incident';
const THERAPIST = 'Dr Ottoline Brackenbury';
const WRONG = 'not the right passphrase at all';

let folder: string;
let core: Core;
let clock: number;

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const tick = () => {
  clock += 1_000;
};

beforeEach(async () => {
  folder = makeTempFolder('audit');
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = createCore({ folder, now: () => clock });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(folder);
});

/** The whole log, newest first, read page by page as the settings card does. */
async function allEntries(limit = 200): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = expectOk<{ entries: AuditEntry[]; nextBefore: number | null }>(
      await core.handle('audit:list', before ? { before, limit } : { limit }),
    );
    out.push(...page.entries);
    if (page.nextBefore === null) return out;
    before = page.nextBefore;
  }
}
const actions = async () => (await allEntries()).map((entry) => entry.action).reverse();

async function newClient(): Promise<Client> {
  return expectOk<Client>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: CLIENT_NAME } }),
  );
}

describe('what the activity log records', () => {
  it('records each action with its entity, oldest to newest, and nothing for reads', async () => {
    tick();
    expectOk(await core.handle('settings:update', { therapistName: THERAPIST, autoLockMinutes: 20 }));
    const client = await newClient();
    expectOk(
      await core.handle('clients:update', {
        id: client.id,
        client: { ...emptyClientInput, displayName: CLIENT_NAME, presentingConcerns: NOTE_TEXT },
      }),
    );
    expectOk(await core.handle('clients:archive', { id: client.id }));
    expectOk(await core.handle('clients:restore', { id: client.id }));
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc(NOTE_TEXT) } }));
    expectOk(await core.handle('notes:sign', { id: note.id }));
    expectOk(await core.handle('notes:addAddendum', { id: note.id, text: doc(ADDENDUM_TEXT) }));
    expectOk(await core.handle('audit:recordPrint', { kind: 'notes', clientId: client.id, count: 1 }));
    expectOk(await core.handle('audit:recordPrint', { kind: 'sheets', clientId: null, count: 2 }));
    // Reads leave nothing.
    expectOk(await core.handle('clients:list', { includeArchived: true }));
    expectOk(await core.handle('notes:get', { id: note.id }));
    expectOk(await core.handle('search:query', { query: 'lighthouse' }));
    expectOk(await core.handle('settings:get', {}));

    expect(await actions()).toEqual([
      'vault.created',
      'settings.changed',
      'client.created',
      'client.edited',
      'client.archived',
      'client.restored',
      'note.created',
      'note.signed',
      'note.addendum',
      'print.notes',
      'print.sheets',
    ]);
    const entries = await allEntries();
    const find = (action: string) => entries.find((entry) => entry.action === action);
    expect(find('settings.changed')).toMatchObject({
      entityType: 'settings',
      detail: { keys: ['autoLockMinutes', 'therapistName'] },
      at: '2026-03-02T09:00:01.000Z',
    });
    expect(find('client.archived')).toMatchObject({ entityType: 'client', entityId: client.id });
    expect(find('note.signed')).toMatchObject({
      entityType: 'note',
      entityId: note.id,
      detail: { clientId: client.id },
    });
    expect(find('print.notes')).toMatchObject({ entityType: 'client', entityId: client.id, detail: { count: 1 } });
    expect(find('print.sheets')).toMatchObject({ entityType: null, entityId: null, detail: { count: 2 } });
  });

  it('records a lock with its reason before the database closes, then the unlock', async () => {
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    await core.vault.lock('system');
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    await core.vault.lock('idle');
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));

    const entries = (await allEntries()).reverse();
    expect(entries.map((entry) => [entry.action, entry.detail.reason ?? entry.detail.method ?? null])).toEqual([
      ['vault.created', null],
      ['lock', 'manual'],
      ['unlock', 'passphrase'],
      ['lock', 'system'],
      ['unlock', 'passphrase'],
      ['lock', 'idle'],
      ['unlock', 'passphrase'],
    ]);
  });

  it('keeps failed unlocks in memory while locked and writes them, with their times, before the next unlock', async () => {
    expectOk(await core.handle('vault:lock', {}));
    tick();
    expectFailure(await core.handle('vault:unlock', { passphrase: WRONG }), 'WRONG_PASSPHRASE');
    const firstAt = new Date(clock).toISOString();
    tick();
    expectFailure(await core.handle('vault:unlock', { passphrase: WRONG }), 'WRONG_PASSPHRASE');
    const secondAt = new Date(clock).toISOString();
    expectFailure(await core.handle('audit:list', { limit: 10 }), 'VAULT_LOCKED');
    tick();
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));

    const entries = (await allEntries()).reverse();
    expect(entries.map((entry) => entry.action)).toEqual([
      'vault.created',
      'lock',
      'unlock.failed',
      'unlock.failed',
      'unlock',
    ]);
    expect(entries[2]).toMatchObject({ at: firstAt, detail: { method: 'passphrase' } });
    expect(entries[3]).toMatchObject({ at: secondAt, detail: { method: 'passphrase' } });

    // Written once: a later lock and unlock does not repeat them.
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect((await actions()).filter((action) => action === 'unlock.failed')).toHaveLength(2);
  });

  it('records a wrong passphrase typed while already unlocked at once', async () => {
    expectFailure(await core.handle('vault:unlock', { passphrase: WRONG }), 'WRONG_PASSPHRASE');
    expect(await actions()).toEqual(['vault.created', 'unlock.failed']);
  });

  it('records nothing for a refused or failed request', async () => {
    const client = await newClient();
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    const before = await actions();

    expectFailure(await core.handle('clients:create', { client: { displayName: CLIENT_NAME } }), 'INVALID_REQUEST');
    expectFailure(await core.handle('settings:update', { autoLockMinutes: 0 }), 'INVALID_REQUEST');
    expectFailure(await core.handle('clients:archive', { id: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
    // Signing needs a name in Settings: the failure is not a signature.
    expectFailure(await core.handle('notes:sign', { id: note.id }), 'SIGNER_NAME_MISSING');
    expectFailure(
      await core.handle('audit:recordPrint', {
        kind: 'notes',
        clientId: '00000000-0000-4000-8000-000000000000',
        count: 1,
      }),
      'NOT_FOUND',
    );
    // A wrong recovery-key confirmation succeeds as a request but confirms nothing.
    const confirmation = await core.handle('vault:confirmRecoveryKey', {
      answers: [
        { group: 1, value: 'AAAA' },
        { group: 2, value: 'BBBB' },
      ],
    });
    expect(expectOk(confirmation)).toEqual({ confirmed: false });

    expect(await actions()).toEqual(before);
  });

  it('exports the log as CSV, newest event last, and records the export', async () => {
    const client = await newClient();
    const { csv, count } = expectOk<{ csv: string; count: number }>(await core.handle('audit:export', {}));
    expect(count).toBe(2);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,action,entity_type,entity_id,detail');
    expect(lines[1]).toMatch(/^1,2026-03-02T09:00:00.000Z,vault.created,vault,,\{\}$/);
    expect(lines[2]).toContain(`client.created,client,${client.id}`);
    expect((await actions()).at(-1)).toBe('audit.exported');
  });

  it('pages newest first with a cursor', async () => {
    for (let i = 0; i < 4; i += 1) await newClient();
    const all = await allEntries(200);
    expect(all.map((entry) => entry.id)).toEqual([5, 4, 3, 2, 1]);
    expect(await allEntries(2)).toEqual(all);
    const first = expectOk<{ entries: AuditEntry[]; nextBefore: number | null }>(
      await core.handle('audit:list', { limit: 2 }),
    );
    expect(first.entries.map((entry) => entry.id)).toEqual([5, 4]);
    expect(first.nextBefore).toBe(4);
  });

  it('keeps the reserved backup/restore/export actions for recordAudit, and refuses free text in detail', () => {
    const db = core.vault.db();
    recordAudit(db, { action: 'backup.made', entityType: 'backup', entityId: null, detail: { files: 2 } });
    expect(() =>
      recordAudit(db, { action: 'export', entityType: null, entityId: null, detail: { note: 'x'.repeat(65) } }),
    ).toThrow();
    const last = db.prepare('SELECT action, detail_json FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'backup.made', detail_json: '{"files":2}' });
  });
});

describe('a passphrase change cut off by a crash', () => {
  it('is logged at the next unlock when the key file changed without its log entry', async () => {
    const other = 'another long passphrase for this vault';
    expectOk(await core.handle('vault:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: other }));
    const logged = (await actions()).filter((action) => action === 'passphrase.changed');
    expect(logged).toHaveLength(1);
    // The crash: the key file is replaced (a change back) but nothing is written to the vault.
    const before = readFileSync(join(folder, 'vault.key'));
    expectOk(await core.handle('vault:changePassphrase', { currentPassphrase: other, newPassphrase: PASSPHRASE }));
    const changed = readFileSync(join(folder, 'vault.key'));
    expectOk(await core.handle('vault:lock', {}));
    writeFileSync(join(folder, 'vault.key'), before);
    expectOk(await core.handle('vault:unlock', { passphrase: other }));
    writeFileSync(join(folder, 'vault.key'), changed);
    expectOk(await core.handle('vault:lock', {}));
    tick();
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const entries = await allEntries();
    const noticed = entries.filter((entry) => entry.action === 'passphrase.changed' && entry.detail.noticedAtUnlock);
    expect(noticed.length).toBeGreaterThanOrEqual(1);
  });
});

describe('the log is append-only and holds no clinical text', () => {
  it('refuses UPDATE and DELETE in the real vault', async () => {
    await newClient();
    const db = core.vault.db();
    expect(() => db.prepare("UPDATE audit_log SET action = 'lock'").run()).toThrow(/HISTORY_FINAL/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/HISTORY_FINAL/);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(2);
  });

  it('never contains a client name, note text, a passphrase or a setting value typed in the session', async () => {
    expectOk(await core.handle('settings:update', { therapistName: THERAPIST, crisisLines: 'Lifeline 0800 555 0199' }));
    const client = await newClient();
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc(NOTE_TEXT) } }));
    expectOk(await core.handle('notes:sign', { id: note.id }));
    expectOk(await core.handle('notes:addAddendum', { id: note.id, text: doc(ADDENDUM_TEXT) }));
    expectOk(await core.handle('search:query', { query: 'lighthouse' }));
    expectOk(await core.handle('vault:lock', {}));
    expectFailure(await core.handle('vault:unlock', { passphrase: WRONG }), 'WRONG_PASSPHRASE');
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const { csv } = expectOk<{ csv: string }>(await core.handle('audit:export', {}));

    const rows = JSON.stringify(core.vault.db().prepare('SELECT * FROM audit_log').all());
    for (const text of [
      CLIENT_NAME,
      'Philippa',
      NOTE_TEXT,
      'lighthouse',
      'tangerine',
      THERAPIST,
      'Ottoline',
      '0800',
      PASSPHRASE,
      WRONG,
    ]) {
      expect(rows, text).not.toContain(text);
      expect(csv, text).not.toContain(text);
    }
    expect(rows).toContain('note.signed');
  });
});
