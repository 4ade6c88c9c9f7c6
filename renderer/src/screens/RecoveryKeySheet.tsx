import { type FormEvent, useMemo, useState } from 'react';
import { RECOVERY_KEY_GROUPS } from '../../../shared/vault/recoveryKey';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';

/** Two different groups, picked at random, for the therapist to type back. */
function pickGroups(): [number, number] {
  const first = 1 + Math.floor(Math.random() * RECOVERY_KEY_GROUPS);
  let second = first;
  while (second === first) second = 1 + Math.floor(Math.random() * RECOVERY_KEY_GROUPS);
  return first < second ? [first, second] : [second, first];
}

/**
 * Shows the recovery key once, to write down or print, then asks for two of its
 * groups back so we know it was really copied.
 */
export function RecoveryKeySheet({
  recoveryKey,
  onConfirmed,
  intro,
  inDialog = false,
}: {
  recoveryKey: string;
  onConfirmed: () => void;
  /** What happened to the old key, when this one replaces it (Settings → Security). */
  intro?: string;
  /** Shown over Settings rather than as its own screen: no second main landmark. */
  inDialog?: boolean;
}) {
  const groups = recoveryKey.split('-');
  const [asked] = useState(pickGroups);
  const [answers, setAnswers] = useState(['', '']);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const created = useMemo(() => new Date().toLocaleDateString(), []);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { confirmed } = await call('vault:confirmRecoveryKey', {
        answers: asked.map((group, index) => ({ group, value: answers[index] ?? '' })),
      });
      if (confirmed) onConfirmed();
      else setError('Those groups do not match the recovery key. Check your copy and try again.');
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  const Landmark = inDialog ? 'div' : 'main';
  return (
    <Landmark className="gate">
      <section className="card wide print-sheet" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{intro ? 'Your new recovery key' : 'Your recovery key'}</h1>
        {intro && <p className="no-print">{intro}</p>}
        <p className="no-print">
          If you forget your passphrase, or the key file is lost, this key is the only way to open your records. Write
          it down or print it, and keep it somewhere safe away from this computer. It is shown only now.
        </p>
        <p className="print-only">
          Sessionkeep recovery key, created {created}. Keep this sheet somewhere safe, away from the computer. Anyone
          with this key and a copy of the vault can read the records.
        </p>
        {/* Not rendered during the check: typing from the screen would prove nothing (issue 12). */}
        {step === 'show' && (
          <ol className="recovery-key" aria-label={`Recovery key, ${RECOVERY_KEY_GROUPS} groups of 4 characters`}>
            {groups.map((group, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the key is a fixed sequence; a group's position is its identity
              <li key={index}>
                <span className="group-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="group" data-testid="recovery-group">
                  {group}
                </span>
              </li>
            ))}
          </ol>
        )}
        {step === 'show' ? (
          <div className="actions no-print">
            <button type="button" onClick={() => window.print()}>
              Print…
            </button>
            <button type="button" className="primary" onClick={() => setStep('confirm')} autoFocus>
              I have written it down
            </button>
          </div>
        ) : (
          <form className="no-print confirm-form" onSubmit={confirm} noValidate>
            <h2>Check your copy</h2>
            <p>
              Type these two groups from your written or printed copy. The key is hidden now, so this checks your copy,
              not the screen.
            </p>
            <div className="inline-fields">
              {asked.map((group, index) => (
                <div className="field" key={group}>
                  <label htmlFor={`group-${group}`}>Group {group}</label>
                  <input
                    id={`group-${group}`}
                    className="mono"
                    value={answers[index]}
                    maxLength={8}
                    autoFocus={index === 0}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(event) =>
                      setAnswers((current) => current.map((value, i) => (i === index ? event.target.value : value)))
                    }
                  />
                </div>
              ))}
            </div>
            {error && <Alert kind="error">{error}</Alert>}
            <div className="actions">
              <button type="button" onClick={() => setStep('show')}>
                Show the key again
              </button>
              <button type="submit" className="primary">
                Confirm
              </button>
            </div>
          </form>
        )}
      </section>
    </Landmark>
  );
}
