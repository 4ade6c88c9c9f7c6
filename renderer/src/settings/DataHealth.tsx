import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { DamagedRecord, HealthTable } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import './dataHealth.css';

/** What each table's record is called: a new table without a label fails the type-check. */
const recordKinds: Record<HealthTable, string> = {
  settings: 'Setting',
  clients: 'Client',
  notes: 'Note',
  note_revisions: 'Earlier version of a note',
  addenda: 'Addendum',
  custom_templates: 'Custom template',
  custom_distortions: 'Custom distortion',
  custom_worksheets: 'Custom worksheet',
  assignments: 'Homework',
  assignment_events: 'Homework history',
  intake_entries: 'Intake entry',
  intake_events: 'Intake history',
  intake_context: 'Intake context',
  intake_reviews: 'Intake review',
  caution_actions: 'Caution action',
  measure_administrations: 'Measure',
  safety_plans: 'Safety plan version',
};

type Message = { kind: 'error' | 'success'; text: string } | null;
type Scan = { records: DamagedRecord[]; scannedRows: number; tookMs: number };

/** Offers text as a file through a Blob URL (blob: is a permitted request scheme). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads one damaged record's raw row as JSON; the export is logged by the core. */
export async function exportRawRecord(record: Pick<DamagedRecord, 'table' | 'rowid'>): Promise<void> {
  const { json } = await call('health:exportRaw', { table: record.table, rowid: record.rowid });
  download(json, `sessionkeep-damaged-${record.table}-${record.rowid}.json`);
}

function RemoveForm({
  record,
  onRemoved,
  onCancel,
}: {
  record: DamagedRecord;
  onRemoved: (text: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `remove-reason-${record.table}-${record.rowid}`;

  async function remove(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Say why this record is removed: it is kept with your name.');
      return;
    }
    setBusy(true);
    try {
      await call('health:remove', { table: record.table, rowid: record.rowid, reason });
      onRemoved(
        `${recordKinds[record.table]} ${record.label} was removed. Your reason is kept with your name, and the removal is in the activity log.`,
      );
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="health-remove" onSubmit={remove} noValidate>
      <div className="field">
        <label htmlFor={id}>Why remove it? This is kept with your name and the date.</label>
        <textarea
          id={id}
          rows={2}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {error && (
        <div id={`${id}-error`}>
          <Alert kind="error">{error}</Alert>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="danger" disabled={busy}>
          {busy ? 'Removing…' : 'Remove, signed with my name'}
        </button>
      </div>
    </form>
  );
}

/**
 * Settings › Data health: the records Sessionkeep cannot read (an old import, damage to
 * the file), each with what is wrong. Any of them can be exported as raw JSON; one that
 * is not clinical history can be removed with a reason signed with the therapist's name.
 * Clinical history is never removed.
 */
export function DataHealth() {
  const [scan, setScan] = useState<Scan | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = useCallback(async () => {
    setBusy(true);
    try {
      setScan(await call('health:scan', {}));
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  async function exportOne(record: DamagedRecord) {
    setMessage(null);
    try {
      await exportRawRecord(record);
      setMessage({ kind: 'success', text: `Exported the raw ${recordKinds[record.table].toLowerCase()} as JSON.` });
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) });
    }
  }

  const keyOf = (record: DamagedRecord) => `${record.table}:${record.rowid}`;
  const count = scan?.records.length ?? 0;

  return (
    <section className="card data-health" aria-labelledby="health-title">
      <div className="health-head">
        <h2 id="health-title">Data health</h2>
        <button type="button" onClick={() => void check()} disabled={busy}>
          {busy ? 'Checking…' : 'Check again'}
        </button>
      </div>
      <p>
        Records Sessionkeep cannot read, from an old import or damage to the file, are listed here instead of breaking a
        screen. Export one as raw JSON to keep it or to ask for help. Clinical history is never removed.
      </p>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {scan === null ? (
        <p className="muted">{busy ? 'Checking the vault…' : ''}</p>
      ) : count === 0 ? (
        <p className="health-summary">
          No damaged records: all {scan.scannedRows.toLocaleString()} records can be read.
        </p>
      ) : (
        <>
          <p className="health-summary">
            {count === 1 ? '1 damaged record' : `${count} damaged records`} found in {scan.scannedRows.toLocaleString()}{' '}
            records checked.
          </p>
          <ul className="health-list" aria-label="Damaged records">
            {scan.records.map((record) => (
              <li key={keyOf(record)} className="health-item">
                <div className="health-what">
                  <strong>{recordKinds[record.table]}</strong> <code className="health-label">{record.label}</code>
                  {record.clinical && <span className="badge">Clinical history: kept</span>}
                </div>
                <p className="health-problem">{record.problem}</p>
                <div className="actions">
                  <button type="button" onClick={() => void exportOne(record)}>
                    Export raw JSON
                  </button>
                  {record.removable && removing !== keyOf(record) && (
                    <button type="button" onClick={() => setRemoving(keyOf(record))}>
                      Remove…
                    </button>
                  )}
                </div>
                {removing === keyOf(record) && (
                  <RemoveForm
                    record={record}
                    onCancel={() => setRemoving(null)}
                    onRemoved={(text) => {
                      setRemoving(null);
                      setMessage({ kind: 'success', text });
                      void check();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
