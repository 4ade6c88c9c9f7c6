import { type FormEvent, useEffect, useId, useState } from 'react';
import type { SessionInfo } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { PassphraseField } from '../components/PassphraseField';
import { formatWhen } from './useBackups';

type SetAside = { path: string; name: string; setAsideAt: string };

/**
 * The vaults a restore set aside, so a restore can be undone: bringing one back sets the
 * vault in place aside in turn (nothing is ever deleted) and opens it with its passphrase.
 * In Settings the window starts again from the vault brought back (`onBroughtBack`
 * absent: reload); on the unlock screen it is simply entered.
 */
export function SetAsideVaults({
  onBroughtBack,
  intro,
  card = false,
}: {
  onBroughtBack?: (session: SessionInfo) => void;
  intro?: string;
  /** Its own card (the unlock screen) rather than a part of the Backups card. */
  card?: boolean;
} = {}) {
  const id = useId();
  const [list, setList] = useState<SetAside[]>([]);
  const [chosen, setChosen] = useState<SetAside | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('backup:setAside', {}).then(setList, () => undefined);
  }, []);
  if (list.length === 0) return null;

  async function bringBack(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const { session } = await call('backup:bringBack', { path: chosen.path, passphrase });
      // The vault brought back is open: start again from its home screen.
      if (onBroughtBack) onBroughtBack(session);
      else window.location.reload();
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return (
    <section className={card ? 'set-aside card' : 'set-aside'} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Vaults set aside by a restore</h3>
      {intro && <p className="hint">{intro}</p>}
      <ul className="set-aside-list">
        {list.map((entry) => (
          <li key={entry.path}>
            Set aside {formatWhen(entry.setAsideAt)} <span className="muted small">({entry.name})</span>{' '}
            <button type="button" className="small-button" onClick={() => setChosen(entry)}>
              Bring back…<span className="visually-hidden"> the vault set aside {formatWhen(entry.setAsideAt)}</span>
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <form onSubmit={bringBack} noValidate>
          <p className="hint">
            The vault in use now is set aside in its place, so this can be undone the same way. Open the one set aside{' '}
            {formatWhen(chosen.setAsideAt)} with the passphrase it had.
          </p>
          <PassphraseField
            label="Its passphrase"
            name="bring-back-passphrase"
            value={passphrase}
            onChange={setPassphrase}
            autoFocus
            autoComplete="current-password"
          />
          {error && <Alert kind="error">{error}</Alert>}
          <div className="actions">
            <button type="button" onClick={() => setChosen(null)} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || passphrase === ''}>
              {busy ? 'Bringing it back…' : 'Bring it back'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
