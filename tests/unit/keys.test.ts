import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { KDF_LIMITS, keyFileLimitProblem, keyFileText, wrapDataKey } from '../../electron/core/vault/keyFile';
import { recoveryFileText, wrapWithRecoverySecret } from '../../electron/core/vault/recoveryFile';
import { prepareReencryptedCopy } from '../../electron/core/vault/reencrypt';
import { MAX_DELAY_SECONDS, parseThrottleState } from '../../electron/core/vault/unlockThrottle';
import { vaultPaths } from '../../electron/core/vault/vaultFiles';
import { emptyClientInput } from '../../shared/clients/client';
import type { AuditEntry, VaultStatus } from '../../shared/ipc/contract';
import { encodeRecoveryKey } from '../../shared/vault/recoveryKey';
import { chooseBackupFolder } from './support/chosenFolder';
import {
  expectFailure,
  expectOk,
  makeTempFolder,
  NEW_PASSPHRASE,
  openRawVaultDb,
  PASSPHRASE,
  removeFolder,
  snapshotFolder,
  vaultDataKey,
} from './support/vaultFolder';

/**
 * Keys, passphrases, recovery and the throttle (issue 11), against the real encrypted
 * files through the core's front door. Time never passes by sleeping: the core gets an
 * injected clock. A "restart" is a new core over the same folder.
 */

let folder: string;
let clock: number;
let cores: Core[] = [];

function newCore(): Core {
  const core = createCore({ folder, now: () => clock });
  cores.push(core);
  return core;
}

beforeEach(() => {
  folder = makeTempFolder('keys');
  // Now, not a fixed date: a damaged throttle file's wait counts from its real mtime.
  clock = Math.floor(Date.now() / 1000) * 1000;
});

afterEach(async () => {
  for (const core of cores) await core.shutdown();
  cores = [];
  removeFolder(folder);
});

const keyPath = () => join(folder, 'vault.key');

async function createVault(core: Core): Promise<string> {
  return expectOk<{ recoveryKey: string }>(await core.handle('vault:create', { passphrase: PASSPHRASE })).recoveryKey;
}

async function addClient(core: Core, name = 'Ana Lima'): Promise<string> {
  return expectOk<{ id: string }>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: name } }),
  ).id;
}

async function status(core: Core): Promise<VaultStatus> {
  return expectOk<VaultStatus>(await core.handle('vault:status', {}));
}

async function auditRows(core: Core): Promise<AuditEntry[]> {
  return expectOk<{ entries: AuditEntry[] }>(await core.handle('audit:list', { limit: 200 })).entries;
}

/** A vault with one client, locked. */
async function lockedVault(): Promise<{ core: Core; recoveryKey: string; clientId: string }> {
  const core = newCore();
  const recoveryKey = await createVault(core);
  const clientId = await addClient(core);
  expectOk(await core.handle('vault:lock', {}));
  return { core, recoveryKey, clientId };
}

type ForgedKeyFile = {
  kdf: { N: number; r: number; p: number; salt: string };
  wrap: { iv: string; ciphertext: string };
  [field: string]: unknown;
};

/** Rewrites the key file with other fields, with a checksum that matches (as a forger would). */
function forgeKeyFile(change: (file: ForgedKeyFile) => void): void {
  const file = JSON.parse(readFileSync(keyPath(), 'utf8')) as ForgedKeyFile;
  change(file);
  const { format, version, vaultId, kdf, wrap } = file;
  file.checksum = createHash('sha256').update(JSON.stringify({ format, version, vaultId, kdf, wrap })).digest('hex');
  writeFileSync(keyPath(), JSON.stringify(file));
}

/** Turns a vault into one made before issue 11: the recovery key is the data key, no vault.recovery. */
async function makeLegacy(core: Core): Promise<string> {
  const dataKey = await vaultDataKey(folder, PASSPHRASE);
  expectOk(await core.handle('vault:lock', {}));
  const db = openRawVaultDb(join(folder, 'vault.db'), dataKey);
  db.prepare("DELETE FROM vault_meta WHERE key IN ('recovery_scheme', 'pending_recovery_key')").run();
  db.close();
  rmSync(join(folder, 'vault.recovery'));
  return encodeRecoveryKey(dataKey);
}

describe('verify first, then write', () => {
  it('a recovery-key unlock that fails after the database opened (vault_meta unreadable) changes no file', async () => {
    const { core, recoveryKey } = await lockedVault();
    // A real damage the open does not catch: the vault's own facts table is gone.
    const db = openRawVaultDb(join(folder, 'vault.db'), await vaultDataKey(folder, PASSPHRASE));
    db.exec('DROP TABLE vault_meta');
    db.close();
    const before = snapshotFolder(folder);

    const failure = expectFailure(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey, newPassphrase: NEW_PASSPHRASE }),
      'DATABASE_DAMAGED',
    );
    expect(failure.message).toMatch(/Nothing was changed/);
    expect(snapshotFolder(folder)).toEqual(before);
    expect(await status(core)).toMatchObject({ state: 'locked' });
    // The old passphrase still opens the key file (the same answer as before, not WRONG_PASSPHRASE).
    expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'DATABASE_DAMAGED');
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('a recovery-key unlock whose key-file write fails leaves every file byte-identical', async () => {
    const { core, recoveryKey } = await lockedVault();
    const before = snapshotFolder(folder);
    // A real fault at the last step: the temp file's name is taken by a folder.
    mkdirSync(`${keyPath()}.${process.pid}.tmp`);

    const result = await core.handle('vault:unlockWithRecoveryKey', { recoveryKey, newPassphrase: NEW_PASSPHRASE });
    expect(result.ok).toBe(false);
    rmSync(`${keyPath()}.${process.pid}.tmp`, { recursive: true });
    expect(snapshotFolder(folder)).toEqual(before);
    expect(await status(core)).toMatchObject({ state: 'locked', problem: null });
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  });

  it('a passphrase change whose key-file write fails keeps the old passphrase and every file', async () => {
    const { core } = await lockedVault();
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const before = snapshotFolder(folder);
    mkdirSync(`${keyPath()}.${process.pid}.tmp`);
    const result = await core.handle('vault:changePassphrase', {
      currentPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
    });
    rmSync(`${keyPath()}.${process.pid}.tmp`, { recursive: true });
    expect(result.ok).toBe(false);
    // Every file, the open database's WAL included: nothing was logged or written. (The
    // -shm is SQLite's shared-memory index of the WAL, rewritten by any read; never data.)
    const { 'vault.db-shm': _shmAfter, ...after } = snapshotFolder(folder);
    const { 'vault.db-shm': _shmBefore, ...expected } = before;
    expect(after).toEqual(expected);
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  });
});

describe('key-stretching bounds', () => {
  it.each([
    { why: 'N = 2^21 (eight times the work)', change: (f: ForgedKeyFile) => (f.kdf.N = 2 ** 21) },
    { why: 'N not a power of two', change: (f: ForgedKeyFile) => (f.kdf.N = 2 ** 17 + 1) },
    {
      why: 'N = 2^20 with r = 16 (2 GiB of memory)',
      change: (f: ForgedKeyFile) => Object.assign(f.kdf, { N: 2 ** 20, r: 16 }),
    },
    { why: 'r = 32', change: (f: ForgedKeyFile) => (f.kdf.r = 32) },
    { why: 'p = 64 (minutes per attempt)', change: (f: ForgedKeyFile) => (f.kdf.p = 64) },
    { why: 'N lowered to 2^10 (weakened)', change: (f: ForgedKeyFile) => (f.kdf.N = 2 ** 10) },
    { why: 'a 200-byte salt', change: (f: ForgedKeyFile) => (f.kdf.salt = randomBytes(200).toString('base64')) },
    { why: 'a 16-byte nonce', change: (f: ForgedKeyFile) => (f.wrap.iv = randomBytes(16).toString('base64')) },
    {
      why: 'a 64-byte wrapped key',
      change: (f: ForgedKeyFile) => (f.wrap.ciphertext = randomBytes(64).toString('base64')),
    },
  ])('a key file asking for $why is refused as KEY_FILE_UNSUPPORTED before scrypt runs', async ({ change }) => {
    const { core } = await lockedVault();
    forgeKeyFile(change);
    const before = snapshotFolder(folder);
    const started = performance.now();
    const failure = expectFailure(
      await core.handle('vault:unlock', { passphrase: PASSPHRASE }),
      'KEY_FILE_UNSUPPORTED',
    );
    // scrypt at the minimum takes hundreds of ms here: the refusal came before it.
    expect(performance.now() - started).toBeLessThan(150);
    expect(failure.message).toMatch(/outside what Sessionkeep accepts|length Sessionkeep never writes/);
    expect(await status(core)).toMatchObject({ state: 'locked', problem: 'KEY_FILE_UNSUPPORTED' });
    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('the limits accept what Sessionkeep writes and the documented upper corners', () => {
    const wrap = { iv: 'A'.repeat(16), tag: `${'A'.repeat(22)}==`, ciphertext: `${'A'.repeat(43)}=` };
    const kdf = (N: number, r: number, p: number) => ({
      name: 'scrypt' as const,
      N,
      r,
      p,
      salt: `${'A'.repeat(22)}==`,
    });
    const ok = (N: number, r: number, p: number) =>
      keyFileLimitProblem({ kdf: kdf(N, r, p), wrap: { alg: 'aes-256-gcm', ...wrap } });
    expect(ok(2 ** 17, 8, 1)).toBeNull();
    expect(ok(2 ** 18, 8, 4)).toBeNull(); // 256 MiB, the memory ceiling
    expect(ok(2 ** 17, 16, 1)).toBeNull(); // 256 MiB
    expect(ok(2 ** 19, 8, 1)).not.toBeNull(); // 512 MiB
    expect(ok(2 ** 17, 8, 5)).not.toBeNull();
    expect(128 * KDF_LIMITS.N.min * KDF_LIMITS.r.min).toBeLessThanOrEqual(KDF_LIMITS.maxMemoryBytes);
  });
});

describe('the throttle survives a restart', () => {
  it('failures before a restart still throttle after it, and reach the activity log with their own times', async () => {
    await lockedVault();
    const first = newCore();
    const times: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock += 1000;
      times.push(new Date(clock).toISOString());
      expectFailure(await first.handle('vault:unlock', { passphrase: `not it, attempt ${i}` }), 'WRONG_PASSPHRASE');
    }
    await first.shutdown();

    const restarted = newCore();
    expect((await status(restarted)).unlockDelaySeconds).toBeGreaterThan(0);
    const throttled = expectFailure(
      await restarted.handle('vault:unlock', { passphrase: PASSPHRASE }),
      'UNLOCK_THROTTLED',
    );
    expect(throttled.message).toMatch(/Try again in \d+ seconds/);
    clock += MAX_DELAY_SECONDS * 1000;
    expect((await status(restarted)).unlockDelaySeconds).toBe(0);
    expectOk(await restarted.handle('vault:unlock', { passphrase: PASSPHRASE }));

    const failed = (await auditRows(restarted)).filter((row) => row.action === 'unlock.failed');
    expect(failed.map((row) => row.at).sort()).toEqual(times);
    expect(failed.every((row) => row.detail.method === 'passphrase' && row.detail.place === 'unlock')).toBe(true);
    // Logged once: the throttle file is gone after the unlock.
    expect(existsSync(join(folder, 'vault.throttle'))).toBe(false);
    expectOk(await restarted.handle('vault:lock', {}));
    expectOk(await restarted.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect((await auditRows(restarted)).filter((row) => row.action === 'unlock.failed')).toHaveLength(3);
  });

  it('wrong recovery keys and wrong backup passphrases count against the same throttle and are logged', async () => {
    const { core } = await lockedVault();
    const backups = makeTempFolder('keys-backups');
    try {
      expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
      expectOk(await chooseBackupFolder(core, backups));
      const made = expectOk<{ id: string }>(await core.handle('backup:now', {}));
      expectOk(await core.handle('vault:lock', {}));

      const wrongKey = encodeRecoveryKey(randomBytes(32));
      expectFailure(
        await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: wrongKey, newPassphrase: NEW_PASSPHRASE }),
        'WRONG_RECOVERY_KEY',
      );
      clock += 1000;
      const summary = await core.handle('backup:summary', {
        id: made.id,
        secret: { kind: 'passphrase', passphrase: 'not the backup one' },
      });
      expect(summary.ok ? 'ok' : `${summary.code} ${summary.message}`).toMatch(/^WRONG_PASSPHRASE/);
      clock += 1000;
      expectFailure(
        await core.handle('backup:restore', {
          id: made.id,
          secret: { kind: 'passphrase', passphrase: 'not the backup one' },
        }),
        'WRONG_PASSPHRASE',
      );
      // Now every door waits, the backup's included.
      expectFailure(
        await core.handle('backup:summary', {
          id: made.id,
          secret: { kind: 'passphrase', passphrase: PASSPHRASE },
        }),
        'UNLOCK_THROTTLED',
      );
      clock += MAX_DELAY_SECONDS * 1000;
      expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
      const failed = (await auditRows(core)).filter((row) => row.action === 'unlock.failed');
      expect(failed.map((row) => [row.detail.method, row.detail.place]).sort()).toEqual([
        ['passphrase', 'backup'],
        ['passphrase', 'backup'],
        ['recoveryKey', 'unlock'],
      ]);

      // While unlocked, a wrong current passphrase is logged at once and counted too.
      expectFailure(
        await core.handle('vault:changePassphrase', {
          currentPassphrase: 'not it at all',
          newPassphrase: NEW_PASSPHRASE,
        }),
        'WRONG_PASSPHRASE',
      );
      const latest = (await auditRows(core)).find((row) => row.action === 'unlock.failed');
      expect(latest?.detail).toEqual({ method: 'passphrase', place: 'changePassphrase' });
      expect(JSON.parse(readFileSync(join(folder, 'vault.throttle'), 'utf8'))).toMatchObject({
        failures: 1,
        unlogged: [],
      });
    } finally {
      removeFolder(backups);
    }
  });

  it.each([
    { why: 'garbage', bytes: Buffer.from('\u0000\u00ffnot json') },
    { why: 'an empty file', bytes: Buffer.alloc(0) },
    { why: 'a wait a year long', bytes: null },
    { why: 'valid JSON of another shape', bytes: Buffer.from('{"failures":"lots"}') },
  ])('a throttle file that is $why never locks the therapist out for more than a minute', async ({ bytes }) => {
    await lockedVault();
    const throttle = join(folder, 'vault.throttle');
    writeFileSync(
      throttle,
      bytes ??
        JSON.stringify({
          format: 'sessionkeep-throttle',
          version: 1,
          failures: 40,
          nextAttemptAt: clock + 365 * 86_400_000,
          unlogged: [],
        }),
    );
    utimesSync(throttle, clock / 1000, clock / 1000);
    const core = newCore();
    const wait = (await status(core)).unlockDelaySeconds;
    expect(wait).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
    clock += MAX_DELAY_SECONDS * 1000;
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  });

  it('a folder in place of the throttle file never locks the therapist out', async () => {
    await lockedVault();
    mkdirSync(join(folder, 'vault.throttle'));
    utimesSync(join(folder, 'vault.throttle'), clock / 1000, clock / 1000);
    const core = newCore();
    expect((await status(core)).unlockDelaySeconds).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
    clock += MAX_DELAY_SECONDS * 1000;
    expectFailure(await core.handle('vault:unlock', { passphrase: 'not it at all' }), 'WRONG_PASSPHRASE');
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  });

  it('a damaged throttle file is read as the strictest sane state, with one failure of unknown kind for the log', () => {
    const state = parseThrottleState('{"format":"sessionkeep-throttle"', 5_000);
    expect(state.nextAttemptAt).toBe(5_000 + MAX_DELAY_SECONDS * 1000);
    expect(state.unlogged).toEqual([{ at: 5_000, method: 'passphrase', place: 'unknown' }]);
  });
});

describe('passphrase strength in the core', () => {
  const weak = ['aaaaaaaaaaaa', 'abcdefghijkl', 'passwordpassword', 'qwertyuiopas', 'abcabcabcabc'];

  it.each(weak)('vault:create refuses %j as too easy to guess and writes nothing', async (passphrase) => {
    const core = newCore();
    const failure = expectFailure(await core.handle('vault:create', { passphrase }), 'PASSPHRASE_TOO_WEAK');
    expect(failure.message).toMatch(/too easy to guess/);
    expect(failure.field).toBe('passphrase');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('changePassphrase and the recovery key refuse a weak new passphrase, and nothing changes', async () => {
    const { core, recoveryKey } = await lockedVault();
    const before = snapshotFolder(folder);
    expectFailure(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey, newPassphrase: 'aaaaaaaaaaaa' }),
      'PASSPHRASE_TOO_WEAK',
    );
    expect(snapshotFolder(folder)).toEqual(before);
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const keyBefore = readFileSync(keyPath());
    const failure = expectFailure(
      await core.handle('vault:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'aaaaaaaaaaaa' }),
      'PASSPHRASE_TOO_WEAK',
    );
    expect(failure.field).toBe('newPassphrase');
    expect(readFileSync(keyPath()).equals(keyBefore)).toBe(true);
  });

  it('the passphrases the tests use pass the same rule', async () => {
    const { newPassphraseRefusal } = await import('../../shared/vault/passphraseStrength');
    for (const passphrase of [
      PASSPHRASE,
      NEW_PASSPHRASE,
      'quiet harbour lantern 1987 notebook',
      'lantern meadow copper 42 finch',
      'a perfectly long passphrase',
      `${PASSPHRASE} again`,
    ]) {
      expect(await newPassphraseRefusal(passphrase), passphrase).toBeNull();
    }
  });
});

describe('the recovery key is its own wrap, and can be replaced', () => {
  it('a new recovery key opens the vault; the old one no longer does; a damaged vault.key still leaves recovery', async () => {
    const { core, recoveryKey: oldKey, clientId } = await lockedVault();
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect(expectOk(await core.handle('vault:security', {}))).toEqual({ recoveryKeyKind: 'wrapped' });
    expectFailure(
      await core.handle('vault:newRecoveryKey', { currentPassphrase: 'not it at all' }),
      'WRONG_PASSPHRASE',
    );
    const renewed = expectOk<{ recoveryKey: string; reencrypted: boolean }>(
      await core.handle('vault:newRecoveryKey', { currentPassphrase: PASSPHRASE }),
    );
    expect(renewed.reencrypted).toBe(false);
    expect(renewed.recoveryKey).not.toBe(oldKey);
    // Shown again, with the same confirm flow, until confirmed.
    expect(expectOk(await core.handle('vault:recoveryKey', {}))).toEqual({ recoveryKey: renewed.recoveryKey });
    expect((await auditRows(core)).find((row) => row.action === 'recoveryKey.renewed')?.detail).toEqual({
      reencrypted: false,
    });
    expectOk(await core.handle('vault:lock', {}));

    writeFileSync(keyPath(), 'damaged');
    expectFailure(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: oldKey, newPassphrase: NEW_PASSPHRASE }),
      'WRONG_RECOVERY_KEY',
    );
    expectOk(
      await core.handle('vault:unlockWithRecoveryKey', {
        recoveryKey: renewed.recoveryKey,
        newPassphrase: NEW_PASSPHRASE,
      }),
    );
    expect(expectOk(await core.handle('clients:get', { id: clientId }))).toMatchObject({ id: clientId });
  });

  it('a vault made before issue 11 keeps its old key until a new one is made, which also re-encrypts', async () => {
    const core = newCore();
    await createVault(core);
    const clientId = await addClient(core);
    const legacyKey = await makeLegacy(core);
    const oldKeyFile = readFileSync(keyPath());

    expectOk(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: legacyKey, newPassphrase: NEW_PASSPHRASE }),
    );
    expect(expectOk(await core.handle('vault:security', {}))).toEqual({ recoveryKeyKind: 'dataKey' });
    const renewed = expectOk<{ recoveryKey: string; reencrypted: boolean }>(
      await core.handle('vault:newRecoveryKey', { currentPassphrase: NEW_PASSPHRASE }),
    );
    expect(renewed.reencrypted).toBe(true);
    expect(expectOk(await core.handle('vault:security', {}))).toEqual({ recoveryKeyKind: 'wrapped' });
    expectOk(await core.handle('vault:lock', {}));

    expectFailure(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: legacyKey, newPassphrase: PASSPHRASE }),
      'WRONG_RECOVERY_KEY',
    );
    // The key file from before (as in every older backup) no longer opens this vault either.
    const current = readFileSync(keyPath());
    writeFileSync(keyPath(), oldKeyFile);
    expectFailure(await core.handle('vault:unlock', { passphrase: PASSPHRASE }), 'NOT_A_VAULT');
    writeFileSync(keyPath(), current);
    expectOk(
      await core.handle('vault:unlockWithRecoveryKey', { recoveryKey: renewed.recoveryKey, newPassphrase: PASSPHRASE }),
    );
    expect(expectOk(await core.handle('clients:get', { id: clientId }))).toMatchObject({ id: clientId });
  });
});

describe('re-encrypting the vault with a new data key', () => {
  it('keeps every record; the old key file with the old passphrase and the old recovery key no longer open it', async () => {
    const { core, recoveryKey: oldRecovery, clientId } = await lockedVault();
    const older = makeTempFolder('keys-older');
    try {
      cpSync(keyPath(), join(older, 'vault.key')); // what a backup holds
      expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
      await addClient(core, 'Second Client');
      const oldDataKey = await vaultDataKey(folder, PASSPHRASE);
      const countsBefore = expectOk<unknown[]>(await core.handle('clients:list', { includeArchived: true })).length;

      expectFailure(await core.handle('vault:reencrypt', { currentPassphrase: 'not it at all' }), 'WRONG_PASSPHRASE');
      const { recoveryKey } = expectOk<{ recoveryKey: string }>(
        await core.handle('vault:reencrypt', { currentPassphrase: PASSPHRASE }),
      );
      // Still unlocked, same records, the change logged in the new vault.
      expect(expectOk<unknown[]>(await core.handle('clients:list', { includeArchived: true }))).toHaveLength(
        countsBefore,
      );
      expect((await auditRows(core)).some((row) => row.action === 'vault.reencrypted')).toBe(true);
      expect(expectOk(await core.handle('vault:recoveryKey', {}))).toEqual({ recoveryKey });
      expectOk(await core.handle('vault:lock', {}));

      const newDataKey = await vaultDataKey(folder, PASSPHRASE);
      expect(newDataKey.equals(oldDataKey)).toBe(false);
      // The old files were set aside, never deleted, and still open with the old key.
      const aside = readdirSync(folder).filter((name) => name.startsWith('replaced-by-reencryption-'));
      expect(aside).toHaveLength(1);
      expect(readdirSync(join(folder, aside[0] ?? '')).sort()).toEqual(['vault.db', 'vault.key', 'vault.recovery']);
      const old = openRawVaultDb(join(folder, aside[0] ?? '', 'vault.db'), oldDataKey);
      expect(old.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(countsBefore);
      old.close();

      const restarted = newCore();
      const current = readFileSync(keyPath());
      writeFileSync(keyPath(), readFileSync(join(older, 'vault.key')));
      expectFailure(await restarted.handle('vault:unlock', { passphrase: PASSPHRASE }), 'NOT_A_VAULT');
      writeFileSync(keyPath(), current);
      expectFailure(
        await restarted.handle('vault:unlockWithRecoveryKey', {
          recoveryKey: oldRecovery,
          newPassphrase: NEW_PASSPHRASE,
        }),
        'WRONG_RECOVERY_KEY',
      );
      expectOk(await restarted.handle('vault:unlock', { passphrase: PASSPHRASE }));
      expect(expectOk(await restarted.handle('clients:get', { id: clientId }))).toMatchObject({ id: clientId });
      expectOk(await restarted.handle('vault:lock', {}));
      expectOk(await restarted.handle('vault:unlockWithRecoveryKey', { recoveryKey, newPassphrase: NEW_PASSPHRASE }));
    } finally {
      removeFolder(older);
    }
  });
});

describe('a re-encryption cut short', () => {
  /** A vault, unlocked, with its re-encrypted copy and new key files written beside it (the first half). */
  async function preparedCopy(): Promise<{ core: Core; oldKey: Buffer; newKey: Buffer }> {
    const { core } = await lockedVault();
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const oldKey = await vaultDataKey(folder, PASSPHRASE);
    const newKey = randomBytes(32);
    const vaultId = JSON.parse(readFileSync(keyPath(), 'utf8')).vaultId as string;
    const secret = randomBytes(32);
    prepareReencryptedCopy({
      paths: vaultPaths(folder),
      live: core.vault.db(),
      oldKey,
      newKey,
      keyFileText: keyFileText(await wrapDataKey(newKey, PASSPHRASE, vaultId)),
      recoveryFileText: recoveryFileText(wrapWithRecoverySecret(newKey, secret, vaultId)),
      meta: { pending_recovery_key: encodeRecoveryKey(secret), recovery_key_confirmed: 'no' },
    });
    await core.shutdown(); // the "crash": the process is gone, its database closed
    return { core, oldKey, newKey };
  }

  it('before the journal: the old vault opens as it was and the unfinished copy is removed', async () => {
    const { oldKey } = await preparedCopy();
    expect(
      readdirSync(folder)
        .filter((name) => name.endsWith('.new'))
        .sort(),
    ).toEqual(['vault.db.new', 'vault.key.new', 'vault.recovery.new']);
    const core = newCore();
    expect(await status(core)).toMatchObject({ state: 'locked', problem: null });
    expect(readdirSync(folder).filter((name) => name.endsWith('.new'))).toEqual([]);
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect((await vaultDataKey(folder, PASSPHRASE)).equals(oldKey)).toBe(true);
  });

  it.each([0, 1, 2, 3])(
    'after the journal, with %i of the old files already moved aside: the next start finishes the swap',
    async (moved) => {
      const { oldKey, newKey } = await preparedCopy();
      const setAside = 'replaced-by-reencryption-test';
      writeFileSync(
        join(folder, 'vault.reencrypt'),
        JSON.stringify({ format: 'sessionkeep-reencrypt', version: 1, setAside }),
      );
      mkdirSync(join(folder, setAside));
      for (const name of ['vault.db', 'vault.recovery', 'vault.key'].slice(0, moved)) {
        renameSync(join(folder, name), join(folder, setAside, name));
      }

      const core = newCore();
      expect(await status(core)).toMatchObject({ state: 'locked', problem: null });
      expect(existsSync(join(folder, 'vault.reencrypt'))).toBe(false);
      expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
      expect((await vaultDataKey(folder, PASSPHRASE)).equals(newKey)).toBe(true);
      expect(expectOk<unknown[]>(await core.handle('clients:list', { includeArchived: true }))).toHaveLength(1);
      // The old vault is whole in the set-aside folder and still opens with the old key.
      expect(readdirSync(join(folder, setAside)).sort()).toEqual(['vault.db', 'vault.key', 'vault.recovery']);
      const old = openRawVaultDb(join(folder, setAside, 'vault.db'), oldKey);
      expect(old.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
      old.close();
    },
  );
});
