import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEventFor, RISK_REASON_AUDIT_WORDS } from '../../electron/core/audit/auditPolicy';
import { type Core, createCore } from '../../electron/core/core';
import { contentHash } from '../../electron/core/notes/signature';
import { type Client, emptyClientInput } from '../../shared/clients/client';
import type { AuditEntry, ResponseOf } from '../../shared/ipc/contract';
import type { Note } from '../../shared/notes/note';
import { RISK_REASON_MAX } from '../../shared/notes/riskAtSigning';
import type { RiskSummary } from '../../shared/notes/riskSummary';
import { richTextToPlain } from '../../shared/templates/values';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * The soft stop enforced by the core, and the client page's risk flag, through the
 * core's front door (`core.handle`) on a real encrypted vault (issue 12 item 4).
 */

let folder: string;
let core: Core;
let clock: number;
let client: Client;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

beforeEach(async () => {
  folder = makeTempFolder('risk-at-signing');
  clock = Date.parse('2026-12-07T09:00:00.000Z');
  core = createCore({ folder, now: () => clock });
  expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
  expectOk(await core.handle('settings:update', { therapistName: 'Dr Jo Smith' }));
  client = expectOk<Client>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Dana Reyes' } }),
  );
});

afterEach(async () => {
  await core.shutdown();
  removeFolder(folder);
});

async function newNote(templateId = 'cbt-session'): Promise<Note> {
  clock += 60_000;
  return expectOk<Note>(await core.handle('notes:create', { clientId: client.id, templateId }));
}

async function givePhq9(noteId: string | null, item9: number, givenOn = '2026-12-07') {
  clock += 1_000;
  return expectOk(
    await core.handle('measures:record', {
      administration: {
        clientId: client.id,
        noteId,
        instrument: 'phq9',
        answers: [2, 2, 1, 1, 1, 1, 1, 1, item9],
        sex: null,
        givenOn,
      },
    }),
  );
}

async function save(noteId: string, changes: Record<string, unknown>) {
  clock += 1_000;
  expectOk(await core.handle('notes:saveDraft', { id: noteId, changes }));
}

async function auditEntries(): Promise<AuditEntry[]> {
  return expectOk<{ entries: AuditEntry[] }>(await core.handle('audit:list', { limit: 200 })).entries;
}

describe('signing with PHQ-9 item 9 above 0 and Risk empty', () => {
  it('is refused without a reason, in plain words, and the note stays a draft', async () => {
    const note = await newNote();
    await givePhq9(note.id, 1);
    const refused = expectFailure(await core.handle('notes:sign', { id: note.id }), 'INVALID_REQUEST');
    expect(refused.message).toBe(
      'PHQ-9 item 9 was answered above 0 in this note and the Risk section is empty. Fill it in, or give a reason for signing without it.',
    );
    expect(expectOk<Note>(await core.handle('notes:get', { id: note.id })).status).toBe('draft');
  });

  it.each([
    ['empty', ''],
    ['only spaces and a newline', '  \n\t '],
  ])('is refused with a reason that is %s', async (_name, reason) => {
    const note = await newNote();
    await givePhq9(note.id, 2);
    expectFailure(await core.handle('notes:sign', { id: note.id, reason }), 'INVALID_REQUEST');
    expect(expectOk<Note>(await core.handle('notes:get', { id: note.id })).status).toBe('draft');
  });

  it('a reason over the limit, or not text, is refused at the boundary', async () => {
    const note = await newNote();
    await givePhq9(note.id, 1);
    expectFailure(
      await core.handle('notes:sign', { id: note.id, reason: 'x'.repeat(RISK_REASON_MAX + 1) }),
      'INVALID_REQUEST',
    );
    expectFailure(await core.handle('notes:sign', { id: note.id, reason: 42 }), 'INVALID_REQUEST');
    expect(expectOk<Note>(await core.handle('notes:get', { id: note.id })).status).toBe('draft');
  });

  it('signs with a reason: kept as a signed addendum with its own fingerprint; the note’s fingerprint is as before', async () => {
    const note = await newNote();
    await givePhq9(note.id, 1);
    const reason = '  Assessed by phone with the crisis team; documented in their record.  ';
    const signed = expectOk<Note>(await core.handle('notes:sign', { id: note.id, reason }));
    expect(signed.status).toBe('signed');
    // The note's own fingerprint covers exactly what it always did (signature.ts).
    expect(signed.contentHash).toBe(
      contentHash({
        noteId: signed.id,
        clientId: signed.clientId,
        templateId: signed.template.id,
        templateVersion: signed.template.version,
        values: signed.values,
        signedAt: signed.signedAt,
        signedBy: signed.signedBy,
      }),
    );
    expect(signed.addenda).toHaveLength(1);
    const [addendum] = signed.addenda;
    if (!addendum) throw new Error('expected the reason as an addendum');
    expect(addendum.createdAt).toBe(signed.signedAt);
    expect(addendum.signedBy).toBe('Dr Jo Smith');
    expect(addendum.contentHash).toBe(
      contentHash({ noteId: note.id, text: addendum.text, createdAt: addendum.createdAt, signedBy: 'Dr Jo Smith' }),
    );
    const text = richTextToPlain(addendum.text);
    expect(text).toContain('Signed with the Risk section empty.');
    expect(text).toContain('answer 1, given on 2026-12-07');
    expect(text).toContain(
      'Reason given at signing: Assessed by phone with the crisis team; documented in their record.',
    );
    // Read back from the vault after a lock, not only from the answer.
    expectOk(await core.handle('vault:lock', {}));
    expectOk(await core.handle('vault:unlock', { passphrase: PASSPHRASE }));
    expect(expectOk<Note>(await core.handle('notes:get', { id: note.id })).addenda).toEqual(signed.addenda);
    // The activity log says a reason was given, never the reason itself.
    const logged = (await auditEntries()).find((entry) => entry.action === 'note.signed');
    expect(logged?.detail).toEqual({ clientId: client.id, reason: RISK_REASON_AUDIT_WORDS });
    expect(JSON.stringify(await auditEntries())).not.toContain('crisis team');
  });

  it('the reason is found by search, like any addendum', async () => {
    const note = await newNote();
    await givePhq9(note.id, 3);
    expectOk(await core.handle('notes:sign', { id: note.id, reason: 'Seen by the duty psychiatrist' }));
    const { hits } = expectOk<ResponseOf<'search:query'>>(await core.handle('search:query', { query: 'psychiatrist' }));
    expect(hits.map((hit) => hit.kind)).toContain('addendum');
  });
});

describe('signing without the soft stop', () => {
  it.each([
    ['item 9 = 0', 0, {}],
    ['item 9 = 2 and Risk filled', 2, { suicidalIdeation: 'passive' }],
    ['item 9 = 1 and only risk notes', 1, { riskNotes: doc('Asked; denies intent.') }],
  ])('%s: signs with no reason, and a reason is refused', async (_name, item9, changes) => {
    const note = await newNote();
    await givePhq9(note.id, item9);
    if (Object.keys(changes).length) await save(note.id, changes);
    const refused = expectFailure(
      await core.handle('notes:sign', { id: note.id, reason: 'Because' }),
      'INVALID_REQUEST',
    );
    expect(refused.message).toContain('this note can be signed without one');
    const signed = expectOk<Note>(await core.handle('notes:sign', { id: note.id }));
    expect(signed.addenda).toEqual([]);
    const logged = (await auditEntries()).find((entry) => entry.action === 'note.signed');
    expect(logged?.detail).toEqual({ clientId: client.id });
  });

  it('"Not assessed" alone leaves Risk empty', async () => {
    const note = await newNote();
    await givePhq9(note.id, 1);
    await save(note.id, { riskPlan: 'notAssessed', riskIntent: 'notAssessed' });
    expectFailure(await core.handle('notes:sign', { id: note.id }), 'INVALID_REQUEST');
  });

  it('an item-9 answer given in another note, or a SOAP note (no Risk section), does not stop', async () => {
    const earlier = await newNote();
    await givePhq9(earlier.id, 3);
    const today = await newNote();
    expect(expectOk<Note>(await core.handle('notes:sign', { id: today.id })).status).toBe('signed');
    const soap = await newNote('soap');
    await givePhq9(soap.id, 3);
    expect(expectOk<Note>(await core.handle('notes:sign', { id: soap.id })).status).toBe('signed');
  });
});

describe('the activity-log policy for a signing past the soft stop', () => {
  it('records the fixed words, never the typed reason', () => {
    const note = { id: '22222222-2222-4222-8222-222222222222', clientId: client.id } as ResponseOf<'notes:sign'>;
    const event = auditEventFor('notes:sign', { id: note.id, reason: 'SECRET Dana Reyes' }, note);
    expect(event?.detail).toEqual({ clientId: client.id, reason: RISK_REASON_AUDIT_WORDS });
    expect(JSON.stringify(event)).not.toContain('SECRET');
  });
});

describe('the risk flag on the client page', () => {
  const summary = async () => expectOk<RiskSummary>(await core.handle('clients:riskSummary', { clientId: client.id }));

  it('a new client: nothing recorded', async () => {
    expect(await summary()).toEqual({ item9: null, assessment: null, safetyPlan: null });
  });

  it('the latest positive item 9, and the latest note whose Risk section records something', async () => {
    const first = await newNote();
    await givePhq9(first.id, 2, '2026-11-20');
    await save(first.id, { suicidalIdeation: 'passive', riskPlan: 'none', riskIntent: 'notAssessed' });
    const second = await newNote();
    await givePhq9(second.id, 1, '2026-12-01');
    await givePhq9(null, 0, '2026-12-05');
    // A later note with Risk left empty does not hide the earlier assessment.
    const third = await newNote();
    await save(third.id, { riskPlan: 'notAssessed' });
    // Psychotherapy notes are kept apart and are not read.
    await newNote('psychotherapy-note');

    const read = await summary();
    expect(read.item9).toEqual({ givenOn: '2026-12-01', score: 1, total: 11, noteId: second.id });
    expect(read.assessment).toEqual({
      noteId: first.id,
      at: first.values.sessionAt,
      status: 'draft',
      templateName: 'CBT session',
      summary: 'Suicidal ideation: Passive · Plan: None',
    });
    expect(read.safetyPlan).toBeNull();

    await save(third.id, { riskNotes: doc('Reviewed; no change.') });
    expect((await summary()).assessment).toMatchObject({ noteId: third.id, summary: 'Reviewed; no change.' });
  });

  it('an unknown client is refused; a malformed request is refused at the boundary', async () => {
    expectFailure(
      await core.handle('clients:riskSummary', { clientId: '99999999-9999-4999-8999-999999999999' }),
      'NOT_FOUND',
    );
    expectFailure(await core.handle('clients:riskSummary', { clientId: 'nope' }), 'INVALID_REQUEST');
    expectFailure(await core.handle('clients:riskSummary', { clientId: client.id, extra: 1 }), 'INVALID_REQUEST');
  });
});
