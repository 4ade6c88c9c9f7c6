import { type FormEvent, useId, useState } from 'react';
import { type IntakeEntry, intakeFieldsSchema } from '../../../shared/intake/entry';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { intakeChanged } from './useIntake';

type StopProps = {
  entry: IntakeEntry;
  noteId: string | null;
  today: string;
  onDone: (saved: IntakeEntry | null) => void;
};

/** Stopping an entry: a change with a stop date (today unless said otherwise), kept in its history. */
export function StopForm({ entry, noteId, today, onDone }: StopProps) {
  const id = useId();
  const [stoppedOn, setStoppedOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = entry.fields.name;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = intakeFieldsSchema.safeParse({ ...entry.fields, stoppedOn });
    if (!stoppedOn) {
      setError('Enter the date it was stopped.');
      return;
    }
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the date.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const saved = await call('intake:update', { id: entry.id, noteId, fields: parsed.data });
      intakeChanged(entry.clientId);
      onDone(saved);
    } catch (failed) {
      if (failed instanceof ApiError && failed.field === 'fields.stoppedOn') setError(messageOf(failed));
      else setFailure(messageOf(failed));
      setBusy(false);
    }
  }

  return (
    <form
      className="intake-stop"
      aria-label={`Stop ${name}`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone(null);
        }
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-stoppedOn`}>Stopped on</label>
        <input
          id={`${id}-stoppedOn`}
          type="date"
          autoFocus
          value={stoppedOn}
          onChange={(event) => setStoppedOn(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-stoppedOn-error` : undefined}
        />
        {error && (
          <p id={`${id}-stoppedOn-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Stopping…' : `Stop ${name}`}
        </button>
      </div>
      {failure && <Alert kind="error">{failure}</Alert>}
    </form>
  );
}
