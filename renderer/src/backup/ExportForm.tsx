import { type FormEvent, useId, useState } from 'react';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';
import { chooseFile } from './chooseFile';
import { exportedWords, recordCount } from './transferWords';
import { useTransferProgress } from './useTransferProgress';

/**
 * Exporting the whole vault to one file, sealed with a passphrase unless the user says
 * otherwise. The file is chosen in the system's save dialog (issue 13), never typed;
 * progress shows while it runs, and Cancel stops it without leaving a half-written file.
 */
export function ExportForm() {
  const id = useId();
  const [sealed, setSealed] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const { progress, clear: clearProgress } = useTransferProgress('export');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
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
      // Where it goes is chosen in the system's save dialog (a download in the web preview).
      const target = await chooseFile('files:chooseExportTarget', { encrypted: sealed });
      // Cancelled: nothing was written and nothing needs saying.
      if (target === null) return;
      const result = await call('export:vault', { target: target.token, ...(sealed ? { passphrase } : {}) });
      setMessage({
        kind: 'success',
        text: exportedWords(recordCount(result.counts), result.displayName, result.encrypted),
      });
      setPassphrase('');
      setRepeat('');
    } catch (failure) {
      setMessage({ kind: 'error', text: `Not exported. ${messageOf(failure)}` });
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
        <p className="hint warn-text">
          Without a passphrase, anyone who gets the file can read every record in it. Its name will say “not encrypted”.
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
          {busy ? 'Exporting…' : 'Export…'}
        </button>
      </div>
    </form>
  );
}
