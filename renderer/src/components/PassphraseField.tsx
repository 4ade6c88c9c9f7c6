import { useEffect, useId, useState } from 'react';
import { passphraseProblem } from '../../../shared/vault/passphrase';
import { estimateStrength, MIN_STRENGTH_SCORE, type Strength } from '../passphraseStrength';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Show the strength meter and rules (new passphrases only). */
  withMeter?: boolean;
  autoFocus?: boolean;
  autoComplete: 'current-password' | 'new-password';
  error?: string | undefined;
  name: string;
};

/** A passphrase input with show/hide and, for new passphrases, a strength meter. */
export function PassphraseField({ label, value, onChange, withMeter, autoFocus, autoComplete, error, name }: Props) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const [strength, setStrength] = useState<Strength | null>(null);

  useEffect(() => {
    if (!withMeter || value === '') {
      setStrength(null);
      return;
    }
    let current = true;
    void estimateStrength(value).then((result) => current && setStrength(result));
    return () => {
      current = false;
    };
  }, [value, withMeter]);

  const rule = withMeter && value !== '' ? passphraseProblem(value) : null;
  const describedBy = `${id}-help`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="passphrase-row">
        <input
          id={id}
          name={name}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoFocus={autoFocus}
          autoComplete={autoComplete}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <button
          type="button"
          className="quiet"
          onClick={() => setVisible((shown) => !shown)}
          aria-label={visible ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
          aria-pressed={visible}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      <div id={describedBy} className="field-help">
        {withMeter && (
          <div className="meter" aria-live="polite">
            <meter
              min={0}
              max={4}
              low={2}
              high={3}
              optimum={4}
              value={strength ? strength.score : 0}
              aria-label="Passphrase strength"
            />
            <span className="meter-label">
              {value === '' ? 'Use a few unrelated words.' : strength ? `Strength: ${strength.label}` : 'Checking…'}
            </span>
            {rule && <p className="hint">{rule}</p>}
            {!rule && strength && strength.score < MIN_STRENGTH_SCORE && (
              <p className="hint">Too easy to guess. {strength.hint}</p>
            )}
            {!rule && strength && strength.score >= MIN_STRENGTH_SCORE && strength.hint && (
              <p className="hint">{strength.hint}</p>
            )}
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** Whether a new passphrase may be submitted: the rule, the meter, and the repeat. */
export async function newPassphraseProblem(passphrase: string, repeat: string): Promise<string | null> {
  const rule = passphraseProblem(passphrase);
  if (rule) return rule;
  const strength = await estimateStrength(passphrase);
  if (strength.score < MIN_STRENGTH_SCORE) return `That passphrase is too easy to guess. ${strength.hint}`.trim();
  if (passphrase.normalize('NFC') !== repeat.normalize('NFC')) return 'The two passphrases are not the same.';
  return null;
}
