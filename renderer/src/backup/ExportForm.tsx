import { type FormEvent, useEffect, useId, useState } from 'react';
import { localToday } from '../../../shared/dates';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';
import { exportPath, recordCount } from './transferWords';
import { useTransferProgress } from './useTransferProgress';

/**
 * Exporting the whole vault to one file, sealed with a passphrase unless the user says
 * otherwise. A problem with the file's location shows at the location; progress shows
 * while it runs, and Cancel stops it without leaving a half-written file.
 */
export function ExportForm({ backupFolder }: { backupFolder: string }) {
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
    setPath((current) => exportPath(current, backupFolder, sealed, localToday()));
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
      const records = recordCount(result.counts);
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
