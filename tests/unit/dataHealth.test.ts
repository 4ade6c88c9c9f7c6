/**
 * A vault never bricks (issue 11): rows the app cannot read, put there with raw SQL on
 * the real encrypted vault (as an old import or damage would), never stop an unlock or
 * a screen; they are listed under Data health, exportable as raw JSON, and removable
 * with a signed reason unless they are clinical history. Plus the one rich-text budget,
 * through the real channels.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { readSettingsChecked } from '../../electron/core/settings/settingsRepository';
import type { Client } from '../../shared/clients/client';
import type { SessionInfo } from '../../shared/ipc/contract';
import { contract } from '../../shared/ipc/contract';
import type { Note, NoteSummary } from '../../shared/notes/note';
import { defaultSettings, type Settings } from '../../shared/settings';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';
import { snapshotVault } from './support/vaultSnapshot';

let folders: string[];
let cores: Core[];

beforeEach(() => {
  folders = [];
  cores = [];
});
afterEach(async () => {
  for (const core of cores) await core.shutdown();
  for (const folder of folders) removeFolder(folder);
});

function start(folder: string): Core {
  const core = createCore({ folder });
  cores.push(core);
  return core;
}

/** A new vault, unlocked, with the signer's name set; its folder and recovery key. */
async function newVault(label: string): Promise<{ core: Core; folder: string }> {
  const folder = makeTempFolder(label);
  folders.push(folder);
  const core = start(folder);
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  expectOk(await core.handle('settings:update', { therapistName: 'Dr Ana Ruiz', crisisLines: 'Line: 116 123' }));
  return { core, folder };
}

/**
 * Raw SQL on the real vault database, as damage or an old import would leave it: the
 * core's own open handle, so no rule of the app stands in the way.
 */
function damage(core: Core, sql: string, ...params: unknown[]): void {
  core.vault
    .db()
    .prepare(sql)
    .run(...params);
}

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('a settings row that does not parse', () => {
  it('never stops an unlock: that key falls back to its default, the others keep theirs, and it is listed', async () => {
    const { core, folder } = await newVault('health-settings');
    damage(core, "UPDATE settings SET value = '{not json' WHERE key = 'crisisLines'");
    damage(core, "INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '\"sixty\"')");
    expectOk(await core.handle('vault:lock', {}));

    // A restart: a fresh core on the same folder.
    const again = start(folder);
    const session = expectOk<SessionInfo>(await again.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect(session.settings).toEqual<Settings>({
      ...defaultSettings,
      therapistName: 'Dr Ana Ruiz',
      crisisLines: defaultSettings.crisisLines,
      autoLockMinutes: defaultSettings.autoLockMinutes,
    });
    expect(expectOk<Settings>(await again.handle('settings:get', {})).therapistName).toBe('Dr Ana Ruiz');
    // The app works: a client can be added and listed.
    expectOk(await again.handle('clients:create', { client: { ...emptyClient, displayName: 'Robin Gale' } }));
    expect(expectOk<Client[]>(await again.handle('clients:list', { includeArchived: true }))).toHaveLength(1);

    expect(readSettingsChecked(again.vault.db()).damaged.map(({ key, problem }) => [key, problem])).toEqual([
      ['crisisLines', 'The value of crisisLines is not valid JSON.'],
      ['autoLockMinutes', 'The value of autoLockMinutes is not allowed: Auto-lock must be a number of minutes.'],
    ]);
    // Still locks when idle: the auto-lock timer was armed with the default.
    expect(again.vault.isUnlocked).toBe(true);
  });
});

/** JSON text nested `levels` deep, built as text (JSON.stringify would overflow the stack). */
function deepJson(levels: number): string {
  return `${'{"type":"doc","content":['.repeat(levels)}${']}'.repeat(levels)}`;
}

const TIMESTAMP = '2026-03-02T09:00:00.000Z';
const BAD_CLIENTS = {
  badId: 'client-7',
  hugeName: '0e8f5d0c-0000-4000-8000-000000000001',
  badDate: '0e8f5d0c-0000-4000-8000-000000000002',
};

/** Three client rows no form could have written, beside a good one. */
function insertBadClients(core: Core): void {
  const insert = (id: string, name: string, createdAt: string) =>
    damage(
      core,
      'INSERT INTO clients (id, display_name, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      id,
      name,
      'active',
      createdAt,
      TIMESTAMP,
    );
  insert(BAD_CLIENTS.badId, 'Not a UUID', TIMESTAMP);
  insert(BAD_CLIENTS.hugeName, 'x'.repeat(64 * 1024 * 1024), TIMESTAMP);
  insert(BAD_CLIENTS.badDate, 'Bad Date', 'last Tuesday');
}

describe('rows the app cannot read are damaged records, never a failed screen', () => {
  it('the client list leaves out bad ids, a 64 MiB name and bad dates, shows the rest, and stays fast', async () => {
    const { core } = await newVault('health-clients');
    const good = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClient, displayName: 'Robin Gale' } }),
    );
    insertBadClients(core);

    const startedAt = performance.now();
    const list = expectOk<Client[]>(await core.handle('clients:list', { includeArchived: true }));
    const tookMs = performance.now() - startedAt;
    expect(list.map((client) => client.id)).toEqual([good.id]);
    // Every answer passes the contract the renderer checks it against.
    expect(contract['clients:list'].response.safeParse(list).success).toBe(true);
    expect(tookMs).toBeLessThan(100);

    const opened = expectFailure(await core.handle('clients:get', { id: BAD_CLIENTS.hugeName }), 'RECORD_DAMAGED');
    expect(opened.message).toContain('display name is far too long');
    expect(opened.message).toContain('Settings → Data health');
    expect(expectOk<Client>(await core.handle('clients:get', { id: good.id })).displayName).toBe('Robin Gale');
  });

  it('a note 20,000 levels deep opens as a damaged record; its client’s list and the other notes still work', async () => {
    const { core } = await newVault('health-notes');
    const client = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClient, displayName: 'Robin Gale' } }),
    );
    const fine = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    const deep = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    damage(core, 'UPDATE notes SET values_json = ? WHERE id = ?', `{"plan":${deepJson(20_000)}}`, deep.id);

    const startedAt = performance.now();
    const failure = expectFailure(await core.handle('notes:get', { id: deep.id }), 'RECORD_DAMAGED');
    expect(performance.now() - startedAt).toBeLessThan(200);
    expect(failure.message).toContain('This note is damaged and cannot be shown.');
    // 20,000 objects in 20,000 arrays, inside the values object.
    expect(failure.message).toContain('nests 40,001 levels deep');
    // Its edits are refused with the same message, never "Something went wrong".
    expectFailure(await core.handle('notes:saveDraft', { id: deep.id, changes: { plan: doc('x') } }), 'RECORD_DAMAGED');

    const list = expectOk<NoteSummary[]>(await core.handle('notes:listForClient', { clientId: client.id }));
    expect(list.map((note) => note.id).sort()).toEqual([fine.id, deep.id].sort());
    const opened = expectOk<Note>(await core.handle('notes:get', { id: fine.id }));
    expect(contract['notes:get'].response.safeParse(opened).success).toBe(true);
    // A new note carrying forward from the damaged one starts empty rather than failing.
    expectOk(
      await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session', carryForward: ['bridge'] }),
    );
  });

  it('an addendum that cannot be shown stays under its note with a notice in its place', async () => {
    const { core } = await newVault('health-addendum');
    const client = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClient, displayName: 'Robin Gale' } }),
    );
    const note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
    expectOk(await core.handle('notes:sign', { id: note.id }));
    expectOk(await core.handle('notes:addAddendum', { id: note.id, text: doc('Phoned: slept better.') }));
    damage(
      core,
      'INSERT INTO addenda (id, note_id, text_json, created_at, signed_by, content_hash) VALUES (?, ?, ?, ?, ?, ?)',
      '0e8f5d0c-0000-4000-8000-0000000000ad',
      note.id,
      deepJson(20_000),
      TIMESTAMP,
      'Dr Ana Ruiz',
      'f'.repeat(64),
    );
    const opened = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    expect(contract['notes:get'].response.safeParse(opened).success).toBe(true);
    const texts = opened.addenda.map((addendum) => JSON.stringify(addendum.text));
    expect(texts).toHaveLength(2);
    expect(texts).toContain(JSON.stringify(doc('Phoned: slept better.')));
    expect(texts.find((text) => text.includes('This addendum is damaged and cannot be shown.'))).toContain(
      'nested too deeply',
    );
  });
});

/** A document `levels` deep: quotes in quotes around one paragraph. */
function nested(levels: number) {
  let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
  for (let level = 2; level < levels; level++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

describe('one rich-text budget for every field, addenda included', () => {
  const hostile = [
    {
      why: '4 million empty paragraphs',
      text: () => ({ type: 'doc', content: Array.from({ length: 4_000_000 }, () => ({ type: 'paragraph' })) }),
      message: 'more than 100,000 paragraphs',
    },
    { why: '20,000 levels deep', text: () => nested(20_000), message: 'nested too deeply (more than 50 levels)' },
    {
      why: '2 million characters',
      text: () => doc('x'.repeat(2_000_000)),
      message: 'too long to save (more than 1,000,000 characters)',
    },
  ];

  it.each(hostile)(
    'an addendum of $why is refused in milliseconds and the vault is unchanged',
    async ({ text, message }) => {
      const { core, folder } = await newVault('health-budget-addendum');
      const client = expectOk<Client>(
        await core.handle('clients:create', { client: { ...emptyClient, displayName: 'Robin Gale' } }),
      );
      const note = expectOk<Note>(
        await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }),
      );
      expectOk(await core.handle('notes:sign', { id: note.id }));
      const payload = { id: note.id, text: text() };
      const before = await snapshotVault(core, folder);
      const startedAt = performance.now();
      const failure = expectFailure(await core.handle('notes:addAddendum', payload), 'INVALID_REQUEST');
      const tookMs = performance.now() - startedAt;
      expect(failure.message).toContain('This text is too');
      expect(failure.message).toContain(message);
      expect(tookMs).toBeLessThan(500);
      expect(await snapshotVault(core, folder)).toEqual(before);
    },
  );

  it.each(hostile)(
    'a draft field of $why is refused in milliseconds and the vault is unchanged',
    async ({ text, message }) => {
      const { core, folder } = await newVault('health-budget-draft');
      const client = expectOk<Client>(
        await core.handle('clients:create', { client: { ...emptyClient, displayName: 'Robin Gale' } }),
      );
      const note = expectOk<Note>(
        await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }),
      );
      const payload = { id: note.id, changes: { plan: text() } };
      const before = await snapshotVault(core, folder);
      const startedAt = performance.now();
      const failure = expectFailure(await core.handle('notes:saveDraft', payload), 'INVALID_REQUEST');
      const tookMs = performance.now() - startedAt;
      expect(failure.field).toBe('changes.plan');
      expect(failure.message).toContain(message);
      expect(tookMs).toBeLessThan(500);
      expect(await snapshotVault(core, folder)).toEqual(before);
    },
  );
});

const emptyClient = {
  displayName: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  phone: '',
  email: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  presentingConcerns: '',
  diagnosis: '',
  diagnosisCode: '',
};

type HealthScan = {
  records: { table: string; rowid: number; label: string; problem: string; clinical: boolean }[];
  scannedRows: number;
  tookMs: number;
};
