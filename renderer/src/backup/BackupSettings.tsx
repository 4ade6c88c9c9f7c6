import { useId, useState } from 'react';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { Modal } from '../notes/Modal';
import { chooseFile } from './chooseFile';
import { RestorePanel } from './RestorePanel';
import { SetAsideVaults } from './SetAsideVaults';
import { formatWhen, stageWords, useBackupProgress, useBackupStatus } from './useBackups';
import './backup.css';

const folderCodes = new Set(['NO_BACKUP_FOLDER', 'BACKUP_FOLDER_MISSING']);

/** A chosen folder that is not there yet: the core's question, and the token to create it with. */
type MissingFolder = { token: string; question: string };

/**
 * Settings → Backups: where they go, the last result, "Back up now" with its progress,
 * and restoring one. Backups are made automatically at unlock, daily while open and at
 * quit when the last good one is more than a day old. The folder is chosen in the
 * system's dialog (issue 13): the page holds a token for it, never a path to send.
 */
export function BackupSettings() {
  const id = useId();
  const { status, error: statusError, reload } = useBackupStatus();
  const { progress, clear: clearProgress } = useBackupProgress();
  const [folderError, setFolderError] = useState<string | null>(null);
  const [missing, setMissing] = useState<MissingFolder | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);

  /** Saves the chosen folder (null: no automatic backups); a missing one is asked about first. */
  async function saveFolder(token: string | null, create = false) {
    setFolderError(null);
    setMessage(null);
    try {
      await call('settings:setBackupFolder', { folder: token, ...(create ? { create: true } : {}) });
      setMessage({ kind: 'success', text: token ? 'Backup folder saved.' : 'Automatic backups are off.' });
      reload();
    } catch (failure) {
      if (token && !create && failure instanceof ApiError && failure.code === 'BACKUP_FOLDER_MISSING') {
        setMissing({ token, question: failure.message });
      } else setFolderError(messageOf(failure));
    }
  }

  async function chooseFolder() {
    setFolderError(null);
    setMessage(null);
    try {
      const chosen = await chooseFile('files:chooseBackupFolder', { purpose: 'backups' });
      if (chosen) await saveFolder(chosen.token);
    } catch (failure) {
      setFolderError(messageOf(failure));
    }
  }

  /** Stops the running backup, this page's or the schedule's (whose stop nobody else reports). */
  async function stopBackup() {
    try {
      const { cancelled } = await call('backup:cancel', {});
      if (cancelled && !busy) {
        setMessage({ kind: 'info', text: 'The backup was stopped. Nothing was added to the backup folder.' });
      }
    } catch (failure) {
      setMessage({ kind: 'error', text: messageOf(failure) });
    }
  }

  async function backUpNow() {
    setBusy(true);
    setMessage(null);
    try {
      const made = await call('backup:now', {});
      setMessage({ kind: 'success', text: `Backed up and verified (${formatWhen(made.createdAt)}).` });
    } catch (failure) {
      // Stopped on purpose: said calmly, not as an error.
      const stopped = failure instanceof ApiError && failure.code === 'CANCELLED';
      setMessage({ kind: stopped ? 'info' : 'error', text: messageOf(failure) });
      // A problem with the folder itself is also shown at the folder, where it is fixed.
      if (failure instanceof ApiError && folderCodes.has(failure.code)) setFolderError(failure.message);
    } finally {
      setBusy(false);
      clearProgress();
      reload();
    }
  }

  return (
    <section className="card backup-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Backups</h2>
      <p className="hint">
        Backups are encrypted with the same key as your vault, so an external drive or a synced folder is fine. One is
        made when you unlock, once a day while Sessionkeep is open, and when you quit, if the last one is more than a
        day old. Sessionkeep keeps 7 daily, 4 weekly and 12 monthly backups and checks each one after writing it.
      </p>
      <div className="backup-folder">
        <h3>Backup folder</h3>
        {status && (
          <p>
            {status.folder ? (
              <>
                Backups go to <strong className="folder-path">{status.folder}</strong>
              </>
            ) : (
              'No backup folder is chosen yet, so no automatic backups are made.'
            )}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            onClick={() => void chooseFolder()}
            aria-describedby={folderError ? `${id}-folder-error` : undefined}
          >
            {status?.folder ? 'Choose another folder…' : 'Choose folder…'}
          </button>
          {status?.folder && (
            <button type="button" className="quiet" onClick={() => void saveFolder(null)}>
              Stop automatic backups
            </button>
          )}
        </div>
        {folderError && (
          // Announced here unless the same words are already announced below (a failed backup).
          <p
            id={`${id}-folder-error`}
            className="field-error"
            role={message?.text === folderError ? undefined : 'alert'}
          >
            {folderError}
          </p>
        )}
      </div>
      {missing && (
        <Modal title="Create the folder?" onClose={() => setMissing(null)}>
          <p className="confirm-text">{missing.question}</p>
          <div className="actions">
            <button type="button" onClick={() => setMissing(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                const { token } = missing;
                setMissing(null);
                void saveFolder(token, true);
              }}
            >
              Create folder
            </button>
          </div>
        </Modal>
      )}
      {statusError && <Alert kind="error">{statusError}</Alert>}
      {status && (
        <p className="backup-last" role="status">
          {status.lastSuccessAt ? (
            <>
              Last good backup: <strong>{formatWhen(status.lastSuccessAt)}</strong>
            </>
          ) : (
            <strong>No backup has been made yet.</strong>
          )}
          {status.lastAttempt && !status.lastAttempt.ok && (
            <span className="backup-broken">
              {' '}
              · The last attempt ({formatWhen(status.lastAttempt.at)}) failed: {status.lastAttempt.message}
            </span>
          )}
          {status.overdue && status.lastSuccessAt && (
            <span className="backup-broken"> · More than 7 days without a good backup.</span>
          )}
        </p>
      )}
      {progress && (
        <div className="backup-progress">
          <label htmlFor={`${id}-progress`}>{stageWords[progress.stage] ?? 'Backing up…'}</label>
          <progress id={`${id}-progress`} max={1} value={progress.fraction} />
          {/* Safe at any stage: the partial copy is removed, the vault and the folder stay as they were. */}
          <button type="button" className="small-button" onClick={() => void stopBackup()}>
            Stop backup
          </button>
        </div>
      )}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="actions">
        <button type="button" onClick={() => setRestoring((open) => !open)} aria-expanded={restoring}>
          Restore a backup…
        </button>
        <button type="button" className="primary" onClick={() => void backUpNow()} disabled={busy || progress !== null}>
          {busy || progress !== null ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <SetAsideVaults />
      {restoring && (
        <RestorePanel
          onCancel={() => setRestoring(false)}
          onRestored={() => {
            // The restored vault is open: start again from its home screen.
            window.location.reload();
          }}
        />
      )}
    </section>
  );
}
