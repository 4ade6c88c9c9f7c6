import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import type { BackupInfo } from '../../../shared/backup';
import type { SessionInfo } from '../../../shared/ipc/contract';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';
import { chooseFile } from './chooseFile';
import { keepRestoreNotice } from './restoreNotice';
import { formatWhen } from './useBackups';

type Summary = { clients: number; notes: number; signedNotes: number; lastEditAt: string | null };
type Secret = { kind: 'passphrase'; passphrase: string } | { kind: 'recoveryKey'; recoveryKey: string };

function summaryText(summary: Summary): string {
  const parts = [
    `${summary.clients} client${summary.clients === 1 ? '' : 's'}`,
    `${summary.notes} note${summary.notes === 1 ? '' : 's'} (${summary.signedNotes} signed)`,
  ];
  if (summary.lastEditAt) parts.push(`last edit ${formatWhen(summary.lastEditAt)}`);
  return parts.join(', ');
}

/**
 * Restoring a backup, from Settings or from the unlock screen (a damaged or lost vault):
 * pick a backup, open it with the passphrase it was made under or the recovery key,
 * see what it holds, and restore. The current vault is set aside, never overwritten.
 */
export function RestorePanel({
  onRestored,
  onCancel,
  intro,
}: {
  onRestored: (session: SessionInfo, setAsidePath: string | null) => void;
  onCancel?: () => void;
  intro?: string;
}) {
  const id = useId();
  /** The folder chosen to restore from, by its name (the page holds its token, never its path). */
  const [folderName, setFolderName] = useState<string | null>(null);
  /** Its token, for opening one of its backups; undefined: the backup folder of Settings. */
  const [folderToken, setFolderToken] = useState<string | undefined>(undefined);
  const [askFolder, setAskFolder] = useState(false);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A problem with the folder itself, told at the folder box (issue 12). */
  const [folderError, setFolderError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);

  const load = useCallback(async (where?: string) => {
    setError(null);
    setFolderError(null);
    try {
      setBackups(await call('backup:list', where ? { folder: where } : {}));
      setAskFolder(false);
    } catch (failure) {
      setBackups(null);
      const code = failure instanceof ApiError ? failure.code : null;
      const aboutFolder =
        code === 'BACKUP_FOLDER_MISSING' || (failure instanceof ApiError && failure.field === 'folder');
      if (code === 'NO_BACKUP_FOLDER' || aboutFolder) setAskFolder(true);
      if (aboutFolder) setFolderError(messageOf(failure));
      else if (code !== 'NO_BACKUP_FOLDER') setError(messageOf(failure));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  /** The system's folder dialog; the backups in the chosen folder are listed by its token. */
  async function chooseFolder() {
    setFolderError(null);
    try {
      const picked = await chooseFile('files:chooseBackupFolder', { purpose: 'restore' });
      if (!picked) return;
      setFolderName(picked.displayName);
      setFolderToken(picked.token);
      setChosen(null);
      await load(picked.token);
    } catch (failure) {
      setFolderError(messageOf(failure));
    }
  }

  const latestGood = backups?.find((backup) => backup.ok);

  return (
    <section className="restore-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Restore from a backup</h2>
      {intro && <p>{intro}</p>}
      {error && <Alert kind="error">{error}</Alert>}
      {folderName && backups && (
        <p>
          Backups in <strong className="folder-path">{folderName}</strong>:
        </p>
      )}
      {(askFolder || backups) && !chosen && (
        <div className="restore-folder">
          {askFolder && <p>Choose the folder that holds the backups, for example on your backup drive.</p>}
          <button
            type="button"
            onClick={() => void chooseFolder()}
            aria-describedby={folderError ? `${id}-folder-error` : undefined}
          >
            {askFolder ? 'Choose folder…' : 'Restore from another folder…'}
          </button>
          {folderError && (
            <p id={`${id}-folder-error`} className="field-error" role="alert">
              {folderError}
            </p>
          )}
        </div>
      )}
      {backups && backups.length === 0 && <p className="muted">No backups in that folder.</p>}
      {latestGood && !chosen && (
        <p>
          The latest good backup is from <strong>{formatWhen(latestGood.createdAt)}</strong>.
        </p>
      )}
      {backups && backups.length > 0 && !chosen && (
        <table className="backup-table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">State</th>
              <th scope="col">Holds</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.id}>
                <th scope="row">{formatWhen(backup.createdAt)}</th>
                <td>
                  {backup.ok ? (
                    'Good (verified)'
                  ) : (
                    <span className="backup-broken">Cannot be used: {backup.problem}</span>
                  )}
                </td>
                <td>
                  {backup.summary ? summaryText(backup.summary) : <span className="muted">shown once opened</span>}
                </td>
                <td>
                  {backup.ok && (
                    <button type="button" onClick={() => setChosen(backup)}>
                      Restore…<span className="visually-hidden"> the backup of {formatWhen(backup.createdAt)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && (
        <RestoreOne backup={chosen} folder={folderToken} onRestored={onRestored} onBack={() => setChosen(null)} />
      )}
      {onCancel && !chosen && (
        <div className="actions">
          <button type="button" onClick={onCancel}>
            Close
          </button>
        </div>
      )}
    </section>
  );
}

/** One chosen backup: its key, what it holds, and the restore itself. */
function RestoreOne({
  backup,
  folder,
  onRestored,
  onBack,
}: {
  backup: BackupInfo;
  /** The token of the folder it was listed from, when not the backup folder of Settings. */
  folder: string | undefined;
  onRestored: (session: SessionInfo, setAsidePath: string | null) => void;
  onBack: () => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<Secret['kind']>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const secret: Secret = kind === 'passphrase' ? { kind, passphrase } : { kind, recoveryKey };

  async function check(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Named as listed, in the folder it was listed from: never by its path (issue 13).
      const where = { id: backup.id, ...(folder ? { folder } : {}) };
      setSummary((await call('backup:summary', { ...where, secret })).summary);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      const result = await call('backup:restore', {
        id: backup.id,
        ...(folder ? { folder } : {}),
        secret,
        ...(kind === 'recoveryKey' ? { newPassphrase } : {}),
      });
      // Told on the home screen of the restored vault, after the reload Settings does (issue 12).
      keepRestoreNotice({
        backupCreatedAt: backup.createdAt,
        summary: summary ? summaryText(summary) : null,
        setAsidePath: result.setAsidePath,
      });
      onRestored(result.session, result.setAsidePath);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return (
    <div className="restore-one">
      <p>
        Backup of <strong>{formatWhen(backup.createdAt)}</strong>.
      </p>
      {!summary ? (
        <form onSubmit={check} noValidate>
          <fieldset>
            <legend>Open it with</legend>
            <label className="checkbox">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === 'passphrase'}
                onChange={() => setKind('passphrase')}
              />{' '}
              The passphrase in use when this backup was made
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === 'recoveryKey'}
                onChange={() => setKind('recoveryKey')}
              />{' '}
              The recovery key
            </label>
          </fieldset>
          {kind === 'passphrase' ? (
            <PassphraseField
              label="Passphrase"
              name="backup-passphrase"
              value={passphrase}
              onChange={setPassphrase}
              autoFocus
              autoComplete="current-password"
            />
          ) : (
            <>
              <label htmlFor={`${id}-recovery`}>Recovery key</label>
              <input
                id={`${id}-recovery`}
                value={recoveryKey}
                onChange={(event) => setRecoveryKey(event.target.value)}
                spellCheck={false}
                autoComplete="off"
              />
              <PassphraseField
                label="New passphrase for the restored vault"
                name="backup-new-passphrase"
                value={newPassphrase}
                onChange={setNewPassphrase}
                autoComplete="new-password"
              />
            </>
          )}
          {error && <Alert kind="error">{error}</Alert>}
          <div className="actions">
            <button type="button" onClick={onBack}>
              Back to the list
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Checking…' : 'Check this backup'}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <p>
            It holds <strong>{summaryText(summary)}</strong>.
          </p>
          <p className="hint">
            Restoring puts this backup in place of the vault you have now. The current vault is not deleted: it is set
            aside in the vault folder, so it can be brought back.
          </p>
          {error && <Alert kind="error">{error}</Alert>}
          <div className="actions">
            <button type="button" onClick={onBack} disabled={busy}>
              Back to the list
            </button>
            <button type="button" className="primary" onClick={() => void restore()} disabled={busy}>
              {busy ? 'Restoring…' : 'Restore this backup'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
