import { RestoredNotice } from './RestoredNotice';
import { formatWhen, useBackupStatus } from './useBackups';

/**
 * One line on the home screen: when the last backup was made, or a warning when there
 * has been no good backup for more than 7 days (or none yet), with the way to fix it.
 */
export function BackupReminder({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <>
      <RestoredNotice />
      <BackupStatusLine onOpenSettings={onOpenSettings} />
    </>
  );
}

function BackupStatusLine({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { status } = useBackupStatus();
  if (!status) return null;
  if (status.folder === '') {
    return (
      <div className="backup-reminder warn" role="status">
        <strong>No backups yet.</strong> Choose a backup folder (an external drive or a synced folder) so your records
        survive a lost or broken laptop.{' '}
        <button type="button" className="link" onClick={onOpenSettings}>
          Set up backups
        </button>
      </div>
    );
  }
  if (status.overdue) {
    return (
      <div className="backup-reminder warn" role="status">
        <strong>
          {status.lastSuccessAt
            ? `No successful backup since ${formatWhen(status.lastSuccessAt)}.`
            : 'No successful backup yet.'}
        </strong>{' '}
        {status.lastAttempt && !status.lastAttempt.ok && `The last attempt failed: ${status.lastAttempt.message} `}
        <button type="button" className="link" onClick={onOpenSettings}>
          Open backups
        </button>
      </div>
    );
  }
  return (
    <p className="backup-reminder muted small" role="status">
      Last backup: {status.lastSuccessAt ? formatWhen(status.lastSuccessAt) : 'none yet'}
      {status.lastAttempt && !status.lastAttempt.ok && ` · the last attempt failed: ${status.lastAttempt.message}`}
    </p>
  );
}
