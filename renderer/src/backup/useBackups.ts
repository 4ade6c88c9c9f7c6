import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../shared/backup';
import { call, messageOf, onSessionEvent } from '../api';

/** Whether a backup's stage is its last: made, failed or stopped. */
function backupEnded(stage: string): boolean {
  return stage === 'done' || stage === 'failed' || stage === 'cancelled';
}

/** The backup status (Settings, home screen), read again after every backup. */
export function useBackupStatus(): { status: BackupStatus | null; error: string | null; reload: () => void } {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('backup:status', {}).then(
      (next) => {
        setStatus(next);
        setError(null);
      },
      (failure) => setError(messageOf(failure)),
    );
  }, []);
  useEffect(() => {
    reload();
    return onSessionEvent((event) => {
      if (event.type === 'backup' && backupEnded(event.stage)) reload();
    });
  }, [reload]);
  return { status, error, reload };
}

/**
 * A backup's progress as the core announces it (null when none is running). `clear` is
 * for the caller who saw its own backup end: the bar never outlives a failed backup,
 * even if the "failed" event was missed (issue 12).
 */
export function useBackupProgress(): { progress: { fraction: number; stage: string } | null; clear: () => void } {
  const [progress, setProgress] = useState<{ fraction: number; stage: string } | null>(null);
  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.type !== 'backup') return;
        setProgress(backupEnded(event.stage) ? null : event);
      }),
    [],
  );
  const clear = useCallback(() => setProgress(null), []);
  return { progress, clear };
}

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const stageWords: Record<string, string> = {
  copying: 'Copying the vault…',
  'key-file': 'Adding the key file…',
  verifying: 'Checking the copy…',
};
