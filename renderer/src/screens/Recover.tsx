import { type FormEvent, useState } from 'react';
import type { SessionInfo } from '../../../shared/ipc/contract';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { newPassphraseProblem, PassphraseField } from '../components/PassphraseField';

type Props = {
  /** Why the passphrase cannot be used (key file missing or damaged), if that is the reason. */
  problem: string | null;
  onCancel: (() => void) | null;
  onUnlocked: (session: SessionInfo) => void;
};

/** Opens the vault with the recovery key and sets a new passphrase in the same step. */
export function Recover({ problem, onCancel, onUnlocked }: Props) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Unlocked: said before the workspace opens, since the passphrase has just changed (issue 12).
  const [unlocked, setUnlocked] = useState<SessionInfo | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setKeyError(null);
    if (recoveryKey.trim() === '') {
      setKeyError('Enter the recovery key.');
      return;
    }
    const passphraseProblem = await newPassphraseProblem(passphrase, repeat);
    if (passphraseProblem) {
      setError(passphraseProblem);
      return;
    }
    setBusy(true);
    try {
      setUnlocked(await call('vault:unlockWithRecoveryKey', { recoveryKey, newPassphrase: passphrase }));
      setRecoveryKey('');
      setPassphrase('');
      setRepeat('');
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : null;
      if (code === 'WRONG_RECOVERY_KEY' || code === 'RECOVERY_KEY_MALFORMED') setKeyError(messageOf(failure));
      else setError(messageOf(failure));
      setBusy(false);
    }
  }

  if (unlocked) return <PassphraseChanged onContinue={() => onUnlocked(unlocked)} />;

  return (
    <main className="gate">
      <form className="card" onSubmit={submit} aria-labelledby="recover-title" noValidate>
        <h1 id="recover-title">Unlock with the recovery key</h1>
        {problem && <Alert kind="error">{problem}</Alert>}
        <p>Type your recovery key (the latest one you wrote down), then choose a new passphrase.</p>
        <div className="field">
          <label htmlFor="recovery-key">Recovery key</label>
          <textarea
            id="recovery-key"
            className="mono"
            rows={2}
            value={recoveryKey}
            onChange={(event) => setRecoveryKey(event.target.value)}
            placeholder="XXXX-XXXX-XXXX-…"
            autoFocus
            spellCheck={false}
            autoComplete="off"
            aria-invalid={keyError ? true : undefined}
            aria-describedby="recovery-key-help"
          />
          <div id="recovery-key-help" className="field-help">
            <p className="hint">Dashes, spaces and upper or lower case do not matter.</p>
            {keyError && (
              <p className="field-error" role="alert">
                {keyError}
              </p>
            )}
          </div>
        </div>
        <PassphraseField
          label="New passphrase"
          name="new-passphrase"
          value={passphrase}
          onChange={setPassphrase}
          withMeter
          autoComplete="new-password"
        />
        <PassphraseField
          label="Repeat the new passphrase"
          name="repeat-passphrase"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
        />
        {error && <Alert kind="error">{error}</Alert>}
        <div className="actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Back to passphrase
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock and set passphrase'}
          </button>
        </div>
      </form>
    </main>
  );
}

/** The confirmation after a recovery-key unlock: what changed, and what did not. */
function PassphraseChanged({ onContinue }: { onContinue: () => void }) {
  return (
    <main className="gate">
      <section className="card" aria-labelledby="recovered-title">
        <h1 id="recovered-title">Unlocked with the recovery key</h1>
        <Alert kind="success">
          <strong>Your passphrase was changed.</strong> From now on the vault opens with the new passphrase you just
          chose; the old one no longer opens it.
        </Alert>
        <p>
          Your recovery key is unchanged: keep your copy where it is. Backups made before this change open with the
          passphrase in use when each was made, or with the recovery key.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={onContinue} autoFocus>
            Continue
          </button>
        </div>
      </section>
    </main>
  );
}
