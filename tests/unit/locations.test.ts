import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderProblem } from '../../electron/core/backup/folderCheck';
import { type Core, createCore } from '../../electron/core/core';
import { folderDisplayName } from '../../electron/core/files/chosenFiles';
import type { BackupStatus } from '../../shared/backup';
import { emptyClientInput } from '../../shared/clients/client';
import type { Settings } from '../../shared/settings';
import { chooseBackupFolder, restoreFolderToken } from './support/chosenFolder';
import { tmpfsUnavailable } from './support/tmpfs';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * Every error about a location is plain and timely (issue 12, item 7): a backup folder
 * that is missing, a file or not writable is refused when it is saved; an export to a
 * missing folder or onto an existing file is refused before any work (no progress event,
 * no file); a missing import file is named. Real vaults, real temp folders.
 */

let root: string;
let core: Core;
let events: string[];

beforeEach(async () => {
  root = makeTempFolder('locations');
  core = createCore({ folder: join(root, 'vault'), now: () => Date.parse('2026-03-02T09:00:00.000Z') });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } }));
  events = [];
  core.onEvent((event) => {
    if (event.type === 'transfer' || event.type === 'backup') events.push(event.type);
  });
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(root);
});

/** What an adapter does with a path the user chose in a dialog: registers it for a token. */
const chosen = (kind: 'export-target' | 'import-source', path: string) => core.files.register(kind, path).token;
const savedFolder = async () => expectOk<Settings>(await core.handle('settings:get', {})).backupFolder;

describe('saving the backup folder', () => {
  it.each([
    {
      why: 'a file',
      make: () => {
        writeFileSync(join(root, 'notes.txt'), 'x');
        return join(root, 'notes.txt');
      },
      words: /^The folder notes\.txt, in .* is a file, not a folder\. Choose a folder\.$/,
    },
    {
      why: 'a path through a file',
      make: () => {
        writeFileSync(join(root, 'notes.txt'), 'x');
        return join(root, 'notes.txt', 'Backups');
      },
      words: /^The folder Backups, in notes\.txt is a file, not a folder\. Choose a folder\.$/,
    },
  ])('refuses $why at save, in words, and keeps the folder it had', async ({ make, words }) => {
    const good = join(root, 'backups');
    mkdirSync(good);
    expectOk(await chooseBackupFolder(core, good));
    const failure = expectFailure(await chooseBackupFolder(core, make(), true), 'INVALID_REQUEST');
    expect(failure.message).toMatch(words);
    expect(failure.message).not.toMatch(/backupFolder|[A-Z]{3,}_[A-Z]/);
    expect(failure.field).toBe('folder');
    expect(await savedFolder()).toBe(good);
  });

  it('asks before creating a missing folder, and never creates the drive around it', async () => {
    const unplugged = join(root, 'no-such-drive', 'Backups');
    const asked = expectFailure(await chooseBackupFolder(core, unplugged), 'BACKUP_FOLDER_MISSING');
    expect(asked.message).toMatch(/^The folder Backups, in no-such-drive does not exist\. Create it\?/);
    // Even when agreed to, only the last level is made: the missing drive stays missing.
    const refused = expectFailure(await chooseBackupFolder(core, unplugged, true), 'BACKUP_FOLDER_MISSING');
    expect(refused.message).toMatch(/could not be created: the place around it is not there/);
    expect(existsSync(join(root, 'no-such-drive'))).toBe(false);
    expect(await savedFolder()).toBe('');
  });

  it('accepts an existing folder, saves other settings while it is unplugged, and can stop backups', async () => {
    const drive = join(root, 'drive');
    mkdirSync(drive);
    expectOk(await chooseBackupFolder(core, drive));
    rmSync(drive, { recursive: true });
    expectOk(await core.handle('settings:update', { practiceName: 'Harbour Practice' }));
    expectOk(await core.handle('settings:setBackupFolder', { folder: null }));
    expect(await savedFolder()).toBe('');
  });

  it('leaves no trace of its write check in the folder', async () => {
    const folder = join(root, 'backups');
    mkdirSync(folder);
    expect(folderProblem(folder)).toBeNull();
    expect(readdirSync(folder)).toEqual([]);
  });
});

const skipReason = tmpfsUnavailable();
if (skipReason) console.log(`locations: read-only folder cases skipped — ${skipReason}`);

describe.skipIf(skipReason !== null)('a folder Sessionkeep may not write in (a read-only mount)', () => {
  let mount: string;
  beforeEach(() => {
    mount = mkdtempSync(join(tmpdir(), 'sessionkeep-ro-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', mount]);
    execFileSync('mount', ['-o', 'remount,ro', mount]);
  });
  afterEach(() => {
    execFileSync('umount', ['-l', mount]);
    rmSync(mount, { recursive: true, force: true });
  });

  it('is refused as the backup folder at save', async () => {
    const failure = expectFailure(await chooseBackupFolder(core, mount), 'INVALID_REQUEST');
    expect(failure.message).toBe(
      `Sessionkeep is not allowed to write in ${folderDisplayName(mount)}. Choose a folder you can write to.`,
    );
    expect(await savedFolder()).toBe('');
  });

  it('is refused as an export folder before any work', async () => {
    const failure = expectFailure(
      await core.handle('export:vault', { target: chosen('export-target', join(mount, 'move.zip')) }),
      'INVALID_REQUEST',
    );
    expect(failure.message).toMatch(/^Sessionkeep is not allowed to write in .*Nothing was written\.$/);
    expect(events).toEqual([]);
  });
});

describe('a backup whose folder went missing after it was saved', () => {
  it('fails with words in the status line, never a code', async () => {
    const drive = join(root, 'drive');
    mkdirSync(drive);
    expectOk(await chooseBackupFolder(core, drive));
    rmSync(drive, { recursive: true });
    const failure = expectFailure(await core.handle('backup:now', {}), 'BACKUP_FOLDER_MISSING');
    expect(failure.message).toMatch(/^The backup folder cannot be found/);
    const status = expectOk<BackupStatus>(await core.handle('backup:status', {}));
    expect(status.lastAttempt?.message).toBe(failure.message);
    // The renderer clears its progress bar on this event.
    expect(events.at(-1)).toBe('backup');
  });
});

describe('looking for backups to restore', () => {
  it('names a missing folder, and a file given as the folder, without pointing to Settings', async () => {
    const gone = join(root, 'unplugged');
    const list = (folder: string) => core.handle('backup:list', { folder: restoreFolderToken(core, folder) });
    const missing = expectFailure(await list(gone), 'BACKUP_FOLDER_MISSING');
    // Named as the page shows the chosen folder, never by its full path.
    expect(missing.message).toBe(
      `There is no folder at ${folderDisplayName(gone)}. If the backups are on an external drive, connect it; or choose the folder that holds them.`,
    );
    expect(missing.field).toBe('folder');
    writeFileSync(join(root, 'notes.txt'), 'x');
    const file = expectFailure(await list(join(root, 'notes.txt', 'Backups')), 'INVALID_REQUEST');
    expect(file.message).toBe(
      'The folder Backups, in notes.txt is a file, not a folder. Choose the folder that holds the backups.',
    );
  });
});

describe('exporting', () => {
  it.each([
    {
      why: 'a folder that does not exist',
      path: () => join(root, 'no-such-folder', 'move.zip'),
      words:
        /^The folder .*no-such-folder does not exist\. Create the folder first, or choose another\..* Nothing was written\.$/,
    },
    {
      why: 'a file that is already there',
      path: () => {
        writeFileSync(join(root, 'move.zip'), 'an earlier export');
        return join(root, 'move.zip');
      },
      words: /^A file of that name is already there\. Choose another name: nothing is overwritten\.$/,
    },
    {
      why: 'a folder given as the file',
      path: () => {
        mkdirSync(join(root, 'exports'));
        return join(root, 'exports');
      },
      words: /exports is a folder\. Add a file name after it, e\.g\. .*sessionkeep-export\.skexport\.$/,
    },
    {
      why: 'a path through a file',
      path: () => {
        writeFileSync(join(root, 'notes.txt'), 'x');
        return join(root, 'notes.txt', 'move.zip');
      },
      words: /^The folder .*notes\.txt is a file, not a folder\./,
    },
  ])('refuses $why before any work, in words', async ({ path, words }) => {
    const target = path();
    const failure = expectFailure(
      await core.handle('export:vault', { target: chosen('export-target', target) }),
      'INVALID_REQUEST',
    );
    expect(failure.message).toMatch(words);
    expect(failure.field).toBe('target');
    // Named by the file's and the folder's own names: the page never sees a full path.
    expect(failure.message).not.toContain(root);
    // Before any work: not even the first progress event (the renderer's bar never shows).
    expect(events).toEqual([]);
  });

  it('still writes to a good folder, after a refused attempt', async () => {
    expectFailure(
      await core.handle('export:vault', { target: chosen('export-target', join(root, 'missing', 'a.zip')) }),
      'INVALID_REQUEST',
    );
    const target = join(root, 'a.zip');
    expectOk(await core.handle('export:vault', { target: chosen('export-target', target) }));
    expect(existsSync(target)).toBe(true);
  });
});

describe('importing', () => {
  it('names a missing file', async () => {
    const missing = join(root, 'gone.skexport');
    const failure = expectFailure(
      await core.handle('import:plan', { source: chosen('import-source', missing) }),
      'NOT_FOUND',
    );
    expect(failure.message).toBe(
      'There is no file at gone.skexport. Check the name, or connect the drive it is on. Nothing was imported.',
    );
  });
});
