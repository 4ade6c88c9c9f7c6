import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { localToday } from '../../../shared/dates';
import type { ImportReportView } from '../../../shared/ipc/contract';
import { ApiError, call, messageOf, onSessionEvent } from '../api';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';

/** "note_revisions" → "Note revisions". */
function tableWords(table: string): string {
  const words = table.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The running export's or import's progress; `clear` once it has ended, however it ended. */
function useTransferProgress(kind: 'export' | 'import'): { progress: number | null; clear: () => void } {
  const [fraction, setFraction] = useState<number | null>(null);
  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.type === 'transfer' && event.kind === kind) setFraction(event.fraction >= 1 ? null : event.fraction);
      }),
    [kind],
  );
  // A failed run sends no last event: without this its bar stayed up (issue 12).
  const clear = useCallback(() => setFraction(null), []);
  return { progress: fraction, clear };
}

/**
 * Settings → Export and import: the whole vault as an open archive (JSON files in a zip,
 * documented, optionally sealed with a passphrase), and importing one with a dry run
 * first. Long runs show progress and can be cancelled without leaving a half-written file.
 */
export function TransferSettings({ backupFolder }: { backupFolder: string }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Export and import</h2>
      <p className="hint">
        An export holds every record as plain JSON files in a zip (documented, readable by other software): for moving
        to another system or keeping an independent copy. For everyday safety, backups above are the better tool.
      </p>
      <ExportForm backupFolder={backupFolder} />
      <ImportForm />
    </section>
  );
}

function ExportForm({ backupFolder }: { backupFolder: string }) {
  const id = useId();
  const [sealed, setSealed] = useState(true);
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [pathError, setPathError] = useState<string | null>(null);
  const { progress, clear: clearProgress } = useTransferProgress('export');

  // A sensible default next to the backups, with the extension that matches the choice.
  useEffect(() => {
    setPath((current) => {
      const base = current || (backupFolder ? `${backupFolder}/sessionkeep-export-${localToday()}.zip` : '');
      return base.replace(/\.(zip|skexport)$/, sealed ? '.skexport' : '.zip');
    });
  }, [backupFolder, sealed]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setPathError(null);
    if (sealed && passphrase.length < 12) {
      setMessage({ kind: 'error', text: 'Use a passphrase of at least 12 characters to seal the export.' });
      return;
    }
    if (sealed && passphrase !== repeat) {
      setMessage({ kind: 'error', text: 'The two passphrases are not the same.' });
      return;
    }
    setBusy(true);
    try {
      const result = await call('export:vault', { path, ...(sealed ? { passphrase } : {}) });
      const records = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
      setMessage({
        kind: 'success',
        text: `Exported ${records} records to ${result.path}${result.encrypted ? ', sealed with your passphrase' : ''}.`,
      });
      setPassphrase('');
      setRepeat('');
    } catch (failure) {
      // A problem with the location is told at the location (marked), everything else below.
      if (failure instanceof ApiError && failure.field === 'path') setPathError(failure.message);
      else setMessage({ kind: 'error', text: messageOf(failure) });
    } finally {
      setBusy(false);
      clearProgress();
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Export the whole vault</h3>
      <label className="checkbox">
        <input type="checkbox" checked={sealed} onChange={(event) => setSealed(event.target.checked)} /> Seal it with a
        passphrase (recommended)
      </label>
      {!sealed && (
        <p className="hint warn-text">Without a passphrase, anyone who gets the file can read every record in it.</p>
      )}
      <label htmlFor={`${id}-path`}>File to write (full path)</label>
      <input
        id={`${id}-path`}
        value={path}
        onChange={(event) => {
          setPath(event.target.value);
          setPathError(null);
        }}
        spellCheck={false}
        placeholder="/Volumes/Backup/sessionkeep-export.skexport"
        aria-invalid={pathError !== null}
        aria-describedby={pathError ? `${id}-path-error` : undefined}
      />
      {pathError && (
        <p id={`${id}-path-error`} className="field-error" role="alert">
          <strong>Not exported.</strong> {pathError}
        </p>
      )}
      {sealed && (
        <>
          <PassphraseField
            label="Passphrase for the export"
            name="export-passphrase"
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="new-password"
          />
          <PassphraseField
            label="Repeat the passphrase"
            name="export-repeat"
            value={repeat}
            onChange={setRepeat}
            autoComplete="new-password"
          />
        </>
      )}
      {busy && progress !== null && (
        <div className="backup-progress">
          <label htmlFor={`${id}-progress`}>Exporting…</label>
          <progress id={`${id}-progress`} max={1} value={progress} />
        </div>
      )}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="actions">
        {busy && (
          <button type="button" onClick={() => void call('export:cancel', {})}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </form>
  );
}

function ImportForm() {
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
  const importLabel = [
    report && report.totals.toAdd > 0 ? `${report.totals.toAdd} records` : null,
    settingsToTake.length > 0 ? `${settingsToTake.length} setting${settingsToTake.length === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(' and ');

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
        {report && importLabel !== '' && (
          <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
            Import {importLabel}
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * The settings the file would change (issue 11: never taken silently). Each can be ticked,
 * except protection settings (auto-lock, backup folder), shown with why they stay.
 */
function SettingChanges({
  report,
  chosen,
  onToggle,
  disabled,
}: {
  report: ImportReportView;
  chosen: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="import-settings" aria-describedby={`${id}-hint`}>
      <legend>Settings in this file that differ from yours</legend>
      <p className="hint" id={`${id}-hint`}>
        Tick the ones to take. Those not ticked stay as they are here.
      </p>
      <ul>
        {report.settings.map((change) => (
          <li key={change.key}>
            {change.notTaken === null ? (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(change.key)}
                  disabled={disabled}
                  onChange={(event) => onToggle(change.key, event.target.checked)}
                />{' '}
                Take <strong>{change.label}</strong> from the file
              </label>
            ) : (
              <p className="import-setting-kept">
                <strong>{change.label}</strong>: not taken. {change.notTaken}
              </p>
            )}
            <dl className="import-setting-values">
              <dt>Here</dt>
              <dd>{change.current}</dd>
              <dt>In the file</dt>
              <dd>{change.incoming}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * The records in conflict, named as a therapist would ("Daniel Reyes, CBT session note,
 * 4 Dec 2026"); the same name twice (several saved versions of one note) is said once.
 */
function ConflictList({ conflicts }: { conflicts: ImportReportView['conflicts'] }) {
  const counts = new Map<string, number>();
  for (const conflict of conflicts) counts.set(conflict.record, (counts.get(conflict.record) ?? 0) + 1);
  const names = [...counts];
  return (
    <div className="import-conflicts">
      <p className="hint">
        {conflicts.length === 1 ? 'One record differs' : `${conflicts.length} records differ`} from what is here. They
        are kept as they are here:
      </p>
      <ul aria-label="Records kept as they are here">
        {names.slice(0, 20).map(([name, count]) => (
          <li key={name}>
            {name}
            {count > 1 && ` (${count})`}
          </li>
        ))}
      </ul>
      {names.length > 20 && <p className="hint">and {names.length - 20} more.</p>}
    </div>
  );
}

function ImportReportTable({ report, caption }: { report: ImportReportView; caption: string }) {
  const rows = Object.entries(report.tables).filter(([, counts]) => counts.inArchive > 0);
  return (
    <>
      <table className="backup-table">
        <caption>
          {caption} (exported {new Date(report.exportedAt).toLocaleString()})
        </caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">In the file</th>
            <th scope="col">To add</th>
            <th scope="col">Already here</th>
            <th scope="col">Conflicts</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([table, counts]) => (
            <tr key={table}>
              <th scope="row">{tableWords(table)}</th>
              <td>{counts.inArchive}</td>
              <td>{counts.toAdd}</td>
              <td>{counts.identical}</td>
              <td>{counts.conflicts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.conflicts.length > 0 && <ConflictList conflicts={report.conflicts} />}
      {report.totals.toAdd === 0 && <p className="muted">Nothing to add: everything in this file is already here.</p>}
    </>
  );
}
