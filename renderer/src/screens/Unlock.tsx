import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorMessages } from '../../../shared/errors';
import type { SessionInfo, VaultStatus } from '../../../shared/ipc/contract';
import { ApiError, call, messageOf } from '../api';
import { RestorePanel } from '../backup/RestorePanel';
import { SetAsideOnUnlock } from '../backup/SetAsideOnUnlock';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';
import { Recover } from './Recover';

type Props = {
  status: VaultStatus;
  notice: string | null;
  onUnlocked: (session: SessionInfo) => void;
  onStatusChanged: () => void;
};

/** Counts down the wait after repeated wrong attempts. */
function useCountdown(initialSeconds: number): [number, (seconds: number) => void] {
  const [seconds, setSeconds] = useState(initialSeconds);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => setSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
  return [seconds, setSeconds];
}

export function Unlock({ status, notice, onUnlocked, onStatusChanged }: Props) {
  const keyFileUnusable =
    status.problem === 'KEY_FILE_MISSING' ||
    status.problem === 'KEY_FILE_DAMAGED' ||
    status.problem === 'KEY_FILE_UNSUPPORTED';
  const [mode, setMode] = useState<'passphrase' | 'recovery'>(keyFileUnusable ? 'recovery' : 'passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useCountdown(status.unlockDelaySeconds);
  const formRef = useRef<HTMLFormElement>(null);
  // A damaged or missing database points to the backups (the damaged file is set aside, never overwritten).
  const [restoring, setRestoring] = useState<string | null>(null);

  if (restoring !== null) {
    return (
      <main className="gate">
        <section className="card wide" aria-label="Restore">
          <RestorePanel
            intro={restoring}
            onCancel={() => setRestoring(null)}
            onRestored={(session) => onUnlocked(session)}
          />
        </section>
        <SetAsideOnUnlock onUnlocked={onUnlocked} />
      </main>
    );
  }

  if (status.problem === 'DATABASE_MISSING') {
    return (
      <main className="gate">
        <section className="card" aria-labelledby="problem-title">
          <h1 id="problem-title">The vault cannot be opened</h1>
          <Alert kind="error">{errorMessages.DATABASE_MISSING}</Alert>
          <p className="muted small">
            Vault folder: <code>{status.folder}</code>
          </p>
          <div className="actions">
            <button type="button" onClick={onStatusChanged}>
              Check again
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => setRestoring('The vault database is missing. Restore it from your latest good backup.')}
            >
              Restore from a backup…
            </button>
          </div>
        </section>
        <SetAsideOnUnlock onUnlocked={onUnlocked} />
      </main>
    );
  }

  if (mode === 'recovery') {
    return (
      <Recover
        problem={keyFileUnusable ? errorMessages[status.problem as 'KEY_FILE_MISSING'] : null}
        onCancel={keyFileUnusable ? null : () => setMode('passphrase')}
        onUnlocked={onUnlocked}
      />
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase === '') {
      setError('Enter your passphrase.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await call('vault:unlock', { passphrase }));
    } catch (failure) {
      setPassphrase('');
      setError(messageOf(failure));
      if (failure instanceof ApiError && failure.retryAfterSeconds) setWait(failure.retryAfterSeconds);
      if (failure instanceof ApiError && failure.code === 'DATABASE_DAMAGED') {
        setBusy(false);
        setRestoring(
          `${failure.message} The damaged file is kept as it is: restoring sets it aside and puts the backup in its place.`,
        );
        return;
      }
      if (failure instanceof ApiError && failure.code === 'WRONG_PASSPHRASE') {
        const next = await call('vault:status', {}).catch(() => null);
        if (next?.unlockDelaySeconds) setWait(next.unlockDelaySeconds);
      }
      setBusy(false);
      formRef.current?.querySelector<HTMLInputElement>('input[name="passphrase"]')?.focus();
    }
  }

  return (
    <main className="gate">
      <form ref={formRef} className="card" onSubmit={submit} aria-labelledby="unlock-title" noValidate>
        <h1 id="unlock-title">Sessionkeep is locked</h1>
        {notice && <Alert kind="info">{notice}</Alert>}
        <PassphraseField
          label="Passphrase"
          name="passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoFocus
          autoComplete="current-password"
        />
        {error && <Alert kind="error">{error}</Alert>}
        {wait > 0 && (
          <p className="muted" aria-live="polite">
            You can try again in {wait} second{wait === 1 ? '' : 's'}.
          </p>
        )}
        <div className="actions">
          <button type="button" className="link" onClick={() => setMode('recovery')}>
            Forgot the passphrase? Use the recovery key
          </button>
          <button type="button" className="link" onClick={() => setRestoring('')}>
            Restore from a backup…
          </button>
          <button type="submit" className="primary" disabled={busy || wait > 0}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
      <SetAsideOnUnlock onUnlocked={onUnlocked} />
    </main>
  );
}
