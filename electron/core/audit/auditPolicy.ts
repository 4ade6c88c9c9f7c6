import type { Channel } from '../../../shared/ipc/channels';
import type {
  AuditAction,
  AuditDetail,
  AuditEntityType,
  ResponseOf,
  ValidRequestOf,
} from '../../../shared/ipc/contract';

/** What one successful request leaves in the activity log. */
export type AuditEvent = {
  action: AuditAction;
  entityType: AuditEntityType | null;
  entityId: string | null;
  detail: AuditDetail;
};

type Decision<C extends Channel> = (request: ValidRequestOf<C>, response: ResponseOf<C>) => AuditEvent | null;

const event = (
  action: AuditAction,
  entityType: AuditEntityType | null = null,
  entityId: string | null = null,
  detail: AuditDetail = {},
): AuditEvent => ({ action, entityType, entityId, detail });

/** Shown in the activity log's details column for a note signed past the risk soft stop. */
export const RISK_REASON_AUDIT_WORDS = 'signed with Risk empty; reason kept with the note';

/** Reads change nothing and are not logged (the log would drown in them). */
const read = () => null;

/**
 * The decision for every channel, pure: a channel without one fails the type-check,
 * and tests/unit/auditPolicy.test.ts walks `channels`. Only ids, counts, flags and
 * setting names go into an event; request text (a note, a name, a search query, a
 * passphrase) never does.
 */
const policy: { [C in Channel]: Decision<C> } = {
  'vault:status': read,
  'vault:create': () => event('vault.created', 'vault'),
  'vault:unlock': () => event('unlock', 'vault', null, { method: 'passphrase' }),
  'vault:unlockWithRecoveryKey': () => event('unlock', 'vault', null, { method: 'recoveryKey', newPassphrase: true }),
  // Recorded by VaultSession itself, before the database closes (and for idle and
  // system locks, which do not come through a channel).
  'vault:lock': () => null,
  // Recorded by VaultSession with the key file's fingerprint, so a crash cannot lose it.
  'vault:changePassphrase': () => null,
  'vault:recoveryKey': () => event('recoveryKey.shown', 'vault'),
  'vault:confirmRecoveryKey': (_request, { confirmed }) => (confirmed ? event('recoveryKey.confirmed', 'vault') : null),
  'vault:security': read,
  // Recorded in the vault as it is after the change (for a re-encryption: the new one).
  'vault:newRecoveryKey': (_request, { reencrypted }) => event('recoveryKey.renewed', 'vault', null, { reencrypted }),
  'vault:reencrypt': () => event('vault.reencrypted', 'vault'),
  'session:touch': read,
  'session:saved': read,
  'settings:get': read,
  // Which settings were saved, never their values (a name, crisis lines).
  'settings:update': (request) =>
    event('settings.changed', 'settings', null, {
      keys: Object.entries(request)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key)
        .sort(),
    }),
  // Never the folder itself (a path), only that it changed.
  'settings:setBackupFolder': () => event('settings.changed', 'settings', null, { keys: ['backupFolder'] }),
  'clients:list': read,
  'clients:get': read,
  'clients:riskSummary': read,
  'clients:create': (_request, client) => event('client.created', 'client', client.id),
  'clients:update': ({ id }) => event('client.edited', 'client', id),
  'clients:archive': ({ id }) => event('client.archived', 'client', id),
  'clients:restore': ({ id }) => event('client.restored', 'client', id),
  'clients:setDefaultTemplate': ({ id }) => event('client.defaultTemplateSet', 'client', id),
  'templates:list': read,
  'notes:listForClient': read,
  'notes:create': (_request, note) => event('note.created', 'note', note.id, { clientId: note.clientId }),
  'notes:get': read,
  // Autosave runs every few seconds while typing; the note's own revisions keep that
  // history. Creating, signing and restoring are logged.
  'notes:saveDraft': () => null,
  // Past the risk soft stop (issue 12): that a reason was given, as a fixed phrase. The
  // reason itself is the therapist's free text, so it is kept with the note (a signed
  // addendum), never here.
  'notes:sign': ({ reason }, note) =>
    event('note.signed', 'note', note.id, {
      clientId: note.clientId,
      ...(reason === undefined ? {} : { reason: RISK_REASON_AUDIT_WORDS }),
    }),
  'notes:addAddendum': ({ id }, addendum) => event('note.addendum', 'note', id, { addendumId: addendum.id }),
  'notes:revisions': read,
  'notes:revision': read,
  'notes:restoreRevision': ({ id, revisionId }) => event('note.revisionRestored', 'note', id, { revisionId }),
  'notes:overdueDrafts': read,
  // The query is clinical text: searches are not logged at all.
  'search:query': read,
  'templates:save': ({ template }) => event('template.saved', 'template', template.id),
  'templates:delete': ({ id }) => event('template.deleted', 'template', id),
  'distortions:list': read,
  'distortions:add': (_request, distortion) => event('distortion.added', 'distortion', distortion.id),
  'worksheets:list': read,
  'worksheets:save': ({ worksheet }) => event('worksheet.saved', 'worksheet', worksheet.id),
  'homework:assign': (_request, assignment) =>
    event('homework.assigned', 'assignment', assignment.id, { clientId: assignment.clientId }),
  'homework:listForClient': read,
  'homework:review': (_request, assignment) =>
    event('homework.reviewed', 'assignment', assignment.id, { clientId: assignment.clientId }),
  'intake:listForClient': read,
  // Not the kind of entry (a substance or a medication): that is clinical.
  'intake:add': (_request, entry) => event('intake.added', 'intakeEntry', entry.id, { clientId: entry.clientId }),
  'intake:update': (_request, entry) => event('intake.edited', 'intakeEntry', entry.id, { clientId: entry.clientId }),
  'intake:setContext': ({ clientId }) => event('intake.contextSet', 'client', clientId),
  'intake:markReviewed': ({ clientId, noteId }) => event('intake.reviewed', 'client', clientId, { noteId }),
  'cautions:recordAction': (_request, action) =>
    event('caution.actionRecorded', 'cautionAction', action.id, { clientId: action.clientId }),
  // Not the instrument or the score: those are clinical.
  'measures:record': (_request, administration) =>
    event('measure.recorded', 'measure', administration.id, { clientId: administration.clientId }),
  'measures:listForClient': read,
  // The version number and the note, never what the plan says.
  'safetyPlan:get': read,
  'safetyPlan:save': (_request, plan) =>
    event('safetyPlan.saved', 'safetyPlan', plan.id, {
      clientId: plan.clientId,
      version: plan.version,
      ...(plan.noteId ? { noteId: plan.noteId } : {}),
    }),
  'safetyPlan:version': read,
  'audit:list': read,
  'audit:verify': read,
  'backup:setAside': read,
  'backup:bringBack': (_request, { setAsidePath }) =>
    event('restore', 'backup', null, { broughtBack: true, setAside: setAsidePath !== null }),
  'export:vault': (_request, { encrypted }) => event('export', 'vault', null, { encrypted }),
  'export:cancel': read,
  'backup:cancel': read,
  'import:plan': read,
  'import:apply': (_request, { totals, settings }) => {
    // Setting keys are fixed tokens (never their values): which ones the import changed.
    const taken = (settings ?? []).filter((change) => change.taken).map((change) => change.key);
    return event('import', 'vault', null, {
      added: totals.toAdd,
      conflicts: totals.conflicts,
      ...(taken.length ? { settings: taken } : {}),
    });
  },
  'backup:status': read,
  // Recorded by the backup service itself, with failures too (and for scheduled backups).
  'backup:now': () => null,
  'backup:list': read,
  'backup:summary': read,
  // Written into the restored vault, right after it is unlocked.
  'backup:restore': (_request, { setAsidePath }) =>
    event('restore', 'backup', null, { setAside: setAsidePath !== null }),
  'audit:export': (_request, { count }) => event('audit.exported', null, null, { count }),
  // Data health: the table and rowid, the removal's number and the raw row's hash; never the row's text.
  'health:scan': read,
  'health:exportRaw': ({ table, rowid }) => event('record.exported', 'record', null, { table, rowid }),
  'health:remove': ({ table, rowid }, { removalId, sha256 }) =>
    event('record.removed', 'record', String(removalId), { table, rowid, sha256 }),
  // A confirmed print leaves { count } as it always has; a PDF or an unconfirmed browser print says which.
  'audit:recordPrint': ({ kind, clientId, count, via }) =>
    event(kind === 'notes' ? 'print.notes' : 'print.sheets', clientId ? 'client' : null, clientId, {
      count,
      ...(via ? { via } : {}),
    }),
};

/** The event a successful request on `channel` leaves in the log, or null for none. */
export function auditEventFor<C extends Channel>(
  channel: C,
  request: ValidRequestOf<C>,
  response: ResponseOf<C>,
): AuditEvent | null {
  return (policy[channel] as Decision<C>)(request, response);
}
