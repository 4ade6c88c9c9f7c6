import { type FormEvent, useId, useState } from 'react';
import type { ImportReportView } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';
import { ImportReportTable } from './ImportReportTable';
import { SettingChanges } from './SettingChanges';
import { importLabel } from './transferWords';
import { useTransferProgress } from './useTransferProgress';

/**
 * Importing an export: a dry run first (import:plan) shows what would be added, what is
 * already here and what conflicts; only then can the records, and the settings ticked,
 * be imported. Nothing here is ever overwritten.
 */
export function ImportForm() {
  const id = useId();
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [done, setDone] = useState<ImportReportView | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { progress, clear: clearProgress } = useTransferProgress('import');
  const request = { path, ...(passphrase ? { passphrase } : {}) };
  const settingsToTake = report?.settings.filter((change) => change.notTaken === null && chosen.has(change.key)) ?? [];

  async function plan(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    setChosen(new Set());
    setBusy(true);
    try {
      setReport(await call('import:plan', request));
    } catch (failure) {
      setReport(null);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
      clearProgress();
    }
  }

  async function apply() {
    setError(null);
    setBusy(true);
    try {
      setDone(await call('import:apply', { ...request, settings: settingsToTake.map((change) => change.key) }));
      setReport(null);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
      clearProgress();
    }
  }

  const toggle = (key: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const takenSettings = done?.settings.filter((change) => change.taken).map((change) => change.label) ?? [];
  const toImport = importLabel(report?.totals.toAdd ?? 0, settingsToTake.length);

  return (
    <form onSubmit={plan} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Import an export</h3>
      <p className="hint">
        First a dry run checks every record in the file and shows what would be added. Records already here are skipped;
        records that differ are listed as conflicts and never overwritten. Settings are taken only if you tick them.
      </p>
      <label htmlFor={`${id}-path`}>Export file (full path)</label>
      <input
        id={`${id}-path`}
        value={path}
        onChange={(event) => {
          setPath(event.target.value);
          setReport(null);
        }}
        spellCheck={false}
        placeholder="/Volumes/Backup/sessionkeep-export.skexport"
      />
      <PassphraseField
        label="Its passphrase (if it was sealed)"
        name="import-passphrase"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="current-password"
      />
      {error && (
        <Alert kind="error">
          <strong>Not imported.</strong> {error}
        </Alert>
      )}
      {report && <ImportReportTable report={report} caption="What an import would do" />}
      {report && report.settings.length > 0 && (
        <SettingChanges report={report} chosen={chosen} onToggle={toggle} disabled={busy} />
      )}
      {report && report.activityLogRows > 0 && (
        <p className="hint">
          The file’s activity log ({report.activityLogRows} entries) is not imported: this vault keeps its own, and the
          import itself is recorded in it.
        </p>
      )}
      {done && (
        <Alert kind="success">
          Imported {done.totals.toAdd} records; {done.totals.identical} were already here
          {done.totals.conflicts > 0 ? `; ${done.totals.conflicts} conflicts were left as they are` : ''}
          {takenSettings.length > 0 ? `; settings taken: ${takenSettings.join(', ')}` : ''}.
        </Alert>
      )}
      {busy && progress !== null && (
        <div className="backup-progress">
          <label htmlFor={`${id}-progress`}>Importing…</label>
          <progress id={`${id}-progress`} max={1} value={progress} />
        </div>
      )}
      <div className="actions">
        {busy && (
          <button type="button" onClick={() => void call('export:cancel', {})}>
            Cancel
          </button>
        )}
        <button type="submit" disabled={busy || path.trim() === ''}>
          Check the file (dry run)
        </button>
        {report && toImport !== '' && (
          <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
            Import {toImport}
          </button>
        )}
      </div>
    </form>
  );
}
