/**
 * Whole-vault export and import (issue "Backups, export and restore"), through the real
 * core on real encrypted vaults: every kind of record goes out and comes back identical.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { CoreError } from '../../electron/core/coreError';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { exportVault, tableJson } from '../../electron/core/export/exportVault';
import { applyImport, type ImportReport, planImport } from '../../electron/core/export/importVault';
import { RecordNamer } from '../../electron/core/export/recordNames';
import { EXPORT_TABLES } from '../../electron/core/export/tables';
import { dosDateTime, readZip, ZipFormatError, ZipWriter } from '../../electron/core/export/zipFile';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { Assignment } from '../../shared/homework/assignment';
import type { IntakeEntry } from '../../shared/intake/entry';
import type { Note, SearchHit } from '../../shared/notes/note';
import { pdfText } from '../support/pdf';
import { tmpfsUnavailable } from './support/tmpfs';
import { expectOk, makeTempFolder, NEW_PASSPHRASE, PASSPHRASE, removeFolder } from './support/vaultFolder';

const EXPORT_PASSPHRASE = 'lantern over the quiet harbour';
const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

let folders: string[];
let cores: Core[];
let clock: number;

beforeEach(() => {
  folders = [];
  cores = [];
  clock = Date.parse('2026-03-02T09:00:00.000Z');
});
afterEach(async () => {
  for (const core of cores) await core.shutdown();
  for (const folder of folders) removeFolder(folder);
});

function tempFolder(label: string): string {
  const folder = makeTempFolder(label);
  folders.push(folder);
  return folder;
}

async function newVault(passphrase: string, label: string): Promise<Core> {
  const core = createCore({ folder: tempFolder(label), now: () => clock });
  cores.push(core);
  expectOk(await core.handle('vault:create', { passphrase }));
  return core;
}

type Built = { active: Client; archived: Client; signed: Note; draft: Note };

/** One of every kind of record, each written through the core's front door. */
async function fillVault(core: Core): Promise<Built> {
  const ok = async <T>(channel: string, payload: unknown) => expectOk<T>(await core.handle(channel, payload));
  const tick = () => {
    clock += 61 * 60_000; // past the autosave coalescing window, so each save is a revision
  };
  await ok('settings:update', { therapistName: 'Dr Ana Ruiz' });
  const active = await ok<Client>('clients:create', {
    client: { ...emptyClientInput, displayName: 'Amara Okafor', presentingConcerns: 'Panic on the metro' },
  });
  const archived = await ok<Client>('clients:create', { client: { ...emptyClientInput, displayName: 'Ben Cole' } });
  await ok('templates:save', {
    template: {
      id: 'my-template',
      name: 'My template',
      version: 1,
      noteKind: 'progress',
      description: 'A short one.',
      builtIn: false,
      sections: [{ id: 'main', title: 'Main', fields: [{ id: 'notes', label: 'Notes', kind: 'shortText' }] }],
    },
  });
  await ok('clients:setDefaultTemplate', { id: active.id, templateId: 'my-template' });
  await ok('distortions:add', { label: 'Comparing' });
  await ok('worksheets:save', {
    worksheet: {
      id: 'my-sheet',
      version: 1,
      title: 'My sheet',
      purpose: 'Practice.',
      instructions: 'Write it down.',
      orientation: 'portrait',
      builtIn: false,
      blocks: [{ kind: 'text', id: 'intro', body: 'Hello.' }],
    },
  });

  const signed = await ok<Note>('notes:create', { clientId: active.id, templateId: 'cbt-session' });
  await ok('notes:saveDraft', { id: signed.id, changes: { summary: doc('Talked about the lighthouse dream') } });
  tick();
  await ok('notes:saveDraft', { id: signed.id, changes: { summary: doc('The lighthouse dream, and the ferry') } });
  tick();
  await ok('notes:sign', { id: signed.id });
  tick();
  await ok('notes:addAddendum', { id: signed.id, text: doc('Client called: marmalade incident resolved') });
  const draft = await ok<Note>('notes:create', { clientId: active.id, templateId: 'my-template' });
  await ok('notes:saveDraft', { id: draft.id, changes: { notes: 'Draft about the orchard' } });

  const assignment = await ok<Assignment>('homework:assign', {
    assignment: {
      clientId: active.id,
      worksheetId: 'my-sheet',
      title: 'Practice sheet',
      instructions: doc('Daily.'),
      frequency: { kind: 'daily' },
      startDate: '2026-03-02',
      dueDate: '2026-03-09',
      target: '5 of 7 days',
      noteId: draft.id,
    },
  });
  tick();
  await ok('homework:review', {
    id: assignment.id,
    status: 'partial',
    amount: '3',
    barrier: 'busy',
    learned: 'Mornings were easier',
    noteId: null,
  });

  const entry = await ok<IntakeEntry>('intake:add', {
    clientId: active.id,
    noteId: null,
    fields: {
      kind: 'substance',
      name: 'Kratom',
      product: '',
      amount: '2',
      unit: 'g',
      route: 'oral',
      frequency: 'daily',
      startedOn: '2026-01-05',
      lastUseOn: '',
      obtainedFrom: 'online',
      clientSaysFor: 'mood',
      prescriberKnows: 'unknown',
      stoppedOn: '',
    },
  });
  tick();
  await ok('intake:update', {
    id: entry.id,
    noteId: draft.id,
    fields: { ...(entry.fields as object), amount: '4' },
  });
  await ok('intake:add', {
    clientId: active.id,
    noteId: null,
    fields: { kind: 'medication', name: 'Alprazolam', dose: '0.5 mg', prescriber: '', startedOn: '', stoppedOn: '' },
  });
  await ok('intake:setContext', {
    clientId: active.id,
    context: { pregnant: false, breastfeeding: false, bipolar: true, liverDisease: false, seizureHistory: false },
  });
  await ok('intake:markReviewed', { clientId: active.id, noteId: draft.id });
  await ok('cautions:recordAction', {
    clientId: active.id,
    noteId: null,
    cautionId: 'kratom-benzodiazepines',
    cautionTitle: 'Kratom with benzodiazepines',
    severity: 'serious',
    involves: ['kratom', 'alprazolam'],
    action: 'discussed',
    reason: '',
    kbVersion: '1.0.0',
  });
  await ok('measures:record', {
    administration: {
      clientId: active.id,
      noteId: draft.id,
      instrument: 'phq9',
      answers: [2, 2, 1, 1, 1, 1, 1, 1, 1],
      sex: null,
      givenOn: '2026-03-02',
    },
  });
  await ok('safetyPlan:save', {
    clientId: active.id,
    noteId: draft.id,
    steps: {
      warningSigns: ['Not sleeping'],
      copingStrategies: ['A walk by the river'],
      distractions: [],
      helpers: ['Sam (sister)'],
      professionals: [],
      safeEnvironment: ['Pills kept by Sam'],
      reasonsForLiving: ['My daughter'],
    },
  });
  await ok('clients:archive', { id: archived.id });
  return { active, archived, signed: await ok<Note>('notes:get', { id: signed.id }), draft };
}

type Dump = Record<string, Record<string, unknown>[]>;

/** Every exported table, rows as stored, in key order. */
function dump(core: Core): Dump {
  const db = core.vault.db();
  return Object.fromEntries(
    EXPORT_TABLES.map(({ table, key }) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY "${key}"`).all()]),
  ) as Dump;
}

const withoutId = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, ...rest }) => rest);

/**
 * The new vault holds every source row exactly (settings only when ticked); the activity
 * log is never imported (issue 11): the target keeps only its own rows.
 */
function expectSameRecords(source: Dump, target: Dump, targetLogBefore: Dump[string] | undefined): void {
  for (const { table } of EXPORT_TABLES) {
    expect(source[table]?.length, `${table} has rows to compare`).toBeGreaterThan(0);
    if (table === 'audit_log') continue;
    expect(target[table], table).toEqual(source[table]);
  }
  expect(target.audit_log).toEqual(targetLogBefore);
  expect(withoutId(target.audit_log ?? [])).not.toEqual(expect.arrayContaining(withoutId(source.audit_log ?? [])));
}

function countsOf(report: ImportReport) {
  return Object.fromEntries(Object.entries(report.tables).map(([table, counts]) => [table, counts]));
}

async function searchFor(core: Core, query: string): Promise<SearchHit[]> {
  return expectOk<{ hits: SearchHit[] }>(await core.handle('search:query', { query })).hits;
}

describe('export and import, round trip', () => {
  it('a plain zip: every table comes back identical in a fresh vault, and search works there', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    const built = await fillVault(source);
    const out = tempFolder('export-out');
    const target = join(out, 'vault-export.zip');
    const progress: number[] = [];
    const result = await exportVault(source.vault.db(), target, {
      onProgress: (fraction) => progress.push(fraction),
      appVersion: '0.1.0',
    });
    expect(result).toMatchObject({ path: target, encrypted: false });
    expect(readdirSync(out)).toEqual(['vault-export.zip']);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // Any unzip tool can open and verify it.
    const tested = spawnSync('unzip', ['-t', target], { encoding: 'utf8' });
    if (tested.error) console.log('exportImport: unzip not found, relying on our own reader');
    else {
      expect(tested.status, tested.stdout).toBe(0);
      const listed = execFileSync('unzip', ['-Z1', target], { encoding: 'utf8' }).trim().split('\n');
      expect(listed.sort()).toEqual(
        [
          ...EXPORT_TABLES.map(({ table }) => `${table}.json`),
          `clients/${built.active.id}.pdf`,
          `clients/${built.archived.id}.pdf`,
          'manifest.json',
        ].sort(),
      );
    }
    const files = await readZip(readFileSync(target));
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
    // One printable record per client, archived ones included, after the JSON and listed in the manifest.
    const names = [...files.keys()];
    const pdfs = names.filter((name) => name.endsWith('.pdf'));
    expect(pdfs.sort()).toEqual([`clients/${built.active.id}.pdf`, `clients/${built.archived.id}.pdf`].sort());
    expect(names.indexOf(pdfs[0] ?? '')).toBeGreaterThan(names.indexOf('audit_log.json'));
    expect(names.at(-1)).toBe('manifest.json');
    for (const pdf of pdfs) {
      expect(files.get(pdf)?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(manifest.files[pdf]).toMatchObject({ bytes: files.get(pdf)?.length });
    }
    const activePdf = join(out, 'active.pdf');
    writeFileSync(activePdf, files.get(`clients/${built.active.id}.pdf`) ?? Buffer.alloc(0));
    expect((await pdfText(activePdf)).replace(/\s+/g, ' ')).toContain('The lighthouse dream, and the ferry');
    rmSync(activePdf);
    expect(manifest).toMatchObject({
      format: 'sessionkeep-export',
      formatVersion: 1,
      schemaVersion: LATEST_SCHEMA_VERSION,
      app: { name: 'Sessionkeep', version: '0.1.0' },
      counts: { clients: 2, notes: 2, addenda: 1, custom_templates: 1, intake_entries: 2 },
    });
    const notesFile = JSON.parse(files.get('notes.json')?.toString('utf8') ?? '{}');
    expect(notesFile.rows.find((row: { id: string }) => row.id === built.signed.id)).toMatchObject({
      status: 'signed',
      signed_by: 'Dr Ana Ruiz',
      content_hash: built.signed.contentHash,
    });

    const before = dump(source);
    const fresh = await newVault(NEW_PASSPHRASE, 'import-target');
    const plan = await planImport(fresh.vault.db(), target);
    expect(plan.totals.conflicts).toBe(0);
    expect(plan.tables.notes).toEqual({ inArchive: 2, toAdd: 2, identical: 0, conflicts: 0 });
    expect(plan.tables).not.toHaveProperty('audit_log');
    expect(plan.activityLogRows).toBe(before.audit_log?.length);
    expect(plan.settings).toEqual([
      {
        key: 'therapistName',
        label: 'Your name',
        current: '(empty)',
        incoming: 'Dr Ana Ruiz',
        notTaken: null,
        taken: false,
      },
    ]);
    const logBefore = dump(fresh).audit_log;
    const applied = await applyImport(fresh.vault.db(), target, { settings: ['therapistName'] });
    expect(countsOf(applied)).toEqual(countsOf(plan));
    expect(applied.settings.map((change) => [change.key, change.taken])).toEqual([['therapistName', true]]);
    expectSameRecords(before, dump(fresh), logBefore);

    // The signed note is still signed, final, with its hash; the index finds everything.
    const note = expectOk<Note>(await fresh.handle('notes:get', { id: built.signed.id }));
    expect(note).toMatchObject({ status: 'signed', contentHash: built.signed.contentHash });
    expect(await fresh.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('x') } })).toMatchObject({
      code: 'NOTE_SIGNED',
    });
    expect((await searchFor(fresh, 'lighthouse')).map((hit) => hit.noteId)).toEqual([built.signed.id]);
    expect((await searchFor(fresh, 'marmalade')).map((hit) => hit.kind)).toEqual(['addendum']);
    expect((await searchFor(fresh, 'orchard')).map((hit) => hit.noteId)).toEqual([built.draft.id]);
    expect((await searchFor(fresh, 'Okafor')).map((hit) => hit.clientId)).toEqual([built.active.id]);

    // Importing again: everything is already there.
    const again = await planImport(fresh.vault.db(), target);
    expect(again.totals).toMatchObject({ toAdd: 0, conflicts: 0 });
    expect(again.totals.identical).toBe(again.totals.inArchive);
  });

  it('a passphrase-sealed .skexport: opens only with its passphrase, and imports identically', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    await fillVault(source);
    const target = join(tempFolder('export-out'), 'vault.skexport');
    await exportVault(source.vault.db(), target, { passphrase: EXPORT_PASSPHRASE });
    const bytes = readFileSync(target);
    expect(bytes.subarray(0, 9).toString('ascii')).toBe('SKEXPORT1');
    // Nothing readable inside: no table names, no client names.
    expect(bytes.includes('Okafor')).toBe(false);
    expect(bytes.includes('manifest.json')).toBe(false);

    const fresh = await newVault(NEW_PASSPHRASE, 'import-target');
    const empty = dump(fresh);
    await expect(planImport(fresh.vault.db(), target)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await expect(
      applyImport(fresh.vault.db(), target, { passphrase: 'not the export passphrase' }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(dump(fresh)).toEqual(empty);

    await applyImport(fresh.vault.db(), target, { passphrase: EXPORT_PASSPHRASE, settings: ['therapistName'] });
    expectSameRecords(dump(source), dump(fresh), empty.audit_log);
  });
});

describe('dry run and conflicts', () => {
  it('on the vault it came from, everything is already present; a changed record is a conflict, never overwritten', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    const built = await fillVault(source);
    const target = join(tempFolder('export-out'), 'vault.zip');
    await exportVault(source.vault.db(), target);

    const same = await planImport(source.vault.db(), target);
    expect(same.conflicts).toEqual([]);
    expect(same.totals.toAdd).toBe(0);
    expect(same.totals.identical).toBe(same.totals.inArchive);

    clock += 86_400_000;
    expectOk(await source.handle('notes:saveDraft', { id: built.draft.id, changes: { notes: 'Rewritten later' } }));
    expectOk(
      await source.handle('clients:update', {
        id: built.active.id,
        client: { ...emptyClientInput, displayName: 'Amara Okafor-Reed' },
      }),
    );
    const before = dump(source);
    const plan = await planImport(source.vault.db(), target);
    // Named as the file has them, as a therapist would say them (issue 12).
    expect(plan.conflicts).toEqual(
      expect.arrayContaining([
        { table: 'notes', id: built.draft.id, record: 'Amara Okafor, My template note, 2 Mar 2026' },
        { table: 'clients', id: built.active.id, record: 'Amara Okafor' },
      ]),
    );
    for (const { record } of plan.conflicts) {
      expect(record).not.toMatch(/_|\bnotes\b|\bclients\b|[0-9a-f]{8}/);
      expect(record).not.toContain(built.draft.id);
    }
    const applied = await applyImport(source.vault.db(), target);
    expect(applied.conflicts).toEqual(plan.conflicts);
    // Only the audit row of the edits above differs from the archive; nothing was overwritten.
    const after = dump(source);
    expect({ ...after, audit_log: [] }).toEqual({ ...before, audit_log: [] });
    expect(expectOk<Note>(await source.handle('notes:get', { id: built.draft.id })).values.notes).toBe(
      'Rewritten later',
    );
  });
});

describe('records named for the conflict list', () => {
  it.each<[string, string, Record<string, string | number | null>, string]>([
    ['a client', 'clients', { id: 'c1', display_name: 'Daniel Reyes' }, 'Daniel Reyes'],
    ['a client with no name', 'clients', { id: 'c2', display_name: '' }, 'A client'],
    [
      'a note',
      'notes',
      { id: 'n1', client_id: 'c1', template_name: 'SOAP note', created_at: '2026-12-04T10:00:00.000Z' },
      'Daniel Reyes, SOAP note, 4 Dec 2026',
    ],
    [
      'a note of a client neither in the file nor here',
      'notes',
      { id: 'n2', client_id: 'gone', template_name: 'CBT session', created_at: 'not a date' },
      'A client, CBT session note',
    ],
    [
      'a saved version of a note',
      'note_revisions',
      { id: 7, note_id: 'n1', created_at: '2026-12-04T11:00:00.000Z' },
      'Daniel Reyes, SOAP note, 4 Dec 2026, a saved version of 4 Dec 2026',
    ],
    ['a template with a broken definition', 'custom_templates', { id: 't', definition: '{nope' }, 'Note template'],
    ['a worksheet', 'custom_worksheets', { id: 'w', definition: '{"title":"Worry time"}' }, 'Worksheet “Worry time”'],
    [
      'homework',
      'assignments',
      { id: 'a1', client_id: 'c1', title: 'Thought record', start_date: '2026-12-04' },
      'Daniel Reyes, homework “Thought record”, 4 Dec 2026',
    ],
    [
      'a measure',
      'measure_administrations',
      { id: 'm', client_id: 'c1', instrument: 'phq9', given_on: '2026-12-04' },
      'Daniel Reyes, PHQ-9, 4 Dec 2026',
    ],
    [
      'a substance',
      'intake_entries',
      { id: 'i', client_id: 'c1', kind: 'substance', fields_json: '{"name":"kratom"}' },
      'Daniel Reyes, substance “kratom”',
    ],
    ['a kind of record not known yet', 'something_new', { id: 'x', client_id: 'c1' }, 'Daniel Reyes, a record'],
  ])('%s', async (_name, table, row, expected) => {
    const { vault } = await newVault(PASSPHRASE, 'namer');
    const namer = new RecordNamer(vault.db());
    // The file's client comes first, as in an import, so later rows can name it.
    namer.name('clients', { id: 'c1', display_name: 'Daniel Reyes' });
    namer.name('notes', {
      id: 'n1',
      client_id: 'c1',
      template_name: 'SOAP note',
      created_at: '2026-12-04T10:00:00.000Z',
    });
    expect(namer.name(table, row)).toBe(expected);
  });
});

/**
 * The archive at `path`, written again with its assignment_events table changed (and
 * the manifest's schema version, hashes and counts made to match), as another app
 * version or a hand-edited file would be.
 */
async function rewriteEvents(
  path: string,
  change: (table: { columns: string[]; rows: Record<string, unknown>[] }) => void,
  schemaVersion?: number,
): Promise<string> {
  const files = await readZip(readFileSync(path));
  const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}');
  const table = JSON.parse(files.get('assignment_events.json')?.toString('utf8') ?? '{}');
  change(table);
  const data = Buffer.from(tableJson('assignment_events', table.columns, table.rows), 'utf8');
  files.set('assignment_events.json', data);
  manifest.files['assignment_events.json'] = {
    sha256: createHash('sha256').update(data).digest('hex'),
    bytes: data.length,
  };
  manifest.counts.assignment_events = table.rows.length;
  if (schemaVersion !== undefined) manifest.schemaVersion = schemaVersion;
  const chunks: Buffer[] = [];
  const zip = new ZipWriter((chunk) => chunks.push(chunk), new Date());
  for (const [name, content] of files) if (name !== 'manifest.json') await zip.add(name, content);
  await zip.add('manifest.json', Buffer.from(JSON.stringify(manifest)));
  zip.finish();
  const rewritten = path.replace(/\.zip$/, `-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(rewritten, Buffer.concat(chunks));
  return rewritten;
}

describe('what the client learned or noticed, in an archive (issue 12)', () => {
  it('comes back with the review; an archive from before it was asked imports with it empty', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    await fillVault(source);
    const path = join(tempFolder('export-out'), 'vault.zip');
    await exportVault(source.vault.db(), path);
    const learnedOf = (core: Core) =>
      core.vault.db().prepare("SELECT learned FROM assignment_events WHERE status = 'partial'").pluck().all();

    const fresh = await newVault(NEW_PASSPHRASE, 'import-target');
    await applyImport(fresh.vault.db(), path);
    expect(learnedOf(fresh)).toEqual(['Mornings were easier']);

    // Schema 7 had no learned column: the rows come without it.
    const older = await rewriteEvents(
      path,
      (table) => {
        table.columns = table.columns.filter((column) => column !== 'learned');
        for (const row of table.rows) delete row.learned;
      },
      7,
    );
    const other = await newVault(NEW_PASSPHRASE, 'import-older');
    await applyImport(other.vault.db(), older);
    expect(learnedOf(other)).toEqual(['']);
  });

  it('is refused when it is not text or longer than the review form allows, and nothing is imported', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    await fillVault(source);
    const path = join(tempFolder('export-out'), 'vault.zip');
    await exportVault(source.vault.db(), path);
    const fresh = await newVault(NEW_PASSPHRASE, 'import-target');
    const empty = dump(fresh);
    const cases: [unknown, RegExp][] = [
      ['a'.repeat(1001), /learned is 1,001 characters long \(at most 1,000\)/],
      [42, /learned must be text/],
      [null, /learned must be text/],
    ];
    for (const [learned, message] of cases) {
      const hostile = await rewriteEvents(path, (table) => {
        const row = table.rows.find((each) => each.status === 'partial');
        if (row) row.learned = learned;
      });
      await expect(planImport(fresh.vault.db(), hostile), String(learned).slice(0, 20)).rejects.toThrow(message);
      await expect(applyImport(fresh.vault.db(), hostile)).rejects.toThrow(message);
    }
    expect(dump(fresh)).toEqual(empty);
  });
});

describe('damaged archives and cancelling', () => {
  it('a truncated or altered archive fails cleanly and imports nothing', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    await fillVault(source);
    const out = tempFolder('export-out');
    const plain = join(out, 'vault.zip');
    const sealed = join(out, 'vault.skexport');
    await exportVault(source.vault.db(), plain);
    await exportVault(source.vault.db(), sealed, { passphrase: EXPORT_PASSPHRASE });
    const fresh = await newVault(NEW_PASSPHRASE, 'import-target');
    const empty = dump(fresh);

    const bytes = readFileSync(plain);
    const cases: [string, Buffer, string | undefined][] = [
      ['truncated zip', bytes.subarray(0, Math.floor(bytes.length / 2)), undefined],
      ['flipped byte', Buffer.from(bytes).fill(0x41, 200, 201), undefined],
      ['truncated sealed file', readFileSync(sealed).subarray(0, statSync(sealed).size - 40), EXPORT_PASSPHRASE],
      ['not an export', Buffer.from('hello'), undefined],
    ];
    for (const [label, content, passphrase] of cases) {
      const path = join(out, `${label}.bin`);
      writeFileSync(path, content);
      await expect(applyImport(fresh.vault.db(), path, { passphrase }), label).rejects.toMatchObject({
        code: 'EXPORT_DAMAGED',
      });
    }
    expect(dump(fresh)).toEqual(empty);
  });

  it('an archive from a newer format is refused', async () => {
    const out = tempFolder('export-out');
    const path = join(out, 'future.zip');
    const chunks: Buffer[] = [];
    const zip = new ZipWriter((chunk) => chunks.push(chunk), new Date());
    await zip.add(
      'manifest.json',
      Buffer.from(JSON.stringify({ format: 'sessionkeep-export', formatVersion: 2, schemaVersion: 5, files: {} })),
    );
    zip.finish();
    writeFileSync(path, Buffer.concat(chunks));
    const fresh = await newVault(NEW_PASSPHRASE, 'import-target');
    await expect(planImport(fresh.vault.db(), path)).rejects.toMatchObject({ code: 'VAULT_FROM_NEWER_VERSION' });

    const newerSchema = join(out, 'newer-schema.zip');
    const parts: Buffer[] = [];
    const other = new ZipWriter((chunk) => parts.push(chunk), new Date());
    await other.add(
      'manifest.json',
      Buffer.from(JSON.stringify({ format: 'sessionkeep-export', formatVersion: 1, schemaVersion: 99, files: {} })),
    );
    other.finish();
    writeFileSync(newerSchema, Buffer.concat(parts));
    await expect(planImport(fresh.vault.db(), newerSchema)).rejects.toMatchObject({
      code: 'VAULT_FROM_NEWER_VERSION',
    });
  });

  it('never replaces a file that is already there', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    await fillVault(source);
    const target = join(tempFolder('export-out'), 'vault.zip');
    await exportVault(source.vault.db(), target);
    const first = readFileSync(target);
    await expect(exportVault(source.vault.db(), target)).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      details: { field: 'path' },
    });
    expect(readFileSync(target).equals(first)).toBe(true);
    expect(readdirSync(dirname(target))).toEqual(['vault.zip']);
  });

  it('cancelling an export leaves no file; cancelling an import rolls it all back', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    await fillVault(source);
    const out = tempFolder('export-out');
    const target = join(out, 'vault.zip');
    const cancel = new AbortController();
    await expect(
      exportVault(source.vault.db(), target, {
        signal: cancel.signal,
        onProgress: (fraction) => {
          if (fraction > 0.3) cancel.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(out)).toEqual([]);

    await exportVault(source.vault.db(), target);
    const fresh = await newVault(NEW_PASSPHRASE, 'import-target');
    const empty = dump(fresh);
    const stop = new AbortController();
    const seen: number[] = [];
    await expect(
      applyImport(fresh.vault.db(), target, {
        signal: stop.signal,
        onProgress: (fraction) => {
          seen.push(fraction);
          // Inside the transaction: some rows are already in when it is cancelled.
          if (fraction > 0.5 && fraction < 1) stop.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.some((fraction) => fraction > 0.5 && fraction < 1)).toBe(true);
    expect(dump(fresh)).toEqual(empty);
    expect(await searchFor(fresh, 'lighthouse')).toEqual([]);
  });
});

describe('a full disk', () => {
  const skip = tmpfsUnavailable();
  if (skip) console.log(`exportImport: full-disk test skipped — ${skip}`);

  it.skipIf(skip !== null)('gives DISK_FULL and leaves no partial archive', async () => {
    const source = await newVault(PASSPHRASE, 'export-source');
    await fillVault(source);
    // Incompressible text, so the archive cannot fit in 16 KiB.
    for (const seed of [1, 2]) {
      const noise = Array.from({ length: 2400 }, (_, i) => ((i * seed * 2654435761) >>> 0).toString(36)).join(' ');
      expectOk(
        await source.handle('clients:create', {
          client: { ...emptyClientInput, displayName: `Noise ${seed}`, presentingConcerns: noise },
        }),
      );
    }
    const disk = mkdtempSync(join(tmpdir(), 'sessionkeep-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k,mode=0700', 'tmpfs', disk]);
    try {
      const error = await exportVault(source.vault.db(), join(disk, 'vault.zip')).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe('DISK_FULL');
      expect(readdirSync(disk)).toEqual([]);
    } finally {
      execFileSync('umount', ['-l', disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });
});

describe('the zip layout', () => {
  it('reads back what it writes, with CRC checks', async () => {
    const chunks: Buffer[] = [];
    const zip = new ZipWriter((chunk) => chunks.push(chunk), new Date('2026-03-02T09:15:42Z'));
    await zip.add('a.json', Buffer.from('{"a":1}'));
    await zip.add('é.txt', Buffer.alloc(0));
    zip.finish();
    const bytes = Buffer.concat(chunks);
    const files = await readZip(bytes);
    expect([...files.keys()]).toEqual(['a.json', 'é.txt']);
    expect(files.get('a.json')?.toString()).toBe('{"a":1}');
    // Altering the stored CRC-32 of the first entry in its central header is caught.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const broken = Buffer.from(bytes);
    broken.writeUInt32LE((broken.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
    await expect(readZip(broken)).rejects.toThrow(ZipFormatError);
  });

  it('stores MS-DOS dates as the zip format defines them', () => {
    // 2026-03-02 09:15:42 → date (46<<9)|(3<<5)|2, time (9<<11)|(15<<5)|21
    expect(dosDateTime(new Date('2026-03-02T09:15:42Z'))).toEqual({
      date: (46 << 9) | (3 << 5) | 2,
      time: (9 << 11) | (15 << 5) | 21,
    });
  });
});
