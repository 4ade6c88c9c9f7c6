import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import type { BackupInfo, BackupStatus } from '../../shared/backup';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { SessionEvent } from '../../shared/ipc/channels';
import { chooseBackupFolder } from './support/chosenFolder';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * Backups as the app uses them, through the core's front door on real encrypted vaults:
 * "Back up now", the status, the list, the schedule at unlock and quit, and restore.
 */

let root: string;
let vaultFolder: string;
let backupFolder: string;
let core: Core;
let clock: number;
let recoveryKey: string;

beforeEach(async () => {
  root = makeTempFolder('backup-service');
  vaultFolder = join(root, 'vault');
  backupFolder = join(root, 'backups');
  mkdirSync(backupFolder);
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = createCore({ folder: vaultFolder, now: () => clock });
  recoveryKey = expectOk<{ recoveryKey: string }>(
    await core.handle('vault:create', { passphrase: PASSPHRASE }),
  ).recoveryKey;
  expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } }));
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(root);
});

const status = async () => expectOk<BackupStatus>(await core.handle('backup:status', {}));
/** The vault folder's names, but the throttle's count of wrong attempts (which a wrong passphrase rightly writes). */
const vaultFileNames = () =>
  readdirSync(vaultFolder)
    .filter((name) => name !== 'vault.throttle')
    .sort();
const backups = () => readdirSync(backupFolder).filter((name) => name.startsWith('sessionkeep-backup-'));

describe('back up now', () => {
  it('needs a folder first, and says so', async () => {
    expectFailure(await core.handle('backup:now', {}), 'NO_BACKUP_FOLDER');
    expect(await status()).toMatchObject({ folder: '', lastAttempt: null, due: false, overdue: true });
  });

  it('makes a verified backup with progress, records it, and lists it with its contents', async () => {
    const events: SessionEvent[] = [];
    core.onEvent((event) => events.push(event));
    expectOk(await chooseBackupFolder(core, backupFolder));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expect(made).toMatchObject({ ok: true, problem: null, summary: { clients: 1, notes: 0 } });
    const stages = events.flatMap((event) => (event.type === 'backup' ? [event.stage] : []));
    expect(stages.at(-1)).toBe('done');
    expect(await status()).toMatchObject({
      folder: backupFolder,
      lastAttempt: { ok: true },
      lastSuccessAt: made.createdAt,
      due: false,
      overdue: false,
    });
    const listed = expectOk<BackupInfo[]>(await core.handle('backup:list', {}));
    expect(listed.map((each) => [each.id, each.ok, each.summary?.clients])).toEqual([[made.id, true, 1]]);
  });

  it('an unplugged drive fails clearly, is recorded, and the last good backup is still known', async () => {
    expectOk(await chooseBackupFolder(core, backupFolder));
    const good = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    clock += 2 * 86_400_000;
    // Saved while the drive was there, then unplugged (a missing folder is refused at save).
    const drive = join(root, 'drive');
    mkdirSync(drive);
    expectOk(await chooseBackupFolder(core, drive));
    renameSync(drive, join(root, 'unplugged'));
    expectFailure(await core.handle('backup:now', {}), 'BACKUP_FOLDER_MISSING');
    expect(await status()).toMatchObject({ lastAttempt: { ok: false }, lastSuccessAt: good.createdAt, due: true });
    // The status line says it in words, never as a code (issue 12).
    expect((await status()).lastAttempt?.message).toMatch(/^The backup folder cannot be found\./);
  });
});

describe('the schedule', () => {
  it('backs up after an unlock when the last backup is over a day old, and at quit', async () => {
    expectOk(await chooseBackupFolder(core, backupFolder));
    expectOk(await core.handle('vault:lock', {}));
    expect(backups()).toEqual([]);
    const done = new Promise<void>((resolve) =>
      core.onEvent((event) => event.type === 'backup' && event.stage === 'done' && resolve()),
    );
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    await done;
    expect(backups()).toHaveLength(1);

    // Not again the same day; at quit a day later, yes.
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backups()).toHaveLength(1);
    clock += 25 * 3_600_000;
    await core.shutdown();
    expect(backups()).toHaveLength(2);
  });
});

describe('restore', () => {
  it('sets the current vault aside, puts the backup in its place and unlocks it', async () => {
    expectOk(await chooseBackupFolder(core, backupFolder));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Added later' } }));

    const restored = expectOk<{ setAsidePath: string | null }>(
      await core.handle('backup:restore', { id: made.id, secret: { kind: 'passphrase', passphrase: PASSPHRASE } }),
    );
    const clients = expectOk<Client[]>(await core.handle('clients:list', { includeArchived: true }));
    expect(clients.map((client) => client.displayName)).toEqual(['Amara Okafor']);
    expect(restored.setAsidePath && existsSync(join(restored.setAsidePath, 'vault.db'))).toBe(true);
  });

  it('brings the set-aside vault back with its passphrase, checked before anything moves', async () => {
    expectOk(await chooseBackupFolder(core, backupFolder));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Added later' } }));
    expectOk(
      await core.handle('backup:restore', { id: made.id, secret: { kind: 'passphrase', passphrase: PASSPHRASE } }),
    );
    const [aside] = expectOk<{ path: string }[]>(await core.handle('backup:setAside', {}));
    if (!aside) throw new Error('expected a set-aside vault');

    const before = vaultFileNames();
    expectFailure(
      await core.handle('backup:bringBack', { path: aside.path, passphrase: 'not the passphrase at all' }),
      'WRONG_PASSPHRASE',
    );
    expect(vaultFileNames()).toEqual(before);
    expectFailure(
      await core.handle('backup:bringBack', { path: join(root, 'elsewhere'), passphrase: PASSPHRASE }),
      'INVALID_REQUEST',
    );

    expectOk(await core.handle('backup:bringBack', { path: aside.path, passphrase: PASSPHRASE }));
    const clients = expectOk<Client[]>(await core.handle('clients:list', { includeArchived: true }));
    expect(clients.map((client) => client.displayName).sort()).toEqual(['Added later', 'Amara Okafor']);
    // The restored one was set aside in turn: nothing is ever lost.
    expect(expectOk<unknown[]>(await core.handle('backup:setAside', {}))).toHaveLength(1);
  });

  it('lists and brings back a set-aside vault while locked (from the unlock screen)', async () => {
    expectOk(await chooseBackupFolder(core, backupFolder));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Added later' } }));
    expectOk(
      await core.handle('backup:restore', { id: made.id, secret: { kind: 'passphrase', passphrase: PASSPHRASE } }),
    );
    expectOk(await core.handle('vault:lock', {}));
    expect((await core.vault.status()).state).toBe('locked');

    const [aside] = expectOk<{ path: string }[]>(await core.handle('backup:setAside', {}));
    if (!aside) throw new Error('expected a set-aside vault');
    const brought = expectOk<{ session: unknown; setAsidePath: string | null }>(
      await core.handle('backup:bringBack', { path: aside.path, passphrase: PASSPHRASE }),
    );
    expect((await core.vault.status()).state).toBe('unlocked');
    const clients = expectOk<Client[]>(await core.handle('clients:list', { includeArchived: true }));
    expect(clients.map((client) => client.displayName).sort()).toEqual(['Added later', 'Amara Okafor']);
    expect(brought.setAsidePath && existsSync(join(brought.setAsidePath, 'vault.db'))).toBe(true);
  });

  it('when the vault swapped in cannot be opened, the windows are told it is locked', async () => {
    expectOk(await chooseBackupFolder(core, backupFolder));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expectOk(
      await core.handle('backup:restore', { id: made.id, secret: { kind: 'passphrase', passphrase: PASSPHRASE } }),
    );
    const [aside] = expectOk<{ path: string }[]>(await core.handle('backup:setAside', {}));
    if (!aside) throw new Error('expected a set-aside vault');
    // The set-aside database is damaged; its key file (checked first) is fine.
    const damaged = join(aside.path, 'vault.db');
    const bytes = readFileSync(damaged);
    bytes.fill(0xa5, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
    writeFileSync(damaged, bytes);
    const events: SessionEvent[] = [];
    core.onEvent((event) => events.push(event));

    const failure = expectFailure(
      await core.handle('backup:bringBack', { path: aside.path, passphrase: PASSPHRASE }),
      'DATABASE_DAMAGED',
    );
    // The files did move, so the message says what happened and where the other vault went.
    expect(failure.message).toMatch(/^The set-aside vault was put back in place, but it could not be opened: /);
    expect(failure.message).not.toMatch(/Nothing was changed/);
    const [replaced] = expectOk<{ path: string }[]>(await core.handle('backup:setAside', {}));
    expect(failure.message).toContain(
      `set aside, unchanged, in ${replaced?.path}: bring it back from the unlock screen`,
    );
    // The unlock screen that replaces the window is told why, in the same words.
    expect(events).toContainEqual({ type: 'locked', reason: 'manual', notice: failure.message });
    expect((await core.vault.status()).state).toBe('locked');
  });

  it('a wrong passphrase or recovery key changes nothing', async () => {
    expectOk(await chooseBackupFolder(core, backupFolder));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    const before = vaultFileNames();
    expectFailure(
      await core.handle('backup:restore', {
        id: made.id,
        secret: { kind: 'passphrase', passphrase: 'not the passphrase at all' },
      }),
      'WRONG_PASSPHRASE',
    );
    expectFailure(
      await core.handle('backup:restore', {
        id: made.id,
        secret: { kind: 'recoveryKey', recoveryKey },
      }),
      'INVALID_REQUEST',
    );
    expect(vaultFileNames()).toEqual(before);
    expect(expectOk<Client[]>(await core.handle('clients:list', { includeArchived: true }))).toHaveLength(1);
  });

  it('lists and restores from the unlock screen (vault locked) with the recovery key', async () => {
    expectOk(await chooseBackupFolder(core, backupFolder));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expectOk(await core.handle('vault:lock', {}));
    const listed = expectOk<BackupInfo[]>(await core.handle('backup:list', {}));
    expect(listed.map((each) => [each.id, each.ok, each.summary])).toEqual([[made.id, true, null]]);
    const summary = expectOk<{ summary: { clients: number } }>(
      await core.handle('backup:summary', { id: made.id, secret: { kind: 'recoveryKey', recoveryKey } }),
    );
    expect(summary.summary.clients).toBe(1);
    expectOk(
      await core.handle('backup:restore', {
        id: made.id,
        secret: { kind: 'recoveryKey', recoveryKey },
        newPassphrase: 'a brand new passphrase for this vault',
      }),
    );
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: 'a brand new passphrase for this vault' }));
  });
});
