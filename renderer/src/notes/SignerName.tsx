import { useState } from 'react';
import { call, messageOf } from '../api';

/**
 * Shown when signing failed with SIGNER_NAME_MISSING: the name recorded with every
 * signature, entered right here (it is saved to Settings) and then the signing goes on.
 */
export function SignerNameForm({
  actionLabel,
  onSaved,
  onCancel,
}: {
  actionLabel: string;
  onSaved: () => Promise<void> | void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    if (!name.trim()) {
      setError('Enter your name as it should appear with your signature.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('settings:update', { therapistName: name.trim() });
      await onSaved();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="signer-name">
      <p>
        <strong>Your name is needed first.</strong> It is recorded with every signature and is not set yet. Enter it
        once here; it is kept in Settings.
      </p>
      <div className="field">
        <label htmlFor="signer-name">Your name, as recorded with signatures</label>
        <input
          id="signer-name"
          type="text"
          value={name}
          maxLength={120}
          autoComplete="name"
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'signer-name-error' : 'signer-name-hint'}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save();
            }
          }}
        />
        <p id="signer-name-hint" className="hint">
          For example “Dr Jane Smith, CBT therapist”.
        </p>
        {error && (
          <p id="signer-name-error" className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Signing…' : actionLabel}
        </button>
      </div>
    </div>
  );
}
