import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkCopy } from '../../electron/core/backup/backupCopy';
import { BACKUP_BROKEN_CODE } from '../../electron/core/backup/backupErrors';
import { checkBackup, listBackups, pruneBackups } from '../../electron/core/backup/listBackups';
import { makeBackup } from '../../electron/core/backup/makeBackup';
import { describeFiles, manifestText, readManifest } from '../../electron/core/backup/manifest';
import { bringBack, readBackupSummary, restoreBackup } from '../../electron/core/backup/restoreBackup';
import { type Core, createCore } from '../../electron/core/core';
import { CoreError } from '../../electron/core/coreError';
import { openVaultDatabase } from '../../electron/core/db/database';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { Note } from '../../shared/notes/note';
import type { RichTextDoc } from '../../shared/templates/types';
import { encodeRecoveryKey } from '../../shared/vault/recoveryKey';
import { tmpfsUnavailable } from './support/tmpfs';
import {
  expectFailure,
  expectOk,
  makeTempFolder,
  NEW_PASSPHRASE,
  openRawVaultDb,
  PASSPHRASE,
  removeFolder,
  sha256File,
  snapshotFolder,
} from './support/vaultFolder';

/**
 * Backups against real encrypted vaults: made from the open vault through the core,
 * checked byte by byte for encryption, listed, rotated, restored and brought back, and
 * interrupted by SIGKILL at random moments in a child process.
 */

const CLIENT_NAME = 'Zephyrine Quillfeather';
const NOTE_TEXT = 'Discussed the marmalade-lighthouse dream again';

const doc = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

let vaultFolder: string;
let backupFolder: string;
let core: Core;
let recoveryKey: string;
let dataKey: Buffer;

async function addClient(name: string, concerns = ''): Promise<Client> {
  return expectOk<Client>(
    await core.handle('clients:create', {
      client: { ...emptyClientInput, displayName: name, presentingConcerns: concerns },
    }),
  );
}

async function addNote(clientId: string, text: string, sign = false): Promise<Note> {
  const note = expectOk<Note>(await core.handle('notes:create', { clientId, templateId: 'cbt-session' }));
  expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc(text) } }));
  if (sign) return expectOk<Note>(await core.handle('notes:sign', { id: note.id }));
  return note;
}

async function clientNames(): Promise<string[]> {
  const listed = expectOk<Client[]>(await core.handle('clients:list', { includeArchived: true }));
  return listed.map((client) => client.displayName).sort();
}

function flipBit(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes.writeUInt8(bytes.readUInt8(offset) ^ 0x01, offset);
  writeFileSync(path, bytes);
}

const backupPaths = () => ({ keyFile: join(vaultFolder, 'vault.key'), backupFolder });

/**
 * A disk that garbles what was just written: once the copy is made (the "key-file"
 * stage), 4 KiB in the middle of the new vault.db are overwritten, so the read-back
 * must find it.
 */
function damageTheCopy(folder: string) {
  return (_fraction: number, stage: string) => {
    if (stage !== 'key-file') return;
    const partial = readdirSync(folder).find((name) => name.startsWith('.partial-'));
    if (!partial) throw new Error('expected a .partial- folder while copying');
    const path = join(folder, partial, 'vault.db');
    const fd = openSync(path, 'r+');
    try {
      writeSync(fd, randomBytes(4096), 0, 4096, Math.floor(statSync(path).size / 2 / 4096) * 4096);
    } finally {
      closeSync(fd);
    }
  };
}

beforeEach(async () => {
  vaultFolder = makeTempFolder('backup-vault');
  backupFolder = makeTempFolder('backups');
  core = createCore({ folder: vaultFolder });
  recoveryKey = expectOk<{ recoveryKey: string }>(
    await core.handle('vault:create', { passphrase: PASSPHRASE }),
  ).recoveryKey;
  // The recovery key is its own wrap of the data key now (issue 11): take the key from the open vault.
  dataKey = await core.vault.withUnlocked((_db, key) => Buffer.from(key));
  expectOk(await core.handle('settings:update', { therapistName: 'Dr Ana Ruiz' }));
  const zephyrine = await addClient(CLIENT_NAME);
  await addClient('Bob Green');
  await addNote(zephyrine.id, NOTE_TEXT, true);
  await addNote(zephyrine.id, 'A second, unsigned note');
});

afterEach(async () => {
  await core.shutdown();
  removeFolder(vaultFolder);
  removeFolder(backupFolder);
});

describe('making a backup', () => {
  it('writes one encrypted folder that opens with the same data key and nothing else', async () => {
    const progress: [number, string][] = [];
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths(), {
      onProgress: (fraction, stage) => progress.push([fraction, stage]),
    });

    expect(made.id).toMatch(/^sessionkeep-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    expect(readdirSync(backupFolder)).toEqual([made.id]);
    expect(readdirSync(made.path).sort()).toEqual(['manifest.json', 'vault.db', 'vault.key', 'vault.recovery']);
    expect(made.summary).toMatchObject({ clients: 2, notes: 2, signedNotes: 1 });
    expect(made.summary.lastEditAt).toMatch(/^\d{4}-/);

    // Encrypted: no SQLite header, no client name or note text anywhere in the bytes.
    const bytes = readFileSync(join(made.path, 'vault.db'));
    expect(bytes.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'))).toBe(false);
    for (const secret of [CLIENT_NAME, NOTE_TEXT, 'Dr Ana Ruiz']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
    }
    // …and the plain search works on a plaintext copy, so the check above can fail.
    const plain = join(backupFolder, 'plain.db');
    copyFileSync(join(made.path, 'vault.db'), plain);
    const decrypted = openRawVaultDb(plain, dataKey);
    decrypted.pragma("rekey = ''");
    decrypted.close();
    expect(readFileSync(plain).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(readFileSync(plain).includes(Buffer.from(CLIENT_NAME, 'utf8'))).toBe(true);
    rmSync(plain);

    // Same data key: it opens and holds the vault's rows; another key does not open it.
    const copy = openRawVaultDb(join(made.path, 'vault.db'), dataKey);
    expect(copy.prepare('SELECT display_name FROM clients ORDER BY display_name').pluck().all()).toEqual([
      'Bob Green',
      CLIENT_NAME,
    ]);
    copy.close();
    const wrong = openRawVaultDb(join(made.path, 'vault.db'), Buffer.alloc(32, 7));
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    wrong.close();

    // The key file is the vault's, byte for byte; the manifest has hashes, sizes and nothing clinical.
    expect(sha256File(join(made.path, 'vault.key'))).toBe(sha256File(join(vaultFolder, 'vault.key')));
    const manifest = await readManifest(made.path);
    expect(manifest?.files['vault.db'].sha256).toBe(sha256File(join(made.path, 'vault.db')));
    expect(manifest?.files['vault.key'].size).toBe(statSync(join(made.path, 'vault.key')).size);
    const manifestJson = readFileSync(join(made.path, 'manifest.json'), 'utf8');
    expect(Object.keys(JSON.parse(manifestJson)).sort()).toEqual([
      'createdAt',
      'files',
      'format',
      'schemaVersion',
      'version',
    ]);
    expect(manifestJson).not.toContain(CLIENT_NAME);

    // Progress climbs to 1, in stages.
    expect(progress.map(([, stage]) => stage)).toEqual(['copying', 'key-file', 'verifying', 'done']);
    expect(progress.map(([fraction]) => fraction)).toEqual([...progress.map(([f]) => f)].sort((a, b) => a - b));
    expect(progress.at(-1)?.[0]).toBe(1);
  });

  it('a backup that fails its check is kept as .broken and never listed as good', async () => {
    const error = await makeBackup(core.vault.db(), dataKey, backupPaths(), {
      onProgress: damageTheCopy(backupFolder),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe(BACKUP_BROKEN_CODE);
    expect((error as CoreError).message).toMatch(/cannot be used: it failed its check/);
    const listed = await listBackups(backupFolder, { dataKey });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: 'broken', reason: 'failed-verification' });
    expect(listed[0]?.id).toMatch(/^\.broken-sessionkeep-backup-/);
  });

  it('a missing backup folder (unplugged drive) is BACKUP_FOLDER_MISSING and nothing is created', async () => {
    const gone = join(backupFolder, 'drive', 'Backups');
    const error = await makeBackup(core.vault.db(), dataKey, { ...backupPaths(), backupFolder: gone }).catch(
      (e: unknown) => e,
    );
    expect((error as CoreError).code).toBe('BACKUP_FOLDER_MISSING');
    expect(existsSync(join(backupFolder, 'drive'))).toBe(false);
  });

  it('two backups in the same second get distinct folders', async () => {
    const now = () => new Date('2026-11-25T10:00:00Z');
    const first = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now });
    const second = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now });
    expect([first.id, second.id]).toEqual([
      'sessionkeep-backup-2026-11-25T10-00-00Z',
      'sessionkeep-backup-2026-11-25T10-00-00Z-1',
    ]);
  });
});

describe('listing backups', () => {
  it('reports each backup ok or broken with its reason, and a summary only with the key', async () => {
    const at = (iso: string) => () => new Date(iso);
    const good = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now: at('2026-11-20T10:00:00Z') });
    const tampered = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now: at('2026-11-21T10:00:00Z') });
    const noManifest = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now: at('2026-11-22T10:00:00Z') });
    const missingKey = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now: at('2026-11-23T10:00:00Z') });
    flipBit(join(tampered.path, 'vault.db'), statSync(join(tampered.path, 'vault.db')).size - 100);
    rmSync(join(noManifest.path, 'manifest.json'));
    rmSync(join(missingKey.path, 'vault.key'));
    mkdirSync(join(backupFolder, '.partial-sessionkeep-backup-2026-11-24T10-00-00Z.0a1b'));
    mkdirSync(join(backupFolder, 'Holiday photos'));

    const withoutKey = await listBackups(backupFolder);
    expect(withoutKey.map((entry) => [entry.id, entry.status, 'reason' in entry ? entry.reason : null])).toEqual([
      ['.partial-sessionkeep-backup-2026-11-24T10-00-00Z.0a1b', 'broken', 'interrupted'],
      [missingKey.id, 'broken', 'missing-files'],
      [noManifest.id, 'broken', 'manifest'],
      [tampered.id, 'broken', 'hash-mismatch'],
      [good.id, 'ok', null],
    ]);
    expect(withoutKey.find((entry) => entry.id === good.id)).not.toHaveProperty('summary');

    const withKey = await listBackups(backupFolder, { dataKey });
    expect(withKey.find((entry) => entry.id === good.id)).toMatchObject({
      status: 'ok',
      createdAt: '2026-11-20T10:00:00.000Z',
      summary: { clients: 2, notes: 2, signedNotes: 1 },
    });
    const wrongKey = await listBackups(backupFolder, { dataKey: Buffer.alloc(32, 9) });
    expect(wrongKey.find((entry) => entry.id === good.id)).toMatchObject({ status: 'broken', reason: 'cannot-open' });
  });

  it('a damaged page fails the cipher tag and integrity_check, even with a matching manifest', async () => {
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    const dbPath = join(made.path, 'vault.db');
    expect(statSync(dbPath).size).toBeGreaterThan(3 * 4096);
    flipBit(dbPath, 2 * 4096 + 200); // one bit, in the middle of page 3
    // Re-sign the manifest so only the database itself can tell.
    const manifest = await readManifest(made.path);
    if (!manifest) throw new Error('no manifest');
    writeFileSync(
      join(made.path, 'manifest.json'),
      manifestText({ ...manifest, files: await describeFiles(made.path) }),
    );

    expect((await checkBackup(made.path)).status).toBe('ok'); // the files alone look fine…
    const deep = await checkBackup(made.path, { dataKey, deep: true });
    expect(deep).toMatchObject({ status: 'broken', reason: 'integrity' }); // …every page read says otherwise
    expect(checkCopy(dbPath, dataKey)).toMatchObject({ ok: false, reason: 'integrity' });

    flipBit(dbPath, 100); // page 1 too: it cannot even be opened
    expect(checkCopy(dbPath, dataKey)).toMatchObject({ ok: false, reason: 'cannot-open' });
  });
});

describe('rotation on disk', () => {
  it('prunes by the policy and touches nothing that is not a backup', async () => {
    const at = (iso: string) => () => new Date(iso);
    const older = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now: at('2026-11-20T08:00:00Z') });
    const newer = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now: at('2026-11-20T09:00:00Z') });
    const today = await makeBackup(core.vault.db(), dataKey, backupPaths(), { now: at('2026-11-25T01:00:00Z') });
    mkdirSync(join(backupFolder, 'Holiday photos'));
    mkdirSync(join(backupFolder, '.partial-sessionkeep-backup-2026-11-19T10-00-00Z.77'));

    const deleted = await pruneBackups(backupFolder, new Date('2026-11-25T12:00:00Z'));
    expect(deleted.sort()).toEqual(['.partial-sessionkeep-backup-2026-11-19T10-00-00Z.77', older.id]);
    expect(readdirSync(backupFolder).sort()).toEqual(['Holiday photos', newer.id, today.id].sort());
  });
});

describe('restoring', () => {
  it('sets the current vault aside, opens with the passphrase of the backup, and brings back', async () => {
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    // After the backup: a new client and a new passphrase.
    await addClient('Added After Backup');
    expectOk(
      await core.handle('vault:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE }),
    );
    expectOk(await core.handle('vault:lock', {}));
    const before = snapshotFolder(vaultFolder);

    const restored = await restoreBackup(vaultFolder, made.path, { dataKey, via: 'passphrase' });
    const setAside = restored.setAsidePath;
    if (!setAside) throw new Error('expected a set-aside folder');
    expect(setAside).toMatch(/set-aside-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    // The replaced vault is there, byte for byte (the WAL may have been checkpointed at lock; compare what moved).
    const asideSnapshot = snapshotFolder(setAside);
    for (const [name, hash] of Object.entries(asideSnapshot)) expect(before[name]).toBe(hash);
    expect(Object.keys(asideSnapshot)).toContain('vault.db');
    expect(Object.keys(asideSnapshot)).toContain('vault.key');

    // The restored vault opens through the normal unlock, with the passphrase of its time.
    expectFailure(await core.handle('vault:unlock', { passphrase: NEW_PASSPHRASE }), 'WRONG_PASSPHRASE');
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect(await clientNames()).toEqual(['Bob Green', CLIENT_NAME]);
    expect(core.vault.db().pragma('integrity_check', { simple: true })).toBe('ok');
    expectOk(await core.handle('vault:lock', {}));

    // Bring back: the later vault returns with its passphrase; the restored one is set aside in turn.
    const second = bringBack(vaultFolder, setAside);
    expect(existsSync(setAside)).toBe(false);
    expect(second && readdirSync(second).sort()).toEqual(expect.arrayContaining(['vault.db', 'vault.key']));
    expectOk(await core.handle('vault:unlock', { passphrase: NEW_PASSPHRASE }));
    expect(await clientNames()).toEqual(['Added After Backup', 'Bob Green', CLIENT_NAME]);
  });

  it('a restored vault also opens with the recovery key', async () => {
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    expectOk(await core.handle('vault:lock', {}));
    await restoreBackup(vaultFolder, made.path, { dataKey, via: 'recoveryKey' });
    expectOk(await core.handle('vault:unlockWithRecoveryKey', { recoveryKey, newPassphrase: NEW_PASSPHRASE }));
    expect(await clientNames()).toEqual(['Bob Green', CLIENT_NAME]);
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: NEW_PASSPHRASE }));
  });

  it('restores into an empty vault folder (a new computer) with nothing to set aside', async () => {
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    const fresh = makeTempFolder('backup-fresh');
    try {
      const restored = await restoreBackup(join(fresh, 'vault'), made.path, { dataKey, via: 'passphrase' });
      expect(restored.setAsidePath).toBeNull();
      const other = createCore({ folder: join(fresh, 'vault') });
      expectOk(await other.handle('vault:unlock', { passphrase: PASSPHRASE }));
      await other.shutdown();
    } finally {
      removeFolder(fresh);
    }
  });

  it('refuses a broken backup with a clear error and changes nothing', async () => {
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    expectOk(await core.handle('vault:lock', {}));
    flipBit(join(made.path, 'vault.db'), 5000);
    const before = snapshotFolder(vaultFolder);

    const error = await restoreBackup(vaultFolder, made.path, { dataKey, via: 'passphrase' }).catch((e: unknown) => e);
    expect((error as CoreError).code).toBe(BACKUP_BROKEN_CODE);
    expect((error as CoreError).message).toMatch(/changed or damaged after it was made\. Nothing was changed\./);
    expect(snapshotFolder(vaultFolder)).toEqual(before);
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  });

  it('reads what a backup holds while the vault is locked, with the passphrase or the recovery key', async () => {
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    expectOk(await core.handle('vault:lock', {}));
    const expected = { clients: 2, notes: 2, signedNotes: 1 };
    expect((await readBackupSummary(made.path, { passphrase: PASSPHRASE })).summary).toMatchObject(expected);
    expect((await readBackupSummary(made.path, { recoveryKey })).summary).toMatchObject(expected);
    const wrongPassphrase = await readBackupSummary(made.path, { passphrase: NEW_PASSPHRASE }).catch((e) => e);
    expect((wrongPassphrase as CoreError).code).toBe('WRONG_PASSPHRASE');
    const otherVaultsKey = encodeRecoveryKey(randomBytes(32));
    const wrongRecovery = await readBackupSummary(made.path, { recoveryKey: otherVaultsKey }).catch((e) => e);
    expect((wrongRecovery as CoreError).code).toBe('WRONG_RECOVERY_KEY');
    const malformed = await readBackupSummary(made.path, { recoveryKey: 'hello' }).catch((e) => e);
    expect((malformed as CoreError).code).toBe('RECOVERY_KEY_MALFORMED');
  });
});

// ---------------------------------------------------------------------------------
// Owner-only files (POSIX): with the umask cleared, so the modes come from the code, not the shell.

/** The permission bits of every entry under a folder (itself included), by relative path. */
function modesUnder(folder: string): Record<string, string> {
  const modes: Record<string, string> = { '.': (statSync(folder).mode & 0o777).toString(8) };
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    modes[name] = (statSync(join(folder, name)).mode & 0o777).toString(8);
  }
  return modes;
}

describe.skipIf(process.platform === 'win32')('owner-only files', () => {
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('a backup folder is 0700 and every file in it 0600, a failed one too', async () => {
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    expect(modesUnder(made.path)).toEqual({
      '.': '700',
      'manifest.json': '600',
      'vault.db': '600',
      'vault.key': '600',
      'vault.recovery': '600',
    });
    await makeBackup(core.vault.db(), dataKey, backupPaths(), { onProgress: damageTheCopy(backupFolder) }).catch(
      () => undefined,
    );
    const broken = readdirSync(backupFolder).find((name) => name.startsWith('.broken-'));
    if (!broken) throw new Error('expected a .broken backup');
    expect(Object.values(modesUnder(join(backupFolder, broken))).sort()).toEqual(['600', '600', '600', '600', '700']);
  });

  it('a set-aside vault is in a 0700 folder, and the restored files are 0600', async () => {
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    expectOk(await core.handle('vault:lock', {}));
    const { setAsidePath } = await restoreBackup(vaultFolder, made.path, { dataKey, via: 'passphrase' });
    if (!setAsidePath) throw new Error('expected a set-aside folder');
    expect(modesUnder(setAsidePath)['.']).toBe('700');
    for (const name of ['vault.db', 'vault.key', 'vault.recovery']) {
      expect((statSync(join(vaultFolder, name)).mode & 0o777).toString(8)).toBe('600');
    }
  });

  it('a whole-vault export is 0600', async () => {
    const path = join(backupFolder, 'export.zip');
    expectOk(await core.handle('export:vault', { target: core.files.register('export-target', path).token }));
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
    const sealed = join(backupFolder, 'sealed.zip');
    expectOk(
      await core.handle('export:vault', {
        target: core.files.register('export-target', sealed).token,
        passphrase: NEW_PASSPHRASE,
      }),
    );
    expect((statSync(sealed).mode & 0o777).toString(8)).toBe('600');
  });
});

// ---------------------------------------------------------------------------------
// Disk full: a small tmpfs as the backup folder (root only; skipped otherwise).

const mountSkip = tmpfsUnavailable();
if (mountSkip) console.log(`backup disk full: skipped — ${mountSkip}`);

describe.skipIf(mountSkip !== null)('a full backup disk', () => {
  let disk: string;
  afterEach(() => {
    execFileSync('umount', ['-l', disk]);
    rmSync(disk, { recursive: true, force: true });
  });

  it('gives DISK_FULL, leaves nothing that looks like a backup, and the vault untouched', async () => {
    // Enough text to make the vault well over the disk's size.
    for (let i = 0; i < 40; i++) await addClient(`Client ${i}`, 'Presenting concerns that take room. '.repeat(400));
    disk = mkdtempSync(join(tmpdir(), 'sessionkeep-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', disk]);
    const countBefore = (await clientNames()).length;

    const error = await makeBackup(core.vault.db(), dataKey, { ...backupPaths(), backupFolder: disk }).catch(
      (e: unknown) => e,
    );
    expect((error as CoreError).code).toBe('DISK_FULL');
    expect(await listBackups(disk)).toEqual([]);
    expect(readdirSync(disk)).toEqual([]);
    expect(core.vault.db().pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await clientNames()).length).toBe(countBefore);
    // And the vault still writes and backs up elsewhere.
    await addClient('After the full disk');
    const made = await makeBackup(core.vault.db(), dataKey, backupPaths());
    expect(made.summary.clients).toBe(countBefore + 1);
  });

  it('a restore that runs out of room gives DISK_FULL and leaves the current vault as it was', async () => {
    for (let i = 0; i < 40; i++) await addClient(`Client ${i}`, 'Presenting concerns that take room. '.repeat(400));
    const big = await makeBackup(core.vault.db(), dataKey, backupPaths());
    expect(big.sizeBytes).toBeGreaterThan(600 * 1024);
    disk = mkdtempSync(join(tmpdir(), 'sessionkeep-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=640k,mode=0700', 'tmpfs', disk]);
    const small = createCore({ folder: join(disk, 'vault') });
    expectOk(await small.handle('vault:create', { passphrase: NEW_PASSPHRASE }));
    expectOk(await small.handle('vault:lock', {}));
    const before = snapshotFolder(join(disk, 'vault'));

    const error = await restoreBackup(join(disk, 'vault'), big.path, { dataKey, via: 'passphrase' }).catch(
      (e: unknown) => e,
    );
    expect((error as CoreError).code).toBe('DISK_FULL');
    expect(snapshotFolder(join(disk, 'vault'))).toEqual(before);
    expectOk(await small.handle('vault:unlock', { passphrase: NEW_PASSPHRASE }));
    await small.shutdown();
  });
});

// ---------------------------------------------------------------------------------
// SIGKILL at random moments: a child process bundled from the real TypeScript.

const CHILD_SOURCE = `
import { openVaultDatabase } from './electron/core/db/database';
import { makeBackup } from './electron/core/backup/makeBackup';
const [vaultFolder, backupFolder, keyHex] = process.argv.slice(2);
(async () => {
  const db = await openVaultDatabase(vaultFolder + '/vault.db', Buffer.from(keyHex, 'hex'), { create: false });
  process.stdout.write('ready\\n');
  for (;;) {
    await makeBackup(db, Buffer.from(keyHex, 'hex'), { keyFile: vaultFolder + '/vault.key', backupFolder });
    process.stdout.write('made\\n');
  }
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('interrupted backups', () => {
  let childDir: string;
  let childScript: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    childDir = mkdtempSync(join(tmpdir(), 'sessionkeep-backup-child-'));
    childScript = join(childDir, 'child.cjs');
    await build({
      stdin: { contents: CHILD_SOURCE, resolveDir: resolve(__dirname, '../..'), loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: childScript,
      external: ['better-sqlite3-multiple-ciphers'],
      logLevel: 'warning',
    });
  });
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(childDir, { recursive: true, force: true });
  });

  it('leaves every folder either verified good or listed as broken, and the vault intact (20 kills)', async () => {
    for (let i = 0; i < 60; i++) await addClient(`Client ${i}`, 'Presenting concerns that take room. '.repeat(300));
    expectOk(await core.handle('vault:lock', {}));

    const runOnce = (killAfterMs: number) =>
      new Promise<void>((done, fail) => {
        const child = spawn(process.execPath, [childScript, vaultFolder, backupFolder, dataKey.toString('hex')], {
          env: { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let stderr = '';
        child.stderr?.on('data', (chunk) => {
          stderr += String(chunk);
        });
        child.stdout?.on('data', (chunk) => {
          if (String(chunk).includes('ready')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        });
        child.on('exit', (code, signal) =>
          signal === 'SIGKILL' ? done() : fail(new Error(`child exited ${code}: ${stderr}`)),
        );
      });

    for (let i = 0; i < 20; i++) await runOnce(Math.floor(Math.random() * 400));

    const entries = await listBackups(backupFolder, { dataKey });
    const good = entries.filter((entry) => entry.status === 'ok');
    const broken = entries.filter((entry) => entry.status === 'broken');
    console.log(`interrupted backups: ${good.length} good, ${broken.length} broken/partial after 20 kills`);
    for (const entry of entries) {
      if (entry.status === 'broken') {
        // Only an interruption can explain a broken one here; never a "good"-named folder that fails.
        expect(entry.reason).toBe('interrupted');
        continue;
      }
      expect(entry.summary).toMatchObject({ clients: 62, notes: 2, signedNotes: 1 });
      expect((await checkBackup(entry.path, { dataKey, deep: true })).status).toBe('ok');
    }
    // The source still opens the normal way and passes the full check.
    const db = await openVaultDatabase(join(vaultFolder, 'vault.db'), dataKey, { create: false });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  }, 120_000);
});
