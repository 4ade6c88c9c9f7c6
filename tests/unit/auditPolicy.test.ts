import { describe, expect, it } from 'vitest';
import { type AuditEvent, auditEventFor } from '../../electron/core/audit/auditPolicy';
import { type Channel, channels } from '../../shared/ipc/channels';
import type { ResponseOf, ValidRequestOf } from '../../shared/ipc/contract';

/**
 * The activity-log policy, one row per channel (a new channel without a row fails
 * below). Requests carry SECRET text wherever a real one could carry clinical text or
 * a passphrase; no event may contain it. Responses only need the fields the policy reads.
 */

const CLIENT = '11111111-1111-4111-8111-111111111111';
const NOTE = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const SECRET = 'SECRET';
const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${SECRET} text` }] }] };

type Row = { request: unknown; response: unknown; expected: AuditEvent | null; why?: string };
const ev = (
  action: AuditEvent['action'],
  entityType: AuditEvent['entityType'] = null,
  entityId: string | null = null,
  detail: AuditEvent['detail'] = {},
): AuditEvent => ({ action, entityType, entityId, detail });
const read = (request: unknown = {}): Row => ({ request, response: null, expected: null, why: 'a read' });

const table: Record<Channel, Row> = {
  'vault:status': read(),
  'vault:create': {
    request: { passphrase: SECRET },
    response: { recoveryKey: SECRET },
    expected: ev('vault.created', 'vault'),
  },
  'vault:unlock': {
    request: { passphrase: SECRET },
    response: {},
    expected: ev('unlock', 'vault', null, { method: 'passphrase' }),
  },
  'vault:unlockWithRecoveryKey': {
    request: { recoveryKey: SECRET, newPassphrase: SECRET },
    response: {},
    expected: ev('unlock', 'vault', null, { method: 'recoveryKey', newPassphrase: true }),
  },
  'vault:lock': { request: {}, response: null, expected: null, why: 'VaultSession logs it before closing the db' },
  'vault:changePassphrase': {
    request: { currentPassphrase: SECRET, newPassphrase: SECRET },
    response: null,
    expected: null,
    why: 'VaultSession logs it with the key file fingerprint',
  },
  'vault:recoveryKey': { request: {}, response: { recoveryKey: SECRET }, expected: ev('recoveryKey.shown', 'vault') },
  'vault:confirmRecoveryKey': {
    request: { answers: [{ group: 1, value: SECRET }] },
    response: { confirmed: true },
    expected: ev('recoveryKey.confirmed', 'vault'),
  },
  'vault:security': read(),
  'vault:newRecoveryKey': {
    request: { currentPassphrase: SECRET },
    response: { recoveryKey: SECRET, reencrypted: false },
    expected: ev('recoveryKey.renewed', 'vault', null, { reencrypted: false }),
  },
  'vault:reencrypt': {
    request: { currentPassphrase: SECRET },
    response: { recoveryKey: SECRET },
    expected: ev('vault.reencrypted', 'vault'),
  },
  'session:touch': read(),
  'session:saved': read({ id: '5b1e9a3c-3f4e-4d7a-9c2b-1a2b3c4d5e6f', complete: true }),
  'settings:get': read(),
  'settings:update': {
    request: { therapistName: `${SECRET} name`, crisisLines: SECRET, autoLockMinutes: undefined },
    response: {},
    expected: ev('settings.changed', 'settings', null, { keys: ['crisisLines', 'therapistName'] }),
  },
  'settings:setBackupFolder': {
    request: { folder: 'F'.repeat(43) },
    response: { backupFolder: `/Volumes/${SECRET}` },
    expected: ev('settings.changed', 'settings', null, { keys: ['backupFolder'] }),
  },
  'clients:list': read({ includeArchived: true }),
  'clients:get': read({ id: CLIENT }),
  'clients:riskSummary': read({ clientId: CLIENT }),
  'clients:create': {
    request: { client: { displayName: SECRET } },
    response: { id: CLIENT, displayName: SECRET },
    expected: ev('client.created', 'client', CLIENT),
  },
  'clients:update': {
    request: { id: CLIENT, client: { displayName: SECRET } },
    response: { id: CLIENT, displayName: SECRET },
    expected: ev('client.edited', 'client', CLIENT),
  },
  'clients:archive': {
    request: { id: CLIENT },
    response: { id: CLIENT },
    expected: ev('client.archived', 'client', CLIENT),
  },
  'clients:restore': {
    request: { id: CLIENT },
    response: { id: CLIENT },
    expected: ev('client.restored', 'client', CLIENT),
  },
  'clients:setDefaultTemplate': {
    request: { id: CLIENT, templateId: 'soap' },
    response: { id: CLIENT },
    expected: ev('client.defaultTemplateSet', 'client', CLIENT),
  },
  'templates:list': read(),
  'notes:listForClient': read({ clientId: CLIENT }),
  'notes:create': {
    request: { clientId: CLIENT, templateId: 'soap' },
    response: { id: NOTE, clientId: CLIENT, values: { summary: doc } },
    expected: ev('note.created', 'note', NOTE, { clientId: CLIENT }),
  },
  'notes:get': read({ id: NOTE }),
  'notes:saveDraft': {
    request: { id: NOTE, changes: { summary: doc } },
    response: { savedAt: 'now', updatedAt: 'now' },
    expected: null,
    why: 'autosave; the note keeps its own revisions',
  },
  'notes:sign': {
    request: { id: NOTE },
    response: { id: NOTE, clientId: CLIENT, values: { summary: doc } },
    expected: ev('note.signed', 'note', NOTE, { clientId: CLIENT }),
  },
  'notes:addAddendum': {
    request: { id: NOTE, text: doc },
    response: { id: OTHER, text: doc },
    expected: ev('note.addendum', 'note', NOTE, { addendumId: OTHER }),
  },
  'notes:revisions': read({ id: NOTE }),
  'notes:revision': read({ id: NOTE, revisionId: 1 }),
  'notes:restoreRevision': {
    request: { id: NOTE, revisionId: 3 },
    response: { id: NOTE },
    expected: ev('note.revisionRestored', 'note', NOTE, { revisionId: 3 }),
  },
  'notes:overdueDrafts': read(),
  'search:query': { ...read({ query: SECRET }), why: 'the query is clinical text' },
  'templates:save': {
    request: { template: { id: 'my-template', name: 'Mine' } },
    response: {},
    expected: ev('template.saved', 'template', 'my-template'),
  },
  'templates:delete': {
    request: { id: 'my-template' },
    response: null,
    expected: ev('template.deleted', 'template', 'my-template'),
  },
  'distortions:list': read(),
  'distortions:add': {
    request: { label: SECRET },
    response: { id: 'custom-1', label: SECRET },
    expected: ev('distortion.added', 'distortion', 'custom-1'),
  },
  'worksheets:list': read(),
  'worksheets:save': {
    request: { worksheet: { id: 'my-sheet', title: 'Mine' } },
    response: {},
    expected: ev('worksheet.saved', 'worksheet', 'my-sheet'),
  },
  'homework:assign': {
    request: { assignment: { clientId: CLIENT, title: SECRET, instructions: doc } },
    response: { id: OTHER, clientId: CLIENT, title: SECRET },
    expected: ev('homework.assigned', 'assignment', OTHER, { clientId: CLIENT }),
  },
  'homework:listForClient': read({ clientId: CLIENT }),
  'homework:review': {
    request: { id: OTHER, status: 'done', amount: SECRET, barrier: SECRET, noteId: null },
    response: { id: OTHER, clientId: CLIENT },
    expected: ev('homework.reviewed', 'assignment', OTHER, { clientId: CLIENT }),
  },
  'intake:listForClient': read({ clientId: CLIENT }),
  'intake:add': {
    request: { clientId: CLIENT, noteId: null, fields: { kind: 'substance', name: SECRET } },
    response: { id: OTHER, clientId: CLIENT, kind: 'substance' },
    expected: ev('intake.added', 'intakeEntry', OTHER, { clientId: CLIENT }),
  },
  'intake:update': {
    request: { id: OTHER, noteId: null, fields: { kind: 'medication', name: SECRET } },
    response: { id: OTHER, clientId: CLIENT, kind: 'medication' },
    expected: ev('intake.edited', 'intakeEntry', OTHER, { clientId: CLIENT }),
  },
  'intake:setContext': {
    request: { clientId: CLIENT, context: { pregnant: true } },
    response: {},
    expected: ev('intake.contextSet', 'client', CLIENT),
  },
  'intake:markReviewed': {
    request: { clientId: CLIENT, noteId: NOTE },
    response: {},
    expected: ev('intake.reviewed', 'client', CLIENT, { noteId: NOTE }),
  },
  'cautions:recordAction': {
    request: { clientId: CLIENT, cautionTitle: SECRET, reason: SECRET },
    response: { id: OTHER, clientId: CLIENT },
    expected: ev('caution.actionRecorded', 'cautionAction', OTHER, { clientId: CLIENT }),
  },
  'measures:record': {
    request: { administration: { clientId: CLIENT, instrument: 'phq9', answers: [3, 3, 3] } },
    response: { id: OTHER, clientId: CLIENT, total: 27 },
    expected: ev('measure.recorded', 'measure', OTHER, { clientId: CLIENT }),
  },
  'measures:listForClient': read({ clientId: CLIENT }),
  'safetyPlan:get': read({ clientId: CLIENT }),
  'safetyPlan:save': {
    request: { clientId: CLIENT, steps: { warningSigns: [SECRET] }, noteId: NOTE },
    response: { id: OTHER, clientId: CLIENT, version: 3, noteId: NOTE, steps: { warningSigns: [SECRET] } },
    expected: ev('safetyPlan.saved', 'safetyPlan', OTHER, { clientId: CLIENT, version: 3, noteId: NOTE }),
  },
  'safetyPlan:version': read({ clientId: CLIENT, id: OTHER }),
  'audit:list': read({ limit: 50 }),
  'audit:verify': read({ again: true }),
  'audit:export': {
    request: {},
    response: { csv: SECRET, count: 7 },
    expected: ev('audit.exported', null, null, { count: 7 }),
  },
  'health:scan': read(),
  'health:exportRaw': {
    request: { table: 'clients', rowid: 4 },
    response: { json: SECRET, sha256: 'a'.repeat(64) },
    expected: ev('record.exported', 'record', null, { table: 'clients', rowid: 4 }),
  },
  'health:remove': {
    request: { table: 'settings', rowid: 2, reason: SECRET },
    response: { removalId: 1, sha256: 'b'.repeat(64) },
    expected: ev('record.removed', 'record', '1', { table: 'settings', rowid: 2, sha256: 'b'.repeat(64) }),
    why: 'the reason is the therapist’s text: kept in the removal record, never in the log',
  },
  'audit:recordPrint': {
    request: { kind: 'notes', clientId: CLIENT, count: 3 },
    response: null,
    expected: ev('print.notes', 'client', CLIENT, { count: 3 }),
  },
  'export:vault': {
    request: { target: SECRET, passphrase: SECRET },
    response: { displayName: `${SECRET}.skexport`, bytes: 10, encrypted: true, counts: {} },
    expected: ev('export', 'vault', null, { encrypted: true }),
  },
  'export:cancel': read(),
  'backup:cancel': read(),
  'backup:setAside': read(),
  'backup:bringBack': {
    request: { path: `/vault/set-aside-${SECRET}`, passphrase: SECRET },
    response: { session: {}, setAsidePath: null },
    expected: ev('restore', 'backup', null, { broughtBack: true, setAside: false }),
  },
  'import:plan': read({ source: SECRET }),
  'import:apply': {
    request: { source: SECRET },
    response: { totals: { inArchive: 5, toAdd: 3, identical: 1, conflicts: 1 } },
    expected: ev('import', 'vault', null, { added: 3, conflicts: 1 }),
  },
  'backup:status': read(),
  'backup:now': { request: {}, response: { id: 'b' }, expected: null, why: 'recorded by the backup service' },
  'backup:list': read({ folder: 'F'.repeat(43) }),
  'backup:summary': read({ id: 'sessionkeep-backup-b', secret: { kind: 'passphrase', passphrase: SECRET } }),
  'backup:restore': {
    request: { id: 'sessionkeep-backup-b', secret: { kind: 'passphrase', passphrase: SECRET } },
    response: { session: {}, setAsidePath: `/vault/${SECRET}` },
    expected: ev('restore', 'backup', null, { setAside: true }),
  },
};

const decide = (channel: Channel, row: Row) =>
  auditEventFor(channel, row.request as ValidRequestOf<Channel>, row.response as ResponseOf<Channel>);

describe('auditEventFor', () => {
  it('has a decision in this table for every channel', () => {
    expect(Object.keys(table).sort()).toEqual([...channels].sort());
  });

  it.each([...channels])('%s', (channel) => {
    const row = table[channel];
    const event = decide(channel, row);
    expect(event).toEqual(row.expected);
    expect(JSON.stringify(event) ?? '').not.toContain(SECRET);
  });

  it('logs a blank worksheet print with no client, and a failed recovery-key confirmation not at all', () => {
    expect(
      decide('audit:recordPrint', {
        request: { kind: 'sheets', clientId: null, count: 1 },
        response: null,
        expected: null,
      }),
    ).toEqual(ev('print.sheets', null, null, { count: 1 }));
    // Issue 13: a PDF says so; the browser's dialog, which may have been cancelled, says that.
    for (const via of ['pdf', 'browser'] as const) {
      expect(
        decide('audit:recordPrint', {
          request: { kind: 'notes', clientId: CLIENT, count: 2, via },
          response: null,
          expected: null,
        }),
      ).toEqual(ev('print.notes', 'client', CLIENT, { count: 2, via }));
    }
    expect(
      decide('vault:confirmRecoveryKey', { request: { answers: [] }, response: { confirmed: false }, expected: null }),
    ).toBeNull();
  });
});
