import { useCallback, useEffect, useState } from 'react';
import type {
  AuditAction,
  AuditChainState,
  AuditEntityType,
  AuditEntry,
  DamagedAuditEntry,
} from '../../../shared/ipc/contract';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import './auditLog.css';

const PAGE = 50;

/** What each action reads as in the table: a new action without a label fails the type-check. */
const actionLabels: Record<AuditAction, string> = {
  'vault.created': 'Vault created',
  unlock: 'Unlocked',
  'unlock.failed': 'Failed unlock attempt',
  lock: 'Locked',
  'passphrase.changed': 'Passphrase changed',
  'recoveryKey.shown': 'Recovery key shown',
  'recoveryKey.confirmed': 'Recovery key confirmed',
  'recoveryKey.renewed': 'New recovery key made',
  'vault.reencrypted': 'Vault re-encrypted with a new key',
  'settings.changed': 'Settings changed',
  'client.created': 'Client added',
  'client.edited': 'Client details edited',
  'client.archived': 'Client archived',
  'client.restored': 'Client restored',
  'client.defaultTemplateSet': 'Default template set',
  'note.created': 'Note started',
  'note.signed': 'Note signed',
  'note.addendum': 'Addendum added',
  'note.revisionRestored': 'Earlier version restored',
  'template.saved': 'Template saved',
  'template.deleted': 'Template removed',
  'distortion.added': 'Distortion added',
  'worksheet.saved': 'Worksheet saved',
  'homework.assigned': 'Homework assigned',
  'homework.reviewed': 'Homework reviewed',
  'intake.added': 'Intake entry added',
  'intake.edited': 'Intake entry changed',
  'intake.contextSet': 'Intake context changed',
  'intake.reviewed': 'Intake reviewed',
  'caution.actionRecorded': 'Caution action recorded',
  'measure.recorded': 'Measure recorded',
  'safetyPlan.saved': 'Safety plan saved',
  'print.notes': 'Notes printed',
  'print.sheets': 'Worksheets printed',
  'audit.exported': 'Activity log exported',
  'backup.made': 'Backup made',
  'backup.failed': 'Backup failed',
  restore: 'Restored from backup',
  export: 'Data exported',
  import: 'Data imported',
  'record.exported': 'Damaged record exported',
  'record.removed': 'Damaged record removed',
};

/**
 * A print's label says what is known (issue 13): printed when the system's dialog said so,
 * saved as a PDF, or only that the browser's print dialog was used, which may have been
 * cancelled.
 */
function actionLabel(entry: AuditEntry): string {
  const what = entry.action === 'print.notes' ? 'Notes' : entry.action === 'print.sheets' ? 'Worksheets' : null;
  if (what && entry.detail.via === 'pdf') return `${what} saved as PDF`;
  if (what && entry.detail.via === 'browser') return `${what} sent to the print dialog (printing not confirmed)`;
  return actionLabels[entry.action];
}

const entityLabels: Record<AuditEntityType, string> = {
  vault: 'Vault',
  settings: 'Settings',
  client: 'Client',
  note: 'Note',
  template: 'Template',
  distortion: 'Distortion',
  worksheet: 'Worksheet',
  assignment: 'Homework',
  intakeEntry: 'Intake entry',
  cautionAction: 'Caution action',
  measure: 'Measure',
  safetyPlan: 'Safety plan',
  backup: 'Backup',
  record: 'Damaged record',
};

const settingLabels: Record<string, string> = {
  therapistName: 'your name',
  practiceName: 'practice name',
  crisisLines: 'crisis lines',
  therapistPhone: 'your phone number',
  afterHoursLine: 'after-hours line',
  crisisLineEntries: 'crisis lines',
  emergencyNumber: 'emergency number',
  emergencyDepartment: 'nearest emergency department',
  draftReminderDays: 'draft reminder',
  paperSize: 'paper size',
  autoLockMinutes: 'auto-lock',
};

const lockReasons: Record<string, string> = {
  manual: 'by you',
  idle: 'after inactivity',
  system: 'screen locked or computer asleep',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-/i;
/** Ids are UUIDs: the first 8 characters tell entries apart at a glance. */
const shortId = (id: string) => (UUID.test(id) ? id.slice(0, 8) : id);

function which(entry: AuditEntry): string {
  if (!entry.entityType) return '—';
  const label = entityLabels[entry.entityType];
  return entry.entityId ? `${label} ${shortId(entry.entityId)}` : label;
}

function details(entry: AuditEntry): string {
  const { detail } = entry;
  const parts: string[] = [];
  if (typeof detail.reason === 'string') parts.push(lockReasons[detail.reason] ?? detail.reason);
  if (detail.method === 'recoveryKey') parts.push('with the recovery key');
  if (Array.isArray(detail.keys)) parts.push(detail.keys.map((key) => settingLabels[key] ?? key).join(', '));
  if (typeof detail.count === 'number') {
    const noun = entry.action === 'print.notes' ? 'note' : entry.action === 'print.sheets' ? 'sheet' : 'entry';
    const plural = noun === 'entry' ? 'entries' : `${noun}s`;
    parts.push(`${detail.count} ${detail.count === 1 ? noun : plural}`);
  }
  if (typeof detail.clientId === 'string' && entry.entityType !== 'client') {
    parts.push(`client ${shortId(detail.clientId)}`);
  }
  return parts.join(' · ');
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Offers text as a file through a Blob URL (allowed: blob: is a permitted request scheme). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type ListEntry = AuditEntry | DamagedAuditEntry;

/** The chain's state in one sentence, with when it was checked. */
function ChainStatus({
  chain,
  onCheck,
  busy,
  badRowShown,
}: {
  chain: AuditChainState;
  onCheck: () => void;
  busy: boolean;
  /** Whether the first bad row is among the entries loaded so far. */
  badRowShown: boolean;
}) {
  const checked = `checked ${when(chain.checkedAt)}`;
  return (
    <div className="audit-chain">
      {chain.intact ? (
        <Alert kind="success">
          The log is intact ({chain.entries} {chain.entries === 1 ? 'entry' : 'entries'}, {checked}).
        </Alert>
      ) : (
        <Alert kind="error">
          {chain.message}{' '}
          {badRowShown
            ? 'The first entry that does not hold is marked below'
            : 'Load older entries below to reach the first entry that does not hold'}{' '}
          ({checked}).
        </Alert>
      )}
      <button type="button" onClick={onCheck} disabled={busy}>
        {busy ? 'Checking…' : 'Check again'}
      </button>
    </div>
  );
}

/**
 * Settings › Activity log: what was done in this vault and when (unlocks, locks,
 * records created and signed, prints, exports), newest first. Entities show as a type
 * and a short id; the log holds no names or clinical text. Each entry is sealed into a
 * hash chain, checked at unlock: a break is shown with the first entry that does not
 * hold. A row the app cannot read is shown as a damaged entry, never hidden.
 */
export function AuditLog() {
  const [entries, setEntries] = useState<ListEntry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [chain, setChain] = useState<AuditChainState | null>(null);
  const [checking, setChecking] = useState(false);

  const load = useCallback(async (before?: number) => {
    setBusy(true);
    try {
      const page = await call('audit:list', before ? { before, limit: PAGE } : { limit: PAGE });
      setEntries((current) => (before ? [...(current ?? []), ...page.entries] : page.entries));
      setNextBefore(page.nextBefore);
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }, []);

  const verify = useCallback(async (again: boolean) => {
    setChecking(true);
    try {
      setChain(await call('audit:verify', { again }));
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    void load();
    void verify(false);
  }, [load, verify]);

  async function exportCsv() {
    setMessage(null);
    try {
      const { csv, count } = await call('audit:export', {});
      download(csv, `sessionkeep-activity-${new Date().toISOString().slice(0, 10)}.csv`);
      setMessage({ kind: 'success', text: `Exported ${count} ${count === 1 ? 'entry' : 'entries'} as CSV.` });
      // The export is itself an entry.
      void load();
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    }
  }

  return (
    <section className="card audit-log" aria-labelledby="audit-title">
      <div className="audit-head">
        <h2 id="audit-title">Activity log</h2>
        <button type="button" onClick={exportCsv}>
          Export (CSV)
        </button>
      </div>
      <p>
        Who did what and when in this vault: unlocks, locks, records added or signed, prints and exports. It keeps no
        names or note text. Entries cannot be changed or removed, and each is sealed to the one before it, so a change
        made behind Sessionkeep’s back shows here.
      </p>
      {chain && (
        <ChainStatus
          chain={chain}
          busy={checking}
          onCheck={() => void verify(true)}
          badRowShown={entries?.some((entry) => entry.id === chain.firstBad?.id) ?? false}
        />
      )}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {entries === null ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        // A long log scrolls inside its box: focusable, so the keyboard can scroll it too (WCAG 2.1.1).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs a Tab stop to be scrolled by keys
        <section className="audit-scroll" tabIndex={0} aria-label="Entries, newest first">
          <table className="audit-table" aria-labelledby="audit-title">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Which</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} firstBad={chain?.firstBad?.id === entry.id} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {nextBefore !== null && (
        <div className="actions">
          <button type="button" onClick={() => void load(nextBefore)} disabled={busy}>
            {busy ? 'Loading…' : 'Load older'}
          </button>
        </div>
      )}
    </section>
  );
}

function AuditRow({ entry, firstBad }: { entry: ListEntry; firstBad: boolean }) {
  const marker = firstBad && (
    <strong className="audit-bad-marker">
      First entry that does not hold<span className="visually-hidden">: </span>
    </strong>
  );
  if ('damaged' in entry) {
    return (
      <tr className={firstBad ? 'audit-damaged audit-bad' : 'audit-damaged'}>
        <td className="audit-id">{entry.id}</td>
        <td className="audit-when">{Number.isNaN(Date.parse(entry.at)) ? entry.at : when(entry.at)}</td>
        <td>Damaged entry</td>
        <td className="audit-which">—</td>
        <td>
          {marker} {entry.problem} <span className="muted">(recorded as “{entry.action}”)</span>
        </td>
      </tr>
    );
  }
  const warn = entry.action === 'unlock.failed' ? 'audit-warn' : '';
  return (
    <tr className={[warn, firstBad ? 'audit-bad' : ''].filter(Boolean).join(' ') || undefined}>
      <td className="audit-id">{entry.id}</td>
      <td className="audit-when">
        <time dateTime={entry.at}>{when(entry.at)}</time>
      </td>
      <td>{actionLabel(entry)}</td>
      <td className="audit-which">{which(entry)}</td>
      <td className="muted">
        {marker} {details(entry)}
      </td>
    </tr>
  );
}
