import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../electron/core/backup/listBackups';
import { type Core, createCore } from '../../electron/core/core';
import { runInWorker } from '../../electron/core/worker/runInWorker';
import type { BackupInfo, BackupStatus } from '../../shared/backup';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { SessionEvent } from '../../shared/ipc/channels';
import type { Note } from '../../shared/notes/note';
import type { RichTextDoc } from '../../shared/templates/types';
import { chooseBackupFolder } from './support/chosenFolder';
import {
  expectFailure,
  expectOk,
  makeTempFolder,
  PASSPHRASE,
  removeFolder,
  snapshotFolder,
  vaultDataKey,
} from './support/vaultFolder';

/**
 * Backups run in a worker thread with their own connection (issue 13): the therapist's
 * autosaves go on while the copy is made, a backup can be stopped without leaving
 * anything behind, and the copy is still verified. Real encrypted vaults, the real
 * worker (bundled by the test setup), through the core's front door.
 */

let root: string;
let vaultFolder: string;
let backupFolder: string;
let core: Core;
let events: SessionEvent[];
let note: Note;

const doc = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

beforeEach(async () => {
  root = makeTempFolder('backup-worker');
  vaultFolder = join(root, 'vault');
  backupFolder = join(root, 'backups');
  mkdirSync(backupFolder);
  core = createCore({ folder: vaultFolder });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  // The schedule's check after an unlock runs now, while no folder is set: no automatic
  // backup starts behind the tests' backs (a lock would wait for it).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const client = expectOk<Client>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } }),
  );
  note = expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId: 'cbt-session' }));
  expectOk(await chooseBackupFolder(core, backupFolder));
  events = [];
  core.onEvent((event) => events.push(event));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await core.shutdown();
  removeFolder(root);
});

const stages = () => events.flatMap((event) => (event.type === 'backup' ? [event.stage] : []));
const status = async () => expectOk<BackupStatus>(await core.handle('backup:status', {}));

/** Runs `action` once, the first time a backup announces `stage`. */
function atStage(stage: string, action: () => void): void {
  const stop = core.onEvent((event) => {
    if (event.type !== 'backup' || event.stage !== stage) return;
    stop();
    action();
  });
}

describe('a backup in a worker thread', () => {
  it('lets autosaves land while the copy is made, and the copy still verifies', async () => {
    const saved: number[] = [];
    let copying = false;
    const savesWhileCopying = async () => {
      // Saves as the window sends them, one after another, until the copy is done.
      for (let i = 0; copying && i < 1000; i++) {
        expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc(`Typed ${i}`) } }));
        // Counted only when it was answered while the copy was still being made.
        if (copying) saved.push(i);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    let typing: Promise<void> = Promise.resolve();
    atStage('copying', () => {
      copying = true;
      typing = savesWhileCopying();
    });
    atStage('key-file', () => {
      copying = false;
    });
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    await typing;
    // On the main thread the copy and the stage after it ran in one go: no save was answered meanwhile.
    expect(saved.length).toBeGreaterThan(0);
    expect(made).toMatchObject({ ok: true, problem: null, summary: { clients: 1, notes: 1 } });
    // Read back with the key, every page: good, and listed as good.
    const dataKey = await vaultDataKey(vaultFolder, PASSPHRASE);
    const listed = await listBackups(backupFolder, { dataKey });
    expect(listed.map((entry) => [entry.id, entry.status])).toEqual([[made.id, 'ok']]);
    // The vault kept every save: the last one is what the note says now.
    const now = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    expect(JSON.stringify(now.values.summary)).toMatch(/Typed \d+/);
  });

  it('counts rows in the snapshot it copies, and says so when no save landed meanwhile', async () => {
    const dataKey = await vaultDataKey(vaultFolder, PASSPHRASE);
    const target = join(root, 'copy.db');
    const copied = await runInWorker('copyVault', {
      databasePath: core.vault.db().name,
      dataKey,
      target,
    });
    expect(copied.sameSnapshot).toBe(true);
    expect(copied.counts.clients).toBe(1);
    expect(copied.counts.notes).toBe(1);
    const checked = await runInWorker('checkCopy', {
      path: target,
      dataKey,
      expectedCounts: copied.counts,
      expected: { integrity: true, schemaVersion: copied.schemaVersion },
    });
    expect(checked).toMatchObject({ ok: true, summary: { clients: 1, notes: 1 } });
    // The key's bytes went to the worker as a copy: the caller's key is untouched.
    expect(dataKey.equals(await vaultDataKey(vaultFolder, PASSPHRASE))).toBe(true);
  });

  it('a wrong key cannot open the vault in the worker, and the error says what SQLite said', async () => {
    const error = await runInWorker('copyVault', {
      databasePath: core.vault.db().name,
      dataKey: Buffer.alloc(32, 7),
      target: join(root, 'copy.db'),
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('SQLITE_NOTADB');
  });
});

describe('stopping a backup', () => {
  it.each(['copying', 'key-file', 'verifying'])(
    'stopped while %s: CANCELLED in words, the folder as it was, the status unchanged',
    async (stage) => {
      // One good backup first: the folder is not empty, and its bytes must not change.
      const first = expectOk<BackupInfo>(await core.handle('backup:now', {}));
      const before = snapshotFolder(backupFolder);
      const statusBefore = await status();
      events = [];
      const cancelled: boolean[] = [];
      atStage(stage, () => {
        void core.handle('backup:cancel', {}).then((answer) => {
          cancelled.push(expectOk<{ cancelled: boolean }>(answer).cancelled);
        });
      });
      const failure = expectFailure(await core.handle('backup:now', {}), 'CANCELLED');
      expect(failure.message).toBe('The backup was stopped. Nothing was added to the backup folder.');
      expect(cancelled).toEqual([true]);
      expect(snapshotFolder(backupFolder)).toEqual(before);
      expect(await status()).toEqual(statusBefore);
      expect(stages().at(-1)).toBe('cancelled');
      expect(readdirSync(backupFolder)).toEqual([first.id]);
      // The next backup is not blocked by the stopped one.
      expectOk<BackupInfo>(await core.handle('backup:now', {}));
    },
  );

  it('nothing to stop answers cancelled: false; a second backup while one runs is BUSY, in words', async () => {
    expect(expectOk<{ cancelled: boolean }>(await core.handle('backup:cancel', {}))).toEqual({ cancelled: false });
    let second: Promise<unknown> = Promise.resolve();
    atStage('copying', () => {
      second = core.handle('backup:now', {});
    });
    expectOk<BackupInfo>(await core.handle('backup:now', {}));
    const busy = expectFailure((await second) as never, 'BUSY');
    expect(busy.message).toMatch(/A backup is already under way/);
  });

  it('a lock asked for mid-backup waits for it: the backup is whole and verified, then the vault locks', async () => {
    let locking: Promise<unknown> = Promise.resolve();
    atStage('copying', () => {
      locking = core.lock('manual');
    });
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    await locking;
    expect(core.vault.isUnlocked).toBe(false);
    expect(made.ok).toBe(true);
    const listed = await listBackups(backupFolder, { dataKey: await vaultDataKey(vaultFolder, PASSPHRASE) });
    expect(listed.map((entry) => entry.status)).toEqual(['ok']);
  });
});

describe('a whole-vault export in a worker thread', () => {
  const exportTo = (name: string) => {
    const out = join(root, 'exports');
    mkdirSync(out, { recursive: true });
    return { out, token: core.files.register('export-target', join(out, name), {}).token };
  };

  it('lets autosaves land while it runs, and the archive holds one consistent state', async () => {
    const { out, token } = exportTo('practice.zip');
    let exporting = true;
    let answered = 0;
    const typing = (async () => {
      for (let i = 0; exporting && i < 1000; i++) {
        expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc(`Export ${i}`) } }));
        if (exporting) answered += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = expectOk<{ counts: Record<string, number>; displayName: string }>(
      await core.handle('export:vault', { target: token }),
    );
    exporting = false;
    await typing;
    expect(answered).toBeGreaterThan(0);
    expect(result).toMatchObject({ displayName: 'practice.zip', counts: { clients: 1, notes: 1 } });
    expect(readdirSync(out)).toEqual(['practice.zip']);
    // Read back as an import would: the file is whole.
    const plan = expectOk<{ counts?: unknown }>(
      await core.handle('import:plan', {
        source: core.files.register('import-source', join(out, 'practice.zip')).token,
      }),
    );
    expect(plan).toBeTruthy();
  });

  it('a lock mid-export stops it: CANCELLED, and nothing is left in the chosen folder', async () => {
    // Enough to export for seconds (the lock takes a moment to ask and close).
    for (let i = 0; i < 30; i++) {
      const more = expectOk<Note>(
        await core.handle('notes:create', { clientId: note.clientId, templateId: 'cbt-session' }),
      );
      const words = Array.from({ length: 20_000 }, (_, w) => `word${(w * 7919 + i) % 10_007}`).join(' ');
      expectOk(await core.handle('notes:saveDraft', { id: more.id, changes: { summary: doc(words) } }));
    }
    const { out, token } = exportTo('practice.zip');
    let locking: Promise<unknown> = Promise.resolve();
    const stop = core.onEvent((event) => {
      if (event.type !== 'transfer') return;
      stop();
      locking = core.lock('manual');
    });
    expectFailure(await core.handle('export:vault', { target: token }), 'CANCELLED');
    await locking;
    expect(core.vault.isUnlocked).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  it("a refusal inside the worker reaches the window in the core's own words, naming the chosen file", async () => {
    const { out, token } = exportTo('practice.zip');
    writeFileSync(join(out, 'practice.zip'), 'already here');
    const failure = expectFailure(await core.handle('export:vault', { target: token }), 'INVALID_REQUEST');
    expect(failure.message).toMatch(/^A file of that name is already there\./);
    expect(failure.field).toBe('target');
    expect(readdirSync(out)).toEqual(['practice.zip']);
    // The same for the dry run of a file that is not an export.
    writeFileSync(join(out, 'shopping.zip'), 'milk, eggs');
    const source = core.files.register('import-source', join(out, 'shopping.zip')).token;
    const refused = expectFailure(await core.handle('import:plan', { source }), 'EXPORT_DAMAGED');
    expect(refused.message).toMatch(/Nothing was imported/);
  });

  it('export:cancel stops it, and nothing is left in the chosen folder', async () => {
    const { out, token } = exportTo('practice.zip');
    const stop = core.onEvent((event) => {
      if (event.type !== 'transfer') return;
      stop();
      void core.handle('export:cancel', {});
    });
    expectFailure(await core.handle('export:vault', { target: token }), 'CANCELLED');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('when the worker cannot run', () => {
  it('a missing worker file is an internal error, and the backup folder is left as it was', async () => {
    writeFileSync(join(backupFolder, 'notes-from-the-therapist.txt'), 'not a backup');
    const before = snapshotFolder(backupFolder);
    vi.stubEnv('SESSIONKEEP_WORKER_SCRIPT', join(root, 'no-such-worker.cjs'));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expectFailure(await core.handle('backup:now', {}), 'INTERNAL');
    expect(consoleError).toHaveBeenCalledWith('runInWorker: the worker script is missing; run the build');
    expect(snapshotFolder(backupFolder)).toEqual(before);
    expect((await status()).lastAttempt).toMatchObject({ ok: false });
  });
});
