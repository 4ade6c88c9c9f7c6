import { useEffect, useState } from 'react';
import { Alert } from '../components/Alert';
import type { AutosaveController, SaveStatus } from './autosave';
import './saveIndicator.css';

const time = (date: Date) =>
  date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Follows the autosave's status; re-renders only itself. */
export function useSaveStatus(controller: AutosaveController, lastSavedAt: string): SaveStatus {
  const initial = () => controller.status ?? { state: 'saved' as const, at: new Date(lastSavedAt) };
  const [status, setStatus] = useState<SaveStatus>(initial);
  useEffect(() => {
    setStatus(controller.status ?? { state: 'saved', at: new Date(lastSavedAt) });
    return controller.subscribe(setStatus);
  }, [controller, lastSavedAt]);
  return status;
}

/**
 * The quiet save state beside the timer: "Saved 14:03:41", "Saving…", "Unsaved changes",
 * or "Not saved" with Retry. The full reason of a failure shows in SaveErrorBanner.
 */
export function SaveIndicator({ controller, lastSavedAt }: { controller: AutosaveController; lastSavedAt: string }) {
  const status = useSaveStatus(controller, lastSavedAt);
  // A cell of fixed width: the status changes every few seconds while typing, and the
  // buttons beside it (History, Sign note…) must not move under the pointer.
  return (
    <span className="save-slot" data-testid="save-slot">
      <SaveState status={status} controller={controller} />
    </span>
  );
}

function SaveState({ status, controller }: { status: SaveStatus; controller: AutosaveController }) {
  switch (status.state) {
    case 'saved':
      return (
        <span className="save-state saved">
          <span aria-hidden="true">✓ </span>Saved {time(status.at)}
        </span>
      );
    case 'saving':
      return <span className="save-state">Saving…</span>;
    case 'dirty':
      return <span className="save-state">Unsaved changes</span>;
    case 'invalid':
      // Nothing to retry: the marked field saves itself once corrected.
      return (
        <span className="save-state failed">
          <span aria-hidden="true">! </span>Not saved
        </span>
      );
    case 'error':
      return (
        <span className="save-state failed">
          <span aria-hidden="true">! </span>Not saved
          {status.code !== 'NOTE_SIGNED' && (
            <button type="button" className="small-button" onClick={() => void controller.retry()}>
              Retry
            </button>
          )}
        </span>
      );
  }
}

/** Why saving failed, said once and plainly; the typed text stays on screen. */
export function SaveErrorBanner({ controller, lastSavedAt }: { controller: AutosaveController; lastSavedAt: string }) {
  const status = useSaveStatus(controller, lastSavedAt);
  if (status.state === 'invalid') {
    return (
      <Alert kind="error">
        <strong>One value is not saved.</strong> {status.message} It is marked in the note; correct it and it is saved.
      </Alert>
    );
  }
  if (status.state !== 'error') return null;
  if (status.code === 'INVALID_REQUEST') {
    return (
      <Alert kind="error">
        <strong>One value is not saved.</strong> {status.message} Correct it and it is saved.
      </Alert>
    );
  }
  return (
    <Alert kind="error">
      <strong>Your latest changes are not saved.</strong> {status.message}{' '}
      {status.code === 'NOTE_SIGNED'
        ? 'What you typed is still on screen: copy it into an addendum.'
        : 'What you typed stays on screen and Sessionkeep keeps trying to save it.'}
      {status.code !== 'NOTE_SIGNED' && (
        <div className="alert-actions">
          <button type="button" onClick={() => void controller.retry()}>
            Retry now
          </button>
        </div>
      )}
    </Alert>
  );
}
