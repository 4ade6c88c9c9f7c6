import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { REVISION_WINDOW_MS } from '../../electron/core/notes/revisionPolicy';
import { contentHash } from '../../electron/core/notes/signature';
import { RANKED_HIT_LIMIT } from '../../electron/core/search/searchIndex';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { Addendum, Note, NoteSummary, RevisionSummary, SearchHit } from '../../shared/notes/note';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/notes/note';
import { findBuiltInTemplate } from '../../shared/templates';
import type { FieldDef, RichTextDoc, TemplateDef } from '../../shared/templates/types';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * Session notes through the core's front door (`core.handle`), on a real encrypted
 * vault. Time is an injected clock, never a sleep.
 */

const doc = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

let folder: string;
let core: Core;
let clock: number;

beforeEach(async () => {
  folder = makeTempFolder('notes');
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  core = createCore({ folder, now: () => clock });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
});

afterEach(async () => {
  await core.shutdown();
  removeFolder(folder);
});

async function newClient(name: string): Promise<Client> {
  return expectOk<Client>(await core.handle('clients:create', { client: { ...emptyClientInput, displayName: name } }));
}

async function newNote(clientId: string, templateId = 'cbt-session', carryForward?: string[]): Promise<Note> {
  return expectOk<Note>(
    await core.handle('notes:create', { clientId, templateId, ...(carryForward ? { carryForward } : {}) }),
  );
}

const cbt = () => findBuiltInTemplate('cbt-session') as TemplateDef;
function firstField(template: TemplateDef, kind: FieldDef['kind']): FieldDef {
  const field = template.sections.flatMap((section) => section.fields).find((each) => each.kind === kind);
  if (!field) throw new Error(`no ${kind} field in ${template.id}`);
  return field;
}

async function setName(name: string) {
  expectOk(await core.handle('settings:update', { therapistName: name }));
}

describe('creating notes', () => {
  it('stores the template snapshot and counts sessions per client', async () => {
    const alice = await newClient('Alice Brown');
    const bob = await newClient('Bob Green');
    const first = await newNote(alice.id);
    const second = await newNote(alice.id);
    const bobs = await newNote(bob.id);
    expect(first.template).toEqual(cbt());
    expect([first.sessionNumber, second.sessionNumber, bobs.sessionNumber]).toEqual([1, 2, 1]);
    expect(first.status).toBe('draft');
    expect(first.values.sessionAt).toBe(new Date(clock).toISOString());
    const listed = expectOk<NoteSummary[]>(await core.handle('notes:listForClient', { clientId: alice.id }));
    expect(listed.map((note) => note.id)).toEqual([second.id, first.id]);
  });

  it('a psychotherapy note is its own kind and has no session number', async () => {
    const client = await newClient('Carol White');
    const note = await newNote(client.id, 'psychotherapy-note');
    expect(note.noteKind).toBe('psychotherapy');
    expect(note.sessionNumber).toBeNull();
  });

  it('refuses an unknown template or client', async () => {
    const client = await newClient('Dan Black');
    expectFailure(await core.handle('notes:create', { clientId: client.id, templateId: 'no-such' }), 'NOT_FOUND');
    expectFailure(
      await core.handle('notes:create', {
        clientId: '00000000-0000-4000-8000-000000000000',
        templateId: 'cbt-session',
      }),
      'NOT_FOUND',
    );
  });

  it('starts from the previous note: plan becomes the bridge', async () => {
    const client = await newClient('Eve Stone');
    const previous = await newNote(client.id);
    expectOk(
      await core.handle('notes:saveDraft', {
        id: previous.id,
        changes: { plan: doc('Try the sleep diary next week.') },
      }),
    );
    clock += 7 * 24 * 3600_000;
    const next = await newNote(client.id, 'cbt-session', ['bridge']);
    expect(next.values.bridge).toEqual(doc('Try the sleep diary next week.'));
  });
});

describe('autosaving drafts', () => {
  it('merges only the changed fields and keeps the rest', async () => {
    const client = await newClient('Fay Hill');
    const note = await newNote(client.id);
    const rich = firstField(cbt(), 'richText').id;
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { [rich]: doc('First words') } }));
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('A summary') } }));
    const loaded = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    expect(loaded.values[rich]).toEqual(doc('First words'));
    expect(loaded.values.summary).toEqual(doc('A summary'));
    expect(loaded.values.sessionAt).toBe(note.values.sessionAt);
  });

  it('refuses a bad value with the field named, and changes nothing', async () => {
    const client = await newClient('Gus Lane');
    const note = await newNote(client.id);
    const before = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    const rating = firstField(cbt(), 'rating').id;
    const failure = expectFailure(
      await core.handle('notes:saveDraft', { id: note.id, changes: { [rating]: 11, summary: doc('x') } }),
      'INVALID_REQUEST',
    );
    expect(failure.field).toBe(`changes.${rating}`);
    expectFailure(
      await core.handle('notes:saveDraft', { id: note.id, changes: { noSuchField: 'x' } }),
      'INVALID_REQUEST',
    );
    const after = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    expect(after).toEqual(before);
  });

  it('coalesces revisions: at most one per minute of editing', async () => {
    const client = await newClient('Hal Moss');
    const note = await newNote(client.id);
    for (let second = 0; second < 150; second += 5) {
      clock = Date.parse('2026-03-02T10:00:00.000Z') + second * 1000;
      expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc(`at ${second}s`) } }));
    }
    const revisions = expectOk<RevisionSummary[]>(await core.handle('notes:revisions', { id: note.id }));
    // 150 s of saves every 5 s → windows starting at 0 s, 60 s and 120 s.
    expect(revisions).toHaveLength(Math.ceil(150_000 / REVISION_WINDOW_MS));
    const newest = expectOk<{ values: Record<string, unknown> }>(
      await core.handle('notes:revision', { id: note.id, revisionId: revisions[0]?.id ?? 0 }),
    );
    expect(newest.values.summary).toEqual(doc('at 145s'));
  });

  it('restores an earlier revision of a draft', async () => {
    const client = await newClient('Ida Fern');
    const note = await newNote(client.id);
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('version one') } }));
    clock += 2 * REVISION_WINDOW_MS;
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('version two') } }));
    const revisions = expectOk<RevisionSummary[]>(await core.handle('notes:revisions', { id: note.id }));
    const oldest = revisions[revisions.length - 1];
    const restored = expectOk<Note>(
      await core.handle('notes:restoreRevision', { id: note.id, revisionId: oldest?.id ?? 0 }),
    );
    expect(restored.values.summary).toEqual(doc('version one'));
    const after = expectOk<RevisionSummary[]>(await core.handle('notes:revisions', { id: note.id }));
    expect(after[0]?.reason).toBe('restore');
  });
});

describe('signing', () => {
  it('needs the therapist’s name, then makes the note final with a hash', async () => {
    const client = await newClient('Jo Reed');
    const note = await newNote(client.id);
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('Signed words') } }));
    expectFailure(await core.handle('notes:sign', { id: note.id }), 'SIGNER_NAME_MISSING');
    await setName('Dr Ana Ruiz');
    const signed = expectOk<Note>(await core.handle('notes:sign', { id: note.id }));
    expect(signed.status).toBe('signed');
    expect(signed.signedBy).toBe('Dr Ana Ruiz');
    expect(signed.signedAt).toBe(new Date(clock).toISOString());
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const revisions = expectOk<RevisionSummary[]>(await core.handle('notes:revisions', { id: note.id }));
    expect(revisions[0]?.reason).toBe('signing');
  });

  it('drops empty rows when signing (issue 12): the stored note, its revision and its fingerprint agree', async () => {
    const client = await newClient('Daniel Reyes');
    const note = await newNote(client.id);
    const agenda = [{ item: 'Sleep' }, { item: '' }, { item: 'Argument with partner' }, { item: '' }];
    const agendaWork = [{ problem: '', notes: null }];
    // Blank rows are valid drafts: the autosave takes them as they are.
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { agenda, agendaWork } }));
    const draft = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    expect(draft.values.agenda).toEqual(agenda);
    await setName('Dr Ana Ruiz');
    const signed = expectOk<Note>(await core.handle('notes:sign', { id: note.id }));
    expect(signed.values.agenda).toEqual([{ item: 'Sleep' }, { item: 'Argument with partner' }]);
    // The new note's one blank thought record goes too.
    expect(draft.values.thoughtRecord).toHaveLength(1);
    expect(signed.values.agendaWork).toEqual([]);
    expect(signed.values.thoughtRecord).toEqual([]);
    // Every other value is signed as it was saved.
    const rowsLeftOut = { agenda: null, agendaWork: null, thoughtRecord: null };
    expect({ ...signed.values, ...rowsLeftOut }).toEqual({ ...draft.values, ...rowsLeftOut });
    // The fingerprint is over the values stored with the signature, read back from the vault.
    const reopened = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    expect(reopened.values).toEqual(signed.values);
    expect(reopened.contentHash).toBe(
      contentHash({
        noteId: note.id,
        clientId: client.id,
        templateId: 'cbt-session',
        templateVersion: reopened.template.version,
        values: reopened.values,
        signedAt: reopened.signedAt,
        signedBy: 'Dr Ana Ruiz',
      }),
    );
    const revisions = expectOk<RevisionSummary[]>(await core.handle('notes:revisions', { id: note.id }));
    expect(revisions[0]?.reason).toBe('signing');
  });

  it('refuses every write to a signed note with NOTE_SIGNED, in the core and in the database', async () => {
    await setName('Dr Ana Ruiz');
    const client = await newClient('Kit Ash');
    const note = await newNote(client.id);
    expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('Final') } }));
    const signed = expectOk<Note>(await core.handle('notes:sign', { id: note.id }));
    expectFailure(
      await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('Changed') } }),
      'NOTE_SIGNED',
    );
    expectFailure(await core.handle('notes:sign', { id: note.id }), 'NOTE_SIGNED');
    const revisions = expectOk<RevisionSummary[]>(await core.handle('notes:revisions', { id: note.id }));
    expectFailure(
      await core.handle('notes:restoreRevision', { id: note.id, revisionId: revisions[0]?.id ?? 0 }),
      'NOTE_SIGNED',
    );
    // Even bypassing the core, the database refuses.
    const db = core.vault.db();
    expect(() => db.prepare("UPDATE notes SET values_json = '{}' WHERE id = ?").run(note.id)).toThrow(/NOTE_SIGNED/);
    expect(() => db.prepare('DELETE FROM notes WHERE id = ?').run(note.id)).toThrow(/NOTE_SIGNED/);
    expect(expectOk<Note>(await core.handle('notes:get', { id: note.id }))).toEqual(signed);
  });

  it('addenda are dated, signed, shown under the note and can never change', async () => {
    await setName('Dr Ana Ruiz');
    const client = await newClient('Lou Park');
    const note = await newNote(client.id);
    expectFailure(await core.handle('notes:addAddendum', { id: note.id, text: doc('Too early') }), 'INVALID_REQUEST');
    expectOk(await core.handle('notes:sign', { id: note.id }));
    clock += 3600_000;
    const addendum = expectOk<Addendum>(
      await core.handle('notes:addAddendum', { id: note.id, text: doc('Client called: slept better.') }),
    );
    expect(addendum).toMatchObject({ signedBy: 'Dr Ana Ruiz', createdAt: new Date(clock).toISOString() });
    expect(addendum.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expectFailure(
      await core.handle('notes:addAddendum', { id: note.id, text: { type: 'doc', content: [] } }),
      'INVALID_REQUEST',
    );
    const loaded = expectOk<Note>(await core.handle('notes:get', { id: note.id }));
    expect(loaded.addenda).toEqual([addendum]);
    const db = core.vault.db();
    expect(() => db.prepare("UPDATE addenda SET text_json = '{}'").run()).toThrow(/ADDENDUM_FINAL/);
    expect(() => db.prepare('DELETE FROM addenda').run()).toThrow(/ADDENDUM_FINAL/);
  });
});

describe('overdue drafts', () => {
  const overdueIds = async () =>
    expectOk<(NoteSummary & { clientName: string })[]>(await core.handle('notes:overdueDrafts', {})).map((note) => [
      note.id,
      note.clientName,
    ]);

  it('lists unsigned drafts older than 3 days by default, with the client’s name', async () => {
    const client = await newClient('Max Dale');
    const old = await newNote(client.id);
    clock += 3 * 24 * 3600_000 + 60_000;
    await newNote(client.id);
    expect(await overdueIds()).toEqual([[old.id, 'Max Dale']]);
  });

  it.each([
    { days: 1, ageHours: 25, listed: true },
    { days: 1, ageHours: 23, listed: false },
    { days: 3, ageHours: 71, listed: false },
    { days: 7, ageHours: 6 * 24, listed: false },
    { days: 7, ageHours: 7 * 24 + 1, listed: true },
    { days: 60, ageHours: 59 * 24, listed: false },
  ])(
    'with the reminder at $days days, a draft $ageHours hours old is listed: $listed',
    async ({ days, ageHours, listed }) => {
      expectOk(await core.handle('settings:update', { draftReminderDays: days }));
      const client = await newClient('Max Dale');
      const draft = await newNote(client.id);
      clock += ageHours * 3600_000;
      expect(await overdueIds()).toEqual(listed ? [[draft.id, 'Max Dale']] : []);
    },
  );

  it.each([0, 61, 2.5, -1, '3', null])('refuses %s days and keeps the setting', async (days) => {
    expectOk(await core.handle('settings:update', { draftReminderDays: 5 }));
    expectFailure(await core.handle('settings:update', { draftReminderDays: days }), 'INVALID_REQUEST');
    expect(expectOk<{ draftReminderDays: number }>(await core.handle('settings:get', {})).draftReminderDays).toBe(5);
  });

  it('keeps a paper size for client sheets, and refuses one it does not know', async () => {
    expect(expectOk<{ paperSize: string }>(await core.handle('settings:get', {})).paperSize).toBe('auto');
    expectOk(await core.handle('settings:update', { paperSize: 'letter' }));
    expectFailure(await core.handle('settings:update', { paperSize: 'a3' }), 'INVALID_REQUEST');
    expect(expectOk<{ paperSize: string }>(await core.handle('settings:get', {})).paperSize).toBe('letter');
  });
});

describe('full-text search', () => {
  type Result = { hits: SearchHit[]; ranked: boolean };
  const find = async (query: string, filters: { clientId?: string; from?: string; to?: string } = {}) =>
    expectOk<Result>(await core.handle('search:query', { query, ...filters }));

  it('finds notes, addenda and clients, with highlighted snippets', async () => {
    await setName('Dr Ana Ruiz');
    const client = await newClient('Nia Quill');
    const note = await newNote(client.id);
    expectOk(
      await core.handle('notes:saveDraft', {
        id: note.id,
        changes: { summary: doc('Discussed the catastrophising about exams.') },
      }),
    );
    expectOk(await core.handle('notes:sign', { id: note.id }));
    expectOk(
      await core.handle('notes:addAddendum', { id: note.id, text: doc('Follow-up: marmalade sandwiches helped.') }),
    );

    const fromNote = await find('catastrophis');
    expect(fromNote.hits).toHaveLength(1);
    expect(fromNote.hits[0]).toMatchObject({
      kind: 'note',
      noteId: note.id,
      clientName: 'Nia Quill',
      templateName: note.templateName,
    });
    expect(fromNote.hits[0]?.snippet).toContain(`${SNIPPET_OPEN}catastrophising${SNIPPET_CLOSE}`);
    expect((await find('marmalade')).hits.map((hit) => hit.kind)).toEqual(['addendum']);
    expect((await find('quill')).hits.map((hit) => hit.kind)).toEqual(['client']);
  });

  it('filters by client and by date range', async () => {
    const a = await newClient('Ola Ray');
    const b = await newClient('Pia Sun');
    const noteA = await newNote(a.id);
    clock = Date.parse('2026-05-10T09:00:00.000Z');
    const noteB = await newNote(b.id);
    for (const note of [noteA, noteB]) {
      expectOk(await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('rumination') } }));
    }
    expect((await find('rumination')).hits).toHaveLength(2);
    expect((await find('rumination', { clientId: a.id })).hits.map((hit) => hit.noteId)).toEqual([noteA.id]);
    expect((await find('rumination', { from: '2026-05-01' })).hits.map((hit) => hit.noteId)).toEqual([noteB.id]);
    expect((await find('rumination', { to: '2026-03-02' })).hits.map((hit) => hit.noteId)).toEqual([noteA.id]);
  });

  it('never lets typed operators or quotes reach the user as an error', async () => {
    const client = await newClient('Quin Vale');
    const note = await newNote(client.id);
    expectOk(
      await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc('panic attack on the bus') } }),
    );
    for (const query of [
      '"panic',
      'panic AND',
      'OR',
      'NEAR(',
      'summary:panic',
      '*',
      '(((',
      '"panic attack"',
      "bus'; --",
    ]) {
      const result = await core.handle('search:query', { query });
      expect(result.ok, query).toBe(true);
    }
    expect((await find('"panic attack"')).hits).toHaveLength(1);
  });

  it('falls back to newest first when a term is very common', async () => {
    const client = await newClient('Rae Wynn');
    const db = core.vault.db();
    const insertDoc = db.prepare(
      'INSERT INTO search_docs (ref_id, kind, client_id, note_id, date) VALUES (?, ?, ?, NULL, ?)',
    );
    const insertText = db.prepare('INSERT INTO search_index (rowid, body) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i <= RANKED_HIT_LIMIT; i++) {
        const { lastInsertRowid } = insertDoc.run(
          `synthetic-${i}`,
          'client',
          client.id,
          `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
        );
        insertText.run(lastInsertRowid, `common word ${i}`);
      }
    })();
    const result = await find('common ');
    expect(result.ranked).toBe(false);
    expect(result.hits.length).toBeGreaterThan(0);
    const rare = await find('clientnamethatisrare');
    expect(rare.ranked).toBe(true);
  });
});

describe('nothing typed reaches the disk in plaintext', () => {
  it('note text, addenda, revisions and the search index are all inside the encrypted file', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    await setName('Dr Ana Ruiz');
    const client = await newClient('Xanthippe Quokkasdottir');
    const note = await newNote(client.id);
    const secrets = ['Zyzzogeton-revelation', 'Quibblesworth-addendum'];
    expectOk(
      await core.handle('notes:saveDraft', { id: note.id, changes: { summary: doc(`${secrets[0]} mentioned.`) } }),
    );
    expectOk(await core.handle('notes:sign', { id: note.id }));
    expectOk(await core.handle('notes:addAddendum', { id: note.id, text: doc(`${secrets[1]} phoned.`) }));
    expect((await core.handle('search:query', { query: 'zyzzogeton' })).ok).toBe(true);

    const scan = () => {
      for (const name of readdirSync(folder)) {
        const bytes = readFileSync(join(folder, name));
        for (const secret of [...secrets, 'Quokkasdottir']) {
          expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${name}`).toBe(false);
          expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${name}`).toBe(false);
          // The FTS index stores lower-cased tokens: look for those too.
          expect(
            bytes.includes(Buffer.from(secret.toLowerCase().split('-')[0] ?? '', 'utf8')),
            `token in ${name}`,
          ).toBe(false);
        }
      }
    };
    scan(); // while open: the WAL and SHM too
    await core.handle('vault:lock', {});
    scan();
  });
});
