import { type FormEvent, useEffect, useState } from 'react';
import type { DistortionEntry } from '../../../shared/ipc/contract';
import { source } from '../../../shared/templates/distortions';
import { ApiError, call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { invalidateDistortions } from './distortionList';
import './templates.css';

/**
 * Settings › Cognitive distortions: Burns' ten (always offered, so every thought record
 * can name them) and the therapist's own additions.
 */
export function DistortionSettings() {
  const [list, setList] = useState<DistortionEntry[] | null>(null);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('distortions:list', {}).then(setList, (error) => setMessage({ kind: 'error', text: messageOf(error) }));
  }, []);

  async function add(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (!label.trim()) {
      setProblem('Give the distortion a name.');
      return;
    }
    setBusy(true);
    try {
      const added = await call('distortions:add', { label });
      invalidateDistortions();
      setList((current) => [...(current ?? []), added]);
      setLabel('');
      setProblem(null);
      setMessage({ kind: 'success', text: `Added “${added.label}”. It is offered on thought records from now on.` });
    } catch (error) {
      if (error instanceof ApiError && error.field === 'label') setProblem(error.message);
      else setMessage({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  const builtIn = (list ?? []).filter((each) => each.builtIn);
  const own = (list ?? []).filter((each) => !each.builtIn);

  return (
    <section className="card distortion-settings" aria-labelledby="distortions-title">
      <h2 id="distortions-title">Cognitive distortions</h2>
      <p>
        These are offered as chips on thought records. Burns’ ten are built in and cannot be hidden or removed, so every
        note can name them. You can add your own; they stay in the list because notes may use them.
      </p>
      {list === null && !message && <p className="muted">Loading…</p>}
      {list && (
        <>
          <h3 id="builtin-distortions-title">Built in (Burns’ ten)</h3>
          <ul className="chips distortion-list" aria-labelledby="builtin-distortions-title">
            {builtIn.map((each) => (
              <li key={each.id} className="chip static">
                {each.label}
              </li>
            ))}
          </ul>
          <details className="distortion-builtins">
            <summary>What each one means</summary>
            <dl>
              {builtIn.map((each) => (
                <div key={each.id}>
                  <dt>{each.label}</dt>
                  <dd>{each.description}</dd>
                </div>
              ))}
            </dl>
            <p className="hint">From {source}</p>
          </details>
          <h3 id="own-distortions-title">Your own</h3>
          {own.length === 0 ? (
            <p className="muted small">None yet.</p>
          ) : (
            <ul className="chips distortion-list" aria-labelledby="own-distortions-title">
              {own.map((each) => (
                <li key={each.id} className="chip static">
                  {each.label}
                </li>
              ))}
            </ul>
          )}
          <form className="distortion-add" onSubmit={add} noValidate>
            <div className="field">
              <label htmlFor="new-distortion">Add a distortion</label>
              <div className="distortion-add-row">
                <input
                  id="new-distortion"
                  value={label}
                  maxLength={60}
                  autoComplete="off"
                  placeholder="e.g. Comparing"
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? 'new-distortion-problem' : undefined}
                  onChange={(event) => {
                    setLabel(event.target.value);
                    setProblem(null);
                  }}
                />
                <button type="submit" disabled={busy}>
                  Add
                </button>
              </div>
              {problem && (
                <p id="new-distortion-problem" className="field-error" role="alert">
                  {problem}
                </p>
              )}
            </div>
          </form>
          {message && <Alert kind={message.kind}>{message.text}</Alert>}
        </>
      )}
      {list === null && message && <Alert kind={message.kind}>{message.text}</Alert>}
    </section>
  );
}
