import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { exportVault } from '../../electron/core/export/exportVault';
import { TOKEN_LIFETIME_MS } from '../../electron/core/files/chosenFiles';
import { writeSettings } from '../../electron/core/settings/settingsRepository';
import { createFileChooser } from '../../electron/fileChooser';
import type { BackupInfo, BackupStatus } from '../../shared/backup';
import type { Client } from '../../shared/clients/client';
import { emptyClientInput } from '../../shared/clients/client';
import { contract } from '../../shared/ipc/contract';
import { shellContract } from '../../shared/ipc/shellChannels';
import type { Settings } from '../../shared/settings';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * Issue 13 for folders: where backups go and the folder to restore from are chosen in
 * the system's folder dialog; the page gets a token and a name to show, and sends only
 * the token. A missing folder is created only when the therapist agreed (0700, its last
 * level only); a backup is opened or restored by its listed name, in a folder the
 * therapist chose (or the backup folder of Settings), never by a path.
 * Also the export's "Replace": a replace the save dialog confirmed writes beside the old
 * file and renames over it, so a failed write keeps the old file. Real core, real
 * encrypted vault, real folders; only Electron's dialogs are stood in for.
 */

let root: string;
let clock: number;
let core: Core;

beforeEach(async () => {
  root = makeTempFolder('backup-folder-chooser');
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = createCore({ folder: join(root, 'vault'), now: () => clock });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } }));
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(root);
});

type Asked = { open: OpenDialogOptions[]; save: SaveDialogOptions[] };

/** Electron's dialogs as they answer: the folder (or file) the user picked, or cancelled. */
function chooserAnswering(answer: { open?: string | null; save?: string | null }) {
  const asked: Asked = { open: [], save: [] };
  const chooser = createFileChooser(core.files, {
    open: async (options) => {
      asked.open.push(options);
      return answer.open ? { canceled: false, filePaths: [answer.open] } : { canceled: true, filePaths: [] };
    },
    save: async (options) => {
      asked.save.push(options);
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' };
    },
  });
  return { chooser, asked };
}

async function chosenFolder(folder: string, purpose: 'backups' | 'restore'): Promise<string> {
  const { chooser } = chooserAnswering({ open: folder });
  const chosen = await chooser['files:chooseBackupFolder']({ purpose });
  if (!chosen) throw new Error('expected a chosen folder');
  return chosen.token;
}

const settings = async () => expectOk<Settings>(await core.handle('settings:get', {}));
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('choosing where backups go', () => {
  it('opens the folder dialog, and the token saves the folder the user chose', async () => {
    const drive = join(root, 'Backup drive');
    mkdirSync(drive);
    const { chooser, asked } = chooserAnswering({ open: drive });
    const chosen = await chooser['files:chooseBackupFolder']({ purpose: 'backups' });
    expect(asked.open[0]?.properties).toEqual(['openDirectory', 'createDirectory', 'promptToCreate']);
    expect(asked.open[0]?.title).toBe('Choose the folder for backups');
    // Its own name and the one around it: enough to recognise, never the whole path.
    expect(chosen?.displayName).toBe(`Backup drive, in ${basename(root)}`);
    expect(chosen?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const saved = expectOk<Settings>(await core.handle('settings:setBackupFolder', { folder: chosen?.token }));
    expect(saved.backupFolder).toBe(drive);
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expect(readdirSync(drive)).toEqual([made.id]);
    expect(expectOk<BackupStatus>(await core.handle('backup:status', {})).folder).toBe(drive);
    // Used: the same token cannot set the folder again.
    expectFailure(await core.handle('settings:setBackupFolder', { folder: chosen?.token }), 'INVALID_REQUEST');
  });

  it('a cancelled dialog answers null and changes nothing', async () => {
    const { chooser } = chooserAnswering({});
    expect(await chooser['files:chooseBackupFolder']({ purpose: 'backups' })).toBeNull();
    expect(core.files.size).toBe(0);
    expect((await settings()).backupFolder).toBe('');
  });

  it('a missing folder is refused with a question; declined, nothing is made; agreed, it is made private', async () => {
    const folder = join(root, 'Sessionkeep backups');
    const token = await chosenFolder(folder, 'backups');
    const asked = expectFailure(
      await core.handle('settings:setBackupFolder', { folder: token }),
      'BACKUP_FOLDER_MISSING',
    );
    expect(asked.message).toBe(
      `The folder Sessionkeep backups, in ${basename(root)} does not exist. Create it? If it belongs on an external drive, connect the drive and choose the folder again instead.`,
    );
    expect(asked.field).toBe('folder');
    // Declined (the page does not call again): nothing was made, nothing saved.
    expect(existsSync(folder)).toBe(false);
    expect((await settings()).backupFolder).toBe('');
    // Agreed: the same choice, with create.
    expectOk(await core.handle('settings:setBackupFolder', { folder: token, create: true }));
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(mode(folder)).toBe('700');
    expect((await settings()).backupFolder).toBe(folder);
  });

  it('never makes the missing drive around a chosen folder, even when agreed to', async () => {
    const token = await chosenFolder(join(root, 'unplugged-drive', 'Backups'), 'backups');
    const refused = expectFailure(
      await core.handle('settings:setBackupFolder', { folder: token, create: true }),
      'BACKUP_FOLDER_MISSING',
    );
    expect(refused.message).toMatch(/could not be created: the place around it is not there/);
    expect(existsSync(join(root, 'unplugged-drive'))).toBe(false);
  });

  it('a file chosen as the folder is refused in words, and create does not change that', async () => {
    writeFileSync(join(root, 'notes.txt'), 'x');
    const token = await chosenFolder(join(root, 'notes.txt'), 'backups');
    const refused = expectFailure(
      await core.handle('settings:setBackupFolder', { folder: token, create: true }),
      'INVALID_REQUEST',
    );
    expect(refused.message).toBe(
      `The folder notes.txt, in ${basename(root)} is a file, not a folder. Choose a folder.`,
    );
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('x');
  });

  it('null stops automatic backups', async () => {
    const drive = join(root, 'drive');
    mkdirSync(drive);
    expectOk(await core.handle('settings:setBackupFolder', { folder: await chosenFolder(drive, 'backups') }));
    expectOk(await core.handle('settings:setBackupFolder', { folder: null }));
    expect((await settings()).backupFolder).toBe('');
    expectFailure(await core.handle('backup:now', {}), 'NO_BACKUP_FOLDER');
  });
});

describe('tokens that are refused, with nothing made or saved', () => {
  it.each([
    ['an export target', 'export-target'],
    ['an import source', 'import-source'],
    ['a folder chosen to restore from (read only)', 'restore-folder'],
  ] as const)('%s cannot become the backup folder', async (_why, kind) => {
    const folder = join(root, 'somewhere');
    const token = core.files.register(kind, folder).token;
    const refused = expectFailure(
      await core.handle('settings:setBackupFolder', { folder: token, create: true }),
      'INVALID_REQUEST',
    );
    expect(refused.message).toBe(
      'That choice was not a folder for backups. Choose the folder again. Nothing was read or written.',
    );
    expect(existsSync(folder)).toBe(false);
    expect((await settings()).backupFolder).toBe('');
  });

  it('a backup folder token cannot list backups (restore takes its own choice)', async () => {
    mkdirSync(join(root, 'drive'));
    const token = core.files.register('backup-folder', join(root, 'drive')).token;
    expectFailure(await core.handle('backup:list', { folder: token }), 'INVALID_REQUEST');
  });

  it('a choice made before the lock is gone after it', async () => {
    mkdirSync(join(root, 'drive'));
    const token = await chosenFolder(join(root, 'drive'), 'backups');
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    const refused = expectFailure(await core.handle('settings:setBackupFolder', { folder: token }), 'INVALID_REQUEST');
    expect(refused.message).toMatch(/^That choice of a folder for backups is no longer valid/);
    expect((await settings()).backupFolder).toBe('');
  });

  it('a choice too old is refused', async () => {
    mkdirSync(join(root, 'drive'));
    const token = await chosenFolder(join(root, 'drive'), 'backups');
    clock += TOKEN_LIFETIME_MS + 1;
    expectFailure(await core.handle('settings:setBackupFolder', { folder: token }), 'INVALID_REQUEST');
  });

  it('the page cannot send a path at all: every folder field takes a token only, strictly', () => {
    const request = contract['settings:setBackupFolder'].request;
    for (const folder of ['/Volumes/Backup', '../../backups', '..', '\\\\server\\share\\backups', 'C:\\Backups']) {
      expect(request.safeParse({ folder }).success, folder).toBe(false);
      expect(contract['backup:list'].request.safeParse({ folder }).success, folder).toBe(false);
    }
    expect(request.safeParse({ folder: null, path: '/Volumes/Backup' }).success).toBe(false);
    expect(contract['settings:update'].request.safeParse({ backupFolder: '/Volumes/Backup' }).success).toBe(false);
    const shell = shellContract['files:chooseBackupFolder'].request;
    expect(shell.safeParse({ purpose: 'backups', defaultPath: '/etc' }).success).toBe(false);
    expect(shell.safeParse({ purpose: 'anywhere' }).success).toBe(false);
    // The answer holds a token and a name to show; nothing else goes back to the page.
    expect(
      shellContract['files:chooseBackupFolder'].response.safeParse({ token: 't', displayName: 'd', path: '/x' })
        .success,
    ).toBe(false);
  });

  it('a malformed request from the page never opens a dialog', async () => {
    const { chooser, asked } = chooserAnswering({ open: root });
    await expect(chooser['files:chooseBackupFolder']({ purpose: 'backups', defaultPath: '/etc' })).rejects.toThrow();
    expect(asked.open).toEqual([]);
  });
});

describe('restoring from a folder the user chose', () => {
  it('lists the backups of a chosen folder and restores one; a backup elsewhere is never read', async () => {
    const older = join(root, 'old drive');
    mkdirSync(older);
    expectOk(await core.handle('settings:setBackupFolder', { folder: await chosenFolder(older, 'backups') }));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    // Later the backups go elsewhere; the old drive is chosen again to restore from.
    const newer = join(root, 'new drive');
    mkdirSync(newer);
    expectOk(await core.handle('settings:setBackupFolder', { folder: await chosenFolder(newer, 'backups') }));
    expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Later client' } }));

    const secret = { kind: 'passphrase', passphrase: PASSPHRASE } as const;
    // Without a chosen folder the name is looked for in the backup folder of Settings only.
    const elsewhere = await core.handle('backup:summary', { id: made.id, secret });
    expect(elsewhere.ok).toBe(false);
    expect(JSON.stringify(elsewhere)).not.toContain(older);

    const { chooser, asked } = chooserAnswering({ open: older });
    const chosen = await chooser['files:chooseBackupFolder']({ purpose: 'restore' });
    expect(asked.open[0]?.properties).toEqual(['openDirectory']);
    const listed = expectOk<BackupInfo[]>(await core.handle('backup:list', { folder: chosen?.token }));
    expect(listed.map((backup) => backup.id)).toEqual([made.id]);
    const folder = chosen?.token;
    expectOk(await core.handle('backup:summary', { id: made.id, folder, secret }));
    // Only a backup directly inside the chosen folder, by its name: never a path, never one climbed out to.
    for (const request of [
      { id: '..', folder },
      { id: `${made.id}/../../vault`, folder },
      { path: made.path },
      { id: made.id, folder: older },
    ]) {
      expectFailure(await core.handle('backup:summary', { ...request, secret }), 'INVALID_REQUEST');
    }
    expectOk(await core.handle('backup:restore', { id: made.id, folder, secret }));
    const clients = expectOk<Client[]>(await core.handle('clients:list', { includeArchived: true }));
    expect(clients.map((client) => client.displayName)).toEqual(['Amara Okafor']);
  });

  it('from the unlock screen: the folder is chosen while locked', async () => {
    const drive = join(root, 'drive');
    mkdirSync(drive);
    expectOk(await core.handle('settings:setBackupFolder', { folder: await chosenFolder(drive, 'backups') }));
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expectOk(await core.handle('settings:setBackupFolder', { folder: null }));
    expectOk(await core.handle('vault:lock', {}));
    // Nothing remembered: the unlock screen asks for the folder, chosen in the dialog.
    expectFailure(await core.handle('backup:list', {}), 'NO_BACKUP_FOLDER');
    const token = await chosenFolder(drive, 'restore');
    const listed = expectOk<BackupInfo[]>(await core.handle('backup:list', { folder: token }));
    expect(listed.map((backup) => backup.id)).toEqual([made.id]);
    const secret = { kind: 'passphrase', passphrase: PASSPHRASE } as const;
    expectOk(await core.handle('backup:restore', { id: made.id, folder: token, secret }));
  });
});

describe('a vault from before issue 13, whose backup folder was typed', () => {
  it('keeps backing up to it, lists it, and restores from it', async () => {
    const typed = join(root, 'typed backups');
    mkdirSync(typed);
    // As an older version saved it: the path itself in the settings table.
    writeSettings(core.vault.db(), { backupFolder: typed });
    const made = expectOk<BackupInfo>(await core.handle('backup:now', {}));
    expect(readdirSync(typed)).toEqual([made.id]);
    const listed = expectOk<BackupInfo[]>(await core.handle('backup:list', {}));
    expect(listed.map((backup) => backup.id)).toEqual([made.id]);
    const secret = { kind: 'passphrase', passphrase: PASSPHRASE } as const;
    expectOk(await core.handle('backup:summary', { id: made.id, secret }));
    // Other settings save as before, and the folder stays.
    expectOk(await core.handle('settings:update', { practiceName: 'Harbour Practice' }));
    expect((await settings()).backupFolder).toBe(typed);
  });
});

describe('an export over a file the save dialog confirmed replacing', () => {
  const zipMagic = (path: string) => readFileSync(path).subarray(0, 2).toString('latin1');

  it('replaces it, through a token from the dialog', async () => {
    const target = join(root, 'practice.skexport');
    writeFileSync(target, 'last month’s export');
    const { chooser } = chooserAnswering({ save: target });
    const chosen = await chooser['files:chooseExportTarget']({ encrypted: true });
    expectOk(await core.handle('export:vault', { target: chosen?.token, passphrase: 'a long export passphrase' }));
    expect(readFileSync(target, 'utf8')).not.toBe('last month’s export');
    expect(readdirSync(root).filter((name) => name.includes('practice'))).toEqual(['practice.skexport']);
  });

  it('never replaces a file of a name the dialog did not ask about, nor without a dialog', async () => {
    const asked = join(root, 'practice.zip');
    // The dialog asked about practice.zip; an open export is written as practice-not-encrypted.zip.
    const renamed = join(root, 'practice-not-encrypted.zip');
    writeFileSync(renamed, 'kept');
    const { chooser } = chooserAnswering({ save: asked });
    const chosen = await chooser['files:chooseExportTarget']({ encrypted: false });
    const refused = expectFailure(await core.handle('export:vault', { target: chosen?.token }), 'INVALID_REQUEST');
    expect(refused.message).toMatch(/already there/);
    expect(readFileSync(renamed, 'utf8')).toBe('kept');
    // The web harness's targets (no dialog) never replace either.
    const harness = core.files.register('export-target', renamed, { encrypted: false }).token;
    expectFailure(await core.handle('export:vault', { target: harness }), 'INVALID_REQUEST');
    expect(readFileSync(renamed, 'utf8')).toBe('kept');
  });

  it('a write that fails half way keeps the old file whole, and leaves no temp file', async () => {
    const target = join(root, 'practice.zip');
    writeFileSync(target, 'the export someone relies on');
    const controller = new AbortController();
    const failed = await exportVault(core.vault.db(), target, {
      replace: true,
      signal: controller.signal,
      // Fails once the new archive is partly written beside the old one.
      onProgress: (fraction) => {
        if (fraction > 0) controller.abort();
      },
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(readFileSync(target, 'utf8')).toBe('the export someone relies on');
    expect(readdirSync(root).filter((name) => name.includes('practice'))).toEqual(['practice.zip']);
    // And the same replace, let through, writes a whole archive over it.
    const done = await exportVault(core.vault.db(), target, { replace: true });
    expect(done.path).toBe(target);
    expect(zipMagic(target)).toBe('PK');
  });

  it('a folder of that name is never replaced', async () => {
    const target = join(root, 'practice.zip');
    mkdirSync(target);
    const failed = await exportVault(core.vault.db(), target, { replace: true }).catch((error: unknown) => error);
    expect((failed as Error).message).toMatch(/is a folder/);
    expect(statSync(target).isDirectory()).toBe(true);
  });
});
