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
import type { Note } from '../../shared/notes/note';
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
