/**
 * Disk full and read-only folders, simulated with a small tmpfs that the test mounts
 * (root only). Elsewhere these tests are skipped with a printed reason.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { tmpfsUnavailable } from './support/tmpfs';

const PASSPHRASE = 'a sufficiently long passphrase';

const skipReason = tmpfsUnavailable();
if (skipReason) console.log(`storageFaults: skipped — ${skipReason}`);

const mounts: string[] = [];
function smallDisk(size: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sessionkeep-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}
const remount = (dir: string, options: string) => execFileSync('mount', ['-o', `remount,${options}`, dir]);

afterEach(() => {
  for (const dir of mounts.splice(0)) {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

function digest(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder).map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(folder, name)))
        .digest('hex'),
    ]),
  );
}

const client = (name: string) => ({
  displayName: name,
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  phone: '',
  email: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  presentingConcerns: 'Session notes that take up room. '.repeat(600),
  diagnosis: '',
  diagnosisCode: '',
});

describe.skipIf(skipReason !== null)('storage faults', () => {
  it('a full disk gives DISK_FULL, and everything saved before is intact', async () => {
    const disk = smallDisk('1m');
    const core = createCore({ folder: join(disk, 'vault') });
    expect(await core.handle('vault:create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });

    let saved = 0;
    let last: Awaited<ReturnType<typeof core.handle>> = { ok: true, value: null };
    for (let i = 0; i < 500 && last.ok; i++) {
      last = await core.handle('clients:create', { client: client(`Client ${i}`) });
      if (last.ok) saved++;
    }
    expect(last).toMatchObject({ ok: false, code: 'DISK_FULL' });
    expect(last.ok === false && last.message).toMatch(/disk is full/);
    expect(saved).toBeGreaterThan(3);

    // Nothing already saved was damaged: still readable now, and after more room, a lock and an unlock.
    const listed = await core.handle('clients:list', { includeArchived: true });
    expect(listed.ok && (listed.value as unknown[]).length).toBe(saved);
    remount(disk, 'size=8m');
    expect(await core.handle('clients:create', { client: client('After') })).toMatchObject({ ok: true });
    await core.handle('vault:lock', {});
    expect(await core.handle('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const again = await core.handle('clients:list', { includeArchived: true });
    expect(again.ok && (again.value as unknown[]).length).toBe(saved + 1);
    expect(core.vault.db().pragma('integrity_check', { simple: true })).toBe('ok');
    await core.shutdown();
  });

  it('a vault on a read-only folder is refused with READ_ONLY and left untouched', async () => {
    const disk = smallDisk('4m');
    const folder = join(disk, 'vault');
    const core = createCore({ folder });
    await core.handle('vault:create', { passphrase: PASSPHRASE });
    await core.handle('clients:create', { client: client('Kept') });
    await core.handle('vault:lock', {});
    const before = digest(folder);

    remount(disk, 'ro');
    const unlocked = await core.handle('vault:unlock', { passphrase: PASSPHRASE });
    expect(unlocked).toMatchObject({ ok: false, code: 'READ_ONLY' });
    const changed = await core.handle('vault:unlockWithRecoveryKey', {
      recoveryKey: 'not-a-key',
      newPassphrase: PASSPHRASE,
    });
    expect(changed).toMatchObject({ ok: false });
    expect(digest(folder)).toEqual(before);

    remount(disk, 'rw');
    expect(await core.handle('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const listed = await core.handle('clients:list', { includeArchived: false });
    expect(listed.ok && (listed.value as { displayName: string }[]).map((c) => c.displayName)).toEqual(['Kept']);
    await core.shutdown();
  });

  it('creating a vault in a read-only folder gives READ_ONLY and creates nothing', async () => {
    const disk = smallDisk('1m');
    remount(disk, 'ro');
    const core = createCore({ folder: join(disk, 'vault') });
    expect(await core.handle('vault:create', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      code: 'READ_ONLY',
    });
    expect(readdirSync(disk)).toEqual([]);
  });
});
