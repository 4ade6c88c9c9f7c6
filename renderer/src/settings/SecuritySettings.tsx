import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';
import { RecoveryKeySheet } from '../screens/RecoveryKeySheet';
import './security.css';

type Action = 'newRecoveryKey' | 'reencrypt';
type Message = { kind: 'error' | 'success'; text: string } | null;
type NewKey = { recoveryKey: string; intro: string };

const REPLACED =
  'Your old recovery key no longer opens this vault. Write this one down or print it, and destroy the old copy.';
const REENCRYPTED =
  'The vault was re-encrypted with a new key: key files from older backups or copies, and the old recovery key, no longer open it. The previous files were kept in the vault folder. Write this new recovery key down or print it.';

/**
 * Settings → Security: replacing the recovery key, and re-encrypting the vault with a
 * new data key (after a lost laptop or a leaked backup). Both ask for the current
 * passphrase and show the new recovery key once, with the same check as at creation.
 */
export function SecuritySettings() {
  const [kind, setKind] = useState<'wrapped' | 'dataKey' | null>(null);
  const [newKey, setNewKey] = useState<NewKey | null>(null);

  useEffect(() => {
    void call('vault:security', {}).then(
      (security) => setKind(security.recoveryKeyKind),
      () => undefined,
    );
  }, []);

  // While the sheet is up, printing prints only the sheet.
  useEffect(() => {
    if (!newKey) return;
    document.body.classList.add('printing-key-sheet');
    return () => document.body.classList.remove('printing-key-sheet');
  }, [newKey]);

  const done = (recoveryKey: string, intro: string) => {
    setNewKey({ recoveryKey, intro });
    setKind('wrapped');
  };

  return (
    <section className="card security" aria-labelledby="security-title">
      <h2 id="security-title">Security</h2>
      <SecurityAction
        action="newRecoveryKey"
        title="Make a new recovery key"
        explanation={
          kind === 'dataKey'
            ? 'Replaces your recovery key so the old one stops working. This vault was made by an earlier version, whose recovery key is the encryption key itself, so this also re-encrypts the vault with a new key (a minute or so).'
            : 'Replaces your recovery key so the old one stops working, for example if a copy of it was lost or seen by someone else.'
        }
        button="Make a new recovery key"
        busyLabel="Making a new key…"
        onDone={(recoveryKey, reencrypted) => done(recoveryKey, reencrypted ? REENCRYPTED : REPLACED)}
      />
      <SecurityAction
        action="reencrypt"
        title="Re-encrypt the vault"
        explanation="If a laptop or a backup with your vault on it was lost or stolen: re-encrypts the vault with a new key, so key files from older backups or copies and the old recovery key no longer open it. The lost copy itself stays as it was, so change your passphrase too, and make a fresh backup afterwards."
        button="Re-encrypt the vault"
        busyLabel="Re-encrypting…"
        onDone={(recoveryKey) => done(recoveryKey, REENCRYPTED)}
      />
      {newKey && (
        <div className="key-sheet-overlay" role="dialog" aria-modal="true" aria-labelledby="recovery-title">
          <RecoveryKeySheet
            recoveryKey={newKey.recoveryKey}
            intro={newKey.intro}
            inDialog
            onConfirmed={() => setNewKey(null)}
          />
        </div>
      )}
    </section>
  );
}

function SecurityAction(props: {
  action: Action;
  title: string;
  explanation: string;
  button: string;
  busyLabel: string;
  onDone: (recoveryKey: string, reencrypted: boolean) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `${props.action}-title`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (passphrase === '') {
      setMessage({ kind: 'error', text: 'Enter your current passphrase.' });
      return;
    }
    setBusy(true);
    try {
      if (props.action === 'newRecoveryKey') {
        const made = await call('vault:newRecoveryKey', { currentPassphrase: passphrase });
        props.onDone(made.recoveryKey, made.reencrypted);
      } else {
        const made = await call('vault:reencrypt', { currentPassphrase: passphrase });
        props.onDone(made.recoveryKey, true);
      }
      setPassphrase('');
    } catch (error) {
      if (error instanceof ApiError && error.field === 'currentPassphrase') setPassphrase('');
      setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="security-action" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{props.title}</h3>
      <p>{props.explanation}</p>
      <PassphraseField
        label="Current passphrase"
        name={`${props.action}-current`}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="current-password"
      />
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? props.busyLabel : props.button}
        </button>
      </div>
    </form>
  );
}
