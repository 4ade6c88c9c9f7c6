/**
 * The hostile-archive corpus (issue 11): every archive is built here in code, sent through
 * the real core (`import:plan` / `import:apply`) at a real unlocked vault holding records,
 * and must be refused with its own message while the vault's files stay byte-identical.
 */

import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { openSealer } from '../../electron/core/export/container';
import { tableJson } from '../../electron/core/export/exportVault';
import { IMPORT_LIMITS } from '../../electron/core/export/importLimits';
import type { Row } from '../../electron/core/export/tables';
import { readZip, ZipWriter } from '../../electron/core/export/zipFile';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { ImportReportView } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Administration } from '../../shared/measures/administration';
import type { Note } from '../../shared/notes/note';
import { expectOk, makeTempFolder, PASSPHRASE, removeFolder, snapshotFolder } from './support/vaultFolder';
import { snapshotVault } from './support/vaultSnapshot';

const EXPORT_PASSPHRASE = 'lantern over the quiet harbour';
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let folder: string;
let out: string;
let core: Core;
let client: Client;
let signed: Note;
let valid: Map<string, Buffer>;
let validPath: string;

/** A vault with a client, a signed note with an addendum and a measure, exported once. */
beforeAll(async () => {
  folder = makeTempFolder('hostile-vault');
  out = makeTempFolder('hostile-archives');
  core = createCore({ folder });
  const ok = async <T>(channel: string, payload: unknown) => expectOk<T>(await core.handle(channel, payload));
  await ok('vault:create', { passphrase: PASSPHRASE });
  await ok('settings:update', { therapistName: 'Dr Ana Ruiz', crisisLines: 'Samaritans: 116 123' });
  client = await ok<Client>('clients:create', { client: { ...emptyClientInput, displayName: 'Amara Okafor' } });
  const note = await ok<Note>('notes:create', { clientId: client.id, templateId: 'cbt-session' });
  await ok('notes:saveDraft', { id: note.id, changes: { summary: doc('The lighthouse dream') } });
  await ok('notes:sign', { id: note.id });
  await ok('notes:addAddendum', { id: note.id, text: doc('Called back later') });
  signed = await ok<Note>('notes:get', { id: note.id });
  await ok<Administration>('measures:record', {
    administration: {
      clientId: client.id,
      noteId: null,
      instrument: 'phq9',
      answers: [2, 2, 1, 1, 1, 1, 1, 1, 1],
      sex: null,
      givenOn: '2026-01-05',
    },
  });
  validPath = join(out, 'valid.zip');
  await ok('export:vault', { target: core.files.register('export-target', validPath).token });
  valid = await readZip(readFileSync(validPath));
}, 60_000);

afterAll(async () => {
  await core.shutdown();
  removeFolder(folder);
  removeFolder(out);
});

type Table = { table: string; columns: string[]; rows: Row[] };
type Tables = Map<string, Table>;

function tablesOf(files: Map<string, Buffer>): Tables {
  const tables: Tables = new Map();
  for (const [name, data] of files) {
    if (name.endsWith('.json') && name !== 'manifest.json') {
      const table = JSON.parse(data.toString('utf8')) as Table;
      tables.set(table.table, table);
    }
  }
  return tables;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A well-formed archive (right hashes and counts) holding the given files, as our exporter writes them. */
async function writeArchive(name: string, files: Map<string, Buffer>, counts: Record<string, number>): Promise<string> {
  const chunks: Buffer[] = [];
  const zip = new ZipWriter((chunk) => chunks.push(chunk), new Date());
  const manifest = {
    format: 'sessionkeep-export',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    app: { name: 'Sessionkeep', version: null },
    schemaVersion: JSON.parse(valid.get('manifest.json')?.toString('utf8') ?? '{}').schemaVersion,
    counts,
    files: {} as Record<string, { sha256: string; bytes: number }>,
  };
  for (const [entry, data] of files) {
    if (entry === 'manifest.json') continue;
    await zip.add(entry, data);
    manifest.files[entry] = { sha256: sha256(data), bytes: data.length };
  }
  await zip.add('manifest.json', Buffer.from(JSON.stringify(manifest)));
  zip.finish();
  const path = join(out, name);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** The valid archive with its tables changed by `change` (and files added or replaced). */
async function archiveWith(
  name: string,
  change: (tables: Tables) => void,
  extra: [string, Buffer][] = [],
): Promise<string> {
  const tables = tablesOf(valid);
  change(tables);
  const files = new Map(valid);
  const counts: Record<string, number> = {};
  for (const { table, columns, rows } of tables.values()) {
    files.set(`${table}.json`, Buffer.from(tableJson(table, columns, rows), 'utf8'));
    counts[table] = rows.length;
  }
  for (const [entry, data] of extra) files.set(entry, data);
  return writeArchive(name, files, counts);
}

const rowsOf = (tables: Tables, table: string): Row[] => {
  const found = tables.get(table);
  if (!found) throw new Error(`no ${table}`);
  return found.rows;
};

/** Raw bytes of a zip written by our writer, for cases that patch headers. */
async function rawZip(entries: [string, Buffer][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const zip = new ZipWriter((chunk) => chunks.push(chunk), new Date());
  for (const [name, data] of entries) await zip.add(name, data);
  zip.finish();
  return Buffer.concat(chunks);
}

function saved(name: string, bytes: Buffer): string {
  const path = join(out, name);
  writeFileSync(path, bytes);
  return path;
}

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

function offsetsOf(bytes: Buffer, signature: Buffer): number[] {
  const found: number[] = [];
  for (let at = bytes.indexOf(signature); at >= 0; at = bytes.indexOf(signature, at + 1)) found.push(at);
  return found;
}

/** What an adapter does with a file the user chose in the open dialog: registers it for a token. */
const source = (path: string) => core.files.register('import-source', path).token;

/** Sends a request and checks the vault did not change: rows, key file, and every file's bytes. */
async function refusedWith(
  channel: 'import:plan' | 'import:apply',
  request: Record<string, unknown>,
): Promise<{ code: string; message: string }> {
  const rows = await snapshotVault(core, folder);
  const files = snapshotFolder(folder);
  const envelope = (await core.handle(channel, request)) as Envelope<unknown>;
  expect(await snapshotVault(core, folder)).toEqual(rows);
  expect(snapshotFolder(folder)).toEqual(files);
  if (envelope.ok) throw new Error(`${channel} was accepted: ${JSON.stringify(envelope.value).slice(0, 300)}`);
  return { code: envelope.code, message: envelope.message };
}

/** Refused by both the dry run and the import, with the same code and message. */
async function expectRefused(path: string, code: string, message: string | RegExp): Promise<void> {
  for (const channel of ['import:plan', 'import:apply'] as const) {
    const failure = await refusedWith(channel, { source: source(path) });
    expect(failure.code, `${channel}: ${failure.message}`).toBe(code);
    if (typeof message === 'string') expect(failure.message).toBe(message);
    else expect(failure.message).toMatch(message);
  }
}

const cannot = (why: string) => `This file cannot be imported: ${why}. Nothing was imported.`;

describe('sources that are not a regular file', () => {
  it('a FIFO, /dev/zero, /dev/urandom, a folder and a symlink to a FIFO are refused at once', async () => {
    const fifo = join(out, 'pipe.zip');
    execFileSync('mkfifo', [fifo]);
    const linkToFifo = join(out, 'link-to-pipe.zip');
    symlinkSync(fifo, linkToFifo);
    const dir = join(out, 'folder.zip');
    mkdirSync(dir);
    const notExport = (kind: string) => `That path is ${kind}, not an export file. Nothing was imported.`;
    await expectRefused(fifo, 'IMPORT_REFUSED', notExport('a pipe (FIFO)'));
    await expectRefused(linkToFifo, 'IMPORT_REFUSED', notExport('a pipe (FIFO)'));
    await expectRefused('/dev/zero', 'IMPORT_REFUSED', notExport('a device'));
    await expectRefused('/dev/urandom', 'IMPORT_REFUSED', notExport('a device'));
    await expectRefused(dir, 'IMPORT_REFUSED', notExport('a folder'));
    const missing = join(out, 'nothing-here.zip');
    await expectRefused(
      missing,
      'NOT_FOUND',
      'There is no file at nothing-here.zip. Check the name, or connect the drive it is on. Nothing was imported.',
    );
    // A path through a file is as missing as a mistyped one, said the same way.
    const throughFile = join(validPath, 'export.zip');
    await expectRefused(throughFile, 'NOT_FOUND', /^There is no file at .*export\.zip\. Check the name/);
  });

  it('a symlink to a real export is read as the export it points to', async () => {
    const link = join(out, 'link-to-valid.zip');
    symlinkSync(validPath, link);
    const plan = expectOk<ImportReportView>(await core.handle('import:plan', { source: source(link) }));
    expect(plan.totals.toAdd).toBe(0);
    expect(plan.totals.identical).toBe(plan.totals.inArchive);
  });

  it('a lock is not held behind an import from a FIFO', async () => {
    const fifo = join(out, 'pipe-while-locking.zip');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const [plan, lock] = await Promise.all([
      core.handle('import:plan', { source: source(fifo) }),
      core.handle('vault:lock', {}),
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lock.ok).toBe(true);
    expect(plan.ok ? 'ok' : plan.code).toMatch(/IMPORT_REFUSED|VAULT_LOCKED/);
    expect(core.vault.isUnlocked).toBe(false);
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
  });

  it('a truncated file is damaged', async () => {
    const bytes = readFileSync(validPath);
    const path = saved('truncated.zip', bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(
      path,
      'EXPORT_DAMAGED',
      'This export file is damaged or incomplete (no end-of-central-directory record (truncated?)). Nothing was imported.',
    );
  });
});

describe('zips built to do harm', () => {
  it('path traversal, absolute paths, backslashes and unknown files', async () => {
    const data = Buffer.from('{}');
    await expectRefused(
      saved('traversal.zip', await rawZip([['../evil.json', data]])),
      'IMPORT_REFUSED',
      cannot('the entry "../evil.json" points outside the archive (..)'),
    );
    await expectRefused(
      saved('absolute.zip', await rawZip([['/etc/cron.d/evil', data]])),
      'IMPORT_REFUSED',
      cannot('the entry "/etc/cron.d/evil" has an absolute path'),
    );
    await expectRefused(
      saved('drive.zip', await rawZip([['C:/Windows/evil.json', data]])),
      'IMPORT_REFUSED',
      cannot('the entry "C:/Windows/evil.json" has an absolute path'),
    );
    await expectRefused(
      saved('backslash.zip', await rawZip([['clients\\..\\evil.json', data]])),
      'IMPORT_REFUSED',
      cannot('the entry "clients\\\\..\\\\evil.json" has a backslash in its name'),
    );
    const path = await archiveWith('unknown-file.zip', () => undefined, [['scripts/run.sh', Buffer.from('rm -rf ~')]]);
    await expectRefused(path, 'IMPORT_REFUSED', cannot('scripts/run.sh is not part of the export format'));
  });

  it('a symlink entry', async () => {
    const name = `clients/${client.id}.pdf`;
    const bytes = await rawZip([[name, Buffer.from('/etc/passwd')]]);
    const central = offsetsOf(bytes, CENTRAL)[0] as number;
    bytes.writeUInt32LE((0o120777 << 16) >>> 0, central + 38);
    await expectRefused(saved('symlink.zip', bytes), 'IMPORT_REFUSED', cannot(`${name} is a symbolic link`));
  });

  it('duplicate entries', async () => {
    const bytes = await rawZip([
      ['settings.json', Buffer.from('{"a":1}')],
      ['settingx.json', Buffer.from('{"a":2}')],
    ]);
    // Rename the second entry, in its local header and in the directory, to the first one's name.
    for (let at = bytes.indexOf('settingx.json'); at >= 0; at = bytes.indexOf('settingx.json', at + 1)) {
      bytes.write('settings.json', at, 'utf8');
    }
    await expectRefused(
      saved('duplicate.zip', bytes),
      'IMPORT_REFUSED',
      cannot('the entry settings.json appears twice'),
    );
  });

  it('overlapping entries (one stream counted twice) and an entry running into the directory', async () => {
    // Entry 1 is stored; its data is a whole second entry, which the directory also lists.
    const inner = await rawZip([['clients.json', Buffer.alloc(50_000, 0x20)]]);
    const innerLocal = inner.subarray(0, offsetsOf(inner, CENTRAL)[0]);
    const outer = await rawZip([['notes.json', innerLocal]]);
    const outerCentralAt = offsetsOf(outer, CENTRAL)[0] as number;
    // notes.json was deflated by the writer: rebuild it as stored so its data is the inner entry verbatim.
    const name = Buffer.from('notes.json');
    const local = Buffer.from(outer.subarray(0, 30 + name.length));
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(innerLocal.length, 18);
    local.writeUInt32LE(innerLocal.length, 22);
    const innerOffset = local.length;
    const centralOuter = Buffer.from(outer.subarray(outerCentralAt, outerCentralAt + 46 + name.length));
    centralOuter.writeUInt16LE(0, 10);
    centralOuter.writeUInt32LE(innerLocal.length, 20);
    centralOuter.writeUInt32LE(innerLocal.length, 24);
    const innerCentralAt = offsetsOf(inner, CENTRAL)[0] as number;
    const centralInner = Buffer.from(inner.subarray(innerCentralAt, innerCentralAt + 46 + 'clients.json'.length));
    centralInner.writeUInt32LE(innerOffset, 42);
    const body = Buffer.concat([local, innerLocal]);
    const directory = Buffer.concat([centralOuter, centralInner]);
    const end = Buffer.alloc(22);
    END.copy(end, 0);
    end.writeUInt16LE(2, 8);
    end.writeUInt16LE(2, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(body.length, 16);
    await expectRefused(
      saved('overlap.zip', Buffer.concat([body, directory, end])),
      'IMPORT_REFUSED',
      cannot('the entries notes.json and clients.json overlap'),
    );

    // The last entry claims more data than it has: its range reaches into the directory.
    const bytes = await rawZip([['settings.json', Buffer.from('{"a":1}')]]);
    const centralAt = offsetsOf(bytes, CENTRAL)[0] as number;
    const size = bytes.readUInt32LE(18) + 10;
    bytes.writeUInt32LE(size, 18);
    bytes.writeUInt32LE(size, centralAt + 20);
    await expectRefused(
      saved('into-directory.zip', bytes),
      'IMPORT_REFUSED',
      cannot('settings.json runs into the central directory'),
    );
  });

  it('zip bombs: a high ratio, a huge declared size and too many entries, refused before inflating', async () => {
    const spaces = Buffer.alloc(20 * 1024 * 1024, 0x20);
    await expectRefused(
      saved('ratio-bomb.zip', await rawZip([['clients.json', spaces]])),
      'IMPORT_REFUSED',
      /^This file cannot be imported: clients\.json would unpack \d+ KiB into 20 MiB \([\d,]+ to 1, more than 100 to 1\): a zip bomb\. Nothing was imported\.$/,
    );

    const bytes = await rawZip([['notes.json', Buffer.from('{"a":1}')]]);
    const centralAt = offsetsOf(bytes, CENTRAL)[0] as number;
    bytes.writeUInt32LE(0xfffffff0, 22);
    bytes.writeUInt32LE(0xfffffff0, centralAt + 24);
    await expectRefused(
      saved('declared-bomb.zip', bytes),
      'IMPORT_REFUSED',
      cannot('notes.json would unpack to 4096.0 MiB, more than the 24 MiB such a file may be'),
    );

    const many = await rawZip(
      Array.from({ length: 20_001 }, () => [`clients/${randomUUID()}.pdf`, Buffer.alloc(0)] as [string, Buffer]),
    );
    await expectRefused(
      saved('many-entries.zip', many),
      'IMPORT_REFUSED',
      cannot('it has 20,001 entries, more than the 20,000 an export may have'),
    );
  }, 60_000);

  it('a file named .pdf that is not a PDF', async () => {
    const name = `clients/${client.id}.pdf`;
    const path = await archiveWith('not-a-pdf.zip', () => undefined, [[name, Buffer.from('#!/bin/sh\necho hi\n')]]);
    await expectRefused(path, 'IMPORT_REFUSED', cannot(`${name} is not a PDF`));
  });

  it('a 64 MiB client name is refused by the size limit; an 8 MiB one by the name rule', async () => {
    const huge = await archiveWith('huge-name.zip', (tables) => {
      const row = {
        ...(rowsOf(tables, 'clients')[0] as Row),
        id: randomUUID(),
        display_name: 'x'.repeat(64 * 1024 ** 2),
      };
      rowsOf(tables, 'clients').push(row);
    });
    await expectRefused(
      huge,
      'IMPORT_REFUSED',
      cannot('clients.json would unpack to 64.0 MiB, more than the 24 MiB such a file may be'),
    );
    // Incompressible, so the zip checks pass and the row rule is what refuses it.
    const id = randomUUID();
    const large = await archiveWith('large-name.zip', (tables) => {
      const name = randomBytes(6 * 1024 ** 2).toString('base64');
      rowsOf(tables, 'clients').push({ ...(rowsOf(tables, 'clients')[0] as Row), id, display_name: name });
    });
    await expectRefused(
      large,
      'IMPORT_REFUSED',
      cannot(`clients.json row 2 (id ${id}): the client: Name can be at most 200 characters`),
    );
  }, 60_000);
});

describe('rows that the app would never have written', () => {
  it('a forged signed note: backdated, in the therapist’s name, fingerprint not matching', async () => {
    const id = randomUUID();
    const path = await archiveWith('forged-note.zip', (tables) => {
      const original = rowsOf(tables, 'notes').find((row) => row.id === signed.id) as Row;
      const values = JSON.parse(original.values_json as string);
      values.summary = doc('Client admitted everything');
      rowsOf(tables, 'notes').push({
        ...original,
        id,
        values_json: JSON.stringify(values),
        created_at: '2024-01-02T09:00:00.000Z',
        updated_at: '2024-01-02T09:00:00.000Z',
        signed_at: '2024-01-02T10:00:00.000Z',
      });
    });
    const rowNumber = 2;
    await expectRefused(
      path,
      'IMPORT_REFUSED',
      cannot(`notes.json row ${rowNumber} (id ${id}): the signed note’s fingerprint does not match its content`),
    );
    const hits = expectOk<{ hits: unknown[] }>(await core.handle('search:query', { query: 'admitted' })).hits;
    expect(hits).toEqual([]);
  });

  it('a forged addendum', async () => {
    const id = randomUUID();
    const path = await archiveWith('forged-addendum.zip', (tables) => {
      const original = rowsOf(tables, 'addenda')[0] as Row;
      rowsOf(tables, 'addenda').push({ ...original, id, text_json: JSON.stringify(doc('Retracted everything')) });
    });
    await expectRefused(
      path,
      'IMPORT_REFUSED',
      cannot(`addenda.json row 2 (id ${id}): the addendum’s fingerprint does not match its content`),
    );
  });

  it('a measure whose stored total disagrees with its answers', async () => {
    const path = await archiveWith('forged-measure.zip', (tables) => {
      const row = rowsOf(tables, 'measure_administrations')[0] as Row;
      row.id = randomUUID();
      row.total = 3;
    });
    await expectRefused(
      path,
      'IMPORT_REFUSED',
      /measure_administrations\.json row 1 \(id [0-9a-f-]+\): the stored total \(3\) is not what its answers score \(11\)\. Nothing/,
    );
  });

  it('bad ids, wrong types, unknown statuses, future dates and a broken template', async () => {
    const cases: [string, (tables: Tables) => void, string][] = [
      [
        'bad-id',
        (tables) => rowsOf(tables, 'clients').push({ ...(rowsOf(tables, 'clients')[0] as Row), id: 'robert-tables' }),
        'clients.json row 2 (id robert-tables): id is not a UUID',
      ],
      [
        'wrong-type',
        (tables) =>
          rowsOf(tables, 'clients').push({
            ...(rowsOf(tables, 'clients')[0] as Row),
            id: 'a0000000-0000-4000-8000-000000000001',
            display_name: 42,
          }),
        'clients.json row 2 (id a0000000-0000-4000-8000-000000000001): the client: Name must be text.',
      ],
      [
        'bad-status',
        (tables) =>
          rowsOf(tables, 'clients').push({
            ...(rowsOf(tables, 'clients')[0] as Row),
            id: 'a0000000-0000-4000-8000-000000000002',
            status: 'deleted',
          }),
        'clients.json row 2 (id a0000000-0000-4000-8000-000000000002): status: Invalid option: expected one of "active"|"archived"',
      ],
      [
        'future',
        (tables) =>
          rowsOf(tables, 'clients').push({
            ...(rowsOf(tables, 'clients')[0] as Row),
            id: 'a0000000-0000-4000-8000-000000000003',
            created_at: '2099-01-01T00:00:00.000Z',
          }),
        'clients.json row 2 (id a0000000-0000-4000-8000-000000000003): created_at (2099-01-01T00:00:00.000Z) is in the future',
      ],
      [
        'template',
        (tables) =>
          rowsOf(tables, 'custom_templates').push({
            id: 'evil',
            definition: '{"id":"evil","sections":"<script>"}',
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:00.000Z',
            deleted_at: null,
          }),
        'custom_templates.json row 1 (id evil): the template: ',
      ],
    ];
    for (const [label, change, message] of cases) {
      const failure = await refusedWith('import:plan', { source: source(await archiveWith(`${label}.zip`, change)) });
      expect(failure.code, label).toBe('IMPORT_REFUSED');
      expect(failure.message, label).toContain(`This file cannot be imported: ${message.replace(/\.$/, '')}`);
    }
  });

  it('a note nested 20,000 levels deep', async () => {
    const id = randomUUID();
    const deep = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(20_000)}${']}'.repeat(20_000)}]}`;
    const path = await archiveWith('deep.zip', (tables) => {
      const original = rowsOf(tables, 'notes')[0] as Row;
      rowsOf(tables, 'notes').push({
        ...original,
        id,
        status: 'draft',
        signed_at: null,
        signed_by: null,
        content_hash: null,
        values_json: `{"summary":${deep}}`,
      });
    });
    await expectRefused(
      path,
      'IMPORT_REFUSED',
      cannot(`notes.json row 2 (id ${id}): values_json is nested more than 128 levels deep`),
    );
  });

  it('the activity log is never imported: forged log rows do not come in', async () => {
    const marker = 'forged-free-text-entry';
    const path = await archiveWith('forged-log.zip', (tables) => {
      rowsOf(tables, 'audit_log').push({
        ...(rowsOf(tables, 'audit_log')[0] as Row),
        id: 99_999,
        at: '2020-01-01T00:00:00.000Z',
        detail_json: JSON.stringify({ note: marker }),
      });
    });
    const plan = expectOk<ImportReportView>(await core.handle('import:plan', { source: source(path) }));
    expect(plan.tables).not.toHaveProperty('audit_log');
    expect(plan.activityLogRows).toBeGreaterThan(0);
    const before = core.vault.db().prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
    expectOk(await core.handle('import:apply', { source: source(path) }));
    const rows = core.vault.db().prepare('SELECT * FROM audit_log WHERE id > ?').all(before) as Record<
      string,
      unknown
    >[];
    // Only the import itself was logged.
    expect(rows.map((row) => row.action)).toEqual(['import']);
    expect(JSON.stringify(core.vault.db().prepare('SELECT * FROM audit_log').all())).not.toContain(marker);
  });
});

describe('settings', () => {
  it('protection settings are listed but never taken; others only when ticked', async () => {
    const path = await archiveWith('weakening.zip', (tables) => {
      const settings = rowsOf(tables, 'settings');
      settings.push({ key: 'autoLockMinutes', value: '60' }, { key: 'backupFolder', value: '"/tmp/elsewhere"' });
      const practice = { key: 'practiceName', value: '"Harbour Practice"' };
      settings.push(practice);
    });
    const plan = expectOk<ImportReportView>(await core.handle('import:plan', { source: source(path) }));
    // Those the therapist may take first, then the protection settings with why they stay.
    expect(plan.settings).toEqual([
      expect.objectContaining({
        key: 'practiceName',
        current: '(empty)',
        incoming: 'Harbour Practice',
        notTaken: null,
      }),
      expect.objectContaining({ key: 'autoLockMinutes', current: '10 minutes', incoming: '60 minutes', taken: false }),
      expect.objectContaining({ key: 'backupFolder', current: '(empty)', incoming: '/tmp/elsewhere', taken: false }),
    ]);
    expect(plan.settings[1]?.notTaken).toMatch(/never taken from a file/);
    expect(plan.settings[2]?.notTaken).toMatch(/never taken from a file/);

    const failure = await refusedWith('import:apply', { source: source(path), settings: ['autoLockMinutes'] });
    expect(failure).toEqual({
      code: 'INVALID_REQUEST',
      message:
        'Auto-lock: How soon the vault locks protects the records on this computer, so it is never taken from a file.',
    });

    // Nothing ticked: no setting changes.
    expectOk(await core.handle('import:apply', { source: source(path) }));
    expect(
      expectOk<{ autoLockMinutes: number; practiceName: string }>(await core.handle('settings:get', {})),
    ).toMatchObject({
      autoLockMinutes: 10,
      backupFolder: '',
      practiceName: '',
    });
    // Ticked: taken, and the import's log entry names the key (never the value).
    const applied = expectOk<ImportReportView>(
      await core.handle('import:apply', { source: source(path), settings: ['practiceName'] }),
    );
    expect(applied.settings.find((change) => change.key === 'practiceName')?.taken).toBe(true);
    expect(expectOk<{ practiceName: string }>(await core.handle('settings:get', {})).practiceName).toBe(
      'Harbour Practice',
    );
    const last = core.vault
      .db()
      .prepare('SELECT action, detail_json FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as {
      action: string;
      detail_json: string;
    };
    expect(last.action).toBe('import');
    expect(JSON.parse(last.detail_json)).toMatchObject({ settings: ['practiceName'] });
    expect(last.detail_json).not.toContain('Harbour');
  });

  it('a settings value that does not parse, or fails its schema, refuses the import', async () => {
    const unparseable = await archiveWith('settings-not-json.zip', (tables) => {
      rowsOf(tables, 'settings').push({ key: 'practiceName', value: 'not json at all' });
    });
    await expectRefused(
      unparseable,
      'IMPORT_REFUSED',
      /^This file cannot be imported: settings\.json row \d \(key practiceName\): its value is not valid JSON\. Nothing was imported\.$/,
    );
    const outOfRange = await archiveWith('settings-out-of-range.zip', (tables) => {
      rowsOf(tables, 'settings').push({ key: 'autoLockMinutes', value: '0' });
    });
    await expectRefused(
      outOfRange,
      'IMPORT_REFUSED',
      /settings\.json row \d \(key autoLockMinutes\): Auto-lock must be at least 1 minute\. Nothing was imported\.$/,
    );
    const unknown = await archiveWith('settings-unknown.zip', (tables) => {
      rowsOf(tables, 'settings').push({ key: 'telemetryUrl', value: '"https://example.org"' });
    });
    await expectRefused(
      unknown,
      'IMPORT_REFUSED',
      /settings\.json row \d \(key telemetryUrl\): Sessionkeep has no setting of that name\. Nothing was imported\.$/,
    );
  });
});

describe('peak memory', () => {
  /** Table files just under their limit, every row checked, the last one refused. */
  async function maxArchive(): Promise<{ zip: string; sealed: string; rows: number }> {
    let rows = 0;
    const zip = await archiveWith('max-tables.zip', (tables) => {
      const clients = rowsOf(tables, 'clients');
      const base = { ...(clients[0] as Row), presenting_concerns: 'Panic on the metro, '.repeat(8) };
      const size = JSON.stringify({ ...base, id: randomUUID() }).length + 4;
      const count = Math.floor((IMPORT_LIMITS.tablesTotalBytes - 512 * 1024) / size);
      for (let index = 0; index < count; index++) clients.push({ ...base, id: randomUUID() });
      clients.push({ ...base, id: randomUUID(), display_name: '' });
      rows = clients.length;
    });
    const chunks: Buffer[] = [];
    const sealer = await openSealer(EXPORT_PASSPHRASE, (chunk) => chunks.push(chunk));
    sealer.write(readFileSync(zip));
    sealer.finish();
    return { zip, sealed: saved('max-tables.skexport', Buffer.concat(chunks)), rows };
  }

  it('stays under 256 MiB above the baseline for the worst hostile archives', async () => {
    const max = await maxArchive();
    if (process.env.KEEP_MAX) {
      writeFileSync('/tmp/max.zip', readFileSync(max.zip));
      writeFileSync('/tmp/max.skexport', readFileSync(max.sealed));
    }
    const bin = makeTempFolder('hostile-memory-bin');
    const vault = makeTempFolder('hostile-memory-vault');
    try {
      const script = join(bin, 'importMemoryChild.cjs');
      await build({
        entryPoints: [join(__dirname, 'support', 'importMemoryChild.ts')],
        outfile: script,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['better-sqlite3-multiple-ciphers'],
        logLevel: 'warning',
      });
      const names = [
        'ratio-bomb.zip',
        'declared-bomb.zip',
        'overlap.zip',
        'many-entries.zip',
        'huge-name.zip',
        'large-name.zip',
        'deep.zip',
        'forged-note.zip',
      ];
      const archives = [
        ...names.map((name) => ({ path: join(out, name) })),
        { path: max.zip },
        { path: max.sealed, passphrase: EXPORT_PASSPHRASE },
      ];
      for (const { path } of archives) expect(existsSync(path), path).toBe(true);
      // One fresh process per archive, so no archive's heap growth hides in the next one's baseline.
      const results = archives.flatMap((archive, index) => {
        const output = execFileSync(
          process.execPath,
          [
            '--expose-gc',
            script,
            JSON.stringify({ folder: join(vault, String(index)), passphrase: PASSPHRASE, archives: [archive] }),
          ],
          {
            env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
            encoding: 'utf8',
            timeout: 120_000,
          },
        );
        return JSON.parse(output) as { path: string; code: string; peakAboveBaseline: number; ms: number }[];
      });
      const lines = results.map(
        (each) =>
          `${basename(each.path).padEnd(22)} ${each.code.padEnd(15)} ${(each.peakAboveBaseline / 1024 ** 2).toFixed(1).padStart(7)} MiB ${String(each.ms).padStart(6)} ms`,
      );
      console.log(`hostileImport: peak memory above baseline (VmHWM, own process)\n${lines.join('\n')}`);
      expect(results.map((each) => each.code)).toEqual([
        ...names.map(() => 'IMPORT_REFUSED'),
        'IMPORT_REFUSED',
        'IMPORT_REFUSED',
      ]);
      for (const each of results) expect(each.peakAboveBaseline, each.path).toBeLessThan(256 * 1024 ** 2);
      // The big one really was read and checked row by row, not refused early.
      expect(max.rows).toBeGreaterThan(40_000);
    } finally {
      removeFolder(bin);
      removeFolder(vault);
    }
  }, 300_000);
});

describe('safety plan rows', () => {
  const planSteps = {
    warningSigns: ['Not sleeping'],
    copingStrategies: ['Walk the dog'],
    distractions: [],
    helpers: ['Sam (sister)'],
    professionals: [],
    safeEnvironment: [],
    reasonsForLiving: ['My daughter'],
  };
  /** Another client's draft note, in the vault only: a plan row must not name it. */
  let theirNote: Note;

  beforeAll(async () => {
    const other = expectOk<Client>(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Ben Other' } }),
    );
    theirNote = expectOk<Note>(await core.handle('notes:create', { clientId: other.id, templateId: 'cbt-session' }));
  });

  /** A version as the app writes it: the client's own signed note, lines trimmed. */
  const planRow = (overrides: Row = {}): Row => ({
    id: randomUUID(),
    client_id: client.id,
    version: 1,
    steps_json: JSON.stringify(planSteps),
    note_id: signed.id,
    created_at: '2026-01-05T10:00:00.000Z',
    ...overrides,
  });

  /** The valid archive with these safety plan rows (the exported vault has none). */
  const withPlans = (name: string, rows: Row[]) =>
    archiveWith(name, (tables) => {
      const table = tables.get('safety_plans');
      if (!table) throw new Error('no safety_plans table in the export');
      expect(table.rows).toEqual([]);
      table.rows.push(...rows);
    });

  it('a well-formed version is taken (so each refusal below is for its one fault)', async () => {
    const path = await withPlans('plan-valid.zip', [planRow(), planRow({ version: 2, note_id: null })]);
    const plan = expectOk<ImportReportView>(await core.handle('import:plan', { source: source(path) }));
    expect(JSON.stringify(plan.tables)).toContain('safety_plans');
  });

  it.each<[string, () => Row[], (rows: Row[]) => string]>([
    [
      'a note of another client',
      () => [planRow({ note_id: theirNote.id })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): note_id names a note of another client`,
    ],
    [
      'an unknown note',
      () => [planRow({ note_id: randomUUID() })],
      ([row]) =>
        `safety_plans.json row 1 (id ${row?.id}): note_id names a note that is neither in the file nor in this vault`,
    ],
    [
      'a step that is text instead of a list',
      () => [planRow({ steps_json: JSON.stringify({ ...planSteps, warningSigns: 'Not sleeping' }) })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): the safety plan: warningSigns: Invalid input`,
    ],
    [
      'a step it does not know',
      () => [planRow({ steps_json: JSON.stringify({ ...planSteps, script: ['<img onerror>'] }) })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): the safety plan: Unrecognized key: "script"`,
    ],
    [
      'steps that are not an object',
      () => [planRow({ steps_json: '"warning signs"' })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): the safety plan: Invalid input`,
    ],
    [
      'a line of 800,000 characters',
      // Random text: a repeated letter would pack past the zip-bomb ratio and be refused earlier.
      () => [
        planRow({ steps_json: JSON.stringify({ ...planSteps, helpers: [randomBytes(600_000).toString('base64')] }) }),
      ],
      ([row]) =>
        `safety_plans.json row 1 (id ${row?.id}): the safety plan: Each line of the safety plan can be up to 300 characters`,
    ],
    [
      'steps nested 20,000 levels deep',
      () => [planRow({ steps_json: `{"warningSigns":${'['.repeat(20_000)}${']'.repeat(20_000)}}` })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): steps_json is nested more than 128 levels deep`,
    ],
    [
      'the same version of the same client twice',
      () => [planRow(), planRow({ note_id: null })],
      ([, second]) =>
        `safety_plans.json row 2 (id ${second?.id}): version 1 of this client’s safety plan comes twice in the file`,
    ],
    [
      'version 0',
      () => [planRow({ version: 0 })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): version is not a whole number from 1`,
    ],
    [
      'a negative version',
      () => [planRow({ version: -3 })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): version is not a whole number from 1`,
    ],
    [
      'a version that is not a whole number',
      () => [planRow({ version: 1.5 })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): version is not a whole number from 1`,
    ],
    [
      'a date in the future',
      () => [planRow({ created_at: '2099-01-01T00:00:00.000Z' })],
      ([row]) => `safety_plans.json row 1 (id ${row?.id}): created_at (2099-01-01T00:00:00.000Z) is in the future`,
    ],
  ])('%s is refused, naming the file, the row and why, and nothing changes', async (label, rows, message) => {
    const made = rows();
    const path = await withPlans(`plan-${label.replace(/\W+/g, '-')}.zip`, made);
    const expected = message(made);
    for (const channel of ['import:plan', 'import:apply'] as const) {
      const failure = await refusedWith(channel, { source: source(path) });
      expect(failure.code, `${channel}: ${failure.message}`).toBe('IMPORT_REFUSED');
      expect(failure.message).toContain(`This file cannot be imported: ${expected}`);
      expect(failure.message).toMatch(/Nothing was imported\.$/);
    }
    const plans = expectOk<{ versions: unknown[] }>(await core.handle('safetyPlan:get', { clientId: client.id }));
    expect(plans.versions).toEqual([]);
  });
});
