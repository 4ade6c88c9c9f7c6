import { type FormEvent, useId, useState } from 'react';
import type { ImportReportView } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';
import { chooseFile } from './chooseFile';
import { ImportReportTable } from './ImportReportTable';
import { SettingChanges } from './SettingChanges';
import { importLabel } from './transferWords';
import { useTransferProgress } from './useTransferProgress';

/**
 * Importing an export, chosen in the system's open dialog (issue 13): a dry run first (import:plan) shows what would be added, what is
 * already here and what conflicts; only then can the records, and the settings ticked,
 * be imported. Nothing here is ever overwritten.
 */
export function ImportForm() {
  const id = useId();
  const [source, setSource] = useState<{ token: string; displayName: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [done, setDone] = useState<ImportReportView | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { progress, clear: clearProgress } = useTransferProgress('import');
  const withPassphrase = passphrase ? { passphrase } : {};
  const settingsToTake = report?.settings.filter((change) => change.notTaken === null && chosen.has(change.key)) ?? [];

  /** The dry run of the chosen file (again, e.g. with another passphrase). */
  async function plan(file: { token: string } | null = source) {
    if (!file) return;
    setError(null);
    setDone(null);
    setChosen(new Set());
    setBusy(true);
    try {
      setReport(await call('import:plan', { source: file.token, ...withPassphrase }));
    } catch (failure) {
      setReport(null);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
      clearProgress();
    }
  }

  /** The system's open dialog (the browser's file chooser in the web preview), then the dry run. */
  async function choose() {
    setError(null);
    try {
      const file = await chooseFile('files:chooseImportSource', {});
      // Cancelled: the file chosen before (if any) and its dry run stay as they were.
      if (file === null) return;
      setSource(file);
      setReport(null);
      await plan(file);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  async function apply() {
    if (!source) return;
    setError(null);
    setBusy(true);
    try {
      setDone(
        await call('import:apply', {
          source: source.token,
          ...withPassphrase,
          settings: settingsToTake.map((change) => change.key),
        }),
      );
      setReport(null);
      // An import ends its choice: another import starts by choosing the file again.
      setSource(null);
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
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void plan();
      }}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h3 id={`${id}-title`}>Import an export</h3>
      <p className="hint">
        First a dry run checks every record in the file and shows what would be added. Records already here are skipped;
        records that differ are listed as conflicts and never overwritten. Settings are taken only if you tick them.
      </p>
      {source && (
        <p>
          File chosen: <strong>{source.displayName}</strong>
        </p>
      )}
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
        <button type="button" onClick={() => void choose()} disabled={busy}>
          Choose a file to import…
        </button>
        {source && (
          <button type="submit" disabled={busy}>
            Check the file again (dry run)
          </button>
        )}
        {report && toImport !== '' && (
          <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
            Import {toImport}
          </button>
        )}
      </div>
    </form>
  );
}
