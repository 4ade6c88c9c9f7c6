import { useEffect, useState } from 'react';
import { forgetRestoreNotice, readRestoreNotice } from './restoreNotice';
import { formatWhen } from './useBackups';

/**
 * The confirmation on the home screen after a restore (issue 12): which backup is now in
 * place, what it holds, and where the vault it replaced was kept, so "can I undo this?"
 * is answered before it is asked. Shown once, until dismissed or the screen is left.
 */
export function RestoredNotice() {
  // Read in render (pure), forgotten after: it stays on screen until dismissed or left.
  const [notice, setNotice] = useState(readRestoreNotice);
  useEffect(() => forgetRestoreNotice(), []);
  if (!notice) return null;
  return (
    <div className="restored-notice" role="status" aria-labelledby="restored-notice-title">
      <div className="restored-notice-text">
        <strong id="restored-notice-title">Restored the backup of {formatWhen(notice.backupCreatedAt)}.</strong>{' '}
        {notice.summary && <>It holds {notice.summary}. </>}
        {notice.setAsidePath ? (
          <>
            The vault you had before was not deleted: it is set aside in{' '}
            <span className="restored-path">{notice.setAsidePath}</span> and can be brought back under Settings →
            Backups.
          </>
        ) : (
          <>There was no vault here before, so nothing was set aside.</>
        )}
      </div>
      <button type="button" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
