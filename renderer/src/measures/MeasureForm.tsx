import { type CSSProperties, type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { isIsoDate, localToday } from '../../../shared/dates';
import { getInstrument, instrumentIds } from '../../../shared/measures';
import type { Administration } from '../../../shared/measures/administration';
import { call, messageOf } from '../api';
import { Alert } from '../components/Alert';
import { AuditcSexChoice } from './AuditcSexChoice';
import { draftKey, dropDraft, keepDraft, type MeasureDraft, readDraft } from './drafts';
import { listWords, unansweredItems } from './history';
import { MeasureGridHead, MeasureItem } from './MeasureItem';
import { MeasureCaveat, MeasureSource } from './MeasureNotices';
import { emptyAnswers, highestScore, keyScore, liveResult, sharedOptions } from './measureEntry';
import { RunningTotal } from './RunningTotal';
import { measuresChanged } from './useMeasures';
import './measures.css';

type Props = {
  clientId: string;
  /** The draft note it is given in, or null on the client's Measures tab. */
  noteId: string | null;
  onRecorded: (administration: Administration) => void;
  onClose: () => void;
  /** False when the form comes back by itself (a draft kept from before): the focus stays where it is. */
  focusOnOpen?: boolean;
};

function freshDraft(): MeasureDraft {
  return { instrument: 'phq9', answers: {}, sex: null, givenOn: localToday() };
}

/**
 * Giving a measure in the session: the therapist enters the client's answers. Built to
 * be quick: each item is a radio group (arrow keys move within it; a number key answers
 * it with that score and moves to the next item), the running total shows as answers go
 * in, and Record refuses an incomplete measure, naming the items without an answer.
 * What is entered survives leaving the screen (drafts.ts) until it is recorded or
 * discarded.
 */
export function MeasureForm({ clientId, noteId, onRecorded, onClose, focusOnOpen = true }: Props) {
  const id = useId();
  const key = draftKey(clientId, noteId);
  const [draft, setDraft] = useState<MeasureDraft>(() => readDraft(key) ?? freshDraft());
  const [missing, setMissing] = useState<number[]>([]);
  const [dateError, setDateError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const def = getInstrument(draft.instrument);
  const answers = draft.answers[draft.instrument] ?? emptyAnswers(def);
  const result = liveResult(def.id, answers, draft.sex);
  const today = localToday();
  const anyAnswers = Object.values(draft.answers).some((list) => list?.some((answer) => answer !== null));

  // Kept on every change, so leaving the note (or the vault locking) loses nothing.
  useEffect(() => {
    keepDraft(key, draft);
  }, [key, draft]);

  // Opened: the instrument choice takes the focus, ready for the arrow keys.
  const focusFirst = useRef(focusOnOpen);
  useEffect(() => {
    if (focusFirst.current) formRef.current?.querySelector<HTMLInputElement>('input[data-instrument]:checked')?.focus();
  }, []);

  function update(change: Partial<MeasureDraft>) {
    setDraft((current) => ({ ...current, ...change }));
    setFailure(null);
    setConfirmingDiscard(false);
  }

  function answer(index: number, score: number) {
    setDraft((current) => {
      const list = [...(current.answers[current.instrument] ?? emptyAnswers(getInstrument(current.instrument)))];
      list[index] = score;
      return { ...current, answers: { ...current.answers, [current.instrument]: list } };
    });
    setMissing((current) => current.filter((number) => number !== index + 1));
    setFailure(null);
    setConfirmingDiscard(false);
  }

  /** The radio to land on in item `index` (its chosen answer, or its first), or Record after the last. */
  function focusItem(index: number) {
    const form = formRef.current;
    if (!form) return;
    const group = form.querySelector<HTMLElement>(`[data-item-index="${index}"]`);
    if (!group) {
      form.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
      return;
    }
    (group.querySelector<HTMLInputElement>('input:checked') ?? group.querySelector<HTMLInputElement>('input'))?.focus();
  }

  /** A number key answers the item with that score and moves on to the next item. */
  function onItemKey(event: KeyboardEvent, index: number) {
    const score = keyScore(event, def.items[index]?.options ?? []);
    if (score === null) return;
    event.preventDefault();
    answer(index, score);
    // At once, not after the next frame: the next key pressed must land on the next item.
    // (The next item's radios are already drawn; this answer changes none of them.)
    focusItem(index + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const unanswered = unansweredItems(def.id, answers);
    const badDate = !isIsoDate(draft.givenOn)
      ? 'Enter the date the measure was given.'
      : draft.givenOn > today
        ? 'The date given cannot be in the future.'
        : null;
    setMissing(unanswered);
    setDateError(badDate);
    if (badDate) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input[type="date"]')?.focus());
      return;
    }
    if (unanswered.length > 0) {
      requestAnimationFrame(() => focusItem((unanswered[0] ?? 1) - 1));
      return;
    }
    setBusy(true);
    try {
      const recorded = await call('measures:record', {
        administration: {
          clientId,
          noteId,
          instrument: def.id,
          answers: answers as number[],
          sex: def.id === 'auditc' ? draft.sex : null,
          givenOn: draft.givenOn,
        },
      });
      dropDraft(key);
      measuresChanged(clientId);
      onRecorded(recorded);
    } catch (error) {
      // The answers stay as entered: nothing is lost to a failed save.
      setFailure(messageOf(error));
      setBusy(false);
    }
  }

  function discard() {
    dropDraft(key);
    onClose();
  }

  const grid = sharedOptions(def);

  return (
    <form
      ref={formRef}
      className="measure-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id={`${id}-title`} className="measure-form-title">
        {noteId ? 'Give a measure in this session' : 'Give a measure'}
      </h3>

      <div className="measure-setup">
        <div className="measure-choice">
          <span className="field-label" id={`${id}-instrument-label`}>
            Measure
          </span>
          <div className="choice-row" role="radiogroup" aria-labelledby={`${id}-instrument-label`}>
            {instrumentIds.map((instrument) => (
              <label
                key={instrument}
                className={draft.instrument === instrument ? 'choice checked' : 'choice'}
                title={getInstrument(instrument).fullName}
              >
                <input
                  type="radio"
                  name={`${id}-instrument`}
                  data-instrument={instrument}
                  checked={draft.instrument === instrument}
                  onChange={() => {
                    update({ instrument });
                    setMissing([]);
                  }}
                />
                {getInstrument(instrument).name}
              </label>
            ))}
          </div>
        </div>
        <div className="field measure-date">
          <label htmlFor={`${id}-givenOn`}>Given on</label>
          <input
            id={`${id}-givenOn`}
            type="date"
            value={draft.givenOn}
            max={today}
            onChange={(event) => {
              update({ givenOn: event.target.value });
              setDateError(null);
            }}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? `${id}-givenOn-error` : undefined}
          />
          {dateError && (
            <p id={`${id}-givenOn-error`} className="field-error">
              {dateError}
            </p>
          )}
        </div>
      </div>

      <p className="measure-name">
        <strong>{def.fullName}</strong>{' '}
        <span className="muted">
          · {def.items.length} items, total 0–{def.maxTotal}
          {def.bands.length === 0 && ` · a yes/no screen`}
        </span>
      </p>

      {def.id === 'auditc' && <AuditcSexChoice formId={id} sex={draft.sex} onChange={(sex) => update({ sex })} />}

      <MeasureCaveat formId={id} def={def} />

      {def.timeFrame && <p className="measure-stem">{def.timeFrame}, how often have you been bothered by…</p>}
      <p className="hint measure-keys">
        Arrow keys move within an item; a number key from 0 to {highestScore(def)} answers it and moves to the next.
      </p>

      <div
        className={grid ? 'measure-items is-grid' : 'measure-items'}
        style={grid ? ({ '--answer-columns': grid.length } as CSSProperties) : undefined}
      >
        {grid && <MeasureGridHead options={grid} />}
        <ol>
          {def.items.map((item, index) => (
            <MeasureItem
              key={`${def.id}-${item.number}`}
              formId={id}
              instrument={def.id}
              item={item}
              index={index}
              chosen={answers[index]}
              grid={grid !== null}
              missing={missing.includes(item.number)}
              onAnswer={answer}
              onKey={onItemKey}
            />
          ))}
        </ol>
      </div>

      <MeasureSource def={def} />

      {missing.length > 0 && (
        <Alert kind="error">
          Not recorded: {missing.length === 1 ? 'item' : 'items'} {listWords(missing)}{' '}
          {missing.length === 1 ? 'has' : 'have'} no answer. An incomplete {def.name} is never scored; answer every
          item, then record it.
        </Alert>
      )}
      {failure && <Alert kind="error">Not recorded: {failure}</Alert>}

      <div className="measure-footer">
        <RunningTotal def={def} answers={answers} result={result} sex={draft.sex} />
        {confirmingDiscard ? (
          <div className="actions discard-confirm">
            <span>Discard the answers entered?</span>
            <button type="button" onClick={() => setConfirmingDiscard(false)}>
              Keep entering
            </button>
            <button type="button" className="danger" onClick={discard}>
              Discard answers
            </button>
          </div>
        ) : (
          <div className="actions">
            <button type="button" onClick={() => (anyAnswers ? setConfirmingDiscard(true) : discard())}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Recording…' : `Record ${def.name}`}
            </button>
          </div>
        )}
      </div>
    </form>
  );
}
