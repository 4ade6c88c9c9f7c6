import { type FormEvent, useState } from 'react';
import type { SessionInfo } from '../../../shared/ipc/contract';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/vault/passphrase';
import { call, messageOf } from '../api';
import { RestorePanel } from '../backup/RestorePanel';
import { Alert } from '../components/Alert';
import { newPassphraseProblem, PassphraseField } from '../components/PassphraseField';

/** First run: choose the passphrase that protects the vault. */
export function CreateVault({
  folder,
  onCreated,
  onRestored,
}: {
  folder: string;
  onCreated: (recoveryKey: string) => void;
  /** Moving from another computer: the vault comes from a backup instead. */
  onRestored: (session: SessionInfo) => void;
}) {
  const [restoring, setRestoring] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const problem = await newPassphraseProblem(passphrase, repeat);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const { recoveryKey } = await call('vault:create', { passphrase });
      onCreated(recoveryKey);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  if (restoring) {
    return (
      <main className="gate">
        <section className="card wide" aria-label="Restore">
          <RestorePanel
            intro="Moving from another computer? Choose the folder that holds your Sessionkeep backups (for example on your external drive), then open one with its passphrase or your recovery key."
            onCancel={() => setRestoring(false)}
            onRestored={(session) => onRestored(session)}
          />
        </section>
      </main>
    );
  }

  return (
    <main className="gate">
      <form className="card" onSubmit={submit} aria-labelledby="create-title" noValidate>
        <h1 id="create-title">Welcome to Sessionkeep</h1>
        <p>
          Your notes stay on this computer, encrypted. Choose a passphrase to protect them: you will type it each time
          you open Sessionkeep.
        </p>
        <ul className="facts">
          <li>
            At least {MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.
          </li>
          <li>Nobody can reset it for you. Next you will get a recovery key, the only other way in.</li>
        </ul>
        <PassphraseField
          label="Passphrase"
          name="passphrase"
          value={passphrase}
          onChange={setPassphrase}
          withMeter
          autoFocus
          autoComplete="new-password"
        />
        <PassphraseField
          label="Repeat the passphrase"
          name="repeat"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
        />
        {error && <Alert kind="error">{error}</Alert>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating the vault…' : 'Create vault'}
          </button>
        </div>
        <p className="muted small">
          Vault folder: <code>{folder}</code>
        </p>
        <p className="small">
          Moving from another computer?{' '}
          <button type="button" className="link" onClick={() => setRestoring(true)}>
            Restore from a backup…
          </button>
        </p>
      </form>
    </main>
  );
}
