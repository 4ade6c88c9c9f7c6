import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { type ChosenKind, TOKEN_LIFETIME_MS } from '../../electron/core/files/chosenFiles';
import { createFileChooser, labelledNotEncrypted } from '../../electron/fileChooser';
import { emptyClientInput } from '../../shared/clients/client';
import type { ImportReportView } from '../../shared/ipc/contract';
import {
  expectFailure,
  expectOk,
  makeTempFolder,
  NEW_PASSPHRASE,
  PASSPHRASE,
  removeFolder,
} from './support/vaultFolder';

/**
 * Issue 13: the page never names a file to write or read. An adapter registers the path
 * the user chose (in the system's dialog) and the page gets an opaque token; the core's
 * export:vault / import:plan / import:apply accept only tokens, of the right kind, once
 * for an export target, and never after they expired or the vault was locked. A refused
 * token writes nothing and reads nothing. Real core, real encrypted vault, real files;
 * only Electron's dialogs are stood in for (the system boundary), answering as they do.
 */

const EXPORT_PASSPHRASE = 'a long passphrase for the export';
let root: string;
let out: string;
let clock: number;
let core: Core;
let transfers: number;

beforeEach(async () => {
  root = makeTempFolder('chosen-files');
  out = join(root, 'out');
  clock = Date.now();
  core = createCore({ folder: join(root, 'vault'), now: () => clock });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  expectOk(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } }));
  transfers = 0;
  core.onEvent((event) => {
    if (event.type === 'transfer') transfers += 1;
  });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(out);
});
afterEach(async () => {
  await core.shutdown();
  removeFolder(root);
});

const register = (kind: ChosenKind, name: string, options: { encrypted?: boolean } = {}) =>
  core.files.register(kind, join(out, name), options).token;

/** An export written through a token: the source for the import cases. */
async function exported(name = 'vault.zip'): Promise<string> {
  expectOk(await core.handle('export:vault', { target: register('export-target', name) }));
  return join(out, name);
}

describe('export:vault takes a token, never a path', () => {
  it('writes where the user chose and tells the page the file name alone', async () => {
    const target = register('export-target', 'move.skexport', { encrypted: true });
    const result = expectOk<Record<string, unknown>>(
      await core.handle('export:vault', { target, passphrase: EXPORT_PASSPHRASE }),
    );
    expect(result).toMatchObject({ displayName: 'move.skexport', encrypted: true });
    expect(result).not.toHaveProperty('path');
    expect(JSON.stringify(result)).not.toContain(out);
    expect(readdirSync(out)).toEqual(['move.skexport']);
  });

  it.each([
    { why: 'a full path', target: '/tmp/anywhere.zip', field: 'target' },
    { why: 'a path that climbs', target: '../../etc/sessionkeep.zip', field: 'target' },
    { why: 'a UNC path', target: '\\\\server\\share\\vault.zip', field: 'target' },
    { why: 'an empty token', target: '', field: 'target' },
  ])('$why as the target is refused by the contract, nothing written', async ({ target, field }) => {
    const failure = expectFailure(await core.handle('export:vault', { target }), 'INVALID_REQUEST');
    expect(failure.field).toBe(field);
    expect(readdirSync(out)).toEqual([]);
    expect(transfers).toBe(0);
  });

  it('the old request with a path is refused (the contract is strict)', async () => {
    const failure = expectFailure(
      await core.handle('export:vault', { target: register('export-target', 'a.zip'), path: join(out, 'b.zip') }),
      'INVALID_REQUEST',
    );
    expect(failure.field).toBe('path');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('tokens that are refused, in plain words, with nothing written or read', () => {
  const noLonger =
    /^That choice of a place to save an export is no longer valid .*Choose the file again\. Nothing was read or written\.$/;
  it.each([
    {
      why: 'an unknown token',
      token: () => 'U'.repeat(43),
      words: noLonger,
    },
    {
      why: 'an import source used as an export target',
      token: () => register('import-source', 'vault.zip'),
      words: /^That choice was not a place to save an export\. Choose the file again\. Nothing was read or written\.$/,
    },
    {
      why: 'an expired target',
      token: () => {
        const token = register('export-target', 'late.zip');
        clock += TOKEN_LIFETIME_MS;
        return token;
      },
      words: noLonger,
    },
    {
      why: 'a target chosen for a sealed export, used without a passphrase',
      token: () => register('export-target', 'sealed.skexport', { encrypted: true }),
      words: /^That place was chosen for a sealed export\. .*Nothing was written\.$/,
    },
  ])('$why', async ({ token, words }) => {
    const failure = expectFailure(await core.handle('export:vault', { target: token() }), 'INVALID_REQUEST');
    expect(failure.message).toMatch(words);
    expect(failure.field).toBe('target');
    expect(readdirSync(out)).toEqual([]);
    expect(transfers).toBe(0);
  });

  it('a target chosen for an export that is not encrypted, used with a passphrase', async () => {
    const target = register('export-target', 'open-not-encrypted.zip', { encrypted: false });
    const failure = expectFailure(
      await core.handle('export:vault', { target, passphrase: EXPORT_PASSPHRASE }),
      'INVALID_REQUEST',
    );
    expect(failure.message).toMatch(/^That place was chosen for an export that is not encrypted\./);
    expect(readdirSync(out)).toEqual([]);
  });

  it('an export target is single use: the second export with it is refused', async () => {
    const target = register('export-target', 'once.zip');
    expectOk(await core.handle('export:vault', { target }));
    const written = readdirSync(out);
    const failure = expectFailure(await core.handle('export:vault', { target }), 'INVALID_REQUEST');
    expect(failure.message).toMatch(noLonger);
    expect(readdirSync(out)).toEqual(written);
  });

  it('a lock ends every choice: a target refused while locked is not good after the unlock either', async () => {
    const target = register('export-target', 'locked.zip');
    expectOk(await core.handle('vault:lock', {}));
    expectFailure(await core.handle('export:vault', { target }), 'VAULT_LOCKED');
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    // The lock ended every choice: whoever unlocks chooses again.
    const failure = expectFailure(await core.handle('export:vault', { target }), 'INVALID_REQUEST');
    expect(failure.message).toMatch(noLonger);
    expect(readdirSync(out)).toEqual([]);
    expect(core.files.size).toBe(0);
  });

  it('an export target used as an import source is refused before anything is read', async () => {
    const path = await exported();
    const wrongKind = core.files.register('export-target', path).token;
    const failure = expectFailure(await core.handle('import:plan', { source: wrongKind }), 'INVALID_REQUEST');
    expect(failure.message).toBe(
      'That choice was not a file to import. Choose the file again. Nothing was read or written.',
    );
    expect(failure.field).toBe('source');
  });
});

describe('an import source serves the dry run and then the import', () => {
  it('plan, plan again, apply; then the choice has ended', async () => {
    const path = await exported();
    const fresh = createCore({ folder: join(root, 'fresh'), now: () => clock });
    try {
      expectOk(await fresh.handle('vault:create', { passphrase: NEW_PASSPHRASE }));
      const source = fresh.files.register('import-source', path).token;
      const plan = expectOk<ImportReportView>(await fresh.handle('import:plan', { source }));
      expect(plan.totals.toAdd).toBeGreaterThan(0);
      expectOk(await fresh.handle('import:plan', { source }));
      const applied = expectOk<ImportReportView>(await fresh.handle('import:apply', { source }));
      expect(applied.totals.toAdd).toBe(plan.totals.toAdd);
      const failure = expectFailure(await fresh.handle('import:plan', { source }), 'INVALID_REQUEST');
      expect(failure.message).toMatch(/^That choice of a file to import is no longer valid/);
    } finally {
      await fresh.shutdown();
    }
  });

  it('a failed import (wrong passphrase) keeps the choice for another try', async () => {
    const target = register('export-target', 'sealed.skexport', { encrypted: true });
    expectOk(await core.handle('export:vault', { target, passphrase: EXPORT_PASSPHRASE }));
    const source = register('import-source', 'sealed.skexport');
    expect((await core.handle('import:apply', { source, passphrase: 'not the passphrase at all' })).ok).toBe(false);
    expectOk(await core.handle('import:apply', { source, passphrase: EXPORT_PASSPHRASE }));
  });

  it('the adapter hears when a choice ends (the web harness removes its upload)', async () => {
    const path = await exported();
    const ended: string[] = [];
    const { token } = core.files.register('import-source', path, { onForget: () => ended.push('ended') });
    expectOk(await core.handle('import:plan', { source: token }));
    expect(ended).toEqual([]);
    expectOk(await core.handle('import:apply', { source: token }));
    expect(ended).toEqual(['ended']);
  });

  it('only absolute paths can be registered', () => {
    expect(() => core.files.register('import-source', 'relative/vault.zip')).toThrow(/absolute/);
  });
});

describe('the Electron shell: the dialog decides, the page gets a token', () => {
  type Asked = { save: SaveDialogOptions[]; open: OpenDialogOptions[] };
  const dialogs = (answer: { save?: string | null; open?: string | null }, asked: Asked) => ({
    save: async (options: SaveDialogOptions) => {
      asked.save.push(options);
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true, filePath: '' };
    },
    open: async (options: OpenDialogOptions) => {
      asked.open.push(options);
      return answer.open ? { canceled: false, filePaths: [answer.open] } : { canceled: true, filePaths: [] };
    },
  });

  it('a cancelled dialog answers null and registers nothing', async () => {
    const asked: Asked = { save: [], open: [] };
    const chooser = createFileChooser(core.files, dialogs({}, asked));
    expect(await chooser['files:chooseExportTarget']({ encrypted: true })).toBeNull();
    expect(await chooser['files:chooseImportSource']({})).toBeNull();
    expect(core.files.size).toBe(0);
    expect(asked.save).toHaveLength(1);
    expect(asked.open).toHaveLength(1);
  });

  it('an unencrypted export says so in the dialog and in its name, even if renamed', async () => {
    const asked: Asked = { save: [], open: [] };
    const now = () => new Date(2026, 2, 2, 9);
    const chooser = createFileChooser(core.files, dialogs({ save: join(out, 'practice.zip') }, asked), now);
    const chosen = await chooser['files:chooseExportTarget']({ encrypted: false });
    expect(asked.save[0]?.title).toBe('Save the export (not encrypted)');
    expect(asked.save[0]?.defaultPath).toBe('sessionkeep-export-2026-03-02-not-encrypted.zip');
    expect(asked.save[0]?.properties).toContain('createDirectory');
    expect(chosen?.displayName).toBe('practice-not-encrypted.zip');
    expectOk(await core.handle('export:vault', { target: chosen?.token }));
    expect(existsSync(join(out, 'practice-not-encrypted.zip'))).toBe(true);
  });

  it('a sealed export keeps the name chosen', async () => {
    const asked: Asked = { save: [], open: [] };
    const now = () => new Date(2026, 2, 2, 9);
    const chooser = createFileChooser(core.files, dialogs({ save: join(out, 'move.skexport') }, asked), now);
    const chosen = await chooser['files:chooseExportTarget']({ encrypted: true });
    expect(asked.save[0]?.title).toBe('Save the sealed export');
    expect(asked.save[0]?.defaultPath).toBe('sessionkeep-export-2026-03-02.skexport');
    expectOk(await core.handle('export:vault', { target: chosen?.token, passphrase: EXPORT_PASSPHRASE }));
    expect(readdirSync(out)).toEqual(['move.skexport']);
  });

  it('a file chosen to import gives a token the dry run accepts', async () => {
    const path = await exported();
    const asked: Asked = { save: [], open: [] };
    const chooser = createFileChooser(core.files, dialogs({ open: path }, asked));
    const chosen = await chooser['files:chooseImportSource']({});
    expect(chosen?.displayName).toBe('vault.zip');
    expect(asked.open[0]?.properties).toEqual(['openFile']);
    const plan = expectOk<ImportReportView>(await core.handle('import:plan', { source: chosen?.token }));
    expect(plan.totals.identical).toBe(plan.totals.inArchive);
  });

  it('a malformed request from the page never opens a dialog', async () => {
    const asked: Asked = { save: [], open: [] };
    const chooser = createFileChooser(core.files, dialogs({ save: join(out, 'x.zip') }, asked));
    await expect(chooser['files:chooseExportTarget']({ encrypted: 'yes', path: '/etc' })).rejects.toThrow();
    expect(asked.save).toEqual([]);
  });

  it.each([
    ['/a/export.zip', '/a/export-not-encrypted.zip'],
    ['/a/export', '/a/export-not-encrypted'],
    ['/a/sessionkeep-not-encrypted.zip', '/a/sessionkeep-not-encrypted.zip'],
    ['/a/Not Encrypted copy.zip', '/a/Not Encrypted copy.zip'],
  ])('labelledNotEncrypted(%s) → %s', (path, expected) => {
    expect(labelledNotEncrypted(path)).toBe(expected);
  });
});
