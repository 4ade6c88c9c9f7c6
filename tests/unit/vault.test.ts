import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { SESSIONKEEP_APPLICATION_ID } from '../../electron/core/db/applicationId';
import { migrate } from '../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/core/db/migrations';
import { readRecoveryFile, unwrapWithRecoverySecret } from '../../electron/core/vault/recoveryFile';
import { delayAfterFailures, FREE_ATTEMPTS, MAX_DELAY_SECONDS } from '../../electron/core/vault/unlockThrottle';
import { emptyClientInput } from '../../shared/clients/client';
import type { ErrorCode } from '../../shared/errors';
import type { SessionEvent } from '../../shared/ipc/channels';
import type { VaultStatus } from '../../shared/ipc/contract';
import { AUTO_LOCK_DEFAULT_MINUTES, defaultSettings } from '../../shared/settings';
import { encodeRecoveryKey, recoveryKeyGroup } from '../../shared/vault/recoveryKey';
import {
  dataKeyOf,
  expectFailure,
  expectOk,
  makeTempFolder,
  NEW_PASSPHRASE,
  openRawVaultDb,
  PASSPHRASE,
  removeFolder,
  sha256File,
  snapshotFolder,
  vaultDataKey,
} from './support/vaultFolder';

/**
 * The vault against the real encrypted files: every test gets a fresh temp folder and
 * goes through the core's front door (`core.handle`), as Electron's main process and
 * the web harness do. Time never passes by sleeping: the throttle gets an injected
 * clock and auto-lock runs under fake timers.
 */

const RECOVERY_KEY_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/;

let folder: string;
let cores: Core[] = [];

function newCore(options: { now?: () => number } = {}): Core {
  const core = createCore({ folder, ...options });
  cores.push(core);
  return core;
}

beforeEach(() => {
  folder = makeTempFolder('vault');
});

afterEach(async () => {
  vi.useRealTimers();
  for (const core of cores) await core.shutdown();
  cores = [];
  removeFolder(folder);
});

const dbPath = () => join(folder, 'vault.db');
const keyPath = () => join(folder, 'vault.key');

async function createVault(core: Core): Promise<string> {
  return expectOk<{ recoveryKey: string }>(await core.handle('vault:create', { passphrase: PASSPHRASE })).recoveryKey;
}

async function addClient(core: Core, overrides: Record<string, string> = {}): Promise<{ id: string }> {
  return expectOk<{ id: string }>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Ana Lima', ...overrides } }),
  );
}

async function status(core: Core): Promise<VaultStatus> {
  return expectOk<VaultStatus>(await core.handle('vault:status', {}));
}

async function lock(core: Core): Promise<void> {
  expectOk(await core.handle('vault:lock', {}));
}

/**
 * One vault made once (a client in it, locked), copied into each test's fresh folder
 * by the tests that damage files: saves a scrypt run per test.
 */
const template: { folder: string; recoveryKey: string; dataKey: Buffer } = {
  folder: '',
  recoveryKey: '',
  dataKey: Buffer.alloc(0),
};

beforeAll(async () => {
  template.folder = makeTempFolder('template');
  const core = createCore({ folder: template.folder });
  template.recoveryKey = expectOk<{ recoveryKey: string }>(
    await core.handle('vault:create', { passphrase: PASSPHRASE }),
  ).recoveryKey;
  template.dataKey = await vaultDataKey(template.folder, PASSPHRASE);
  expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Template Client' } }));
  await core.shutdown();
});

afterAll(() => removeFolder(template.folder));

function useTemplate(): void {
  cpSync(template.folder, folder, { recursive: true });
}

describe('create, lock, unlock', () => {
  it('create → unlocked → lock → locked, with events', async () => {
    const core = newCore();
    const events: SessionEvent[] = [];
    core.onEvent((event) => events.push(event));
    expect(await status(core)).toMatchObject({ state: 'none', problem: null, folder });

    const recoveryKey = await createVault(core);
    expect(recoveryKey).toMatch(RECOVERY_KEY_FORMAT);
    expect(await status(core)).toMatchObject({ state: 'unlocked', problem: null, recoveryKeyConfirmed: false });
    expect(events).toEqual([{ type: 'unlocked' }]);

    await lock(core);
    expect(await status(core)).toMatchObject({ state: 'locked', problem: null, unlockDelaySeconds: 0 });
    expect(events).toEqual([{ type: 'unlocked' }, { type: 'locked', reason: 'manual' }]);
    // Closed cleanly: the WAL was checkpointed into vault.db and removed.
    expect(Object.keys(snapshotFolder(folder))).toEqual(['vault.db', 'vault.key', 'vault.recovery']);
  });

  it('unlock with the right passphrase (after a restart) opens the same data and settings', async () => {
    const first = newCore();
    await createVault(first);
    const { id } = await addClient(first, { displayName: 'Ana Lima' });
    expectOk(await first.handle('settings:update', { autoLockMinutes: 25 }));
    await first.shutdown();

    const second = newCore();
    expect(await status(second)).toMatchObject({ state: 'locked', problem: null });
    const session = expectOk(await second.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect(session).toEqual({ recoveryKeyConfirmed: false, settings: { ...defaultSettings, autoLockMinutes: 25 } });
    expect(await status(second)).toMatchObject({ state: 'unlocked' });
    const clients = expectOk<{ id: string }[]>(await second.handle('clients:list', { includeArchived: false }));
    expect(clients.map((client) => client.id)).toEqual([id]);
  });

  it('the passphrase is compared after NFC: decomposed é unlocks a vault created with composed é', async () => {
    const core = newCore();
    const composed = 'r\u00e9sum\u00e9 of a quiet morning';
    expectOk(await core.handle('vault:create', { passphrase: composed }));
    await lock(core);
    expectOk(await core.handle('vault:unlock', { passphrase: composed.normalize('NFD') }));
  });

  it('create refuses a too-short passphrase and writes nothing', async () => {
    const core = newCore();
    const failure = expectFailure(await core.handle('vault:create', { passphrase: 'short' }), 'PASSPHRASE_TOO_SHORT');
    expect(failure.field).toBe('passphrase');
    expect(snapshotFolder(folder)).toEqual({});
  });

  it('create refuses when a vault exists, and leaves it alone', async () => {
    const core = newCore();
    await createVault(core);
    await lock(core);
    const before = snapshotFolder(folder);
    expectFailure(await core.handle('vault:create', { passphrase: NEW_PASSPHRASE }), 'VAULT_EXISTS');
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('wrong passphrase → WRONG_PASSPHRASE, and every vault file is byte-identical (the throttle file records it)', async () => {
    const core = newCore();
    await createVault(core);
    await addClient(core);
    await lock(core);
    const before = snapshotFolder(folder);

    expectFailure(await core.handle('vault:unlock', { passphrase: 'not the passphrase at all' }), 'WRONG_PASSPHRASE');
    const { 'vault.throttle': throttle, ...after } = snapshotFolder(folder);
    expect(after).toEqual(before);
    expect(throttle).toBeDefined();
    expect(await status(core)).toMatchObject({ state: 'locked', problem: null });
  });
});

describe('recovery key', () => {
  it('the recovery key shown at create unwraps, from vault.recovery, the key of vault.db (and is not that key)', async () => {
    const core = newCore();
    const recoveryKey = await createVault(core);
    await addClient(core, { displayName: 'Opened By Recovery Key' });
    await lock(core);

    const read = readRecoveryFile(join(folder, 'vault.recovery'));
    if (read.state !== 'ok') throw new Error(`vault.recovery is ${read.state}`);
    const dataKey = unwrapWithRecoverySecret(read.file, dataKeyOf(recoveryKey));
    expect(dataKey.equals(dataKeyOf(recoveryKey))).toBe(false);
    expect(dataKey.equals(await vaultDataKey(folder, PASSPHRASE))).toBe(true);
    const db = openRawVaultDb(dbPath(), dataKey);
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(SESSIONKEEP_APPLICATION_ID);
      expect(db.prepare('SELECT display_name FROM clients').pluck().all()).toEqual(['Opened By Recovery Key']);
    } finally {
      db.close();
    }
    // And another key does not open it (the test above is not vacuous).
    const other = openRawVaultDb(dbPath(), randomBytes(32));
    try {
      expect(() => other.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    } finally {
      other.close();
    }
  });

  it('vault.key deleted: the recovery key unlocks, writes a new key file; the new passphrase works, the old does not', async () => {
    const core = newCore();
    const recoveryKey = await createVault(core);
    const { id } = await addClient(core);
    await lock(core);
    rmSync(keyPath());
    expect(await status(core)).toMatchObject({ state: 'locked', problem: 'KEY_FILE_MISSING' });

    // Typed the way people type it: lower case, spaces, O for 0.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const session = expectOk(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: typed, newPassphrase: NEW_PASSPHRASE }),
    );
    expect(session).toMatchObject({ settings: { autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES } });
    expect(existsSync(keyPath())).toBe(true);
    expect(statSync(keyPath()).mode & 0o777).toBe(0o600);
    expect(expectOk(await core.handle('clients:get', { id }))).toMatchObject({ id });
    await lock(core);
    expect(await status(core)).toMatchObject({ state: 'locked', problem: null });

    expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE');
    expectOk(await core.handle('vault:unlock', { passphrase: NEW_PASSPHRASE }));
    expect(expectOk(await core.handle('clients:get', { id }))).toMatchObject({ id });
  });

  it('a wrong recovery key (valid check group, another random key) → WRONG_RECOVERY_KEY, files untouched', async () => {
    useTemplate();
    const core = newCore();
    const before = snapshotFolder(folder);
    const otherKey = encodeRecoveryKey(randomBytes(32));
    expectFailure(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: otherKey, newPassphrase: NEW_PASSPHRASE }),
      'WRONG_RECOVERY_KEY',
    );
    const { 'vault.throttle': throttle, ...after } = snapshotFolder(folder);
    expect(after).toEqual(before);
    expect(throttle).toBeDefined();
    expect(await status(core)).toMatchObject({ state: 'locked', problem: null });
  });

  const symbols = () => template.recoveryKey.replace(/-/g, '');
  it.each([
    {
      why: 'one symbol changed (caught by the check group)',
      typed: () => `${symbols()[0] === 'A' ? 'B' : 'A'}${symbols().slice(1)}`,
    },
    { why: 'one group missing', typed: () => template.recoveryKey.split('-').slice(1).join('-') },
    { why: "the letter 'U', never used in Crockford base32", typed: () => `U${symbols().slice(1)}` },
    { why: 'empty', typed: () => '' },
  ])(
    'a malformed recovery key ($why) → RECOVERY_KEY_MALFORMED on field recoveryKey, files untouched',
    async ({ typed }) => {
      useTemplate();
      const core = newCore();
      const before = snapshotFolder(folder);
      const failure = expectFailure(
        await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: typed(), newPassphrase: NEW_PASSPHRASE }),
        'RECOVERY_KEY_MALFORMED',
      );
      expect(failure.field).toBe('recoveryKey');
      expect(snapshotFolder(folder)).toEqual(before);
    },
  );

  it('the right recovery key with a too-short new passphrase → PASSPHRASE_TOO_SHORT, files untouched', async () => {
    useTemplate();
    const core = newCore();
    const before = snapshotFolder(folder);
    const failure = expectFailure(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: template.recoveryKey, newPassphrase: 'short' }),
      'PASSPHRASE_TOO_SHORT',
    );
    expect(failure.field).toBe('newPassphrase');
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('is shown until confirmed with two of its groups, then never again', async () => {
    const core = newCore();
    const recoveryKey = await createVault(core);
    expect(expectOk(await core.handle('vault:recoveryKey', {}))).toEqual({ recoveryKey });

    const wrong = [
      { group: 2, value: recoveryKeyGroup(recoveryKey, 2) },
      {
        group: 9,
        value:
          recoveryKeyGroup(recoveryKey, 8) === recoveryKeyGroup(recoveryKey, 9)
            ? 'ZZZZ'
            : recoveryKeyGroup(recoveryKey, 8),
      },
    ];
    expect(expectOk(await core.handle('vault:confirmRecoveryKey', { answers: wrong }))).toEqual({ confirmed: false });
    const sameGroupTwice = [
      { group: 3, value: recoveryKeyGroup(recoveryKey, 3) },
      { group: 3, value: recoveryKeyGroup(recoveryKey, 3) },
    ];
    expect(expectOk(await core.handle('vault:confirmRecoveryKey', { answers: sameGroupTwice }))).toEqual({
      confirmed: false,
    });
    expect(await status(core)).toMatchObject({ recoveryKeyConfirmed: false });

    const right = [
      { group: 4, value: recoveryKeyGroup(recoveryKey, 4).toLowerCase() },
      { group: 12, value: recoveryKeyGroup(recoveryKey, 12) },
    ];
    expect(expectOk(await core.handle('vault:confirmRecoveryKey', { answers: right }))).toEqual({ confirmed: true });
    expect(await status(core)).toMatchObject({ recoveryKeyConfirmed: true });
    expectFailure(await core.handle('vault:recoveryKey', {}), 'NOT_FOUND');
  });
});

describe('change passphrase', () => {
  it('the old passphrase is refused, the new one works, and vault.db is never re-encrypted', async () => {
    const core = newCore();
    await createVault(core);
    await addClient(core);
    await lock(core); // checkpoints the WAL, so vault.db holds everything
    const dataKey = await vaultDataKey(folder, PASSPHRASE);
    const clientsIn = () => {
      const db = openRawVaultDb(dbPath(), dataKey);
      try {
        return db.prepare('SELECT * FROM clients ORDER BY id').all();
      } finally {
        db.close();
      }
    };
    const clientsBefore = clientsIn();
    const keyBefore = sha256File(keyPath());

    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expectOk(
      await core.handle('vault:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE }),
    );
    await lock(core);

    // Only the key file changes: the database keeps its data key (the activity log in it
    // gains the unlock, the change and the lock, so its bytes do change).
    expect(clientsIn()).toEqual(clientsBefore);
    expect(sha256File(keyPath())).not.toBe(keyBefore);
    expect(statSync(keyPath()).mode & 0o777).toBe(0o600);
    expect(Object.keys(snapshotFolder(folder))).toEqual(['vault.db', 'vault.key', 'vault.recovery']);
    expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'WRONG_PASSPHRASE');
    expectOk(await core.handle('vault:unlock', { passphrase: NEW_PASSPHRASE }));
  });

  it('a wrong current passphrase or a too-short new one changes nothing', async () => {
    const core = newCore();
    await createVault(core);
    const keyBefore = sha256File(keyPath());

    const wrong = expectFailure(
      await core.handle('vault:changePassphrase', {
        currentPassphrase: 'not my passphrase',
        newPassphrase: NEW_PASSPHRASE,
      }),
      'WRONG_PASSPHRASE',
    );
    expect(wrong.field).toBe('currentPassphrase');
    const short = expectFailure(
      await core.handle('vault:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'short' }),
      'PASSPHRASE_TOO_SHORT',
    );
    expect(short.field).toBe('newPassphrase');

    expect(sha256File(keyPath())).toBe(keyBefore);
    expect(await status(core)).toMatchObject({ state: 'unlocked' });
  });
});

describe('a crash while writing the key file', () => {
  it('leaves a temp key file that the next unlock removes, never mistaking it for the key file', async () => {
    const core = newCore();
    await createVault(core);
    await lock(core);
    const keyBefore = sha256File(keyPath());
    const stale = `${keyPath()}.99999.tmp`;
    writeFileSync(stale, readFileSync(keyPath()));
    expect((await status(core)).problem).toBeNull();
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect(existsSync(stale)).toBe(false);
    expect(sha256File(keyPath())).toBe(keyBefore);
  });
});

describe('a damaged or missing key file', () => {
  const rewriteKeyFile = (change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(readFileSync(keyPath(), 'utf8')) as Record<string, unknown>;
    change(json);
    writeFileSync(keyPath(), JSON.stringify(json));
  };

  it.each([
    { why: 'garbage bytes', damage: () => writeFileSync(keyPath(), randomBytes(300)) },
    { why: 'an empty file', damage: () => writeFileSync(keyPath(), '') },
    {
      why: 'truncated JSON (a torn write)',
      damage: () => writeFileSync(keyPath(), readFileSync(keyPath(), 'utf8').slice(0, 150)),
    },
    {
      why: 'one character of the wrapped key flipped (caught by the checksum)',
      damage: () =>
        rewriteKeyFile((json) => {
          const wrap = json.wrap as { ciphertext: string };
          wrap.ciphertext = (wrap.ciphertext[0] === 'A' ? 'B' : 'A') + wrap.ciphertext.slice(1);
        }),
    },
    {
      why: 'valid JSON of another shape',
      damage: () => writeFileSync(keyPath(), JSON.stringify({ hello: 'world' })),
    },
    {
      why: 'scrypt N lowered below 2^17 (a weakened file is refused even before the checksum)',
      damage: () =>
        rewriteKeyFile((json) => {
          (json.kdf as { N: number }).N = 2 ** 10;
        }),
    },
  ])('$why → KEY_FILE_DAMAGED; status reports the problem; files untouched', async ({ damage }) => {
    useTemplate();
    damage();
    const core = newCore();
    const before = snapshotFolder(folder);
    expect(await status(core)).toMatchObject({ state: 'locked', problem: 'KEY_FILE_DAMAGED' });
    expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'KEY_FILE_DAMAGED');
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('key file missing → KEY_FILE_MISSING; status reports it; create is refused; files untouched', async () => {
    useTemplate();
    rmSync(keyPath());
    const core = newCore();
    const before = snapshotFolder(folder);
    expect(await status(core)).toMatchObject({ state: 'locked', problem: 'KEY_FILE_MISSING' });
    expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'KEY_FILE_MISSING');
    expectFailure(await core.handle('vault:create', { passphrase: PASSPHRASE }), 'VAULT_EXISTS');
    expect(snapshotFolder(folder)).toEqual(before);
  });
});

describe('a missing, damaged or foreign database', () => {
  it('database missing → DATABASE_MISSING; status reports it; create is refused (a key file exists); no file appears', async () => {
    useTemplate();
    rmSync(dbPath());
    const core = newCore();
    const before = snapshotFolder(folder);
    expect(await status(core)).toMatchObject({ state: 'locked', problem: 'DATABASE_MISSING' });
    expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'DATABASE_MISSING');
    expectFailure(await core.handle('vault:create', { passphrase: PASSPHRASE }), 'VAULT_EXISTS');
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it.each([
    { why: 'truncated to half', size: (full: number) => full / 2 },
    { why: 'truncated to its first page', size: () => 4096 },
    { why: 'truncated by one page', size: (full: number) => full - 4096 },
    { why: 'truncated to 0 bytes', size: () => 0 },
    { why: 'truncated to a non-multiple of 512 (a torn write)', size: (full: number) => full - 700 },
    { why: 'truncated to 100 bytes (less than a header)', size: () => 100 },
  ])('database $why → DATABASE_DAMAGED, files untouched', async ({ size }) => {
    useTemplate();
    const full = statSync(dbPath()).size;
    truncateSync(dbPath(), size(full));
    const core = newCore();
    const before = snapshotFolder(folder);
    expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'DATABASE_DAMAGED');
    expect(snapshotFolder(folder)).toEqual(before);
    expect(await status(core)).toMatchObject({ state: 'locked' });
  });

  const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');
  it.each([
    {
      why: 'a plaintext SQLite database',
      write: () => {
        const db = new Database(dbPath());
        db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello')");
        db.close();
      },
    },
    {
      why: 'a plaintext SQLite database that looks like a vault (same schema, no encryption)',
      write: () => {
        const db = new Database(dbPath());
        migrate(db, migrations);
        db.close();
      },
    },
    {
      why: "another vault's database (encrypted with a different key)",
      write: () => {
        const db = openRawVaultDb(dbPath(), randomBytes(32), { create: true });
        migrate(db, migrations);
        db.close();
      },
    },
    { why: 'random bytes (8 KiB)', write: () => writeFileSync(dbPath(), randomBytes(8192)) },
    {
      why: 'a PNG (signature + 4 KiB)',
      write: () => writeFileSync(dbPath(), Buffer.concat([PNG_SIGNATURE, randomBytes(4096 - PNG_SIGNATURE.length)])),
    },
    {
      why: 'a small PNG (odd size)',
      write: () => writeFileSync(dbPath(), Buffer.concat([PNG_SIGNATURE, randomBytes(59)])),
    },
  ])('vault.db is $why → NOT_A_VAULT or DATABASE_DAMAGED, files untouched', async ({ write }) => {
    useTemplate();
    rmSync(dbPath());
    write();
    const core = newCore();
    const before = snapshotFolder(folder);
    const result = await core.handle('vault:unlock', { passphrase: PASSPHRASE });
    expect(result.ok ? 'ok' : result.code).toBeOneOf(['NOT_A_VAULT', 'DATABASE_DAMAGED'] satisfies ErrorCode[]);
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it.each([
    { why: 'left in WAL mode', journalMode: 'WAL' },
    // A newer version might change journal mode; switching it back to WAL would rewrite the header.
    { why: 'left in rollback-journal (DELETE) mode', journalMode: 'DELETE' },
  ])('a vault from a newer version ($why) → VAULT_FROM_NEWER_VERSION, files untouched', async ({ journalMode }) => {
    useTemplate();
    const db = openRawVaultDb(dbPath(), template.dataKey);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 98}`);
    db.pragma(`journal_mode = ${journalMode}`);
    db.close();
    const core = newCore();
    const before = snapshotFolder(folder);

    const failure = expectFailure(
      await core.handle('vault:unlock', { passphrase: PASSPHRASE }),
      'VAULT_FROM_NEWER_VERSION',
    );
    expect(failure.message).toMatch(/newer version/);
    expectFailure(
      await core.handle('vault:unlockWithRecoveryKey', {
        recoveryKey: template.recoveryKey,
        newPassphrase: NEW_PASSPHRASE,
      }),
      'VAULT_FROM_NEWER_VERSION',
    );
    expect(snapshotFolder(folder)).toEqual(before);
    expect(await status(core)).toMatchObject({ state: 'locked' });
  });
});

describe('no plaintext on disk', () => {
  const NAME = 'Zebedee Quillfeather-Xyloph';
  const CONCERNS = 'Intrusive worry about the Marrowbridge viaduct since March';

  function needles(extra: { label: string; bytes: Buffer }[]): { label: string; bytes: Buffer }[] {
    const forms = (label: string, text: string) => [
      { label: `${label} (UTF-8)`, bytes: Buffer.from(text, 'utf8') },
      { label: `${label} (UTF-16LE)`, bytes: Buffer.from(text, 'utf16le') },
      { label: `${label} (UTF-16BE)`, bytes: Buffer.from(text, 'utf16le').swap16() },
    ];
    return [
      ...forms('client name', NAME),
      ...forms('presenting concerns', CONCERNS),
      ...forms('a word of the concerns', 'Marrowbridge'),
      ...forms('settings key', 'autoLockMinutes'),
      ...forms('schema text', 'presenting_concerns'),
      { label: 'SQLite plaintext header', bytes: Buffer.from('SQLite format 3') },
      ...extra,
    ];
  }

  function expectNoPlaintext(extra: { label: string; bytes: Buffer }[]): string[] {
    const names = Object.keys(snapshotFolder(folder));
    for (const name of names) {
      const content = readFileSync(join(folder, name));
      for (const needle of needles(extra)) {
        expect(content.includes(needle.bytes), `${needle.label} found in ${name}`).toBe(false);
      }
    }
    return names;
  }

  it('client data, settings and the key never appear in any file, unlocked (WAL, SHM) or locked', async () => {
    const core = newCore();
    const recoveryKey = await createVault(core);
    const dataKey = await vaultDataKey(folder, PASSPHRASE);
    const secrets = [
      { label: 'data key (raw)', bytes: dataKey },
      { label: 'data key (hex)', bytes: Buffer.from(dataKey.toString('hex')) },
      { label: 'data key (base64)', bytes: Buffer.from(dataKey.toString('base64')) },
      { label: 'recovery key', bytes: Buffer.from(recoveryKey) },
      { label: 'passphrase', bytes: Buffer.from(PASSPHRASE) },
    ];
    const { id } = await addClient(core, { displayName: NAME, presentingConcerns: CONCERNS });
    expectOk(await core.handle('settings:update', { autoLockMinutes: 7 }));
    expectOk(
      await core.handle('clients:update', {
        id,
        client: { ...emptyClientInput, displayName: NAME, presentingConcerns: `${CONCERNS}. Updated.` },
      }),
    );

    const whileOpen = expectNoPlaintext(secrets);
    expect(whileOpen).toEqual(['vault.db', 'vault.db-shm', 'vault.db-wal', 'vault.key', 'vault.recovery']);

    await lock(core);
    expect(expectNoPlaintext(secrets)).toEqual(['vault.db', 'vault.key', 'vault.recovery']);
  });
});

describe('permissions', () => {
  it('the folder is 0700 and every file 0600, open, locked, after a passphrase change and a recovery', async () => {
    chmodSync(folder, 0o755); // as if the folder had been made by hand: create must tighten it
    const core = newCore();
    const recoveryKey = await createVault(core);
    await addClient(core);

    const expectPrivate = (when: string) => {
      expect(statSync(folder).mode & 0o777, `folder ${when}`).toBe(0o700);
      for (const name of Object.keys(snapshotFolder(folder))) {
        expect(statSync(join(folder, name)).mode & 0o777, `${name} ${when}`).toBe(0o600);
      }
    };
    expectPrivate('after create');
    expect(Object.keys(snapshotFolder(folder))).toContain('vault.db-wal');

    expectOk(
      await core.handle('vault:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE }),
    );
    expectPrivate('after a passphrase change');
    await lock(core);
    expectPrivate('locked');

    rmSync(keyPath());
    expectOk(await core.handle('vault:unlockWithRecoveryKey', { recoveryKey, newPassphrase: PASSPHRASE }));
    await addClient(core, { displayName: 'Second' });
    expectPrivate('after a recovery');
  });
});

describe('unlock throttle', () => {
  it.each([
    { failures: 0, seconds: 0, why: 'no mistake, no wait' },
    { failures: FREE_ATTEMPTS - 1, seconds: 0, why: 'typos are free' },
    { failures: FREE_ATTEMPTS, seconds: 2, why: 'the first wait after the free attempts' },
    { failures: FREE_ATTEMPTS + 1, seconds: 4, why: 'the wait doubles' },
    { failures: FREE_ATTEMPTS + 4, seconds: 32, why: 'still doubling' },
    { failures: FREE_ATTEMPTS + 5, seconds: MAX_DELAY_SECONDS, why: 'capped at one minute (never locked out)' },
    { failures: 1000, seconds: MAX_DELAY_SECONDS, why: 'capped however many' },
  ])('after $failures failures the wait is $seconds s: $why', ({ failures, seconds }) => {
    expect(delayAfterFailures(failures)).toBe(seconds);
  });

  it('after 3 wrong passphrases the next attempt is throttled; after the delay the right one works and resets', async () => {
    let clock = 1_000_000;
    const core = newCore({ now: () => clock });
    const recoveryKey = await createVault(core);
    await lock(core);

    for (let attempt = 1; attempt <= FREE_ATTEMPTS; attempt++) {
      expectFailure(
        await core.handle('vault:unlock', { passphrase: `wrong passphrase #${attempt}` }),
        'WRONG_PASSPHRASE',
      );
    }
    expect(await status(core)).toMatchObject({ unlockDelaySeconds: 2 });

    // The 4th attempt is refused before the passphrase is even tried: the right one too.
    const throttled = expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'UNLOCK_THROTTLED');
    expect(throttled.retryAfterSeconds).toBe(2);
    // The recovery key is no way around it.
    expectFailure(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey, newPassphrase: NEW_PASSPHRASE }),
      'UNLOCK_THROTTLED',
    );

    clock += 1_000;
    const stillThrottled = expectFailure(
      await core.handle('vault:unlock', { passphrase: PASSPHRASE }),
      'UNLOCK_THROTTLED',
    );
    expect(stillThrottled.retryAfterSeconds).toBe(1);

    clock += 1_000;
    expect(await status(core)).toMatchObject({ unlockDelaySeconds: 0 });
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    await lock(core);

    // Reset: one more mistake is free again, not a longer wait.
    expectFailure(await core.handle('vault:unlock', { passphrase: 'wrong once more' }), 'WRONG_PASSPHRASE');
    expect(await status(core)).toMatchObject({ unlockDelaySeconds: 0 });
  });
});

describe('auto-lock', () => {
  const MINUTE = 60_000;

  /** Lets the serialized lock (a promise chain) finish; setImmediate is not faked. */
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  async function unlockedUnderFakeTimers(): Promise<{ core: Core; events: SessionEvent[] }> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const core = newCore({ now: () => Date.now() });
    const events: SessionEvent[] = [];
    core.onEvent((event) => events.push(event));
    await createVault(core);
    await addClient(core);
    return { core, events };
  }

  async function advance(ms: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(ms);
    await settle();
  }

  it(`locks after ${AUTO_LOCK_DEFAULT_MINUTES} idle minutes and says why`, async () => {
    const { core, events } = await unlockedUnderFakeTimers();
    await advance(AUTO_LOCK_DEFAULT_MINUTES * MINUTE - 1);
    expect(core.vault.isUnlocked).toBe(true);

    await advance(1);
    expect(core.vault.isUnlocked).toBe(false);
    expect(events).toEqual([{ type: 'unlocked' }, { type: 'locked', reason: 'idle' }]);
    expectFailure(await core.handle('clients:list', { includeArchived: false }), 'VAULT_LOCKED');
  });

  it.each([
    { why: 'session:touch (input in the window)', channel: 'session:touch', payload: {} },
    { why: 'any successful request (clients:list)', channel: 'clients:list', payload: { includeArchived: false } },
  ])('activity postpones it: $why', async ({ channel, payload }) => {
    const { core, events } = await unlockedUnderFakeTimers();
    await advance(5 * MINUTE);
    expectOk(await core.handle(channel, payload));

    await advance(5 * MINUTE); // 10 minutes since unlock, 5 since the activity
    expect(core.vault.isUnlocked).toBe(true);
    await advance(5 * MINUTE - 1);
    expect(core.vault.isUnlocked).toBe(true);
    await advance(1);
    expect(core.vault.isUnlocked).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'locked', reason: 'idle' });
  });

  it('asking for the status is not activity (a polling UI must not keep the vault open)', async () => {
    const { core } = await unlockedUnderFakeTimers();
    await advance(5 * MINUTE);
    await status(core);
    await advance(5 * MINUTE);
    expect(core.vault.isUnlocked).toBe(false);
  });

  it('settings:update to 1 minute takes effect at once, and again after the next unlock', async () => {
    const { core, events } = await unlockedUnderFakeTimers();
    expect(expectOk(await core.handle('settings:update', { autoLockMinutes: 1 }))).toEqual({
      ...defaultSettings,
      autoLockMinutes: 1,
    });
    await advance(MINUTE - 1);
    expect(core.vault.isUnlocked).toBe(true);
    await advance(1);
    expect(core.vault.isUnlocked).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'locked', reason: 'idle' });

    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    await advance(MINUTE);
    expect(core.vault.isUnlocked).toBe(false);
  });
});

describe('locking drops everything', () => {
  it('after a lock every vault request is VAULT_LOCKED and nothing is written', async () => {
    const core = newCore();
    await createVault(core);
    const { id } = await addClient(core);
    await lock(core);
    const before = snapshotFolder(folder);

    const lockedRequests: { channel: string; payload: unknown }[] = [
      { channel: 'clients:list', payload: { includeArchived: true } },
      { channel: 'clients:get', payload: { id } },
      { channel: 'clients:create', payload: { client: { ...emptyClientInput, displayName: 'Written While Locked' } } },
      {
        channel: 'clients:update',
        payload: { id, client: { ...emptyClientInput, displayName: 'Changed While Locked' } },
      },
      { channel: 'clients:archive', payload: { id } },
      { channel: 'clients:restore', payload: { id } },
      { channel: 'settings:get', payload: {} },
      { channel: 'settings:update', payload: { autoLockMinutes: 3 } },
      { channel: 'vault:recoveryKey', payload: {} },
      {
        channel: 'vault:confirmRecoveryKey',
        payload: {
          answers: [
            { group: 1, value: 'AAAA' },
            { group: 2, value: 'BBBB' },
          ],
        },
      },
      { channel: 'vault:changePassphrase', payload: { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE } },
    ];
    for (const { channel, payload } of lockedRequests) {
      expectFailure(await core.handle(channel, payload), 'VAULT_LOCKED');
    }
    expect(() => core.vault.db()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(snapshotFolder(folder)).toEqual(before);
  });
});

describe('unlock while already unlocked', () => {
  it('still checks the passphrase', async () => {
    const core = newCore();
    expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
    expectFailure(await core.handle('vault:unlock', { passphrase: 'a wrong but long passphrase' }), 'WRONG_PASSPHRASE');
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect(core.vault.isUnlocked).toBe(true);
  });
});
